import type { AbstractGraph, Attributes } from "graphology-types";
import { CoreError, show } from "./errors.js";
import { checkOptions, compileValidated, type CompileOptions, type CompiledGraph } from "./graph.js";

/** Options of {@link compileGraphology}. */
export interface GraphologyCompileOptions<EdgeAttributes extends Attributes = Attributes> extends CompileOptions {
  /**
   * Edge cost in seconds: the name of a numeric edge attribute, or a function of the edge. Called
   * once per edge at compile time, never during searches. Must give a number `>= 0` (`Infinity`
   * disables the edge).
   */
  weight: string | ((edge: string, attributes: EdgeAttributes, source: string, target: string) => number);
}

/**
 * Compiles a graphology graph (directed, undirected, mixed, multi) into a {@link CompiledGraph}.
 *
 * Node index `i` is the `i`-th node of `graph.forEachNode` order and its id is the node key; edge id
 * `i` is the `i`-th edge of `graph.forEachEdge` order and `edgeKeyOf(i)` gives its key. Undirected
 * edges are usable both ways. The graph is read once and may be changed afterwards without
 * affecting the compiled copy. Throws {@link CoreError} naming the edge key if a weight is missing,
 * negative or NaN.
 *
 * @example
 * const g = compileGraphology(graph, { weight: "costSecs" });
 */
export function compileGraphology<
  NodeAttributes extends Attributes = Attributes,
  EdgeAttributes extends Attributes = Attributes,
  GraphAttributes extends Attributes = Attributes,
>(
  graph: AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>,
  options: GraphologyCompileOptions<EdgeAttributes>,
): CompiledGraph {
  const what = "compileGraphology(graph, options)";
  if (graph === null || typeof graph !== "object" || typeof graph.forEachEdge !== "function") {
    throw new CoreError(`${what}: graph ${show(graph)} is not a graphology graph`);
  }
  if (options === null || typeof options !== "object") {
    throw new CoreError(`${what}: options ${show(options)} must be an object with a weight attribute name or function`);
  }
  const weight = options.weight;
  if (typeof weight !== "string" && typeof weight !== "function") {
    throw new CoreError(
      `${what}: options.weight = ${show(weight)} must be an edge attribute name or a function (edge, attributes, source, target) => secs`,
    );
  }
  const n = graph.order;
  const ids: string[] = new Array<string>(n);
  const index = new Map<string, number>();
  let i = 0;
  graph.forEachNode((node) => {
    ids[i] = node;
    index.set(node, i++);
  });
  const m = graph.size;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const costSecs = new Float64Array(m);
  const twoWay = new Uint8Array(m);
  const keys: string[] = new Array<string>(m);
  let undirectedCount = 0;
  let e = 0;
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const cost = typeof weight === "string" ? attributes[weight] : weight(edge, attributes, source, target);
    if (typeof cost !== "number" || !(cost >= 0)) {
      throw new CoreError(
        `${what}: edge ${show(edge)} (${show(source)} -> ${show(target)}) has ${
          typeof weight === "string" ? `attribute ${show(weight)} = ` : "weight "
        }${show(cost)}; costs must be numbers of seconds >= 0 (Infinity disables an edge)`,
      );
    }
    from[e] = index.get(source)!;
    to[e] = index.get(target)!;
    costSecs[e] = cost;
    keys[e] = edge;
    if (undirected) {
      twoWay[e] = 1;
      undirectedCount++;
    }
    e++;
  });
  const { queue, reorder: order } = checkOptions({ queue: options.queue, reorder: options.reorder }, `${what}: options`);
  if (order === "spatial") {
    throw new CoreError(`${what}: options.reorder "spatial" needs node coordinates, which compileGraphology does not read; use reorder "bfs", or compileGraph with input.coordinates`);
  }
  return compileValidated(n, from, to, costSecs, undirectedCount > 0 ? twoWay : null, ids, 0, keys, queue, order, `${what}: costs`);
}
