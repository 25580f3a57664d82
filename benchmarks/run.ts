/**
 * Shortest-path core benchmark: `npm run bench` (full run; writes benchmarks/RESULTS-core.md,
 * results.json and claims/core.json), `npm run bench -- --smoke` (10k grid only, seconds, writes
 * .tmp/bench-smoke.json; CI runs it), `npm run bench -- --dimacs FILE` (adds a DIMACS .gr/.gr.gz
 * graph), `--only grid100k,ny` (a subset of the graphs, for development; writes nothing).
 *
 * How implementations run side by side: every implementation (each core configuration, each
 * native C++ program, each peer library) runs in its own process, started once per graph and
 * kept alive while that graph is measured. The driver sends the same one-to-all query (same
 * source) to each fast process in turn, rotating the order from one query to the next, and waits
 * for each answer before sending the next command, so exactly one implementation computes at any
 * time and a burst of load from other jobs falls on all of them alike. Each process times its own
 * query (wall clock and CPU time); checksums and messages are outside the clock. The slow peers
 * (graphology-shortest-path, ngraph.path) answer the first few of the same sources after the
 * interleaved loop, each in its own process, with garbage-collection time measured separately.
 * Every answer is cross-checked: reach count and distance sum against the core, distances to 100
 * seeded probe nodes against graphology's paths, the path cost to the farthest node against
 * ngraph.path.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadAverage, machineInfo, writeClaims, type Claim } from "./claims.js";
import { dimacsArcs, permuteArcs, prng, readInts, roadGrid, writeArcs, writeFloats, writeInts, type ArcList } from "./graphs.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");
const tmp = join(repoRoot, ".tmp", "bench");
mkdirSync(tmp, { recursive: true });

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    dimacs: { type: "string", multiple: true, default: [] },
    only: { type: "string" },
    "graphology-max-nodes": { type: "string", default: "2000000" },
  },
});
const smoke = args.smoke;
const only = args.only ? new Set(args.only.split(",")) : null;
const writeResults = !smoke && only === null;
const loadAtStart = loadAverage();
const notes: string[] = [];

interface Plan {
  load: () => Promise<ArcList>;
  slug: string;
  /** Timed queries per implementation (seeded random sources). */
  sources: number;
  /** Warm-up queries per implementation before timing (the core also warms up for ≥ 300 ms). */
  warmup: number;
  /** Sources answered by graphology-shortest-path and by ngraph.path (0 = not run). */
  graphologySources: number;
  ngraphSources: number;
  /** The large-graph scaling row: only the Int32 core, its reordered variant and the C++ Dial. */
  scalingOnly?: boolean;
}

const nyPath = resolve(repoRoot, "../shared/data/ny-road-reconstructed.gr.gz");
const grid = (side: number, seed: number) => async () => roadGrid(side, seed);
let plans: Plan[] = smoke
  ? [{ load: grid(100, 1), slug: "grid10k", sources: 5, warmup: 2, graphologySources: 1, ngraphSources: 1 }]
  : [
      { load: grid(100, 1), slug: "grid10k", sources: 40, warmup: 10, graphologySources: 5, ngraphSources: 10 },
      { load: grid(316, 2), slug: "grid100k", sources: 30, warmup: 5, graphologySources: 3, ngraphSources: 5 },
      ...(existsSync(nyPath)
        ? [{ load: () => dimacsArcs(nyPath, "NY road (DIMACS)"), slug: "ny", sources: 30, warmup: 5, graphologySources: 2, ngraphSources: 4 }]
        : []),
      { load: grid(1000, 3), slug: "grid1m", sources: 16, warmup: 3, graphologySources: 1, ngraphSources: 2 },
      { load: grid(2000, 4), slug: "grid4m", sources: 6, warmup: 2, graphologySources: 0, ngraphSources: 0, scalingOnly: true },
    ];
if (!smoke && existsSync(nyPath)) notes.push("NY arc weights are the DIMACS distance weights, used as if they were seconds; its bounded-search rows (30 min = 1800, 2 h = 7200 units) therefore cover only a few blocks.");
if (!smoke && !existsSync(nyPath)) notes.push(`NY graph skipped: ${nyPath} not found (reference data lives outside the repo).`);
for (const [i, file] of args.dimacs!.entries()) {
  plans.push({ load: () => dimacsArcs(resolve(file), `DIMACS ${file}`), slug: `dimacs${i}`, sources: 10, warmup: 3, graphologySources: 1, ngraphSources: 2 });
}
if (only) plans = plans.filter((p) => only.has(p.slug));

