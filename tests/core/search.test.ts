import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGraph, CoreError, ShortestPathSearch, UNREACHABLE, type CompiledGraph } from "../../src/index.js";
import { UNREACHABLE_INT32 } from "../../src/core/index.js";
import { bellmanFord, graphArb, graphologyTimes, toGraphology, type RandomGraph } from "./oracles.js";
import { runs } from "../util/property.js";

const RUNS = 150;

/** Every (queue, reorder) configuration; all must agree with the oracles. */
const CONFIGS = [
  { queue: "heap", reorder: false },
  { queue: "heap", reorder: true },
  { queue: "bucket", reorder: false },
  { queue: "bucket", reorder: true },
  { queue: "auto", reorder: false },
] as const;

function expectTimes(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(Array.from(actual)).toEqual(Array.from(expected));
}

/** Sum of the path's edge costs, checking that consecutive nodes are joined by those edges. */
function walk(g: RandomGraph, compiled: CompiledGraph, path: { nodes: number[]; edges: number[] }): number {
  let total = 0;
  path.edges.forEach((e, i) => {
    const [a, b] = [path.nodes[i], path.nodes[i + 1]];
    const ok = (g.from[e] === a && g.to[e] === b) || (!g.directed && g.from[e] === b && g.to[e] === a);
    expect(ok, `edge ${e} does not join ${a} -> ${b}`).toBe(true);
    total += compiled.edgeCostSecs(e);
  });
  return total;
}

describe("ShortestPathSearch on a hand-drawn graph", () => {
  //   0 --60--> 1 --30--> 2
  //   |                   ^
  //   +--------100--------+      3 is isolated; 2 -> 4 costs 0
  const g = compileGraph({ nodeCount: 5, from: [0, 1, 0, 2], to: [1, 2, 2, 4], costSecs: [60, 30, 100, 0] });
  const search = new ShortestPathSearch(g);

  it("oneToAll(source) gives exact seconds and UNREACHABLE for an isolated node", () => {
    expectTimes(search.oneToAll(0), [0, 60, 90, UNREACHABLE, 90]);
  });

  it("pathTo(node) runs origin -> destination with edge ids", () => {
    search.oneToAll(0);
    expect(search.pathTo(4)).toEqual({ nodes: [0, 1, 2, 4], edges: [0, 1, 3], costSecs: 90 });
    expect(search.pathTo(0)).toEqual({ nodes: [0], edges: [], costSecs: 0 });
    expect(search.pathTo(3)).toBeNull();
  });

  it("cutoffSecs keeps times <= cutoff (a node exactly at the cutoff is reported)", () => {
    expectTimes(search.oneToAll(0, { cutoffSecs: 60 }), [0, 60, UNREACHABLE, UNREACHABLE, UNREACHABLE]);
    expectTimes(search.oneToAll(0, { cutoffSecs: 89.999 }), [0, 60, UNREACHABLE, UNREACHABLE, UNREACHABLE]);
    expect(search.pathTo(2)).toBeNull();
  });

  it("reverse: true gives times to the source and paths from each node to it", () => {
    expectTimes(search.oneToAll(4, { reverse: true }), [90, 30, 0, UNREACHABLE, 0]);
    expect(search.pathTo(0)).toEqual({ nodes: [0, 1, 2, 4], edges: [0, 1, 3], costSecs: 90 });
  });

  it("oneToMany(source, targets) keeps target order and repeats", () => {
    expectTimes(search.oneToMany(0, [4, 3, 1, 4]), [90, UNREACHABLE, 60, 90]);
  });

  it("multiSource(sources, startSecs) takes the best offset source", () => {
    expectTimes(search.multiSource([0, 1], [0, 50], {}), [0, 50, 80, UNREACHABLE, 80]);
    expect(search.pathTo(2)).toEqual({ nodes: [1, 2], edges: [1], costSecs: 80 });
  });
});

