import { CoreError, show } from "./errors.js";
import { Compiled, type CompiledGraph, type Topology } from "./graph.js";

/** Options of every `ShortestPathSearch` query. */
export interface SearchOptions {
  /**
   * Search radius in seconds (default `Infinity`). Nodes whose travel time is `<= cutoffSecs` are
   * reported; nodes beyond it are reported as `UNREACHABLE` (`Infinity`) and the search stops
   * there, so a small cutoff makes a search cheap. Must be a number `>= 0` (or `Infinity`).
   */
  cutoffSecs?: number;
  /**
   * `false` (default): times *from* the source(s) to every node. `true`: times from every node *to*
   * the source(s), i.e. a search over the transposed graph (arrive-by). Start offsets then mean
   * time still to go after reaching the source.
   */
  reverse?: boolean;
}

/** A path returned by {@link ShortestPathSearch.pathTo}. */
export interface PathResult {
  /** Node indices from origin to destination; `nodes.length === edges.length + 1`. */
  nodes: number[];
  /** Input edge ids, in travel order (`edges[i]` joins `nodes[i]` to `nodes[i+1]`). */
  edges: number[];
  /**
   * The travel time the search reported for this node, in seconds. Equals the sum of the edge costs
   * plus the start offset of the source the path starts (or, in a reverse search, ends) at.
   */
  costSecs: number;
}

const NOT_SEEN = 0;
const QUEUED = 1;
const SETTLED = 2;

/** Shared no-source buffers so that single-source queries allocate nothing. */
const ZERO_START = new Float64Array(1);

/**
 * Dijkstra searches over a {@link CompiledGraph}, with every buffer allocated once (O(nodes)) and
 * reset in O(nodes touched) by the next query, so thousands of queries cost no allocation.
 *
 * Queries take and return the caller's node indices (`graph.indexOf(id)` converts ids). Each query
 * replaces the previous one's state; `pathTo` reads the latest query. Not re-entrant: use one
 * search object per concurrent user (or per worker).
 *
 * @example
 * const search = new ShortestPathSearch(graph);
 * const secs = search.oneToAll(graph.indexOf("A"), { cutoffSecs: 1800 });
 * const route = search.pathTo(graph.indexOf("B")); // A -> ... -> B, or null
 */
export class ShortestPathSearch {
  private graph: Compiled;
  private readonly topo: Topology;
  private readonly n: number;
  /** Tentative/final secs per internal node, `Infinity` if not reached. */
  private readonly dist: Float64Array;
  /** Arc (of the searched direction) by which each node was reached; -1 for a source. */
  private readonly parent: Int32Array;
  private readonly state: Uint8Array;
  /** Internal nodes whose dist/state the last query changed, for O(touched) resets. */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private lastReverse = false;

  // Indexed 4-ary heap (allocated on first use).
  private heapNode: Int32Array | null = null;
  private heapKey: Float64Array | null = null;
  private heapPos: Int32Array | null = null;

  // Bucket ring for Dial's algorithm (allocated on first use, grown for larger arc costs).
  private bucketHead: Int32Array = new Int32Array(0);
  private bucketNext: Int32Array | null = null;
  private bucketPrev: Int32Array | null = null;

  // Target marks for one-to-many early exit: a node is a target of the current query iff
  // targetMark[node] === targetStamp, so marks never need clearing.
  private targetMark: Int32Array | null = null;
  private targetStamp = 0;

  private srcNode = new Int32Array(1);
  private srcStart = new Float64Array(1);

  /** Allocates O(nodeCount) state for `graph`; reuse the object for many queries. */
  constructor(graph: CompiledGraph) {
    if (!(graph instanceof Compiled)) {
      throw new CoreError(
        `new ShortestPathSearch(graph): graph ${show(graph)} is not a compiled graph; build one with compileGraph, compileGraphology or readDimacs`,
      );
    }
    this.graph = graph;
    this.topo = graph.topo;
    const n = graph.nodeCount;
    this.n = n;
    this.dist = new Float64Array(n).fill(Infinity);
    this.parent = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.touched = new Int32Array(n);
  }

  /** The graph searched now. */
  get currentGraph(): CompiledGraph {
    return this.graph;
  }

  /**
   * Switches to another cost overlay of the same topology (from `graph.withCosts`) in O(1),
   * keeping every buffer. Throws {@link CoreError} if `graph` has a different topology.
   */
  setGraph(graph: CompiledGraph): void {
    if (!(graph instanceof Compiled) || graph.topo !== this.topo) {
      throw new CoreError(
        `setGraph(graph): graph must be an overlay of the same topology (made with withCosts from the graph this search was built for); create a new ShortestPathSearch for another graph`,
      );
    }
    this.graph = graph;
  }