// ---- native reference -------------------------------------------------------------------------
const nativeSrc = join(here, "native", "sssp.cpp");
const nativeBin = join(here, "native", "build", "sssp");
let native = false;
if (spawnSync("g++", ["--version"]).status === 0) {
  mkdirSync(dirname(nativeBin), { recursive: true });
  if (!existsSync(nativeBin) || statSync(nativeBin).mtimeMs < statSync(nativeSrc).mtimeMs) {
    execFileSync("g++", ["-O3", "-DNDEBUG", "-std=c++17", "-o", nativeBin, nativeSrc], { stdio: "inherit" });
  }
  native = true;
} else notes.push("Native C++ reference skipped: g++ not found.");

// ---- implementation processes --------------------------------------------------------------------
// impl.ts and the core it imports, compiled to plain JavaScript, so that the measured processes
// run without a TypeScript loader (whose memory would swamp the peak-RSS figures).
const jsDir = join(tmp, "js");
const tsconfig = join(tmp, "tsconfig.json");
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(repoRoot, "tsconfig.json"),
    compilerOptions: { noEmit: false, rootDir: repoRoot, outDir: jsDir, declaration: false, declarationMap: false, sourceMap: false },
    include: [],
    // The worker entry is started by path, not imported, so it is listed too.
    files: [join(here, "impl.ts"), join(repoRoot, "src", "core", "matrix-worker.ts")],
  }),
);
execFileSync(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", tsconfig], { stdio: "inherit" });
const implJs = join(jsDir, "benchmarks", "impl.js");
type Answer = Record<string, any>;

/** One implementation process: answers one JSON line per command line. */
class Server {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private stderr = "";

  constructor(
    readonly name: string,
    command: string,
    argv: string[],
  ) {
    this.proc = spawn(command, argv, { cwd: repoRoot });
    this.proc.stderr.on("data", (chunk) => (this.stderr += chunk));
    this.lines = createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
  }

  static node(name: string, argv: string[], heapMb?: number): Server {
    const flags = ["--expose-gc", ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
    return new Server(name, process.execPath, [...flags, implJs, ...argv]);
  }

  async read(): Promise<Answer> {
    const next = await this.lines.next();
    if (next.done) throw new Error(`${this.name} exited:\n${this.stderr}`);
    return JSON.parse(next.value);
  }

  async ask(command: string): Promise<Answer> {
    this.proc.stdin.write(command + "\n");
    return this.read();
  }

  async close(): Promise<void> {
    this.proc.stdin.end();
    if (this.proc.exitCode === null) await new Promise((done) => this.proc.once("exit", done));
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo);
};
const median = (xs: number[]) => quantile(xs, 0.5);

/** Per-implementation record of one graph's run. */
interface ImplRun {
  kind: "core" | "native" | "peer";
  ms: number[];
  cpuMs: number[];
  gcMs: number[];
  checks: Answer[];
  ready: Answer;
  mem?: Answer;
  /** Derived after the run. */
  medianMs?: number;
  p10Ms?: number;
  p90Ms?: number;
  medianCpuMs?: number;
  medianGcMs?: number;
  peakRssMb?: number;
  startRssMb?: number;
  netRssMb?: number;
  bytesPerArc?: number;
}

const CORE_MAIN = "core (Int32 results)";
const CORE_F64 = "core (Float64 results)";
const CORE_HEAP = "core, heap queue (Float64)";
const NATIVE_DIAL = "C++ Dial";
const NATIVE_QUAD = "C++ indexed 4-ary heap";
const NATIVE_BINARY = "C++ binary heap (lazy)";
const GRAPHOLOGY = "graphology-shortest-path";
const NGRAPH = "ngraph.path (to farthest node)";
const reorderedName = (kind: string) => `core, ${kind} node order (Int32)`;
const nativeReorderedName = (kind: string) => `C++ Dial on the core's ${kind} order`;

async function measureGraph(plan: Plan): Promise<Record<string, any>> {
  const t0 = performance.now();
  const arcs = await plan.load();
  const genMs = performance.now() - t0;
  const m = arcs.from.length;
  const graphFile = join(tmp, `${plan.slug}.bin`);
  writeArcs(graphFile, arcs);
  const rand = prng(12345);
  const sources = Array.from({ length: plan.sources }, () => Math.floor(rand() * arcs.nodeCount));
  const warm = Array.from({ length: plan.warmup }, () => Math.floor(rand() * arcs.nodeCount));
  const probeFile = join(tmp, `${plan.slug}.probe.bin`);
  const probe = Array.from({ length: 100 }, () => Math.floor(rand() * arcs.nodeCount));
  writeInts(probeFile, probe);
  const reorderKind = arcs.coordinates ? "spatial" : "bfs";
  const coordsArgs: string[] = [];
  if (arcs.coordinates) {
    writeFloats(join(tmp, `${plan.slug}.coords.bin`), arcs.coordinates);
    coordsArgs.push("--coords", join(tmp, `${plan.slug}.coords.bin`));
  }
  const load = { start: loadAverage(), end: [] as number[] };
  console.log(`== ${arcs.name}: ${arcs.nodeCount} nodes, ${m} arcs (made in ${genMs.toFixed(0)} ms); load average ${load.start.join(" ")}`);

  const common = ["--impl", "core", "--graph", graphFile, "--probe", probeFile];
  const orderFile = join(tmp, `${plan.slug}.order.bin`);
  const servers: Array<{ server: Server; kind: ImplRun["kind"]; mapSource: (s: number) => number }> = [];
  const identity = (s: number) => s;
  const addCore = (name: string, argv: string[]) => servers.push({ server: Server.node(name, [...common, ...argv]), kind: "core", mapSource: identity });
  addCore(CORE_MAIN, ["--queue", "bucket", "--result", "int32"]);
  if (!plan.scalingOnly) addCore(CORE_F64, ["--queue", "bucket", "--result", "float64"]);
  if (!plan.scalingOnly) addCore(CORE_HEAP, ["--queue", "heap", "--result", "float64"]);
  addCore(reorderedName(reorderKind), ["--queue", "bucket", "--result", "int32", "--reorder", reorderKind, ...coordsArgs, "--order-out", orderFile]);
  const addNative = (name: string, file: string, impl: string, mapSource = identity) =>
    servers.push({ server: new Server(name, nativeBin, [file, impl]), kind: "native", mapSource });
  if (native) {
    addNative(NATIVE_DIAL, graphFile, "dial");
    addNative(NATIVE_QUAD, graphFile, "quad");
    if (!plan.scalingOnly) addNative(NATIVE_BINARY, graphFile, "binary");
  }
  const runs: Record<string, ImplRun> = {};
  for (const { server, kind } of servers) runs[server.name] = { kind, ms: [], cpuMs: [], gcMs: [], checks: [], ready: await server.read() };
  if (native) {
    // The native Dial once more, on the node order the reordered core uses internally, so that the
    // gain of reordering is visible separately from the language.
    const order = readInts(orderFile);
    const position = new Int32Array(arcs.nodeCount);
    order.forEach((v, i) => (position[v] = i));
    const permutedFile = join(tmp, `${plan.slug}.${reorderKind}.bin`);
    writeArcs(permutedFile, permuteArcs(arcs, order));
    addNative(nativeReorderedName(reorderKind), permutedFile, "dial", (s) => position[s]!);
    const last = servers.at(-1)!;
    runs[last.server.name] = { kind: "native", ms: [], cpuMs: [], gcMs: [], checks: [], ready: await last.server.read() };
  }

  // Warm-up, then the interleaved timed loop.
  for (const { server, kind, mapSource } of servers) {
    if (kind === "core") await server.ask(`warm ${warm.join(" ")}`);
    else for (const s of warm) await server.ask(`run ${mapSource(s)}`);
  }
  for (let q = 0; q < sources.length; q++) {
    for (let j = 0; j < servers.length; j++) {
      const { server, mapSource } = servers[(q + j) % servers.length]!;
      const answer = await server.ask(`run ${mapSource(sources[q]!)}`);
      const run = runs[server.name]!;
      run.ms.push(answer.ms);
      run.cpuMs.push(answer.cpuMs);
      run.gcMs.push(answer.gcMs ?? 0);
      run.checks.push(answer);
    }
  }
  for (const { server } of servers) runs[server.name]!.mem = await server.ask("mem");
  load.end = loadAverage();
  // Extras on the Float64 core variants (bounded and reverse searches, matrices), after the memory
  // readings (worker threads would inflate them).
  const extras: Record<string, any> = {};
  const withMatrix = arcs.nodeCount <= 300_000 && !plan.scalingOnly;
  for (const name of [CORE_F64, CORE_HEAP]) {
    const entry = servers.find((s) => s.server.name === name);
    if (!entry) continue;
    extras[name] = await entry.server.ask(`extras ${sources.slice(0, Math.min(10, sources.length)).join(" ")}`);
    if (withMatrix) extras[name].matrix = await entry.server.ask("matrix 100 100 2");
  }
  if (!withMatrix && !plan.scalingOnly) notes.push(`${arcs.name}: 100x100 matrix skipped above 300k nodes (each row is a near-full search).`);
  for (const { server } of servers) await server.close();

  // Slow peers, each in its own process, on the first sources.
  const reference = runs[CORE_MAIN]!;
  const peer = async (name: string, count: number, argv: string[], heapMb: number, target?: (i: number) => number) => {
    if (count === 0) return;
    process.stdout.write(`   ${name} ... `);
    const server = Server.node(name, [...argv, "--graph", graphFile, "--probe", probeFile], heapMb);
    const run: ImplRun = { kind: "peer", ms: [], cpuMs: [], gcMs: [], checks: [], ready: await server.read() };
    runs[name] = run;
    await server.ask(`run ${warm[0]} ${reference.checks[0]!.far}`);
    for (let i = 0; i < count; i++) {
      const answer = await server.ask(`run ${sources[i]}${target ? ` ${target(i)}` : ""}`);
      run.ms.push(answer.ms);
      run.cpuMs.push(answer.cpuMs);
      run.gcMs.push(answer.gcMs);
      run.checks.push(answer);
    }
    run.mem = await server.ask("mem");
    await server.close();
    console.log(`median ${median(run.ms).toFixed(1)} ms (GC ${median(run.gcMs).toFixed(1)} ms)`);
  };
  if (arcs.nodeCount <= Number(args["graphology-max-nodes"])) await peer(GRAPHOLOGY, plan.graphologySources, ["--impl", "graphology"], 12288);
  else if (plan.graphologySources > 0) notes.push(`${arcs.name}: graphology-shortest-path skipped above ${args["graphology-max-nodes"]} nodes.`);
  await peer(NGRAPH, plan.ngraphSources, ["--impl", "ngraph"], 8192, (i) => reference.checks[i]!.far);

  // Cross-checks.
  const problems: string[] = [];
  for (const [name, run] of Object.entries(runs)) {
    run.checks.forEach((c, i) => {
      const ref = reference.checks[i]!;
      if (c.reach !== undefined && c.reach !== ref.reach) problems.push(`${name} reaches ${c.reach} nodes from source ${sources[i]}, ${CORE_MAIN} ${ref.reach}`);
      if (c.sum !== undefined && c.sum !== ref.sum) problems.push(`${name} distance sum ${c.sum} from source ${sources[i]}, ${CORE_MAIN} ${ref.sum}`);
      if (c.probe !== undefined && JSON.stringify(c.probe) !== JSON.stringify(ref.probe)) problems.push(`${name} disagrees on probe-node distances from source ${sources[i]}`);
      if (c.pathCost !== undefined && c.pathCost !== ref.farSecs) problems.push(`${name} path cost ${c.pathCost} from source ${sources[i]} to its farthest node, ${CORE_MAIN} ${ref.farSecs}`);
    });
  }
  for (const run of Object.values(runs)) {
    run.medianMs = median(run.ms);
    run.p10Ms = quantile(run.ms, 0.1);
    run.p90Ms = quantile(run.ms, 0.9);
    run.medianCpuMs = median(run.cpuMs);
    run.medianGcMs = median(run.gcMs);
    const peak = run.mem?.maxRssMb ?? (run.mem?.maxRssKb !== undefined ? run.mem.maxRssKb / 1024 : undefined);
    const start = run.mem?.startRssMb ?? (run.mem?.startRssKb !== undefined ? run.mem.startRssKb / 1024 : undefined);
    run.peakRssMb = peak;
    run.startRssMb = start;
    run.netRssMb = peak !== undefined && start !== undefined ? peak - start : undefined;
    run.bytesPerArc = run.ready.graphBytes !== undefined ? run.ready.graphBytes / m : run.ready.csrBytes !== undefined ? run.ready.csrBytes / m : undefined;
    run.checks = run.checks.map(({ probe: _p, ...rest }) => rest);
  }
  if (problems.length) {
    console.error(`!! ${arcs.name}: ${problems.slice(0, 10).join("; ")}`);
    process.exitCode = 1;
  }
  const show = (name: string) => runs[name] && console.log(`   ${name.padEnd(40)} median ${runs[name]!.medianMs!.toFixed(2)} ms (CPU ${runs[name]!.medianCpuMs!.toFixed(2)})`);
  Object.keys(runs).forEach(show);
  return { name: arcs.name, slug: plan.slug, nodes: arcs.nodeCount, arcs: m, sources, reorderKind, load, scalingOnly: !!plan.scalingOnly, impls: runs, extras, problems };
}

const graphsOut: Array<Record<string, any>> = [];
for (const plan of plans) graphsOut.push(await measureGraph(plan));

// ---- many-to-many by origin count, 1 and 2 worker threads ----------------------------------------
const matrixRows: Array<Record<string, any>> = [];
const matrixGraph = smoke ? { slug: "grid10k", side: 100, seed: 1, counts: [1, 10], destinations: 10 } : { slug: "grid100k", side: 316, seed: 2, counts: [1, 10, 100, 1000], destinations: 1000 };
if (only === null || only.has("matrix")) {
  const file = join(tmp, `${matrixGraph.slug}.matrix.bin`);
  writeArcs(file, roadGrid(matrixGraph.side, matrixGraph.seed));
  const server = Server.node("matrix", ["--impl", "core", "--graph", file, "--queue", "bucket"]);
  await server.read();
  await server.ask(`matrix 4 ${matrixGraph.destinations} 2`); // warm-up, starts the worker code once
  for (const origins of matrixGraph.counts) {
    const r = await server.ask(`matrix ${origins} ${matrixGraph.destinations} 2`);
    matrixRows.push({ origins, destinations: matrixGraph.destinations, ...r });
    console.log(`== matrix ${origins}x${matrixGraph.destinations}: serial ${r.serialMs.toFixed(0)} ms, 2 workers ${r.parallelMs.toFixed(0)} ms (equal ${r.equal})`);
    if (!r.equal) process.exitCode = 1;
  }
  await server.close();
}

// ---- overlays: exact Shapley over 16 projects on a small graph ----------------------------------
const smallFile = join(tmp, "grid400.bin");
writeArcs(smallFile, roadGrid(20, 5));
const projects = smoke ? 10 : 16;
process.stdout.write(`== overlays: 2^${projects} cost overlays + one-to-many on a 400-node grid ... `);
const overlayServer = Server.node("overlays", ["--impl", "overlays", "--graph", smallFile, "--projects", String(projects)]);
const overlayInfo = await overlayServer.read();
const overlayRun = await overlayServer.ask("run 0");
await overlayServer.close();
const overlays: Answer = { ...overlayInfo, totalMs: overlayRun.ms, usPerSubset: (overlayRun.ms * 1000) / overlayInfo.subsets };
console.log(`${overlays.totalMs.toFixed(0)} ms (${overlays.usPerSubset.toFixed(1)} µs per subset)`);

// ---- report ----------------------------------------------------------------------------------------
const machine = {
  ...machineInfo(),
  date: new Date().toISOString(),
  command: smoke ? "npm run bench -- --smoke" : `npm run bench${args.dimacs!.length ? ` -- ${args.dimacs!.map((f) => `--dimacs ${f}`).join(" ")}` : ""}`,
  loadAverage: { start: loadAtStart, end: loadAverage() },
};
const report = { machine, notes, graphs: graphsOut, matrix: matrixRows, overlays };
const f = (x: number | undefined, digits = 1) => (x !== undefined && Number.isFinite(x) ? x.toFixed(x < 10 ? digits + 1 : digits) : "–");
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);

function markdown(): string {
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB; Node ${machine.node}; ${machine.date}.`);
  lines.push(`Command: \`${machine.command}\` (generated by benchmarks/run.ts; raw numbers in results.json, quotable figures in claims/core.json).`);
  lines.push(`Load average (1/5/15 min) at start ${machine.loadAverage.start.join(" / ")}, at end ${machine.loadAverage.end.join(" / ")}; the machine is shared with other jobs.`, "");
  lines.push(
    "**How it runs.** One-to-all shortest paths (every node's time from one source) from seeded random",
    "sources. Every implementation runs in its own process, started once per graph and kept alive; the",
    "driver sends the same query to each of the fast processes in turn (the core configurations and the",
    "native C++ programs), rotating the order from one query to the next and waiting for each answer",
    "before sending the next command, so exactly one implementation computes at any time and load from",
    "other jobs falls on all of them alike. The JavaScript processes run benchmarks/impl.ts compiled to",
    "plain JavaScript (no TypeScript loader). Each process times its own query (wall clock, and CPU time",
    "of the process); checksums and messages are outside the clock. The core warms up for at least",
    "300 ms first, the native programs answer the same warm-up queries. graphology-shortest-path and",
    "ngraph.path are too slow to interleave: each answers the first few of the same sources afterwards,",
    "in its own process, after one warm-up query; their garbage-collection time (from Node's `gc`",
    "performance entries, a full collection forced before each query) is reported separately.",
    "",
    "**Definitions.** *median ms*: median wall time of one query (p10–p90 in brackets). *CPU ms*: median",
    "CPU time of the process during the query (user + system, all threads; robust to being descheduled).",
    "*vs C++ Dial*: ratio of median wall times against the C++ Dial on the same (input) node order, in the",
    "same run (below 1 = faster); *vs C++ Dial, CPU*: the same on median CPU times, which a loaded machine",
    "distorts less (a descheduled process keeps its wall clock running, not its CPU clock). *peak RSS*: the process's peak resident set (VmHWM); *above start-up*: minus",
    "its peak before it read the graph (Node ≈ 40–60 MB with the code loaded, the C++ program ≈ 2 MB), i.e.",
    "the memory the graph, the search and the query results added. *bytes/arc*: the compiled graph's",
    "typed arrays (core: offsets, heads, edge ids, costs; C++: offsets, heads, costs) per arc.",
    "*core (Int32 results)* uses `oneToAllInt32Into` (whole seconds, no copy); *core (Float64 results)*",
    "`oneToAllInto` (a Float64Array of seconds, what `oneToAll` returns); reordered variants renumber",
    "nodes at compile time (`reorder: \"spatial\"`, a Hilbert curve over the grid coordinates, or",
    "`\"bfs\"` where the graph has no coordinates) and map results back to the caller's numbering.",
    "Cross-checks: every fast implementation's reach count and distance sum per source equal the core's;",
    "graphology's path costs to 100 seeded probe nodes equal the core's times; ngraph.path's path cost",
    "to the farthest node equals the core's time.",
    "",
  );
  for (const g of graphsOut) {
    const dial = g.impls[NATIVE_DIAL];
    const quad = g.impls[NATIVE_QUAD];
    const gr = g.impls[GRAPHOLOGY] as ImplRun | undefined;
    lines.push(`## ${g.name}: ${g.nodes.toLocaleString("en")} nodes, ${g.arcs.toLocaleString("en")} arcs`, "");
    lines.push(`${g.sources.length} sources; load average ${g.load.start.join(" / ")} at start, ${g.load.end.join(" / ")} at end of the interleaved loop.`, "");
    lines.push("| implementation | median ms (p10–p90) | CPU ms | queries | vs C++ Dial | vs C++ Dial, CPU | vs C++ 4-ary | build ms | peak RSS MB (above start-up) | bytes/arc |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [name, r] of Object.entries<ImplRun>(g.impls)) {
      const gcNote = r.kind === "peer" && r.medianGcMs! > 0 ? ` (GC ${f(r.medianGcMs)})` : "";
      lines.push(
        `| ${name} | ${f(r.medianMs)} (${f(r.p10Ms)}–${f(r.p90Ms)})${gcNote} | ${f(r.medianCpuMs)} | ${r.ms.length} | ${f(ratio(r.medianMs, dial?.medianMs), 2)} | ${f(ratio(r.medianCpuMs, dial?.medianCpuMs), 2)} | ${f(ratio(r.medianMs, quad?.medianMs), 2)} | ${f(r.ready.buildMs, 0)} | ${f(r.peakRssMb, 0)} (${f(r.netRssMb, 0)}) | ${f(r.bytesPerArc)} |`,
      );
    }
    if (gr) {
      const main = g.impls[CORE_MAIN] as ImplRun;
      lines.push(
        "",
        `graphology-shortest-path: median ${f(gr.medianMs, 0)} ms per query, of which ${f(gr.medianGcMs, 0)} ms garbage collection; without GC ${f(median(gr.ms.map((x, i) => x - gr.gcMs[i]!)), 0)} ms. The core (Int32) is ${f(ratio(gr.medianMs, main.medianMs), 0)}× faster (${f(ratio(median(gr.ms.map((x, i) => x - gr.gcMs[i]!)), main.medianMs), 0)}× without graphology's GC).`,
      );
    }
    const ex = g.extras;
    if (ex[CORE_F64] && ex[CORE_HEAP]) {
      const b = ex[CORE_F64];
      const h = ex[CORE_HEAP];
      lines.push("", "| core extras (Float64 results) | bucket | heap |", "|---|---:|---:|");
      for (const cutoff of ["1800", "7200"]) lines.push(`| bounded ${Number(cutoff) / 60} min, median ms | ${f(median(b.bounded[cutoff]))} | ${f(median(h.bounded[cutoff]))} |`);
      lines.push(`| reverse one-to-all, median ms | ${f(median(b.reverseMs))} | ${f(median(h.reverseMs))} |`);
      if (b.matrix && h.matrix) {
        lines.push(`| 100x100 matrix, serial, ms | ${f(b.matrix.serialMs, 0)} | ${f(h.matrix.serialMs, 0)} |`);
        lines.push(`| 100x100 matrix, 2 workers, ms (equal to serial: ${b.matrix.equal && h.matrix.equal}) | ${f(b.matrix.parallelMs, 0)} | ${f(h.matrix.parallelMs, 0)} |`);
      }
    }
    if (g.problems.length) lines.push("", `**Cross-check problems:** ${g.problems.slice(0, 20).join("; ")}`);
    lines.push("");
  }
  lines.push(
    "## Scaling with graph size",
    "",
    "Median one-to-all time per query and per node (ns/node = median ms × 10⁶ / nodes), from the tables above.",
    "",
    "| graph | nodes | arcs | core (Int32) ms | ns/node | C++ Dial ms | ns/node | core / C++ Dial (CPU) | core reordered ms | C++ Dial, same order, ms | reordered core / C++ Dial (CPU) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const g of graphsOut) {
    const c = g.impls[CORE_MAIN] as ImplRun;
    const d = g.impls[NATIVE_DIAL] as ImplRun | undefined;
    const cr = g.impls[reorderedName(g.reorderKind)] as ImplRun;
    const dr = g.impls[nativeReorderedName(g.reorderKind)] as ImplRun | undefined;
    const ns = (r: ImplRun | undefined) => (r ? (r.medianMs! * 1e6) / g.nodes : undefined);
    lines.push(
      `| ${g.name} | ${g.nodes.toLocaleString("en")} | ${g.arcs.toLocaleString("en")} | ${f(c.medianMs)} | ${f(ns(c), 0)} | ${f(d?.medianMs)} | ${f(ns(d), 0)} | ${f(ratio(c.medianMs, d?.medianMs), 2)} (${f(ratio(c.medianCpuMs, d?.medianCpuMs), 2)}) | ${f(cr.medianMs)} (${g.reorderKind}) | ${f(dr?.medianMs)} | ${f(ratio(cr.medianMs, d?.medianMs), 2)} (${f(ratio(cr.medianCpuMs, d?.medianCpuMs), 2)}) |`,
    );
  }
  if (matrixRows.length) {
    lines.push(
      "",
      `## Many-to-many matrices by origin count (grid ${matrixGraph.slug.replace("grid", "")}, ${matrixGraph.destinations} destinations)`,
      "",
      "`matrix(graph, origins, destinations)` (one thread) against `matrixParallel(…, { workers: 2 })` (two worker",
      "threads over one shared copy of the graph; the time includes starting the workers and sharing the graph,",
      "which is cached per graph after the first call). Seeded random origins and destinations; each row is one",
      "early-exit search that stops when every destination is settled. Both give identical matrices (checked).",
      "",
      "| origins | 1 thread, ms | 2 workers, ms | speed-up | ms per origin (1 thread) |",
      "|---:|---:|---:|---:|---:|",
    );
    for (const r of matrixRows) lines.push(`| ${r.origins} | ${f(r.serialMs)} | ${f(r.parallelMs)} | ${f(r.serialMs / r.parallelMs, 2)} | ${f(r.serialMs / r.origins, 2)} |`);
  }
  lines.push(
    "",
    `## Cost overlays (exact Shapley over ${overlays.projects} projects)`,
    "",
    `${overlays.subsets.toLocaleString("en")} subsets on a ${overlays.nodes}-node, ${overlays.arcs}-arc grid with ${overlays.projects} project links: for each subset`,
    "`graph.withCosts(costs)` (links of projects not built at Infinity), `search.setGraph`, and a one-to-many",
    `query to 10 targets (queue ${overlays.queue}): **${overlays.totalMs.toFixed(0)} ms in total, ${overlays.usPerSubset.toFixed(1)} µs per subset**.`,
    "",
  );
  if (notes.length) lines.push("## Notes", "", ...notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}

/** Every figure the README quotes, with its definition (see claims.ts). */
function claims(): Claim[] {
  const out: Claim[] = [];
  const add = (id: string, value: number | boolean | undefined, unit: string, definition: string) => out.push({ id, value: value ?? null, unit, definition });
  for (const g of graphsOut) {
    const p = `core.${g.slug}`;
    const on = `${g.name} (${g.nodes} nodes, ${g.arcs} arcs), ${g.sources.length} seeded sources, in the interleaved run of npm run bench`;
    const c = g.impls[CORE_MAIN] as ImplRun;
    const d = g.impls[NATIVE_DIAL] as ImplRun | undefined;
    const q = g.impls[NATIVE_QUAD] as ImplRun | undefined;
    const cr = g.impls[reorderedName(g.reorderKind)] as ImplRun;
    const dr = g.impls[nativeReorderedName(g.reorderKind)] as ImplRun | undefined;
    const f64 = g.impls[CORE_F64] as ImplRun | undefined;
    const gr = g.impls[GRAPHOLOGY] as ImplRun | undefined;
    const ng = g.impls[NGRAPH] as ImplRun | undefined;
    add(`${p}.coreMedianMs`, c.medianMs, "ms", `median wall time of one one-to-all query with ShortestPathSearch.oneToAllInt32Into (bucket queue, input node order) on ${on}`);
    add(`${p}.coreCpuMedianMs`, c.medianCpuMs, "ms", `median CPU time of the core's process during one such query, same run`);
    add(`${p}.coreFloat64MedianMs`, f64?.medianMs, "ms", `median wall time of one one-to-all query with oneToAllInto (Float64Array result) on ${on}`);
    add(`${p}.coreReorderedMedianMs`, cr.medianMs, "ms", `median wall time of oneToAllInt32Into on the same graph compiled with reorder "${g.reorderKind}", on ${on}`);
    add(`${p}.cppDialMedianMs`, d?.medianMs, "ms", `median wall time of one query of the C++ Dial (g++ -O3, doubly linked buckets, input node order) on ${on}`);
    add(`${p}.cppDialReorderedMedianMs`, dr?.medianMs, "ms", `median wall time of the C++ Dial on the core's ${g.reorderKind} node order, on ${on}`);
    add(`${p}.cppQuadHeapMedianMs`, q?.medianMs, "ms", `median wall time of one query of the C++ indexed 4-ary heap Dijkstra (g++ -O3) on ${on}`);
    add(`${p}.coreVsCppDial`, ratio(c.medianMs, d?.medianMs), "ratio", `core (Int32, input order) median / C++ Dial median (input order), same run; below 1 = core faster`);
    add(`${p}.coreVsCppDialCpu`, ratio(c.medianCpuMs, d?.medianCpuMs), "ratio", `the same ratio on median CPU times`);
    add(`${p}.coreReorderedVsCppDial`, ratio(cr.medianMs, d?.medianMs), "ratio", `core with reorder "${g.reorderKind}" median / C++ Dial median on the input order, same run`);
    add(`${p}.coreReorderedVsCppDialCpu`, ratio(cr.medianCpuMs, d?.medianCpuMs), "ratio", `the same ratio on median CPU times`);
    add(`${p}.coreReorderedVsCppDialReordered`, ratio(cr.medianMs, dr?.medianMs), "ratio", `core with reorder "${g.reorderKind}" / C++ Dial on that same node order, same run`);
    add(`${p}.coreVsCppQuadHeap`, ratio(c.medianMs, q?.medianMs), "ratio", `core (Int32) median / C++ indexed 4-ary heap median, same run`);
    add(`${p}.bytesPerArc`, c.bytesPerArc, "B/arc", `bytes of the compiled graph's typed arrays (offsets, heads, edge ids, costs) per arc`);
    add(`${p}.corePeakRssAboveStartMb`, c.netRssMb, "MB", `peak RSS of the core's process minus its peak before reading the graph (graph file, compiled graph, search state, result array)`);
    add(`${p}.cppDialPeakRssAboveStartMb`, d?.netRssMb, "MB", `peak RSS of the C++ Dial process minus its peak before reading the graph`);
    add(`${p}.memoryVsCppDial`, ratio(c.netRssMb, d?.netRssMb), "ratio", `core / C++ Dial, peak RSS above start-up`);
    if (gr) {
      const noGc = median(gr.ms.map((x, i) => x - gr.gcMs[i]!));
      add(`${p}.graphologyMedianMs`, gr.medianMs, "ms", `median wall time of dijkstra.singleSource (graphology-shortest-path, builds every path) over ${gr.ms.length} of the same sources, own process, full GC forced before each query`);
      add(`${p}.graphologyGcMedianMs`, gr.medianGcMs, "ms", `median garbage-collection time inside one graphology query (Node gc performance entries)`);
      add(`${p}.graphologyWithoutGcMedianMs`, noGc, "ms", `median of (query time - GC time) for graphology`);
      add(`${p}.speedupVsGraphology`, ratio(gr.medianMs, c.medianMs), "ratio", `graphology median / core (Int32) median`);
      add(`${p}.speedupVsGraphologyWithoutGc`, ratio(noGc, c.medianMs), "ratio", `graphology median without GC / core (Int32) median`);
    }
    if (ng) add(`${p}.ngraphMedianMs`, ng.medianMs, "ms", `median wall time of ngraph.path aStar (no heuristic) from a source to the node the core found farthest, ${ng.ms.length} sources`);
    add(`${p}.crossChecksPassed`, g.problems.length === 0, "", `every implementation agreed with the core (reach, distance sums, probe distances, path costs)`);
  }
  for (const r of matrixRows) {
    const p = `core.matrix.${matrixGraph.slug}.o${r.origins}`;
    add(`${p}.serialMs`, r.serialMs, "ms", `matrix(graph, ${r.origins} origins, ${r.destinations} destinations) on ${matrixGraph.slug}, one thread`);
    add(`${p}.twoWorkersMs`, r.parallelMs, "ms", `matrixParallel with 2 worker threads, same matrix (identical result: ${r.equal})`);
  }
  add("core.overlays.usPerSubset", overlays.usPerSubset, "µs", `per subset: withCosts + setGraph + one-to-many to 10 targets, ${overlays.subsets} subsets of ${overlays.projects} project links on a ${overlays.nodes}-node grid`);
  add("core.overlays.totalMs", overlays.totalMs, "ms", `all ${overlays.subsets} subsets as above`);
  return out;
}

if (smoke) {
  writeFileSync(join(repoRoot, ".tmp", "bench-smoke.json"), JSON.stringify({ ...report, claims: claims() }, null, 2));
  console.log(markdown());
} else if (writeResults) {
  writeFileSync(join(here, "results.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(join(here, "RESULTS-core.md"), markdown());
  const claimsPath = writeClaims("core", machine.command, loadAtStart, claims());
  console.log(`wrote ${join(here, "RESULTS-core.md")}, results.json and ${claimsPath}`);
} else console.log(markdown());