describe("ShortestPathSearch agrees with oracles on random graphs", () => {
  for (const config of CONFIGS) {
    it(`oneToAll = Bellman–Ford = graphology-shortest-path (queue ${config.queue}, reorder ${config.reorder})`, () => {
      fc.assert(
        fc.property(graphArb(), fc.nat(), (g, pick) => {
          const source = pick % g.nodeCount;
          const compiled = compileGraph(g, config);
          const search = new ShortestPathSearch(compiled);
          const times = search.oneToAll(source);
          expectTimes(times, bellmanFord(g, [source], [0]));
          expectTimes(times, graphologyTimes(toGraphology(g), source, g.nodeCount));
          for (let v = 0; v < g.nodeCount; v++) {
            const path = search.pathTo(v);
            if (times[v] === Infinity) expect(path).toBeNull();
            else {
              expect(path!.nodes[0]).toBe(source);
              expect(path!.nodes.at(-1)).toBe(v);
              expect(walk(g, compiled, path!)).toBe(times[v]);
              expect(path!.costSecs).toBe(times[v]);
            }
          }
        }),
        runs(RUNS),
      );
    });
  }

  it("fractional costs (heap) match Bellman–Ford", () => {
    fc.assert(
      fc.property(graphArb({ fractional: true }), fc.nat(), (g, pick) => {
        const source = pick % g.nodeCount;
        const compiled = compileGraph(g);
        expectTimes(new ShortestPathSearch(compiled).oneToAll(source), bellmanFord(g, [source], [0]));
      }),
      runs(RUNS),
    );
  });

  it("bounded search = full search filtered by the cutoff (<=)", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.integer({ min: 0, max: 6000 }), (g, pick, cutoffSecs) => {
        const source = pick % g.nodeCount;
        const search = new ShortestPathSearch(compileGraph(g));
        const full = Array.from(search.oneToAll(source)).map((t) => (t <= cutoffSecs ? t : Infinity));
        expectTimes(search.oneToAll(source, { cutoffSecs }), full);
      }),
      runs(RUNS),
    );
  });

  it("adding an edge or lowering a cost never increases a time", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.nat(), fc.nat(), fc.nat(100), (g, pick, a, b, c) => {
        const n = g.nodeCount;
        const source = pick % n;
        const before = new ShortestPathSearch(compileGraph(g)).oneToAll(source);
        const added = { ...g, from: [...g.from, a % n], to: [...g.to, b % n], costSecs: [...g.costSecs, c] };
        const lowered = { ...g, costSecs: g.costSecs.map((x, i) => (i === pick % Math.max(1, g.costSecs.length) ? Math.floor(x / 2) : x)) };
        for (const variant of [added, lowered]) {
          const after = new ShortestPathSearch(compileGraph(variant)).oneToAll(source);
          for (let v = 0; v < n; v++) expect(after[v]).toBeLessThanOrEqual(before[v]!);
        }
      }),
      runs(RUNS),
    );
  });

  it("multiSource = min over sources of offset + single-source time (heap and bucket, integer and fractional offsets)", () => {
    fc.assert(
      fc.property(
        graphArb(),
        // Whole-second offsets (bucket queue) or eighths (heap fallback), in a range that competes with path costs.
        fc.oneof(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 300 })), { maxLength: 6 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2400 }).map((x) => x / 8)), { maxLength: 6 }),
        ),
        fc.constantFrom("heap", "auto"),
        (g, picks, queue) => {
          const sources = picks.map(([p]) => p % g.nodeCount);
          const starts = picks.map(([, t]) => t);
          const search = new ShortestPathSearch(compileGraph(g, { queue }));
          const expected = new Array<number>(g.nodeCount).fill(Infinity);
          sources.forEach((s, i) => {
            const single = search.oneToAll(s);
            for (let v = 0; v < g.nodeCount; v++) expected[v] = Math.min(expected[v]!, starts[i]! + single[v]!);
          });
          const times = search.multiSource(sources, starts);
          expectTimes(times, expected);
          expectTimes(times, bellmanFord(g, sources, starts));
          for (let v = 0; v < g.nodeCount; v++) {
            const path = search.pathTo(v);
            if (times[v] === Infinity) continue;
            const i = sources.findIndex((s, j) => s === path!.nodes[0] && starts[j]! + 0 === Math.min(...starts.filter((_, k) => sources[k] === s)));
            expect(i).toBeGreaterThanOrEqual(0);
            expect(walk(g, compileGraph(g), path!) + starts[i]!).toBe(times[v]);
          }
        },
      ),
      runs(400),
    );
  });

  it("reverse search = forward search on every pair, and reverse paths end at the root", () => {
    fc.assert(
      fc.property(graphArb({ maxNodes: 8 }), fc.boolean(), (g, reorder) => {
        const compiled = compileGraph(g, { reorder });
        const search = new ShortestPathSearch(compiled);
        const forward = Array.from({ length: g.nodeCount }, (_, s) => Array.from(search.oneToAll(s)));
        for (let t = 0; t < g.nodeCount; t++) {
          const back = search.oneToAll(t, { reverse: true });
          for (let s = 0; s < g.nodeCount; s++) {
            expect(back[s]).toBe(forward[s]![t]);
            const path = search.pathTo(s);
            if (back[s] === Infinity) expect(path).toBeNull();
            else {
              expect(path!.nodes[0]).toBe(s);
              expect(path!.nodes.at(-1)).toBe(t);
              expect(walk(g, compiled, path!)).toBe(back[s]);
            }
          }
        }
      }),
      runs(80),
    );
  });

  it("oneToMany = oneToAll at the targets, also with a cutoff and reverse", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), fc.option(fc.nat(3000), { nil: undefined }), (g, pick, tp, reverse, cutoffSecs) => {
        const source = pick % g.nodeCount;
        const targets = tp.map((t) => t % g.nodeCount);
        const search = new ShortestPathSearch(compileGraph(g));
        const all = search.oneToAll(source, { reverse, cutoffSecs });
        const some = search.oneToMany(source, targets, { reverse, cutoffSecs });
        expectTimes(some, targets.map((t) => all[t]!));
        for (const t of targets) if (all[t]! < Infinity) expect(search.pathTo(t)!.costSecs).toBe(all[t]);
      }),
      runs(RUNS),
    );
  });
});