  /**
   * Travel time in seconds from `source` to every node (a fresh `Float64Array` of length
   * `nodeCount`, `Infinity` where unreachable or beyond `cutoffSecs`; `0` at the source).
   */
  oneToAll(source: number, options?: SearchOptions): Float64Array {
    return this.oneToAllInto(new Float64Array(this.n), source, options);
  }

  /** {@link oneToAll} writing into `out` (length `nodeCount`), which it returns. */
  oneToAllInto(out: Float64Array, source: number, options?: SearchOptions): Float64Array {
    this.checkOut(out, "oneToAllInto(out, source)");
    this.topo.checkIndex(source, "source");
    const { cutoff, reverse } = this.checkOptions(options);
    this.srcNode[0] = this.internal(source);
    this.run(this.srcNode, ZERO_START, 1, cutoff, reverse, -1);
    this.writeAll(out);
    return out;
  }

  /**
   * Travel time from the nearest of several sources, each with its own start offset in seconds
   * (e.g. the time to walk to it): `out[v] = min over i of startSecs[i] + time(sources[i], v)`.
   * A repeated source counts with its smallest offset. No sources give all `Infinity`.
   * Offsets must be finite; with the bucket queue, fractional offsets switch that query to the heap.
   */
  multiSource(sources: ArrayLike<number>, startSecs: ArrayLike<number>, options?: SearchOptions): Float64Array {
    return this.multiSourceInto(new Float64Array(this.n), sources, startSecs, options);
  }

  /** {@link multiSource} writing into `out` (length `nodeCount`), which it returns. */
  multiSourceInto(
    out: Float64Array,
    sources: ArrayLike<number>,
    startSecs: ArrayLike<number>,
    options?: SearchOptions,
  ): Float64Array {
    const what = "multiSourceInto(out, sources, startSecs)";
    this.checkOut(out, what);
    if (sources === null || typeof sources !== "object" || startSecs === null || typeof startSecs !== "object") {
      throw new CoreError(`${what}: sources and startSecs must be arrays, got ${show(sources)} and ${show(startSecs)}`);
    }
    const k = sources.length;
    if (startSecs.length !== k) {
      throw new CoreError(`${what}: startSecs has ${startSecs.length} entries for ${k} sources; give one start offset per source`);
    }
    const { cutoff, reverse } = this.checkOptions(options);
    if (this.srcNode.length < k) {
      this.srcNode = new Int32Array(k);
      this.srcStart = new Float64Array(k);
    }
    for (let i = 0; i < k; i++) {
      const s = sources[i]!;
      this.topo.checkIndex(s, `sources[${i}]`);
      const t = startSecs[i]!;
      if (typeof t !== "number" || !Number.isFinite(t)) {
        throw new CoreError(`${what}: startSecs[${i}] = ${show(t)} must be a finite number of seconds`);
      }
      this.srcNode[i] = this.internal(s);
      this.srcStart[i] = t;
    }
    this.run(this.srcNode, this.srcStart, k, cutoff, reverse, -1);
    this.writeAll(out);
    return out;
  }

  /**
   * Travel time from `source` to each of `targets` (a fresh `Float64Array`, `result[i]` for
   * `targets[i]`, repeats allowed). Stops as soon as every target is settled, so near targets are
   * cheap. `pathTo` afterwards works for the targets (and for any node settled before the stop).
   */
  oneToMany(source: number, targets: ArrayLike<number>, options?: SearchOptions): Float64Array {
    const result = new Float64Array(targets === null || typeof targets !== "object" ? 0 : targets.length);
    return this.oneToManyInto(result, source, targets, options);
  }

