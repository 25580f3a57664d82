/**
 * Benchmark suite: `npm run bench` (full, writes benchmarks/RESULTS-core.md and results.json; `npm run bench:all` then folds every RESULTS-*.md into RESULTS.md),
 * `npm run bench -- --smoke` (10k grid only, seconds, writes .tmp/bench-smoke.json),
 * `npm run bench -- --dimacs FILE` (adds a DIMACS .gr/.gr.gz graph).
 *
 * Every implementation runs in its own child process (impl.ts, or the native C++ program) on the
 * same graph and the same seeded sources: warm-up queries first, then one timed query per source.
 * Results are cross-checked (reachable count and distance sums against native, path costs against
 * ngraph.path) so a fast wrong answer cannot pass unnoticed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { dimacsArcs, prng, roadGrid, writeArcs, writeInts, type ArcList } from "./graphs.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");
const tmp = join(repoRoot, ".tmp", "bench");
mkdirSync(tmp, { recursive: true });

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    dimacs: { type: "string", multiple: true, default: [] },
    "graphology-max-nodes": { type: "string", default: "2000000" },
  },
});
const smoke = args.smoke;
const rounds = smoke ? 1 : 3;
const notes: string[] = [];

interface Plan {
  load: () => Promise<ArcList>;
  slug: string;
  sources: number;
  warmup: number;
  graphologySources: number;
  graphologyWarmup: number;
  ngraphSources: number;
}

const nyPath = resolve(repoRoot, "../shared/data/ny-road-reconstructed.gr.gz");
const plans: Plan[] = smoke
  ? [{ load: async () => roadGrid(100, 1), slug: "grid10k", sources: 5, warmup: 2, graphologySources: 1, graphologyWarmup: 0, ngraphSources: 1 }]
  : [
      { load: async () => roadGrid(100, 1), slug: "grid10k", sources: 30, warmup: 10, graphologySources: 5, graphologyWarmup: 2, ngraphSources: 10 },
      { load: async () => roadGrid(316, 2), slug: "grid100k", sources: 20, warmup: 5, graphologySources: 3, graphologyWarmup: 1, ngraphSources: 5 },
      ...(existsSync(nyPath)
        ? [{ load: () => dimacsArcs(nyPath, "NY road (DIMACS)"), slug: "ny", sources: 20, warmup: 5, graphologySources: 2, graphologyWarmup: 1, ngraphSources: 4 }]
        : []),
      { load: async () => roadGrid(1000, 3), slug: "grid1m", sources: 10, warmup: 3, graphologySources: 1, graphologyWarmup: 0, ngraphSources: 2 },
    ];
if (!smoke && existsSync(nyPath)) notes.push("NY arc weights are the DIMACS distance weights, used as if they were seconds; its bounded-search rows (30 min = 1800, 2 h = 7200 units) therefore cover only a few blocks.");
if (!smoke && !existsSync(nyPath)) notes.push(`NY graph skipped: ${nyPath} not found (reference data lives outside the repo).`);
for (const [i, file] of args.dimacs!.entries()) {
  plans.push({ load: () => dimacsArcs(resolve(file), `DIMACS ${file}`), slug: `dimacs${i}`, sources: 10, warmup: 3, graphologySources: 1, graphologyWarmup: 0, ngraphSources: 2 });
}

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

function child(argv: string[], extraNode: string[] = []): Record<string, any> {
  const res = spawnSync(process.execPath, ["--expose-gc", ...extraNode, "--import", "tsx", join(here, "impl.ts"), ...argv], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (res.status !== 0) throw new Error(`child ${argv.join(" ")} failed:\n${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").at(-1)!);
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
const stats = (ms: number[]) => ({ medianMs: median(ms), p90Ms: quantile(ms, 0.9), n: ms.length });

// ---- run -----------------------------------------------------------------------------------------
const graphsOut: Record<string, any>[] = [];
for (const plan of plans) {
  const t0 = performance.now();
  const arcs = await plan.load();
  const genMs = performance.now() - t0;
  const graphFile = join(tmp, `${plan.slug}.bin`);
  writeArcs(graphFile, arcs);
  const rand = prng(12345);
  const sources = Array.from({ length: plan.sources }, () => Math.floor(rand() * arcs.nodeCount));
  const sourcesFile = join(tmp, `${plan.slug}.sources.bin`);
  writeInts(sourcesFile, sources);
  const m = arcs.from.length;
  console.log(`== ${arcs.name}: ${arcs.nodeCount} nodes, ${m} arcs (made in ${genMs.toFixed(0)} ms)`);
  const common = ["--graph", graphFile, "--sources", sourcesFile];
  const impls: Record<string, any> = {};
  /** Adds one round's result: per-query times pool across rounds, the rest comes from round 1. */
  const merge = (name: string, res: Record<string, any>) => {
    const old = impls[name];
    if (old === undefined) impls[name] = res;
    else {
      old.ms.push(...res.ms);
      old.maxRssMb = Math.max(old.maxRssMb ?? 0, res.maxRssMb ?? 0);
      if (res.check && JSON.stringify(res.check) !== JSON.stringify(old.check)) old.roundMismatch = true;
    }
  };
  const run = (name: string, fn: () => Record<string, any>) => {
    process.stdout.write(`   ${name} ... `);
    merge(name, fn());
    console.log(`median ${median(impls[name].ms).toFixed(2)} ms`);
  };
  const problems: string[] = [];
  // Core variants and the native program run in interleaved rounds, so that a burst of load from
  // other processes spreads over all of them instead of hitting one.
  const withMatrix = arcs.nodeCount <= 300_000;
  if (!withMatrix && !smoke) notes.push(`${arcs.name}: 100x100 matrix skipped above 300k nodes (each row is a near-full search).`);
  for (let round = 0; round < rounds; round++) {
    const first = round === 0 ? ["--extras", ...(withMatrix ? ["--matrix"] : [])] : [];
    const w = String(plan.warmup);
    console.log(`  round ${round + 1}/${rounds}`);
    run("core bucket", () => child([...common, "--impl", "core", "--queue", "bucket", "--warmup", w, ...first]));
    run("core heap", () => child([...common, "--impl", "core", "--queue", "heap", "--warmup", w, ...first]));
    run("core bucket, reordered", () => child([...common, "--impl", "core", "--queue", "bucket", "--reorder", "--warmup", w]));
    run("core heap, reordered", () => child([...common, "--impl", "core", "--queue", "heap", "--reorder", "--warmup", w]));
    if (native) {
      process.stdout.write("   native C++ ... ");
      const res = spawnSync(nativeBin, [graphFile, sourcesFile, w], { encoding: "utf8", maxBuffer: 1 << 26 });
      if (res.status !== 0) throw new Error(`native failed: ${res.stderr}`);
      const out = JSON.parse(res.stdout);
      for (const [key, label] of [["quadHeap", "C++ indexed 4-ary heap"], ["binaryHeap", "C++ std::priority_queue"], ["dial", "C++ Dial"]] as const) {
        merge(label, { ms: out[key].ms, check: out[key].check, maxRssMb: Math.round(out.maxRssKb / 102.4) / 10, bytesPerArc: out.csrBytes / m });
      }
      console.log(`4-ary median ${median(impls["C++ indexed 4-ary heap"].ms).toFixed(2)} ms, Dial ${median(impls["C++ Dial"].ms).toFixed(2)} ms`);
    }
  }
  const reference = impls["core bucket"];
  for (const name of Object.keys(impls)) {
    if (name === "core bucket") continue;
    if (JSON.stringify(impls[name].check) !== JSON.stringify(reference.check)) problems.push(`${name} disagrees with core bucket`);
    if (impls[name].roundMismatch) problems.push(`${name} gave different results in different rounds`);
  }
  const ngraphSources = sources.slice(0, plan.ngraphSources);
  writeInts(join(tmp, `${plan.slug}.ng-sources.bin`), ngraphSources);
  writeInts(join(tmp, `${plan.slug}.targets.bin`), reference.farthest.slice(0, plan.ngraphSources));
  run("ngraph.path (to farthest node)", () =>
    child(["--graph", graphFile, "--sources", join(tmp, `${plan.slug}.ng-sources.bin`), "--targets", join(tmp, `${plan.slug}.targets.bin`), "--impl", "ngraph", "--warmup", "1"], ["--max-old-space-size=8192"]),
  );
  impls["ngraph.path (to farthest node)"].pathCosts.forEach((cost: number, i: number) => {
    if (cost !== reference.farthestSecs[i]) problems.push(`ngraph.path path cost ${cost} from source ${sources[i]}, core ${reference.farthestSecs[i]}`);
  });
  const grSources = sources.slice(0, plan.graphologySources);
  if (arcs.nodeCount <= Number(args["graphology-max-nodes"])) {
    writeInts(join(tmp, `${plan.slug}.gr-sources.bin`), grSources);
    run("graphology-shortest-path", () =>
      child(["--graph", graphFile, "--sources", join(tmp, `${plan.slug}.gr-sources.bin`), "--impl", "graphology", "--warmup", String(plan.graphologyWarmup)], ["--max-old-space-size=12288"]),
    );
    impls["graphology-shortest-path"].check.forEach(([reach]: [number], i: number) => {
      if (reach !== reference.check[i][0]) problems.push(`graphology reaches ${reach} nodes from source ${grSources[i]}, core ${reference.check[i][0]}`);
    });
  } else notes.push(`${arcs.name}: graphology-shortest-path skipped above ${args["graphology-max-nodes"]} nodes.`);
  for (const name of Object.keys(impls)) impls[name] = { ...impls[name], ...stats(impls[name].ms) };
  if (problems.length) {
    console.error(`!! ${arcs.name}: ${problems.join("; ")}`);
    process.exitCode = 1;
  }
  graphsOut.push({ name: arcs.name, slug: plan.slug, nodes: arcs.nodeCount, arcs: m, sources, impls, problems });
}