describe("cost overlays (withCosts)", () => {
  it("withCosts(costs) gives the same results as compiling with those costs; Infinity disables an edge", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.array(fc.oneof(fc.nat(400), fc.constant(Infinity), fc.nat(400).map((x) => x / 4))), (g, pick, newCosts) => {
        const source = pick % g.nodeCount;
        const costSecs = g.costSecs.map((c, i) => newCosts[i] ?? c);
        const base = compileGraph(g);
        const overlay = base.withCosts(costSecs);
        const recompiled = compileGraph({ ...g, costSecs });
        const search = new ShortestPathSearch(base);
        search.setGraph(overlay);
        const viaOverlay = search.oneToAll(source);
        expectTimes(viaOverlay, new ShortestPathSearch(recompiled).oneToAll(source));
        expectTimes(viaOverlay, bellmanFord({ ...g, costSecs }, [source], [0]));
        for (let e = 0; e < g.from.length; e++) expect(overlay.edgeCostSecs(e)).toBe(costSecs[e]);
        search.setGraph(base);
        expectTimes(search.oneToAll(source), bellmanFord(g, [source], [0]));
      }),
      runs(RUNS),
    );
  });

  it("setGraph(other topology) throws CoreError", () => {
    const a = compileGraph({ nodeCount: 2, from: [0], to: [1], costSecs: [1] });
    const b = compileGraph({ nodeCount: 2, from: [0], to: [1], costSecs: [1] });
    expect(() => new ShortestPathSearch(a).setGraph(b)).toThrow(CoreError);
  });
});

