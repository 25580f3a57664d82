import { CoreError, show } from "./errors.js";
import { closestMatch } from "./suggest.js";

/**
 * Which priority queue the searches over a compiled graph use.
 * - `"bucket"`: a bucket queue (Dial's algorithm) keyed by whole seconds; needs every finite arc
 *   cost to be an integer in `0..MAX_BUCKET_COST_SECS`. Fastest on road-like graphs.
 * - `"heap"`: an indexed 4-ary heap; any non-negative cost.
 * - `"auto"` (default): `"bucket"` when the costs allow it and the largest cost is at most
 *   `max(1024, 4 × arcCount)` seconds (buckets step over every empty second, which does not pay on
 *   a small graph with long arcs), `"heap"` otherwise.
 */
export type QueueKind = "auto" | "heap" | "bucket";

/**
 * Largest arc cost (secs) for which `queue: "auto"` picks the bucket queue. The ring of buckets has
 * one 4-byte slot per second of the largest arc cost, so this caps it at 4 MiB.
 */
export const MAX_BUCKET_COST_SECS = 1 << 20;

/**
 * Cost stored for a disabled (Infinity) arc in a bucket graph: larger than any key the bucket
 * search queues (< 2^30), so the search's `key + cost <= limit` test drops it with no extra branch.
 */
export const DISABLED_ARC_COST = 2 ** 30;

/** Options of {@link compileGraph}, {@link compileGraphology} and `readDimacs`. */
export interface CompileOptions {
  /** Priority queue, see {@link QueueKind}. Default `"auto"`. */
  queue?: QueueKind;
  /**
   * Renumber nodes internally so that nodes close to each other sit close in memory (fewer cache
   * misses on large graphs). Invisible to callers: indices, ids and results keep the input
   * numbering, and results are identical (tested). Default `false`.
   * - `"spatial"`: order along a Hilbert curve over the nodes' coordinates (needs
   *   {@link EdgeListInput.coordinates}); the fastest order on large grid-like graphs.
   * - `"bfs"` (or `true`): breadth-first order over the arcs in both directions; needs no
   *   coordinates.
   * Inputs that are already in a local order (e.g. DIMACS road files) gain little or lose.
   */
  reorder?: boolean | "bfs" | "spatial";
}

/** A resolved {@link CompileOptions.reorder}. */
export type NodeOrder = "none" | "bfs" | "spatial";

/** A plain edge list, the universal input of {@link compileGraph}. */
export interface EdgeListInput {
  /** Number of nodes; nodes are the indices `0..nodeCount-1`. */
  nodeCount: number;
  /** Tail node index of each edge. */
  from: ArrayLike<number>;
  /** Head node index of each edge. */
  to: ArrayLike<number>;
  /** Cost of each edge in seconds: `>= 0`; `Infinity` disables the edge. */
  costSecs: ArrayLike<number>;
  /** `true` (default): edges go `from -> to` only. `false`: every edge is usable both ways. */
  directed?: boolean;
  /** Node ids, unique, `ids[i]` names node `i`. Default `String(index)`. */
  ids?: readonly string[];
  /**
   * Node positions, flattened `[lon0, lat0, lon1, lat1, …]` (length `2 × nodeCount`, finite
   * numbers; any planar x, y works). Used only by `reorder: "spatial"` and not kept.
   */
  coordinates?: ArrayLike<number>;
}

/**
 * A graph frozen into compressed sparse rows for fast searches. Built by {@link compileGraph},
 * {@link compileGraphology} or `readDimacs`; queried by `ShortestPathSearch` and `matrix`.
 * Node indices are `0..nodeCount-1`, edge ids are the input edge positions `0..edgeCount-1`.
 */
