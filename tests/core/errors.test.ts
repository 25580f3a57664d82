import { describe, expect, it } from "vitest";
import { DirectedGraph } from "graphology";
import { compileGraph, compileGraphology, CoreError, matrix, ShortestPathSearch } from "../../src/index.js";

const base = { nodeCount: 3, from: [0, 1], to: [1, 2], costSecs: [5, 5] };

function throwsCore(fn: () => unknown, ...fragments: string[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CoreError);
  expect((caught as CoreError).name).toBe("CoreError");
  for (const f of fragments) expect((caught as Error).message).toContain(f);
}

describe("compileGraph(input) rejects bad input with CoreError naming the value", () => {
  it("negative, NaN and -Infinity costs", () => {
    throwsCore(() => compileGraph({ ...base, costSecs: [5, -1] }), "costSecs[1]", "-1");
    throwsCore(() => compileGraph({ ...base, costSecs: [NaN, 5] }), "costSecs[0]", "NaN");
    throwsCore(() => compileGraph({ ...base, costSecs: [5, -Infinity] }), "-Infinity");
  });
  it("out-of-range and non-integer node indices", () => {
    throwsCore(() => compileGraph({ ...base, to: [1, 3] }), "to[1]", "3", "0..2");
    throwsCore(() => compileGraph({ ...base, from: [0.5, 1] }), "from[0]", "0.5");
  });
  it("mismatched lengths, bad nodeCount, duplicate ids, bad queue", () => {
    throwsCore(() => compileGraph({ ...base, costSecs: [5] }), "lengths 2, 2, 1");
    throwsCore(() => compileGraph({ ...base, nodeCount: -1 }), "nodeCount", "-1");
    throwsCore(() => compileGraph({ ...base, ids: ["a", "b", "a"] }), "ids[2]", '"a"');
    throwsCore(() => compileGraph(base, { queue: "fast" as never }), '"fast"');
  });
  it("queue \"bucket\" with fractional costs names the edge", () => {
    throwsCore(() => compileGraph({ ...base, costSecs: [5, 2.5] }, { queue: "bucket" }), "[1]", "2.5", "heap");
  });
  it("withCosts with a wrong length or a negative cost", () => {
    const g = compileGraph(base);
    throwsCore(() => g.withCosts([1]), "2 costs", "length 1");
    throwsCore(() => g.withCosts([1, -3]), "[1]", "-3");
  });
});

describe("ids and indices", () => {
  const g = compileGraph({ ...base, ids: ["QJ_EAST", "WS", "__proto__"] });
  it("indexOf(id) and idOf(index) round-trip, including __proto__", () => {
    expect(g.indexOf("__proto__")).toBe(2);
    expect(g.idOf(g.indexOf("WS"))).toBe("WS");
  });
  it("indexOf(unknown id) suggests the closest id", () => {
    throwsCore(() => g.indexOf("QJ_EASTT"), '"QJ_EASTT"', 'did you mean "QJ_EAST"');
  });
  it("default ids are String(index)", () => {
    const d = compileGraph(base);
    expect(d.idOf(2)).toBe("2");
    expect(d.indexOf("1")).toBe(1);
    throwsCore(() => d.indexOf("01"), '"01"');
    throwsCore(() => d.indexOf("3"), '"3"');
  });
  it("search calls reject out-of-range sources, targets and bad options", () => {
    const s = new ShortestPathSearch(g);
    throwsCore(() => s.oneToAll(3), "source", "3", "0..2");
    throwsCore(() => s.oneToAll(-1), "-1");
    throwsCore(() => s.oneToMany(0, [0, 7]), "targets[1]", "7");
    throwsCore(() => s.multiSource([0], [NaN]), "startSecs[0]", "NaN");
    throwsCore(() => s.multiSource([0, 1], [0]), "startSecs");
    throwsCore(() => s.oneToAll(0, { cutoffSecs: -5 }), "cutoffSecs", "-5");
    throwsCore(() => s.oneToAll(0, { cutoffSecs: NaN }), "NaN");
    throwsCore(() => s.oneToAllInto(new Float64Array(2), 0), "length nodeCount = 3");
    throwsCore(() => s.pathTo(9), "9");
    throwsCore(() => matrix(g, [0], [5]), "destinations[0]", "5");
  });
  it("multiSource rejects negative, NaN and infinite start offsets, naming the entry, its source and the fix", () => {
    for (const queue of ["heap", "bucket"] as const) {
      const s = new ShortestPathSearch(compileGraph(base, { queue }));
      throwsCore(() => s.multiSource([0, 2], [0, -60]), "startSecs[1] = -60", "sources[1] = 2", ">= 0");
      throwsCore(() => s.multiSource([1], [-0.5]), "startSecs[0] = -0.5");
      throwsCore(() => s.multiSource([1], [-Infinity]), "-Infinity");
      throwsCore(() => s.multiSource([1], [Infinity]), "Infinity", "finite");
      throwsCore(() => s.multiSourceInto(new Float64Array(3), [1], [NaN]), "NaN");
      // A rejected call leaves the search usable, and -0 counts as 0 (never reported as -0).
      expect(Array.from(s.multiSource([0], [-0]))).toEqual([0, 5, 10]);
      expect(Object.is(s.multiSource([0], [-0])[0], 0)).toBe(true);
    }
  });
  it("graph.edgeKeyOf / edgeCostSecs reject bad edge ids", () => {
    throwsCore(() => g.edgeCostSecs(2), "edge", "2", "0..1");
    throwsCore(() => g.edgeKeyOf(-1), "-1");
  });
});

describe("compileGraphology(graph, options) validation", () => {
  it("names the edge with a missing or negative weight", () => {
    const graph = new DirectedGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addEdgeWithKey("ab", "a", "b", { secs: -2 });
    throwsCore(() => compileGraphology(graph, { weight: "secs" }), '"ab"', '"secs"', "-2");
    throwsCore(() => compileGraphology(graph, { weight: "other" }), '"other"', "undefined");
  });
});