describe("queue and layout switches give identical output", () => {
  it("heap = bucket, reorder on = off (oneToAll, bounded, reverse)", () => {
    fc.assert(
      fc.property(graphArb({ maxNodes: 30, maxEdges: 90 }), fc.nat(), fc.integer({ min: 0, max: 8000 }), fc.boolean(), (g, pick, cutoffSecs, reverse) => {
        const source = pick % g.nodeCount;
        const variants = [
          compileGraph(g, { queue: "heap" }),
          compileGraph(g, { queue: "bucket" }),
          compileGraph(g, { queue: "heap", reorder: true }),
          compileGraph(g, { queue: "bucket", reorder: true }),
        ];
        expect(variants.map((v) => v.queue)).toEqual(["heap", "bucket", "heap", "bucket"]);
        const results = variants.map((v) => Array.from(new ShortestPathSearch(v).oneToAll(source, { cutoffSecs, reverse })));
        for (const r of results) expect(r).toEqual(results[0]);
      }),
      runs(RUNS),
    );
  });

  it('reorder "spatial" (Hilbert order over coordinates) = "bfs" = off: times, paths, multi-source, one-to-many', () => {
    const coords = (n: number) => fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2 * n, maxLength: 2 * n });
    fc.assert(
      fc.property(
        graphArb({ maxNodes: 30, maxEdges: 90 }).chain((g) => fc.tuple(fc.constant(g), coords(g.nodeCount))),
        fc.nat(),
        fc.nat(),
        fc.constantFrom("heap", "bucket"),
        ([g, coordinates], a, b, queue) => {
          const [s1, s2] = [a % g.nodeCount, b % g.nodeCount];
          const input = { ...g, coordinates };
          const off = compileGraph(input, { queue });
          const variants = [off, compileGraph(input, { queue, reorder: "bfs" }), compileGraph(input, { queue, reorder: "spatial" })];
          expect(variants.map((v) => v.reordered)).toEqual([false, true, true]);
          const run = (graph: CompiledGraph) => {
            const search = new ShortestPathSearch(graph);
            const times = Array.from(search.oneToAll(s1));
            const paths = times.map((_, v) => search.pathTo(v)?.costSecs ?? Infinity);
            const pathWalks = times.map((_, v) => {
              const p = search.pathTo(v);
              return p === null ? Infinity : walk(g, graph, p);
            });
            return {
              times,
              paths,
              pathWalks,
              reverse: Array.from(search.oneToAll(s2, { reverse: true })),
              multi: Array.from(search.multiSource([s1, s2], [30, 0])),
              many: Array.from(search.oneToMany(s2, [s1, s2])),
            };
          };
          const expected = run(off);
          expect(expected.times).toEqual(bellmanFord(g, [s1], [0]));
          expect(expected.paths).toEqual(expected.times);
          expect(expected.pathWalks).toEqual(expected.times);
          for (const v of variants.slice(1)) expect(run(v)).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: RUNS },
    );
  });

  it('reorder "spatial" needs valid coordinates (CoreError naming the entry)', () => {
    const g = { nodeCount: 2, from: [0], to: [1], costSecs: [3] };
    expect(() => compileGraph(g, { reorder: "spatial" })).toThrow(/needs input.coordinates/);
    expect(() => compileGraph({ ...g, coordinates: [0, 0, 1] }, { reorder: "spatial" })).toThrow(/2 × nodeCount = 4 numbers.*length 3/);
    expect(() => compileGraph({ ...g, coordinates: [0, 0, NaN, 1] }, { reorder: "spatial" })).toThrow(/coordinates\[2\] = NaN \(lon of node 1\)/);
    expect(() => compileGraph(g, { reorder: "hilbert" as never })).toThrow(/"bfs" or "spatial"/);
  });
});

describe("degenerate graphs", () => {
  it("a single node reaches itself at 0", () => {
    const g = compileGraph({ nodeCount: 1, from: [], to: [], costSecs: [] });
    expectTimes(new ShortestPathSearch(g).oneToAll(0), [0]);
  });
  it("an empty graph compiles; multiSource with no sources gives an empty array", () => {
    const g = compileGraph({ nodeCount: 0, from: [], to: [], costSecs: [] });
    const search = new ShortestPathSearch(g);
    expect(search.multiSource([], []).length).toBe(0);
    expect(() => search.oneToAll(0)).toThrow(CoreError);
  });
  it("no sources: every node is UNREACHABLE", () => {
    const g = compileGraph({ nodeCount: 3, from: [0], to: [1], costSecs: [5] });
    expectTimes(new ShortestPathSearch(g).multiSource([], []), [Infinity, Infinity, Infinity]);
  });
});