export interface CompiledGraph {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** Number of input edges (an undirected edge counts once). */
  readonly edgeCount: number;
  /** Number of arcs searched (an undirected edge gives two). */
  readonly arcCount: number;
  /** The queue searches over this graph use (`"auto"` resolved). */
  readonly queue: "heap" | "bucket";
  /** Whether nodes were renumbered internally for locality (see {@link CompileOptions.reorder}). */
  readonly reordered: boolean;
  /** Bytes held by this graph's typed arrays (topology, shared with overlays, plus costs). */
  readonly byteLength: number;
  /** Index of the node with this id; throws {@link CoreError} (with a suggestion) if unknown. */
  indexOf(id: string): number;
  /** Id of node `index`; throws {@link CoreError} if out of range. */
  idOf(index: number): string;
  /** Key of edge `edge`: the graphology edge key, or `String(edge)`. */
  edgeKeyOf(edge: number): string;
  /** Cost of edge `edge` in seconds (`Infinity` if disabled). */
  edgeCostSecs(edge: number): number;
  /**
   * The same topology with other edge costs (secs, indexed by input edge id, `>= 0`, `Infinity`
   * disables an edge). Costs O(edgeCount); the topology and id tables are shared, not copied.
   * The queue is re-chosen for the new costs when the graph was compiled with `queue: "auto"`.
   */
  withCosts(costSecsByEdge: ArrayLike<number>): CompiledGraph;
}

/** Transposed CSR, built on the first reverse search and kept with the topology. */
export interface ReverseCsr {
  readonly firstOut: Int32Array;
  readonly head: Int32Array;
  /** Forward arc that each reverse arc mirrors. */
  readonly fwdArc: Int32Array;
}

/**
 * Node/arc structure shared by a graph and all its cost overlays. Internal node numbering may
 * differ from the caller's when reordered (`extToInt`/`intToExt`).
 */
export class Topology {
  private rev: ReverseCsr | null = null;
  private idIndex: Map<string, number> | null = null;
  private arcOfEdgeCache: Int32Array | null = null;

  constructor(
    readonly nodeCount: number,
    readonly edgeCount: number,
    /** `firstOut[u]..firstOut[u+1]-1` are the arcs leaving internal node `u`. */
    readonly firstOut: Int32Array,
    /** Internal head node of each arc. */
    readonly head: Int32Array,
    /** Input edge id of each arc. */
    readonly arcEdge: Int32Array,
    /** Caller index -> internal index, or `null` when they coincide. */
    readonly extToInt: Int32Array | null,
    /** Internal index -> caller index, or `null` when they coincide. */
    readonly intToExt: Int32Array | null,
    /** Node ids, or `null` for numeric ids `String(index + idBase)`. */
    readonly ids: readonly string[] | null,
    readonly idBase: number,
    /** Edge keys, or `null` for `String(edge)`. */
    readonly edgeKeys: readonly string[] | null,
    readonly queueRequest: QueueKind,
  ) {}

  get arcCount(): number {
    return this.head.length;
  }

  get byteLength(): number {
    let bytes = this.firstOut.byteLength + this.head.byteLength + this.arcEdge.byteLength;
    if (this.extToInt) bytes += this.extToInt.byteLength + this.intToExt!.byteLength;
    if (this.rev) bytes += this.rev.firstOut.byteLength + this.rev.head.byteLength + this.rev.fwdArc.byteLength;
    if (this.arcOfEdgeCache) bytes += this.arcOfEdgeCache.byteLength;
    return bytes;
  }

  /** The transposed graph (in-arcs per node), built once on demand in O(arcs). */
  reverse(): ReverseCsr {
    if (this.rev) return this.rev;
    const n = this.nodeCount;
    const { firstOut, head } = this;
    const arcs = head.length;
    const rFirst = new Int32Array(n + 1);
    for (let a = 0; a < arcs; a++) rFirst[head[a]! + 1]!++;
    for (let v = 0; v < n; v++) rFirst[v + 1]! += rFirst[v]!;
    const fill = rFirst.slice(0, n);
    const rHead = new Int32Array(arcs);
    const fwdArc = new Int32Array(arcs);
    for (let u = 0; u < n; u++) {
      for (let a = firstOut[u]!, end = firstOut[u + 1]!; a < end; a++) {
        const r = fill[head[a]!]!++;
        rHead[r] = u;
        fwdArc[r] = a;
      }
    }
    this.rev = { firstOut: rFirst, head: rHead, fwdArc };
    return this.rev;
  }

  /** One arc carrying each input edge (the forward one for undirected edges). */
  arcOfEdge(): Int32Array {
    if (this.arcOfEdgeCache) return this.arcOfEdgeCache;
    const map = new Int32Array(this.edgeCount).fill(-1);
    const { arcEdge } = this;
    for (let a = arcEdge.length - 1; a >= 0; a--) map[arcEdge[a]!] = a;
    this.arcOfEdgeCache = map;
    return map;
  }