// ---- overlays: exact Shapley over 16 projects on a small graph ----------------------------------
const smallFile = join(tmp, "grid400.bin");
writeArcs(smallFile, roadGrid(20, 5));
const projects = smoke ? 10 : 16;
process.stdout.write(`== overlays: 2^${projects} cost overlays + one-to-many on a 400-node grid ... `);
const overlays = child(["--graph", smallFile, "--impl", "overlays", "--projects", String(projects)]);
console.log(`${overlays.totalMs.toFixed(0)} ms (${overlays.usPerSubset.toFixed(1)} µs per subset)`);

// ---- report ----------------------------------------------------------------------------------------
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
  command: smoke ? "npm run bench -- --smoke" : `npm run bench${args.dimacs!.length ? ` -- ${args.dimacs!.map((f) => `--dimacs ${f}`).join(" ")}` : ""}`,
};
const report = { machine, notes, graphs: graphsOut, overlays };
const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(x < 10 ? digits + 1 : digits) : "–");

function markdown(): string {
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB; Node ${machine.node}; ${machine.date}.`);
  lines.push(`Command: \`${machine.command}\` (generated by benchmarks/run.ts; raw numbers in results.json).`, "");
  lines.push(
    "One-to-all shortest paths from seeded random sources, one timed query per source after warm-up,",
    "each implementation in its own process on the same graph; the core variants and the native program",
    `run in ${rounds} interleaved rounds whose per-query times are pooled (peers: one round).`,
    "`vs C++ 4-ary` and `vs graphology` are ratios of medians (below 1 = faster than that reference). Distances are cross-checked against the",
    "native program (reachable count and sum per source), graphology (reachable count) and ngraph.path",
    "(cost of the returned path). ngraph.path answers a point-to-point query to the farthest node",
    "(a full search), graphology builds every path (that is its API).",
    "",
  );
  for (const g of graphsOut) {
    const nat = g.impls["C++ indexed 4-ary heap"];
    const gr = g.impls["graphology-shortest-path"];
    lines.push(`## ${g.name}: ${g.nodes.toLocaleString("en")} nodes, ${g.arcs.toLocaleString("en")} arcs`, "");
    lines.push("| implementation | median ms | p90 ms | queries | build ms | peak RSS MB | bytes/arc | vs C++ 4-ary | vs graphology |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [name, r] of Object.entries<any>(g.impls)) {
      lines.push(
        `| ${name} | ${f(r.medianMs)} | ${f(r.p90Ms)} | ${r.n} | ${r.buildMs === undefined ? "–" : f(r.buildMs, 0)} | ${r.maxRssMb ?? "–"} | ${r.bytesPerArc === undefined ? "–" : f(r.bytesPerArc)} | ${nat ? f(r.medianMs / nat.medianMs, 2) : "–"} | ${gr ? f(r.medianMs / gr.medianMs, 4) : "–"} |`,
      );
    }
    const b = g.impls["core bucket"];
    const h = g.impls["core heap"];
    lines.push("", "| core extras | bucket | heap |", "|---|---:|---:|");
    for (const cutoff of ["1800", "7200"]) lines.push(`| bounded ${Number(cutoff) / 60} min, median ms | ${f(median(b.bounded[cutoff]))} | ${f(median(h.bounded[cutoff]))} |`);
    lines.push(`| reverse one-to-all, median ms | ${f(median(b.reverseMs))} | ${f(median(h.reverseMs))} |`);
    if (b.matrix && h.matrix) {
      lines.push(`| 100x100 matrix serial, ms | ${f(b.matrix.serialMs, 0)} | ${f(h.matrix.serialMs, 0)} |`);
      lines.push(`| 100x100 matrix, ${b.matrix.workers} workers, ms (equal to serial: ${b.matrix.equal && h.matrix.equal}) | ${f(b.matrix.parallelMs, 0)} | ${f(h.matrix.parallelMs, 0)} |`);
    }
    lines.push(`| heap growth at compile, MB | ${b.heapDeltaMb} | ${h.heapDeltaMb} |`);
    if (g.problems.length) lines.push("", `**Cross-check problems:** ${g.problems.join("; ")}`);
    lines.push("");
  }
  lines.push(
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

if (smoke) {
  writeFileSync(join(repoRoot, ".tmp", "bench-smoke.json"), JSON.stringify(report, null, 2));
  console.log(markdown());
} else {
  writeFileSync(join(here, "results.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(join(here, "RESULTS-core.md"), markdown());
  console.log(`wrote ${join(here, "RESULTS-core.md")} and results.json`);
}
