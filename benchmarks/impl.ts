/**
 * One implementation on one graph, in its own process, serving queries until stdin closes.
 * Started by run.ts, which sends the same queries to every implementation in turn. run.ts compiles
 * this file (and the core it imports) to plain JavaScript first, so that no TypeScript loader sits
 * in the measured process (its memory would swamp the peak-RSS figures of small graphs).
 *
 *   node --expose-gc .tmp/bench/js/benchmarks/impl.js --impl core|graphology|ngraph|overlays --graph G.bin
 *       [--queue bucket|heap] [--reorder none|bfs|spatial] [--coords C.bin] [--result int32|float64]
 *       [--probe P.bin] [--order-out O.bin]
 *
 * Prints one JSON line when ready ({ ready, buildMs, … }), then one JSON line per command:
 *   warm S1 S2 …   run these queries, repeating them until at least 300 ms have passed (JIT warm-up)
 *   run S [T]      one timed query from S (ngraph: to T) → { ms, cpuMs, reach, sum, far, farSecs, probe, gcMs }
 *   extras S1 …    bounded (30 / 120 min), reverse, for each source (core)
 *   matrix O D W   O×D matrix serially and with W workers (core) → { serialMs, parallelMs, equal }
 *   mem            { maxRssMb, startRssMb, heapUsedMb, arrayBuffersMb, searchBytes }
 * Only the query itself is inside the clock; checksums and I/O are outside it.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { PerformanceObserver } from "node:perf_hooks";
import { MultiDirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import createGraph from "ngraph.graph";
import ngraphPath from "ngraph.path";
import { compileGraph, matrix, ShortestPathSearch, UNREACHABLE_INT32, type CompiledGraph } from "../src/core/index.js";
import { matrixParallel } from "../src/node.js";
import { Compiled } from "../src/core/graph.js";
import { prng, readArcs, readFloats, readInts, writeInts } from "./graphs.js";

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Peak resident set of this process in MB: VmHWM from /proc/self/status on Linux (reset by exec),
 * because `process.resourceUsage().maxRSS` (getrusage) carries over the high-water mark of the
 * process that forked this one.
 */
function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (kb) return mb(Number(kb[1]) * 1024);
  } catch {
    // Not Linux: fall through.
  }
  return mb(process.resourceUsage().maxRSS * 1024);
}
const startRssMb = peakRssMb();

const { values: args } = parseArgs({
  options: {
    impl: { type: "string" },
    graph: { type: "string" },
    queue: { type: "string", default: "bucket" },
    reorder: { type: "string", default: "none" },
    coords: { type: "string" },
    result: { type: "string", default: "int32" },
    probe: { type: "string" },
    "order-out": { type: "string" },
    projects: { type: "string", default: "16" },
  },
});

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** Defeats dead-code elimination of benchmarked results. */
let sink = 0;

const arcs = readArcs(args.graph!);
const m = arcs.from.length;
const probeTargets = args.probe ? readInts(args.probe) : [];

/** Garbage collections seen by a PerformanceObserver: [start, end] in performance.now() time. */
const gcSpans: Array<[number, number]> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcSpans.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ["gc"] });

/** Milliseconds of garbage collection inside [t0, t1] (the observer reports on a later timer turn). */
async function gcMsBetween(t0: number, t1: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 25));
  let total = 0;
  for (const [a, b] of gcSpans) total += Math.max(0, Math.min(b, t1) - Math.max(a, t0));
  gcSpans.length = 0;
  return total;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

interface Impl {
  buildMs: number;
  info: Record<string, unknown>;
  /** Runs one query; returns what the caller checks (timing is done by the caller). */
  query(source: number, target: number): void;
  check(source: number): Record<string, unknown>;
  extras?(sources: number[]): Record<string, unknown>;
  matrix?(origins: number, destinations: number, workers: number): Promise<Record<string, unknown>>;
  searchBytes?(): number;
}