  checkIndex(index: number, what: string): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.nodeCount) {
      throw new CoreError(
        `${what} ${show(index)} is not a node index; use an integer in 0..${this.nodeCount - 1}` +
          (typeof index === "string" ? " (convert ids with graph.indexOf(id))" : ""),
      );
    }
  }

  checkEdge(edge: number, what: string): void {
    if (!Number.isInteger(edge) || edge < 0 || edge >= this.edgeCount) {
      throw new CoreError(`${what} ${show(edge)} is not an edge id; use an integer in 0..${this.edgeCount - 1}`);
    }
  }

  indexOf(id: string): number {
    if (typeof id !== "string") {
      throw new CoreError(`indexOf(id): id ${show(id)} is not a string; pass a node id such as ${show(this.idOfUnchecked(0))}`);
    }
    if (this.ids === null) {
      const index = /^(0|[1-9][0-9]*)$/.test(id) ? Number(id) - this.idBase : -1;
      if (index >= 0 && index < this.nodeCount) return index;
      throw new CoreError(
        `unknown node id ${show(id)}; ids are the integers ${this.idBase}..${this.nodeCount - 1 + this.idBase} written in decimal`,
      );
    }
    if (this.idIndex === null) {
      const map = new Map<string, number>();
      this.ids.forEach((nodeId, i) => map.set(nodeId, i));
      this.idIndex = map;
    }
    const index = this.idIndex.get(id);
    if (index !== undefined) return index;
    const guess = closestMatch(id, this.ids);
    throw new CoreError(`unknown node id ${show(id)}${guess === undefined ? "" : `; did you mean ${show(guess)}?`}`);
  }

  idOfUnchecked(index: number): string {
    return this.ids === null ? String(index + this.idBase) : this.ids[index]!;
  }
}

/** Arc costs of one overlay, in the queue's representation. */
export type ArcCosts =
  /** Secs per arc, `Infinity` = disabled. */
  | { readonly kind: "heap"; readonly cost: Float64Array }
  /** Whole secs per arc, `DISABLED_ARC_COST` = disabled; `maxCost` = largest enabled cost. */
  | { readonly kind: "bucket"; readonly cost: Int32Array; readonly maxCost: number };

/** The one implementation of {@link CompiledGraph}; overlays are further instances over one topology. */
export class Compiled implements CompiledGraph {
  private revCosts: ArcCosts | null = null;
  private floatCosts: Float64Array | null = null;
  private revFloatCosts: Float64Array | null = null;

  constructor(
    readonly topo: Topology,
    readonly costs: ArcCosts,
  ) {}

  get nodeCount(): number {
    return this.topo.nodeCount;
  }
  get edgeCount(): number {
    return this.topo.edgeCount;
  }
  get arcCount(): number {
    return this.topo.arcCount;
  }
  get queue(): "heap" | "bucket" {
    return this.costs.kind;
  }
  get reordered(): boolean {
    return this.topo.extToInt !== null;
  }
  get byteLength(): number {
    let bytes = this.topo.byteLength + this.costs.cost.byteLength;
    if (this.revCosts) bytes += this.revCosts.cost.byteLength;
    if (this.floatCosts) bytes += this.floatCosts.byteLength;
    if (this.revFloatCosts) bytes += this.revFloatCosts.byteLength;
    return bytes;
  }

  indexOf(id: string): number {
    const index = this.topo.indexOf(id);
    return index;
  }

  idOf(index: number): string {
    this.topo.checkIndex(index, "idOf(index): index");
    return this.topo.idOfUnchecked(index);
  }

  edgeKeyOf(edge: number): string {
    this.topo.checkEdge(edge, "edgeKeyOf(edge): edge");
    return this.topo.edgeKeys === null ? String(edge) : this.topo.edgeKeys[edge]!;
  }

  edgeCostSecs(edge: number): number {
    this.topo.checkEdge(edge, "edgeCostSecs(edge): edge");
    return arcCostSecs(this.costs, this.topo.arcOfEdge()[edge]!);
  }

