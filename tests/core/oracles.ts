/** Test oracles and generators for the core: a brute-force Bellman–Ford and graphology-shortest-path. */
import fc from "fast-check";
import { MultiDirectedGraph, MultiUndirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import type { EdgeListInput } from "../../src/index.js";

export interface RandomGraph {
  nodeCount: number;
  from: number[];
  to: number[];
  costSecs: number[];
  directed: boolean;
}

/**
 * Random multigraphs with 1..maxNodes nodes: parallel edges, self-loops, zero costs and disconnected
 * parts all occur. Costs are whole seconds, or quarters when `fractional` (exact in binary, so sums
 * along different equal paths agree exactly).
 */
export function graphArb(options: { maxNodes?: number; maxEdges?: number; fractional?: boolean } = {}): fc.Arbitrary<RandomGraph> {
  const maxNodes = options.maxNodes ?? 12;
  const maxEdges = options.maxEdges ?? 40;
  const cost = options.fractional
    ? fc.integer({ min: 0, max: 400 }).map((q) => q / 4)
    : fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5000 }));
  return fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc.record({
      nodeCount: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), cost), { maxLength: maxEdges }),
      directed: fc.boolean(),
    }).map(({ nodeCount, edges, directed }) => ({
      nodeCount,
      from: edges.map((e) => e[0]),
      to: edges.map((e) => e[1]),
      costSecs: edges.map((e) => e[2]),
      directed,
    })),
  );
}

/** Arcs of an edge list as the core should see them (undirected edges both ways). */
export function arcsOf(g: EdgeListInput): Array<[number, number, number, number]> {
  const arcs: Array<[number, number, number, number]> = [];
  for (let e = 0; e < g.from.length; e++) {
    arcs.push([g.from[e]!, g.to[e]!, g.costSecs[e]!, e]);
    if (g.directed === false) arcs.push([g.to[e]!, g.from[e]!, g.costSecs[e]!, e]);
  }
  return arcs;
}

/** Brute-force Bellman–Ford from several sources with offsets; `reverse` flips every arc. */
export function bellmanFord(g: EdgeListInput, sources: number[], starts: number[], reverse = false): number[] {
  const dist = new Array<number>(g.nodeCount).fill(Infinity);
  sources.forEach((s, i) => (dist[s] = Math.min(dist[s]!, starts[i]!)));
  const arcs = arcsOf(g);
  for (let round = 0; round < g.nodeCount; round++) {
    let changed = false;
    for (const [a, b, c] of arcs) {
      const [u, v] = reverse ? [b, a] : [a, b];
      if (dist[u]! + c < dist[v]!) {
        dist[v] = dist[u]! + c;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return dist;
}

/** The same edge list as a graphology multigraph with weight attribute `w` and keys "0".."n-1". */
export function toGraphology(g: EdgeListInput): MultiDirectedGraph | MultiUndirectedGraph {
  const graph = g.directed === false ? new MultiUndirectedGraph() : new MultiDirectedGraph();
  for (let i = 0; i < g.nodeCount; i++) graph.addNode(String(i));
  for (let e = 0; e < g.from.length; e++) graph.addEdgeWithKey(`e${e}`, String(g.from[e]), String(g.to[e]), { w: g.costSecs[e] });
  return graph;
}

/**
 * Travel times from graphology-shortest-path: `dijkstra.singleSource` gives node paths; a path's
 * time is the sum, over its steps, of the cheapest edge usable for that step.
 */
export function graphologyTimes(graph: MultiDirectedGraph | MultiUndirectedGraph, source: number, nodeCount: number): number[] {
  const paths = dijkstra.singleSource(graph, String(source), "w");
  const times = new Array<number>(nodeCount).fill(Infinity);
  for (const [node, path] of Object.entries(paths)) {
    let total = 0;
    for (let i = 1; i < path.length; i++) {
      let best = Infinity;
      graph.forEachOutboundEdge(path[i - 1]!, (_edge, attrs, s, t) => {
        const other = s === path[i - 1] ? t : s;
        if (other === path[i] && (attrs.w as number) < best) best = attrs.w as number;
      });
      total += best;
    }
    times[Number(node)] = total;
  }
  return times;
}