  /** {@link oneToMany} writing into `out` (length `targets.length`), which it returns. */
  oneToManyInto(out: Float64Array, source: number, targets: ArrayLike<number>, options?: SearchOptions): Float64Array {
    const what = "oneToManyInto(out, source, targets)";
    if (targets === null || typeof targets !== "object" || typeof targets.length !== "number") {
      throw new CoreError(`${what}: targets ${show(targets)} must be an array of node indices`);
    }
    if (!(out instanceof Float64Array) || out.length !== targets.length) {
      throw new CoreError(`${what}: out must be a Float64Array of length targets.length = ${targets.length}`);
    }
    this.topo.checkIndex(source, "source");
    const { cutoff, reverse } = this.checkOptions(options);
    if (this.targetMark === null) this.targetMark = new Int32Array(this.n);
    const mark = this.targetMark;
    if (++this.targetStamp === 0x7fffffff) {
      mark.fill(0);
      this.targetStamp = 1;
    }
    const stamp = this.targetStamp;
    let distinct = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      this.topo.checkIndex(t, `targets[${i}]`);
      const v = this.internal(t);
      if (mark[v] !== stamp) {
        mark[v] = stamp;
        distinct++;
      }
    }
    this.srcNode[0] = this.internal(source);
    this.run(this.srcNode, ZERO_START, 1, cutoff, reverse, distinct);
    const { dist, state } = this;
    for (let i = 0; i < targets.length; i++) {
      const v = this.internal(targets[i]!);
      out[i] = state[v] === SETTLED ? dist[v]! : Infinity;
    }
    return out;
  }

  /**
   * The shortest path to `node` found by the latest query, from origin to destination; `null` if
   * that query did not reach it (unreachable, beyond the cutoff, or not settled before a
   * one-to-many stop). After a reverse search the path runs from `node` to the search's source.
   * Allocates the result; O(path length · log nodes).
   */
  pathTo(node: number): PathResult | null {
    this.topo.checkIndex(node, "pathTo(node): node");
    const v0 = this.internal(node);
    if (this.state[v0] !== SETTLED) return null;
    const topo = this.topo;
    const toExt = topo.intToExt;
    const nodes: number[] = [];
    const edges: number[] = [];
    if (!this.lastReverse) {
      const { firstOut, arcEdge } = topo;
      let v = v0;
      for (;;) {
        nodes.push(toExt ? toExt[v]! : v);
        const a = this.parent[v]!;
        if (a < 0) break;
        edges.push(arcEdge[a]!);
        v = arcTail(firstOut, a);
      }
      nodes.reverse();
      edges.reverse();
    } else {
      const rev = topo.reverse();
      let v = v0;
      for (;;) {
        nodes.push(toExt ? toExt[v]! : v);
        const r = this.parent[v]!;
        if (r < 0) break;
        edges.push(topo.arcEdge[rev.fwdArc[r]!]!);
        v = arcTail(rev.firstOut, r);
      }
    }
    return { nodes, edges, costSecs: this.dist[v0]! };
  }

  private internal(index: number): number {
    const map = this.topo.extToInt;
    return map ? map[index]! : index;
  }

  private checkOut(out: Float64Array, what: string): void {
    if (!(out instanceof Float64Array) || out.length !== this.n) {
      throw new CoreError(`${what}: out must be a Float64Array of length nodeCount = ${this.n}, got ${out instanceof Float64Array ? `length ${out.length}` : show(out)}`);
    }
  }

  private checkOptions(options: SearchOptions | undefined): { cutoff: number; reverse: boolean } {
    if (options === undefined) return { cutoff: Infinity, reverse: false };
    if (options === null || typeof options !== "object") {
      throw new CoreError(`search options ${show(options)} must be an object { cutoffSecs?, reverse? } or omitted`);
    }
    const cutoff = options.cutoffSecs ?? Infinity;
    if (typeof cutoff !== "number" || !(cutoff >= 0)) {
      throw new CoreError(`cutoffSecs = ${show(cutoff)} must be a number of seconds >= 0 (or Infinity for no cutoff)`);
    }
    const reverse = options.reverse ?? false;
    if (typeof reverse !== "boolean") throw new CoreError(`reverse = ${show(reverse)} must be true or false`);
    return { cutoff, reverse };
  }

  /** Writes the last query's settled times into `out` in caller numbering. */
  private writeAll(out: Float64Array): void {
    out.fill(Infinity);
    const { dist, state, touched } = this;
    const toExt = this.topo.intToExt;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i]!;
      if (state[v] === SETTLED) out[toExt ? toExt[v]! : v] = dist[v]!;
    }
  }

  /** Clears what the previous query touched: O(touched). */
  private reset(): void {
    const { dist, state, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i]!;
      dist[v] = Infinity;
      state[v] = NOT_SEEN;
    }
    this.touchedCount = 0;
  }

  /**
   * Runs one Dijkstra search from `k` internal sources. `targets > 0` stops once that many marked
   * targets are settled; `-1` runs to exhaustion (or the cutoff).
   */
  private run(src: Int32Array, start: Float64Array, k: number, cutoff: number, reverse: boolean, targets: number): void {
    this.reset();
    this.lastReverse = reverse;
    if (k === 0 || targets === 0) return;
    const graph = this.graph;
    const topo = this.topo;
    const rev = reverse ? topo.reverse() : null;
    const firstOut = rev ? rev.firstOut : topo.firstOut;
    const head = rev ? rev.head : topo.head;
    this.runHeap(firstOut, head, graph.heapCosts(reverse), src, start, k, cutoff, targets);
  }

  private ensureHeap(): void {
    if (this.heapNode === null) {
      this.heapNode = new Int32Array(this.n);
      this.heapKey = new Float64Array(this.n);
      this.heapPos = new Int32Array(this.n);
    }
  }

  /** Dijkstra with an indexed 4-ary heap (decrease-key, so at most one entry per node). */
  private runHeap(
    firstOut: Int32Array,
    head: Int32Array,
    cost: Float64Array,
    src: Int32Array,
    start: Float64Array,
    k: number,
    cutoff: number,
    targets: number,
  ): void {
    this.ensureHeap();
    const hNode = this.heapNode!;
    const hKey = this.heapKey!;
    const hPos = this.heapPos!;
    const { dist, parent, state, touched } = this;
    const mark = this.targetMark;
    const stamp = this.targetStamp;
    let tc = this.touchedCount;
    let size = 0;

    for (let i = 0; i < k; i++) {
      const s = src[i]!;
      const t = start[i]!;
      if (t > cutoff || !(t < dist[s]!)) continue;
      let at: number;
      if (state[s] === NOT_SEEN) {
        state[s] = QUEUED;
        touched[tc++] = s;
        at = size++;
      } else at = hPos[s]!;
      dist[s] = t;
      parent[s] = -1;
      // sift up
      while (at > 0) {
        const up = (at - 1) >> 2;
        const upKey = hKey[up]!;
        if (upKey <= t) break;
        const upNode = hNode[up]!;
        hNode[at] = upNode;
        hKey[at] = upKey;
        hPos[upNode] = at;
        at = up;
      }
      hNode[at] = s;
      hKey[at] = t;
      hPos[s] = at;
    }

    while (size > 0) {
      const u = hNode[0]!;
      const du = hKey[0]!;
      // Move the last entry to the root and sift it down.
      size--;
      if (size > 0) {
        const lastNode = hNode[size]!;
        const lastKey = hKey[size]!;
        let at = 0;
        for (;;) {
          const c1 = 4 * at + 1;
          if (c1 >= size) break;
          let best = c1;
          let bestKey = hKey[c1]!;
          const cEnd = c1 + 4 < size ? c1 + 4 : size;
          for (let c = c1 + 1; c < cEnd; c++) {
            const key = hKey[c]!;
            if (key < bestKey) {
              best = c;
              bestKey = key;
            }
          }
          if (bestKey >= lastKey) break;
          const bestNode = hNode[best]!;
          hNode[at] = bestNode;
          hKey[at] = bestKey;
          hPos[bestNode] = at;
          at = best;
        }
        hNode[at] = lastNode;
        hKey[at] = lastKey;
        hPos[lastNode] = at;
      }
      state[u] = SETTLED;
      if (targets > 0 && mark![u] === stamp && --targets === 0) break;

      for (let a = firstOut[u]!, end = firstOut[u + 1]!; a < end; a++) {
        const nd = du + cost[a]!;
        const v = head[a]!;
        // A settled node has dist <= du <= nd, so this test also skips settled nodes.
        if (nd < dist[v]! && nd <= cutoff) {
          let at: number;
          if (state[v] === NOT_SEEN) {
            state[v] = QUEUED;
            touched[tc++] = v;
            at = size++;
          } else at = hPos[v]!;
          dist[v] = nd;
          parent[v] = a;
          while (at > 0) {
            const up = (at - 1) >> 2;
            const upKey = hKey[up]!;
            if (upKey <= nd) break;
            const upNode = hNode[up]!;
            hNode[at] = upNode;
            hKey[at] = upKey;
            hPos[upNode] = at;
            at = up;
          }
          hNode[at] = v;
          hKey[at] = nd;
          hPos[v] = at;
        }
      }
    }
    this.touchedCount = tc;
  }
}

/** The node an arc leaves: the last `u` with `firstOut[u] <= arc` (binary search, paths only). */
function arcTail(firstOut: Int32Array, arc: number): number {
  let lo = 0;
  let hi = firstOut.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstOut[mid]! <= arc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