  withCosts(costSecsByEdge: ArrayLike<number>): CompiledGraph {
    const topo = this.topo;
    if (costSecsByEdge === null || typeof costSecsByEdge !== "object" || costSecsByEdge.length !== topo.edgeCount) {
      throw new CoreError(
        `withCosts(costSecsByEdge): expected an array of ${topo.edgeCount} costs (one per input edge), got ${
          costSecsByEdge === null || typeof costSecsByEdge !== "object" ? show(costSecsByEdge) : `length ${costSecsByEdge.length}`
        }`,
      );
    }
    validateCosts(costSecsByEdge, "withCosts(costSecsByEdge)");
    return new Compiled(topo, buildArcCosts(topo.arcEdge, costSecsByEdge, topo.queueRequest, "withCosts(costSecsByEdge)"));
  }

  /** Arc costs for the given direction; reverse costs are built once on demand. */
  arcCosts(reverse: boolean): ArcCosts {
    if (!reverse) return this.costs;
    if (this.revCosts) return this.revCosts;
    const { fwdArc } = this.topo.reverse();
    const costs = this.costs;
    if (costs.kind === "heap") {
      const cost = new Float64Array(fwdArc.length);
      for (let r = 0; r < cost.length; r++) cost[r] = costs.cost[fwdArc[r]!]!;
      this.revCosts = { kind: "heap", cost };
    } else {
      const cost = new Int32Array(fwdArc.length);
      for (let r = 0; r < cost.length; r++) cost[r] = costs.cost[fwdArc[r]!]!;
      this.revCosts = { kind: "bucket", cost, maxCost: costs.maxCost };
    }
    return this.revCosts;
  }

  /** Float arc costs (for heap searches on a bucket graph, e.g. fractional start offsets). */
  heapCosts(reverse: boolean): Float64Array {
    const costs = this.arcCosts(reverse);
    if (costs.kind === "heap") return costs.cost;
    const cached = reverse ? this.revFloatCosts : this.floatCosts;
    if (cached) return cached;
    const cost = new Float64Array(costs.cost.length);
    for (let a = 0; a < cost.length; a++) {
      const c = costs.cost[a]!;
      cost[a] = c === DISABLED_ARC_COST ? Infinity : c;
    }
    if (reverse) this.revFloatCosts = cost;
    else this.floatCosts = cost;
    return cost;
  }
}

function arcCostSecs(costs: ArcCosts, arc: number): number {
  const c = costs.cost[arc]!;
  return costs.kind === "bucket" && c === DISABLED_ARC_COST ? Infinity : c;
}

/** Throws on the first cost that is NaN, negative or -Infinity (+Infinity = disabled is fine). */
export function validateCosts(costs: ArrayLike<number>, what: string): void {
  for (let e = 0; e < costs.length; e++) {
    const c = costs[e]!;
    // `!(c >= 0)` is also true for NaN and non-numbers.
    if (typeof c !== "number" || !(c >= 0)) {
      throw new CoreError(
        `${what}[${e}] = ${show(c)} is not a valid cost; costs are seconds >= 0 (use Infinity to disable an edge)`,
      );
    }
  }
}

/** Whether every finite cost is a whole number of seconds small enough for the bucket ring. */
function bucketable(costs: ArrayLike<number>): { ok: true; maxCost: number } | { ok: false; edge: number; value: number } {
  let maxCost = 0;
  for (let e = 0; e < costs.length; e++) {
    const c = costs[e]!;
    if (c === Infinity) continue;
    if (!Number.isInteger(c) || c > MAX_BUCKET_COST_SECS) return { ok: false, edge: e, value: c };
    if (c > maxCost) maxCost = c;
  }
  return { ok: true, maxCost };
}

/**
 * `queue: "auto"` uses buckets only when the largest cost is small next to the graph: a bucket
 * search steps over every empty second between settled nodes, so a small graph with hour-long
 * arcs is faster with the heap.
 */
function bucketPays(maxCost: number, arcs: number): boolean {
  return maxCost <= Math.max(1024, 4 * arcs);
}