function core(): Impl {
  const queue = args.queue as "bucket" | "heap";
  const reorder = args.reorder === "none" ? false : (args.reorder as "bfs" | "spatial");
  const coordinates = args.coords ? readFloats(args.coords) : undefined;
  const int32 = args.result === "int32";
  gc();
  const t0 = performance.now();
  const graph = compileGraph({ nodeCount: arcs.nodeCount, from: arcs.from, to: arcs.to, costSecs: arcs.cost, coordinates }, { queue, reorder });
  const buildMs = performance.now() - t0;
  if (args["order-out"]) {
    // The internal order, so that run.ts can give the native program the same node numbering.
    const toExt = (graph as Compiled).topo.intToExt;
    writeInts(args["order-out"], toExt ?? Int32Array.from({ length: graph.nodeCount }, (_, i) => i));
  }
  const search = new ShortestPathSearch(graph);
  const out32 = new Int32Array(graph.nodeCount);
  const out64 = new Float64Array(graph.nodeCount);
  const query = int32 ? (s: number) => search.oneToAllInt32Into(out32, s) : (s: number) => search.oneToAllInto(out64, s);
  return {
    buildMs,
    info: { queue: graph.queue, reordered: graph.reordered, graphBytes: graph.byteLength, bytesPerArc: graph.byteLength / graph.arcCount },
    query,
    check(source) {
      let reach = 0;
      let sum = 0;
      let far = source;
      let farSecs = 0;
      const n = graph.nodeCount;
      for (let v = 0; v < n; v++) {
        const d = int32 ? (out32[v] === UNREACHABLE_INT32 ? Infinity : out32[v]!) : out64[v]!;
        if (d < Infinity) {
          reach++;
          sum += d;
          if (d > farSecs) [far, farSecs] = [v, d];
        }
      }
      const probe = probeTargets.map((t) => (int32 ? (out32[t] === UNREACHABLE_INT32 ? null : out32[t]!) : out64[t] === Infinity ? null : out64[t]!));
      sink += reach;
      return { reach, sum, far, farSecs, probe };
    },
    extras(sources) {
      const timeEach = (run: (s: number) => void) =>
        sources.map((s) => {
          const t = performance.now();
          run(s);
          return performance.now() - t;
        });
      const bounded: Record<string, number[]> = {};
      for (const cutoffSecs of [1800, 7200]) {
        search.oneToAllInto(out64, sources[0]!, { cutoffSecs });
        bounded[cutoffSecs] = timeEach((s) => search.oneToAllInto(out64, s, { cutoffSecs }));
      }
      search.oneToAllInto(out64, sources[0]!, { reverse: true });
      return { bounded, reverseMs: timeEach((s) => search.oneToAllInto(out64, s, { reverse: true })) };
    },
    async matrix(originCount, destinationCount, workers) {
      const rand = prng(4242);
      const pick = (k: number) => Array.from({ length: k }, () => Math.floor(rand() * graph.nodeCount));
      const origins = pick(originCount);
      const destinations = pick(destinationCount);
      let t = performance.now();
      const serial = matrix(graph, origins, destinations);
      const serialMs = performance.now() - t;
      t = performance.now();
      const parallel = await matrixParallel(graph, origins, destinations, { workers });
      const parallelMs = performance.now() - t;
      const equal = serial.every((row, i) => row.every((x, j) => Object.is(x, parallel[i]![j])));
      return { serialMs, parallelMs, workers, equal };
    },
    searchBytes: () => search.byteLength,
  };
}

function graphology(): Impl {
  gc();
  const t0 = performance.now();
  const graph = new MultiDirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < arcs.nodeCount; v++) graph.addNode(String(v));
  for (let e = 0; e < m; e++) graph.addEdge(String(arcs.from[e]), String(arcs.to[e]), { weight: arcs.cost[e]! });
  const buildMs = performance.now() - t0;
  let paths: Record<string, string[]> = {};
  /** Cost of a returned node path: the cheapest arc for each step (graphology returns nodes only). */
  const pathCost = (path: string[]) => {
    let total = 0;
    for (let i = 1; i < path.length; i++) {
      let best = Infinity;
      graph.forEachOutEdge(path[i - 1]!, (_e, attr, _s, target) => {
        if (target === path[i] && attr.weight < best) best = attr.weight;
      });
      total += best;
    }
    return total;
  };
  return {
    buildMs,
    info: {},
    query(source) {
      paths = dijkstra.singleSource(graph, String(source), "weight");
    },
    check() {
      const probe = probeTargets.map((t) => (paths[String(t)] ? pathCost(paths[String(t)]!) : null));
      const reach = Object.keys(paths).length;
      paths = {};
      return { reach, probe };
    },
  };
}

