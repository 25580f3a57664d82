import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DirectedGraph, MultiGraph } from "graphology";
import { compileGraph, compileGraphology, ShortestPathSearch } from "../../src/index.js";
import { graphArb, toGraphology } from "./oracles.js";
import { runs } from "../util/property.js";

describe("compileGraphology(graph, { weight })", () => {
  it("= compileGraph on the same edge list (attribute name and getter), keys and ids preserved", () => {
    fc.assert(
      fc.property(graphArb(), fc.nat(), (g, pick) => {
        const source = pick % g.nodeCount;
        const graph = toGraphology(g);
        const byName = compileGraphology(graph, { weight: "w" });
        const byGetter = compileGraphology(graph, { weight: (_e, attrs) => attrs.w as number });
        const expected = new ShortestPathSearch(compileGraph(g)).oneToAll(source);
        for (const c of [byName, byGetter]) {
          expect(c.nodeCount).toBe(g.nodeCount);
          expect(c.edgeCount).toBe(g.from.length);
          expect(Array.from(new ShortestPathSearch(c).oneToAll(c.indexOf(String(source))))).toEqual(Array.from(expected));
          for (let e = 0; e < c.edgeCount; e++) expect(c.edgeKeyOf(e)).toBe(`e${e}`);
        }
      }),
      runs(100),
    );
  });

  it("mixed graphs: undirected edges both ways, directed edges one way", () => {
    const graph = new MultiGraph();
    for (const n of ["a", "b", "c", "d"]) graph.addNode(n);
    graph.addDirectedEdgeWithKey("ab", "a", "b", { s: 10 });
    graph.addUndirectedEdgeWithKey("cb", "c", "b", { s: 5 });
    graph.addDirectedEdgeWithKey("dc", "d", "c", { s: 1 });
    const g = compileGraphology(graph, { weight: "s" });
    const search = new ShortestPathSearch(g);
    expect(Array.from(search.oneToAll(g.indexOf("a")))).toEqual([0, 10, 15, Infinity]);
    expect(search.pathTo(g.indexOf("c"))!.edges.map((e) => g.edgeKeyOf(e))).toEqual(["ab", "cb"]);
    expect(Array.from(search.oneToAll(g.indexOf("c")))).toEqual([Infinity, 5, 0, Infinity]);
  });

  it("node ids are the graphology keys, in forEachNode order", () => {
    const graph = new DirectedGraph();
    graph.addNode("x");
    graph.addNode("y");
    graph.addEdge("x", "y", { w: 3 });
    const g = compileGraphology(graph, { weight: "w" });
    expect([g.idOf(0), g.idOf(1)]).toEqual(["x", "y"]);
  });
});