describe("bucket queue edge cases", () => {
  it("times beyond the Int32 key range fall back to the heap and stay exact", () => {
    // A 3000-node chain of 2^20-second arcs: the far end is ~3.1e9 s away, past the bucket's key cap.
    const n = 3000;
    const from = Array.from({ length: n - 1 }, (_, i) => i);
    const to = from.map((i) => i + 1);
    const costSecs = from.map(() => 2 ** 20);
    const g = compileGraph({ nodeCount: n, from, to, costSecs }, { queue: "bucket" });
    const search = new ShortestPathSearch(g);
    const times = search.oneToAll(0);
    expect(times[n - 1]).toBe((n - 1) * 2 ** 20);
    expectTimes(times, bellmanFord({ nodeCount: n, from, to, costSecs }, [0], [0]));
    expect(search.pathTo(n - 1)!.edges.length).toBe(n - 1);
    expect(search.oneToAll(0, { cutoffSecs: 5 * 2 ** 20 })[6]).toBe(Infinity);
  });

  it("multi-source offsets spread far wider than the largest arc cost", () => {
    fc.assert(
      fc.property(graphArb({ maxNodes: 15 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 200_000 })), { minLength: 1, maxLength: 6 }), (g, picks) => {
        const sources = picks.map(([p]) => p % g.nodeCount);
        const starts = picks.map(([, t]) => t);
        const small = { ...g, costSecs: g.costSecs.map((c) => c % 20) };
        expectTimes(new ShortestPathSearch(compileGraph(small, { queue: "bucket" })).multiSource(sources, starts), bellmanFord(small, sources, starts));
      }),
      runs(200),
    );
  });
});

