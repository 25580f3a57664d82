import { CoreError, show } from "./errors.js";
import { Compiled, type CompiledGraph } from "./graph.js";
import { ShortestPathSearch } from "./search.js";

/** Options of {@link matrix}. */
export interface MatrixOptions {
  /** Times above this many seconds are reported as `Infinity` (same `<=` rule as searches). */
  cutoffSecs?: number;
}

export function checkNodes(graph: Compiled, nodes: ArrayLike<number>, what: string): void {
  if (nodes === null || typeof nodes !== "object" || typeof nodes.length !== "number") {
    throw new CoreError(`${what} ${show(nodes)} must be an array of node indices`);
  }
  for (let i = 0; i < nodes.length; i++) graph.topo.checkIndex(nodes[i]!, `${what}[${i}]`);
}

export function checkGraph(graph: CompiledGraph, what: string): Compiled {
  if (!(graph instanceof Compiled)) {
    throw new CoreError(`${what}: graph ${show(graph)} is not a compiled graph; build one with compileGraph, compileGraphology or readDimacs`);
  }
  return graph;
}

export function checkCutoff(options: MatrixOptions | undefined): number {
  const cutoff = options?.cutoffSecs ?? Infinity;
  if (typeof cutoff !== "number" || !(cutoff >= 0)) {
    throw new CoreError(`cutoffSecs = ${show(cutoff)} must be a number of seconds >= 0 (or Infinity for no cutoff)`);
  }
  return cutoff;
}

/**
 * Many-to-many travel times, computed serially (`matrixParallel` from `qiwan-access/node` uses worker threads): `rows[i][j]` is the time in seconds from
 * `origins[i]` to `destinations[j]` (`Infinity` if unreachable or beyond `cutoffSecs`). One
 * early-exit search per origin. Empty `origins` give `[]`; empty `destinations` give empty rows.
 */
export function matrix(
  graph: CompiledGraph,
  origins: ArrayLike<number>,
  destinations: ArrayLike<number>,
  options?: MatrixOptions,
): Float64Array[] {
  const g = checkGraph(graph, "matrix(graph, origins, destinations)");
  checkNodes(g, origins, "origins");
  checkNodes(g, destinations, "destinations");
  const cutoffSecs = checkCutoff(options);
  const search = new ShortestPathSearch(g);
  const rows: Float64Array[] = [];
  for (let i = 0; i < origins.length; i++) {
    rows.push(search.oneToManyInto(new Float64Array(destinations.length), origins[i]!, destinations, { cutoffSecs }));
  }
  return rows;
}
