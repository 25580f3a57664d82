/**
 * One implementation on one graph, in its own process so that its memory is measured alone.
 * Run by run.ts; prints one JSON object on stdout.
 *
 *   tsx --expose-gc benchmarks/impl.ts --impl core|graphology|ngraph --graph G.bin --sources S.bin
 *       [--targets T.bin] [--queue bucket|heap] [--reorder] [--warmup N] [--extras]
 */
import { parseArgs } from "node:util";
import { MultiDirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import createGraph from "ngraph.graph";
import ngraphPath from "ngraph.path";
import { compileGraph, matrix, matrixParallel, ShortestPathSearch } from "../src/index.js";
import { prng, readArcs, readInts } from "./graphs.js";

const { values: args } = parseArgs({
  options: {
    impl: { type: "string" },
    graph: { type: "string" },
    sources: { type: "string" },
    targets: { type: "string" },
    queue: { type: "string", default: "bucket" },
    reorder: { type: "boolean", default: false },
    warmup: { type: "string", default: "3" },
    extras: { type: "boolean", default: false },
    matrix: { type: "boolean", default: false },
    workers: { type: "string", default: "2" },
    projects: { type: "string", default: "16" },
  },
});

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
/** Defeats dead-code elimination of benchmarked results. */
let sink = 0;

const arcs = readArcs(args.graph!);
const sources = args.sources ? readInts(args.sources) : [];
const warmup = Number(args.warmup);
const m = arcs.from.length;

function measureBuild<T>(build: () => T): { value: T; buildMs: number; heapDeltaMb: number; rssDeltaMb: number } {
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const value = build();
  const buildMs = performance.now() - t0;
  gc();
  const after = process.memoryUsage();
  return {
    value,
    buildMs,
    heapDeltaMb: mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers),
    rssDeltaMb: mb(after.rss - before.rss),
  };
}

function timeEach(list: number[], run: (s: number) => void): number[] {
  return list.map((s) => {
    const t0 = performance.now();
    run(s);
    return performance.now() - t0;
  });
}

async function runCore(): Promise<Record<string, unknown>> {
  const queue = args.queue as "bucket" | "heap";
  const built = measureBuild(() =>
    compileGraph({ nodeCount: arcs.nodeCount, from: arcs.from, to: arcs.to, costSecs: arcs.cost }, { queue, reorder: args.reorder }),
  );
  const graph = built.value;
  const search = new ShortestPathSearch(graph);
  const out = new Float64Array(graph.nodeCount);
  // Warm up until the JIT has settled: at least `warmup` queries and at least 300 ms.
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < 300; i++) search.oneToAllInto(out, sources[i % sources.length]!);
  const check: Array<[number, number]> = [];
  const farthest: number[] = [];
  const farthestSecs: number[] = [];
  const ms = sources.map((s) => {
    const t0 = performance.now();
    search.oneToAllInto(out, s);
    const t = performance.now() - t0;
    let reach = 0;
    let sum = 0;
    let far = s;
    for (let v = 0; v < out.length; v++) {
      const d = out[v]!;
      if (d < Infinity) {
        reach++;
        sum += d;
        if (d > out[far]!) far = v;
      }
    }
    check.push([reach, sum]);
    farthest.push(far);
    farthestSecs.push(out[far]!);
    return t;
  });
  const result: Record<string, unknown> = {
    buildMs: built.buildMs,
    heapDeltaMb: built.heapDeltaMb,
    rssDeltaMb: built.rssDeltaMb,
    graphBytes: graph.byteLength,
    bytesPerArc: graph.byteLength / graph.arcCount,
    queue: graph.queue,
    ms,
    check,
    farthest,
    farthestSecs,
  };
  if (args.extras) {
    const bounded: Record<string, number[]> = {};
    for (const cutoffSecs of [1800, 7200]) {
      search.oneToAllInto(out, sources[0]!, { cutoffSecs });
      bounded[cutoffSecs] = timeEach(sources, (s) => search.oneToAllInto(out, s, { cutoffSecs }));
    }
    result.bounded = bounded;
    const reverseMs = timeEach(sources, (s) => search.oneToAllInto(out, s, { reverse: true }));
    result.reverseMs = reverseMs;
  }
  if (args.matrix) {
    // 100 x 100 matrix between seeded nodes (the first sources are reused as origins).
    const pick = (offset: number) => Array.from({ length: 100 }, (_, i) => (sources[i % sources.length]! * 7919 + i * 104729 + offset) % graph.nodeCount);
    const origins = pick(1);
    const destinations = pick(2);
    let t0 = performance.now();
    const serial = matrix(graph, origins, destinations);
    const serialMs = performance.now() - t0;
    t0 = performance.now();
    const parallel = await matrixParallel(graph, origins, destinations, { workers: Number(args.workers) });
    const parallelMs = performance.now() - t0;
    const equal = serial.every((row, i) => row.every((t, j) => Object.is(t, parallel[i]![j])));
    result.matrix = { serialMs, parallelMs, workers: Number(args.workers), equal };
  }
  sink += out[0]!;
  return result;
}