describe("oneToAllInt32(source, options) on bucket graphs", () => {
  const asInt32 = (times: ArrayLike<number>) => Array.from(times, (t) => (t === Infinity ? UNREACHABLE_INT32 : t));

  it("= oneToAll with UNREACHABLE_INT32 for Infinity (reorder off and on, forward and reverse, cutoffs)", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.boolean(), fc.boolean(), fc.option(fc.nat(6000), { nil: undefined }), (g, pick, reorder, reverse, cutoffSecs) => {
        const source = pick % g.nodeCount;
        const search = new ShortestPathSearch(compileGraph(g, { queue: "bucket", reorder }));
        const expected = bellmanFord(g, [source], [0], reverse).map((t) => (t <= (cutoffSecs ?? Infinity) ? t : Infinity));
        const out = new Int32Array(g.nodeCount).fill(-5); // stale content must not survive
        expect(search.oneToAllInt32Into(out, source, { cutoffSecs, reverse })).toBe(out);
        expect(Array.from(out)).toEqual(asInt32(expected));
        // pathTo after an Int32 query: repeats it internally, never reads `out`.
        out.fill(0);
        for (let v = 0; v < g.nodeCount; v++) {
          const path = search.pathTo(v);
          expect(path === null ? Infinity : path.costSecs).toBe(expected[v]);
        }
        // Later queries never write into the caller's array, and are unaffected by it.
        const snapshot = Array.from(out);
        expectTimes(search.oneToAll(source, { cutoffSecs, reverse }), expected);
        expect(Array.from(search.oneToAllInt32(source, { cutoffSecs, reverse }))).toEqual(asInt32(expected));
        expect(Array.from(out)).toEqual(snapshot);
      }),
      { seed: 42, numRuns: RUNS },
    );
  });

  it("interleaves with oneToMany early stops and multiSource on the same search object", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.nat(), (g, a, b) => {
        const [s1, s2] = [a % g.nodeCount, b % g.nodeCount];
        const search = new ShortestPathSearch(compileGraph(g, { queue: "bucket" }));
        const all1 = bellmanFord(g, [s1], [0]);
        const all2 = bellmanFord(g, [s2], [0]);
        expectTimes(search.oneToMany(s1, [s2]), [all1[s2]!]);
        expect(Array.from(search.oneToAllInt32(s2))).toEqual(asInt32(all2));
        expectTimes(search.multiSource([s1, s2], [0, 7]), bellmanFord(g, [s1, s2], [0, 7]));
        expect(Array.from(search.oneToAllInt32(s1))).toEqual(asInt32(all1));
      }),
      { seed: 42, numRuns: RUNS },
    );
  });

  it("search.byteLength grows only with the buffers a query kind needs (bucket graph)", () => {
    const n = 1000;
    const from = Array.from({ length: n - 1 }, (_, i) => i);
    const g = compileGraph({ nodeCount: n, from, to: from.map((i) => i + 1), costSecs: from.map(() => 10) }, { queue: "bucket" });
    const search = new ShortestPathSearch(g);
    const ring = 32 * 4 + 4; // 32 bucket heads + one bitmap word
    expect(search.byteLength).toBe(4 * n); // the touched list
    search.oneToAllInt32(0); // distances live in the caller's array: bucket links and the ring only
    expect(search.byteLength).toBe(4 * n + 8 * n + ring);
    search.oneToAll(0); // Float64 results: the internal Int32 distances
    expect(search.byteLength).toBe(4 * n + 8 * n + ring + 4 * n);
    search.pathTo(5); // predecessors, on the first path request
    expect(search.byteLength).toBe(4 * n + 8 * n + ring + 4 * n + 4 * n);
  });

  it("throws CoreError on a heap graph, a wrong out array, and times past the Int32 range", () => {
    const heap = new ShortestPathSearch(compileGraph({ nodeCount: 2, from: [0], to: [1], costSecs: [0.5] }));
    expect(() => heap.oneToAllInt32(0)).toThrow(/queue is "bucket".*oneToAllInto/);
    const bucket = new ShortestPathSearch(compileGraph({ nodeCount: 2, from: [0], to: [1], costSecs: [5] }, { queue: "bucket" }));
    expect(() => bucket.oneToAllInt32Into(new Int32Array(3), 0)).toThrow(/length nodeCount = 2, got length 3/);
    expect(() => bucket.oneToAllInt32Into(new Float64Array(2) as never, 0)).toThrow(CoreError);
    // A chain whose far end is ~3.1e9 s away: the query falls back to the heap, and Int32 cannot hold it.
    const n = 3000;
    const from = Array.from({ length: n - 1 }, (_, i) => i);
    const far = new ShortestPathSearch(compileGraph({ nodeCount: n, from, to: from.map((i) => i + 1), costSecs: from.map(() => 2 ** 20) }, { queue: "bucket" }));
    expect(() => far.oneToAllInt32(0)).toThrow(/node 1024 is 1073741824 s away/);
    expect(Array.from(far.oneToAllInt32(0, { cutoffSecs: 2 ** 21 }).subarray(0, 4))).toEqual([0, 2 ** 20, 2 ** 21, UNREACHABLE_INT32]);
  });
});

describe("pathTo(node) lifecycle", () => {
  const g = compileGraph({ nodeCount: 4, from: [0, 1, 2], to: [1, 2, 3], costSecs: [1, 1, 1] });
  it("returns null before any query and after setGraph", () => {
    const search = new ShortestPathSearch(g);
    expect(search.pathTo(0)).toBeNull();
    search.oneToAll(0);
    expect(search.pathTo(3)!.nodes).toEqual([0, 1, 2, 3]);
    search.setGraph(g.withCosts([1, 1, 1]));
    expect(search.pathTo(3)).toBeNull();
  });
  it("after a one-to-many stop, settled nodes have paths and unsettled ones give null (heap and bucket)", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom("heap", "bucket"), (rg, pick, tp, queue) => {
        const source = pick % rg.nodeCount;
        const targets = tp.map((t) => t % rg.nodeCount);
        const compiled = compileGraph(rg, { queue });
        const search = new ShortestPathSearch(compiled);
        const all = bellmanFord(rg, [source], [0]);
        const some = search.oneToMany(source, targets);
        expectTimes(some, targets.map((t) => all[t]!));
        for (let v = 0; v < rg.nodeCount; v++) {
          const path = search.pathTo(v);
          if (path !== null) {
            expect(path.costSecs).toBe(all[v]);
            expect(walk(rg, compiled, path)).toBe(all[v]);
          } else if (targets.includes(v)) expect(all[v]).toBe(Infinity);
        }
        // A full query afterwards is unaffected by the early stop's leftovers.
        expectTimes(search.oneToAll(source), all);
      }),
      runs(RUNS),
    );
  });
});