/** Arc costs from validated edge costs, choosing the queue. */
export function buildArcCosts(arcEdge: Int32Array, edgeCosts: ArrayLike<number>, queue: QueueKind, what: string): ArcCosts {
  const arcs = arcEdge.length;
  let useBucket = queue === "bucket";
  if (queue !== "heap") {
    const check = bucketable(edgeCosts);
    if (!check.ok && queue === "bucket") {
      throw new CoreError(
        `${what}[${check.edge}] = ${show(check.value)} cannot use queue "bucket", which needs whole seconds in 0..${MAX_BUCKET_COST_SECS}; round the costs or compile with queue "heap" or "auto"`,
      );
    }
    useBucket = check.ok && (queue === "bucket" || bucketPays(check.maxCost, arcs));
  }
  if (!useBucket) {
    const cost = new Float64Array(arcs);
    for (let a = 0; a < arcs; a++) cost[a] = edgeCosts[arcEdge[a]!]!;
    return { kind: "heap", cost };
  }
  const cost = new Int32Array(arcs);
  let maxCost = 0;
  for (let a = 0; a < arcs; a++) {
    const c = edgeCosts[arcEdge[a]!]!;
    if (c === Infinity) cost[a] = DISABLED_ARC_COST;
    else {
      cost[a] = c;
      if (c > maxCost) maxCost = c;
    }
  }
  return { kind: "bucket", cost, maxCost };
}

function checkQueue(queue: unknown, what: string): QueueKind {
  if (queue === undefined) return "auto";
  if (queue === "auto" || queue === "heap" || queue === "bucket") return queue;
  throw new CoreError(`${what}.queue = ${show(queue)} is not a queue kind; use "auto", "heap" or "bucket"`);
}

/**
 * Nodes sorted along a Hilbert curve over their coordinates (a 2^16 × 2^16 grid spanning the
 * bounding box): nodes near each other in space get near indices, in every direction, which is
 * what a Dijkstra frontier needs. Ties keep input order. Returns internal -> external. O(n).
 */
function hilbertOrder(n: number, coordinates: ArrayLike<number>): Int32Array {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = coordinates[2 * i]!;
    const y = coordinates[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const side = 65535;
  const sx = maxX > minX ? side / (maxX - minX) : 0;
  const sy = maxY > minY ? side / (maxY - minY) : 0;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = hilbertIndex(Math.floor((coordinates[2 * i]! - minX) * sx), Math.floor((coordinates[2 * i + 1]! - minY) * sy));
  }
  // Two stable counting-sort passes over 16-bit halves of the key (LSD radix sort).
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Int32Array(n);
  const counts = new Int32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 0; b < 65536; b++) counts[b + 1]! += counts[b]!;
    for (let i = 0; i < n; i++) {
      const v = order[i]!;
      spare[counts[(keys[v]! >>> shift) & 0xffff]!++] = v;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** Position of cell (x, y), both in 0..65535, along the Hilbert curve of order 16 (a 32-bit value). */
function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so that the curve inside it has the standard orientation.
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/**
 * Breadth-first order over the undirected version of the graph, starting from node 0 and then from
 * each not yet visited node in index order. Returns internal -> external.
 */
function bfsOrder(n: number, firstOut: Int32Array, head: Int32Array): Int32Array {
  // In-arcs, so that BFS can follow arcs both ways (locality matters in both directions).
  const inFirst = new Int32Array(n + 1);
  for (let a = 0; a < head.length; a++) inFirst[head[a]! + 1]!++;
  for (let v = 0; v < n; v++) inFirst[v + 1]! += inFirst[v]!;
  const fill = inFirst.slice(0, n);
  const inTail = new Int32Array(head.length);
  for (let u = 0; u < n; u++) {
    for (let a = firstOut[u]!, end = firstOut[u + 1]!; a < end; a++) inTail[fill[head[a]!]!++] = u;
  }
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    let headPos = tail;
    order[tail++] = root;
    while (headPos < tail) {
      const u = order[headPos++]!;
      for (let a = firstOut[u]!, end = firstOut[u + 1]!; a < end; a++) {
        const v = head[a]!;
        if (!seen[v]) {
          seen[v] = 1;
          order[tail++] = v;
        }
      }
      for (let a = inFirst[u]!, end = inFirst[u + 1]!; a < end; a++) {
        const v = inTail[a]!;
        if (!seen[v]) {
          seen[v] = 1;
          order[tail++] = v;
        }
      }
    }
  }
  return order;
}

/**
 * CSR arrays from validated edges. Arcs leaving one node keep input edge order (a counting sort,
 * which is stable), and an undirected edge `e` adds the arcs `from->to` and `to->from`.
 */
