import { Compiled, Topology, type ArcCosts } from "./graph.js";

/** A compiled graph whose arrays live in SharedArrayBuffers, postable to workers without copying. */
export interface SharedGraph {
  nodeCount: number;
  edgeCount: number;
  firstOut: Int32Array;
  head: Int32Array;
  arcEdge: Int32Array;
  extToInt: Int32Array | null;
  intToExt: Int32Array | null;
  costs: ArcCosts;
}

/** One many-to-many job for `matrix-worker`. */
export interface MatrixJob {
  graph: SharedGraph;
  origins: Int32Array;
  destinations: Int32Array;
  /** Row-major times, `origins.length * destinations.length`. */
  out: Float64Array;
  /** `next[0]` = next origin row to take (Atomics). */
  next: Int32Array;
  cutoffSecs: number;
}

function share<T extends Int32Array | Float64Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(Math.max(array.byteLength, 8)),
  );
  copy.set(array);
  return (array.length === copy.length ? copy : copy.subarray(0, array.length)) as T;
}

const cache = new WeakMap<Compiled, SharedGraph>();

/** Shared copy of `graph`, made once per graph object (O(arcs) memory) and cached. */
export function toShared(graph: Compiled): SharedGraph {
  const cached = cache.get(graph);
  if (cached) return cached;
  const t = graph.topo;
  const c = graph.costs;
  const shared: SharedGraph = {
    nodeCount: t.nodeCount,
    edgeCount: t.edgeCount,
    firstOut: share(t.firstOut),
    head: share(t.head),
    arcEdge: share(t.arcEdge),
    extToInt: t.extToInt && share(t.extToInt),
    intToExt: t.intToExt && share(t.intToExt),
    costs: c.kind === "heap" ? { kind: "heap", cost: share(c.cost) } : { kind: "bucket", cost: share(c.cost), maxCost: c.maxCost },
  };
  cache.set(graph, shared);
  return shared;
}

/** A searchable graph over shared arrays (inside a worker); ids are numeric, not needed there. */
export function fromShared(s: SharedGraph): Compiled {
  const topo = new Topology(s.nodeCount, s.edgeCount, s.firstOut, s.head, s.arcEdge, s.extToInt, s.intToExt, null, 0, null, s.costs.kind);
  return new Compiled(topo, s.costs);
}