describe("metamorphic relations", () => {
  it("scaling every cost by k scales every time by k (whole and quarter-second costs)", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.boolean(), (g, pick, k, quarter) => {
        const source = pick % g.nodeCount;
        const factor = quarter ? k / 4 : k;
        const base = new ShortestPathSearch(compileGraph(g)).oneToAll(source);
        const scaled = new ShortestPathSearch(compileGraph({ ...g, costSecs: g.costSecs.map((c) => c * factor) })).oneToAll(source);
        expectTimes(scaled, Array.from(base, (t) => t * factor));
      }),
      runs(RUNS),
    );
  });

  it("triangle inequality: time(s, v) <= time(s, u) + time(u, v)", () => {
    fc.assert(
      fc.property(graphArb({ maxNodes: 10 }), (g) => {
        const search = new ShortestPathSearch(compileGraph(g));
        const all = Array.from({ length: g.nodeCount }, (_, s) => Array.from(search.oneToAll(s)));
        for (let s = 0; s < g.nodeCount; s++)
          for (let u = 0; u < g.nodeCount; u++)
            for (let v = 0; v < g.nodeCount; v++) expect(all[s]![v]!).toBeLessThanOrEqual(all[s]![u]! + all[u]![v]!);
      }),
      runs(60),
    );
  });

  it("the compiled graph keeps no reference to the input arrays", () => {
    const input = { nodeCount: 3, from: [0, 1], to: [1, 2], costSecs: [10, 20], ids: ["a", "b", "c"] };
    const g = compileGraph(input);
    input.costSecs[0] = 1000;
    input.to[1] = 0;
    input.ids[0] = "z";
    expectTimes(new ShortestPathSearch(g).oneToAll(0), [0, 10, 30]);
    expect(g.idOf(0)).toBe("a");
  });
});

describe("disabled edges (Infinity) on the bucket queue", () => {
  it("withCosts with Infinity on a bucket graph = Bellman–Ford without those edges (forward, reverse, cutoff, fractional offsets)", () => {
    fc.assert(
      fc.property(
        graphArb(),
        fc.array(fc.oneof(fc.nat(300), fc.constant(Infinity))),
        fc.nat(),
        fc.boolean(),
        fc.option(fc.nat(4000), { nil: undefined }),
        (g, newCosts, pick, reverse, cutoffSecs) => {
          const source = pick % g.nodeCount;
          const costSecs = g.costSecs.map((c, i) => newCosts[i] ?? c);
          const overlay = compileGraph(g, { queue: "bucket" }).withCosts(costSecs);
          expect(overlay.queue).toBe("bucket");
          const kept = costSecs.map((c) => c < Infinity);
          const pruned = {
            ...g,
            from: g.from.filter((_, i) => kept[i]),
            to: g.to.filter((_, i) => kept[i]),
            costSecs: costSecs.filter((_, i) => kept[i]),
          };
          const search = new ShortestPathSearch(overlay);
          const limit = cutoffSecs ?? Infinity;
          const expected = bellmanFord(pruned, [source], [0], reverse).map((t) => (t <= limit ? t : Infinity));
          expectTimes(search.oneToAll(source, { reverse, cutoffSecs }), expected);
          // A fractional offset sends the query to the heap over the same overlay.
          expectTimes(
            search.multiSource([source], [0.5], { reverse }),
            bellmanFord(pruned, [source], [0.5], reverse),
          );
          for (let e = 0; e < costSecs.length; e++) expect(overlay.edgeCostSecs(e)).toBe(costSecs[e]);
        },
      ),
      runs(RUNS),
    );
  });
});