function buildCsr(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  twoWay: Uint8Array | null,
  extToInt: Int32Array | null,
): { firstOut: Int32Array; head: Int32Array; arcEdge: Int32Array } {
  const m = from.length;
  let arcs = m;
  if (twoWay) for (let e = 0; e < m; e++) arcs += twoWay[e]!;
  const firstOut = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const u = extToInt ? extToInt[from[e]!]! : from[e]!;
    firstOut[u + 1]!++;
    if (twoWay && twoWay[e]) firstOut[(extToInt ? extToInt[to[e]!]! : to[e]!) + 1]!++;
  }
  for (let u = 0; u < n; u++) firstOut[u + 1]! += firstOut[u]!;
  const fill = firstOut.slice(0, n);
  const head = new Int32Array(arcs);
  const arcEdge = new Int32Array(arcs);
  for (let e = 0; e < m; e++) {
    const u = extToInt ? extToInt[from[e]!]! : from[e]!;
    const v = extToInt ? extToInt[to[e]!]! : to[e]!;
    let a = fill[u]!++;
    head[a] = v;
    arcEdge[a] = e;
    if (twoWay && twoWay[e]) {
      a = fill[v]!++;
      head[a] = u;
      arcEdge[a] = e;
    }
  }
  return { firstOut, head, arcEdge };
}

/** Internal compile step shared by every front end; inputs are already validated. */
export function compileValidated(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  costSecs: ArrayLike<number>,
  /** Per edge, 1 if usable both ways; `null` = all directed. */
  twoWay: Uint8Array | null,
  ids: readonly string[] | null,
  idBase: number,
  edgeKeys: readonly string[] | null,
  queue: QueueKind,
  order: NodeOrder,
  what: string,
  coordinates: ArrayLike<number> | null = null,
): Compiled {
  if (order === "spatial" && coordinates === null) {
    throw new CoreError(`${what}: reorder "spatial" needs node coordinates ([lon, lat] per node); pass them or use reorder "bfs"`);
  }
  let csr = order === "spatial" ? null : buildCsr(n, from, to, twoWay, null);
  let extToInt: Int32Array | null = null;
  let intToExt: Int32Array | null = null;
  if (order !== "none" && n > 0) {
    intToExt = csr === null ? hilbertOrder(n, coordinates!) : bfsOrder(n, csr.firstOut, csr.head);
    extToInt = new Int32Array(n);
    for (let i = 0; i < n; i++) extToInt[intToExt[i]!] = i;
  }
  if (csr === null || extToInt !== null) csr = buildCsr(n, from, to, twoWay, extToInt);
  const topo = new Topology(n, from.length, csr.firstOut, csr.head, csr.arcEdge, extToInt, intToExt, ids, idBase, edgeKeys, queue);
  return new Compiled(topo, buildArcCosts(csr.arcEdge, costSecs, queue, what));
}

/** Validated compile options with defaults applied (internal; `what` names the call in errors). */
export function checkOptions(options: CompileOptions | undefined, what: string): { queue: QueueKind; reorder: NodeOrder } {
  if (options === undefined) return { queue: "auto", reorder: "none" };
  if (options === null || typeof options !== "object") {
    throw new CoreError(`${what} ${show(options)} is not an options object; pass { queue?, reorder? } or nothing`);
  }
  const reorder = options.reorder ?? false;
  const order: NodeOrder | undefined =
    reorder === false ? "none" : reorder === true || reorder === "bfs" ? "bfs" : reorder === "spatial" ? "spatial" : undefined;
  if (order === undefined) throw new CoreError(`${what}.reorder = ${show(reorder)} must be false, true, "bfs" or "spatial"`);
  return { queue: checkQueue(options.queue, what), reorder: order };
}

/** Validates flattened [lon, lat] coordinates: `2 × n` finite numbers. */
function checkCoordinates(coordinates: unknown, n: number, what: string): ArrayLike<number> {
  const c = coordinates as ArrayLike<number>;
  if (c === null || typeof c !== "object" || c.length !== 2 * n) {
    throw new CoreError(
      `${what} must be 2 × nodeCount = ${2 * n} numbers [lon0, lat0, lon1, lat1, …], got ${c === null || typeof c !== "object" ? show(c) : `length ${c.length}`}`,
    );
  }
  for (let i = 0; i < 2 * n; i++) {
    if (typeof c[i] !== "number" || !Number.isFinite(c[i])) {
      throw new CoreError(`${what}[${i}] = ${show(c[i])} (${i % 2 ? "lat" : "lon"} of node ${i >> 1}) must be a finite number`);
    }
  }
  return c;
}