function ngraph(): Impl {
  gc();
  const t0 = performance.now();
  const graph = createGraph<unknown, { w: number }>();
  for (let v = 0; v < arcs.nodeCount; v++) graph.addNode(v);
  for (let e = 0; e < m; e++) {
    const [u, v, w] = [arcs.from[e]!, arcs.to[e]!, arcs.cost[e]!];
    const existing = graph.getLink(u, v);
    if (existing) existing.data.w = Math.min(existing.data.w, w);
    else graph.addLink(u, v, { w });
  }
  const buildMs = performance.now() - t0;
  const finder = ngraphPath.aStar(graph, { oriented: true, distance: (_a, _b, link) => link.data.w });
  let path: Array<{ id: string | number }> = [];
  return {
    buildMs,
    info: {},
    query(source, target) {
      path = finder.find(source, target);
    },
    check() {
      // ngraph.path returns the path from target back to source.
      let total = 0;
      for (let j = path.length - 1; j > 0; j--) total += graph.getLink(path[j]!.id, path[j - 1]!.id)!.data.w;
      return { pathCost: path.length ? total : null };
    },
  };
}

/**
 * Exact Shapley attribution needs one evaluation per subset of projects: here `--projects` fast
 * links added to the graph, 2^k subsets, each a cost overlay with the links of the projects not
 * built set to Infinity, then a one-to-many query to 10 targets. One command: `run 0`.
 */
function overlays(): Impl {
  const rand = prng(99);
  const projects = Number(args.projects);
  const n = arcs.nodeCount;
  const from = Int32Array.from([...arcs.from, ...Array.from({ length: projects }, () => Math.floor(rand() * n))]);
  const to = Int32Array.from([...arcs.to, ...Array.from({ length: projects }, () => Math.floor(rand() * n))]);
  const baseCosts = Float64Array.from([...arcs.cost, ...Array.from({ length: projects }, () => 60)]);
  const base: CompiledGraph = compileGraph({ nodeCount: n, from, to, costSecs: baseCosts });
  const search = new ShortestPathSearch(base);
  const targets = Array.from({ length: 10 }, () => Math.floor(rand() * n));
  const row = new Float64Array(targets.length);
  const costs = new Float64Array(baseCosts.length);
  const subsets = 1 << projects;
  return {
    buildMs: 0,
    info: { nodes: n, arcs: from.length, projects, subsets, queue: base.queue },
    query() {
      for (let subset = 0; subset < subsets; subset++) {
        costs.set(baseCosts);
        for (let p = 0; p < projects; p++) if (!((subset >> p) & 1)) costs[m + p] = Infinity;
        search.setGraph(base.withCosts(costs));
        search.oneToManyInto(row, 0, targets);
        sink += row[0]!;
      }
    },
    check: () => ({}),
  };
}

const makers: Record<string, () => Impl> = { core, graphology, ngraph, overlays };
const make = makers[args.impl ?? ""];
if (make === undefined) throw new Error(`--impl ${args.impl}: use ${Object.keys(makers).join(", ")}`);
const impl = make();
const print = (value: Record<string, unknown>) => process.stdout.write(JSON.stringify(value) + "\n");
print({ ready: true, buildMs: impl.buildMs, ...impl.info });

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const [command, ...rest] = line.trim().split(/\s+/);
  const nums = rest.map(Number);
  if (command === "warm") {
    const t0 = performance.now();
    for (let i = 0; i < nums.length || performance.now() - t0 < 300; i++) {
      impl.query(nums[i % nums.length]!, nums[i % nums.length]!);
      impl.check(nums[i % nums.length]!);
    }
    print({ warm: true });
  } else if (command === "run") {
    // Peers allocate per query: collect the previous query's garbage first, so that each query
    // pays for its own. The core allocates nothing per query and is not disturbed.
    if (args.impl !== "core") gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    impl.query(nums[0]!, nums[1] ?? -1);
    const t1 = performance.now();
    const cpuMs = cpuMsSince(c0);
    const gcMs = args.impl === "core" ? 0 : await gcMsBetween(t0, t1);
    print({ ms: t1 - t0, cpuMs, gcMs, ...impl.check(nums[0]!) });
  } else if (command === "extras" && impl.extras) print(impl.extras(nums));
  else if (command === "matrix" && impl.matrix) print(await impl.matrix(nums[0]!, nums[1]!, nums[2]!));
  else if (command === "mem") {
    gc();
    const usage = process.memoryUsage();
    print({
      maxRssMb: peakRssMb(),
      startRssMb,
      heapUsedMb: mb(usage.heapUsed),
      arrayBuffersMb: mb(usage.arrayBuffers),
      searchBytes: impl.searchBytes?.() ?? null,
      sink,
    });
  } else throw new Error(`unknown command ${JSON.stringify(line)} for --impl ${args.impl}`);
}