function runGraphology(): Record<string, unknown> {
  const built = measureBuild(() => {
    const graph = new MultiDirectedGraph<Record<string, never>, { weight: number }>();
    for (let v = 0; v < arcs.nodeCount; v++) graph.addNode(String(v));
    for (let e = 0; e < m; e++) graph.addEdge(String(arcs.from[e]), String(arcs.to[e]), { weight: arcs.cost[e]! });
    return graph;
  });
  const graph = built.value;
  for (let i = 0; i < warmup; i++) sink += Object.keys(dijkstra.singleSource(graph, String(sources[i % sources.length]), "weight")).length;
  const check: Array<[number, null]> = [];
  const ms = sources.map((s) => {
    const t0 = performance.now();
    const paths = dijkstra.singleSource(graph, String(s), "weight");
    const t = performance.now() - t0;
    check.push([Object.keys(paths).length, null]);
    return t;
  });
  return { buildMs: built.buildMs, heapDeltaMb: built.heapDeltaMb, rssDeltaMb: built.rssDeltaMb, ms, check };
}

function runNgraph(): Record<string, unknown> {
  const targets = readInts(args.targets!);
  const built = measureBuild(() => {
    const graph = createGraph<unknown, { w: number }>();
    for (let v = 0; v < arcs.nodeCount; v++) graph.addNode(v);
    for (let e = 0; e < m; e++) {
      const [u, v, w] = [arcs.from[e]!, arcs.to[e]!, arcs.cost[e]!];
      const existing = graph.getLink(u, v);
      if (existing) existing.data.w = Math.min(existing.data.w, w);
      else graph.addLink(u, v, { w });
    }
    return graph;
  });
  const graph = built.value;
  const finder = ngraphPath.aStar(graph, { oriented: true, distance: (_a, _b, link) => link.data.w });
  for (let i = 0; i < warmup; i++) sink += finder.find(sources[i % sources.length]!, targets[i % targets.length]!).length;
  const costs: number[] = [];
  const ms = sources.map((s, i) => {
    const t0 = performance.now();
    const path = finder.find(s, targets[i]!);
    const t = performance.now() - t0;
    // ngraph.path returns the path from target back to source.
    let total = 0;
    for (let j = path.length - 1; j > 0; j--) total += graph.getLink(path[j]!.id, path[j - 1]!.id)!.data.w;
    costs.push(total);
    return t;
  });
  return { buildMs: built.buildMs, heapDeltaMb: built.heapDeltaMb, rssDeltaMb: built.rssDeltaMb, ms, pathCosts: costs };
}

/**
 * Exact Shapley attribution needs one evaluation per subset of projects: here 16 projects (fast
 * links added to the graph), 2^16 subsets, each a cost overlay with the links of the projects not
 * built set to Infinity, then a one-to-many query to 10 targets.
 */
function runOverlays(): Record<string, unknown> {
  const rand = prng(99);
  const projects = Number(args.projects);
  const n = arcs.nodeCount;
  const from = Int32Array.from([...arcs.from, ...Array.from({ length: projects }, () => Math.floor(rand() * n))]);
  const to = Int32Array.from([...arcs.to, ...Array.from({ length: projects }, () => Math.floor(rand() * n))]);
  const baseCosts = Float64Array.from([...arcs.cost, ...Array.from({ length: projects }, () => 60)]);
  const base = compileGraph({ nodeCount: n, from, to, costSecs: baseCosts });
  const search = new ShortestPathSearch(base);
  const targets = Array.from({ length: 10 }, () => Math.floor(rand() * n));
  const row = new Float64Array(targets.length);
  const costs = new Float64Array(baseCosts.length);
  const subsets = 1 << projects;
  const t0 = performance.now();
  for (let subset = 0; subset < subsets; subset++) {
    costs.set(baseCosts);
    for (let p = 0; p < projects; p++) if (!((subset >> p) & 1)) costs[m + p] = Infinity;
    search.setGraph(base.withCosts(costs));
    search.oneToManyInto(row, 0, targets);
    sink += row[0]!;
  }
  const totalMs = performance.now() - t0;
  return { nodes: n, arcs: from.length, projects, subsets, totalMs, usPerSubset: (totalMs * 1000) / subsets, queue: base.queue, ms: [totalMs] };
}

const result =
  args.impl === "core"
    ? await runCore()
    : args.impl === "graphology"
      ? runGraphology()
      : args.impl === "ngraph"
        ? runNgraph()
        : args.impl === "overlays"
          ? runOverlays()
          : null;
if (result === null) throw new Error(`--impl ${args.impl}: use core, graphology or ngraph`);
result.maxRssMb = mb(process.resourceUsage().maxRSS * 1024);
result.sink = sink;
process.stdout.write(JSON.stringify(result) + "\n");