function checkIds(ids: unknown, n: number, what: string): readonly string[] {
  if (!Array.isArray(ids) || ids.length !== n) {
    throw new CoreError(`${what} must be an array of ${n} node ids (one per node), got ${Array.isArray(ids) ? `length ${ids.length}` : show(ids)}`);
  }
  const seen = new Map<string, number>();
  ids.forEach((id: unknown, i) => {
    if (typeof id !== "string") throw new CoreError(`${what}[${i}] = ${show(id)} is not a string; node ids are strings`);
    const first = seen.get(id);
    if (first !== undefined) throw new CoreError(`${what}[${i}] = ${show(id)} repeats ${what}[${first}]; node ids must be unique`);
    seen.set(id, i);
  });
  return ids as readonly string[];
}

/**
 * Compiles a plain edge list into a {@link CompiledGraph}.
 *
 * Edge ids are positions in `from`/`to`/`costSecs`. Parallel edges and self-loops are allowed
 * (a self-loop never shortens a path). Validation happens here, once: throws {@link CoreError} for
 * a bad node count, mismatched array lengths, a node index out of range, a negative or NaN cost,
 * or duplicate ids.
 *
 * @example
 * const g = compileGraph({ nodeCount: 3, from: [0, 1], to: [1, 2], costSecs: [60, 90] });
 */
export function compileGraph(input: EdgeListInput, options?: CompileOptions): CompiledGraph {
  const what = "compileGraph(input)";
  if (input === null || typeof input !== "object") {
    throw new CoreError(`${what}: input ${show(input)} is not an object; pass { nodeCount, from, to, costSecs }`);
  }
  const { nodeCount, from, to, costSecs } = input;
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x7ffffffe) {
    throw new CoreError(`${what}: nodeCount ${show(nodeCount)} must be an integer >= 0`);
  }
  for (const [name, arr] of [["from", from], ["to", to], ["costSecs", costSecs]] as const) {
    if (arr === null || typeof arr !== "object" || typeof arr.length !== "number") {
      throw new CoreError(`${what}: ${name} ${show(arr)} is not an array; pass one entry per edge`);
    }
  }
  const m = from.length;
  if (to.length !== m || costSecs.length !== m) {
    throw new CoreError(
      `${what}: from, to and costSecs must have one entry per edge, got lengths ${m}, ${to.length}, ${costSecs.length}`,
    );
  }
  for (const [name, arr] of [["from", from], ["to", to]] as const) {
    for (let e = 0; e < m; e++) {
      const v = arr[e]!;
      if (!Number.isInteger(v) || v < 0 || v >= nodeCount) {
        throw new CoreError(`${what}: ${name}[${e}] = ${show(v)} is not a node index; use an integer in 0..${nodeCount - 1}`);
      }
    }
  }
  validateCosts(costSecs, `${what}: costSecs`);
  const directed = input.directed ?? true;
  if (typeof directed !== "boolean") throw new CoreError(`${what}: directed = ${show(directed)} must be true or false`);
  const ids = input.ids === undefined ? null : checkIds(input.ids, nodeCount, `${what}: ids`);
  const { queue, reorder: order } = checkOptions(options, "compileGraph(input, options)");
  let coordinates: ArrayLike<number> | null = null;
  if (input.coordinates !== undefined) coordinates = checkCoordinates(input.coordinates, nodeCount, `${what}: coordinates`);
  else if (order === "spatial") {
    throw new CoreError(`compileGraph(input, options): reorder "spatial" needs input.coordinates ([lon, lat] per node, flattened); pass them or use reorder "bfs"`);
  }
  const twoWay = directed ? null : new Uint8Array(m).fill(1);
  return compileValidated(nodeCount, from, to, costSecs, twoWay, ids ? ids.slice() : null, 0, null, queue, order, `${what}: costSecs`, coordinates);
}
