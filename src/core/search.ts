import { CoreError, show, UNREACHABLE_INT32 } from "./errors.js";
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

/** `state` marks: only nodes left in the queue by an early stop are marked (see `markQueued`). */
const LEFT_QUEUED = 1;

/** "Not reached" in the bucket kernel's Int32 distances (also what Int32 results report). */
const INF_INT = UNREACHABLE_INT32;

/**
 * Largest key the bucket kernel queues: 2^30 - 1 s (34 years). `key + cost` then stays below
 * `INF_INT` even for a disabled arc (`DISABLED_ARC_COST` = 2^30), so Int32 arithmetic never
 * overflows and disabled arcs always fail the `<= stop` test. A query whose times could exceed
 * it is rerun with the heap (see `runBucket`).
 */
const BUCKET_KEY_CAP = 2 ** 30 - 1;

/** Stand-ins for buffers a query does not use, so the kernels always see an Int32Array (monomorphic). */
const NO_PARENTS = new Int32Array(0);
const NO_MARKS = new Int32Array(0);

/**
 * Dijkstra searches over a {@link CompiledGraph}, with every buffer allocated once (O(nodes)) and
 * reset in O(nodes touched) by the next query, so thousands of queries cost no allocation.
 *
 * Queries take and return the caller's node indices (`graph.indexOf(id)` converts ids). Each query
 * replaces the previous one's state; `pathTo` reads the latest query. Not re-entrant: use one
 * search object per concurrent user (or per worker).
 *
 * Searches do not record predecessors (that write costs ~15 % of a search); the first `pathTo`
 * after a query repeats that query once with recording on, so paths cost one extra search per
 * query that asks for them, however many paths it reads.
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
  // Per-node buffers are allocated on first use, so a search object holds only what its queries
  // need: a bucket graph answering full searches holds 16 B per node (distInt, link, touched).
  /** Heap kernel: tentative/final secs per internal node, `Infinity` if not reached. */
  private dist: Float64Array | null = null;
  /** Bucket kernel: tentative/final whole secs per internal node, `INF_INT` if not reached. */
  private distInt: Int32Array | null = null;
  /** Arc (of the searched direction) by which each node was reached; -1 for a source. */
  private parent: Int32Array | null = null;
  /** `LEFT_QUEUED` for reached but unsettled nodes after an early stop; 0 otherwise. */
  private state: Uint8Array | null = null;
  private stateDirty = false;
  /** Internal nodes whose dist the last query changed, for O(touched) resets. */
  private readonly touched: Int32Array;
  private touchedCount = 0;

  // The last query, kept so that `pathTo` can repeat it with predecessor recording.
  private lastBucket = false;
  private lastReverse = false;
  private lastK = 0;
  private lastCutoff = Infinity;
  private lastTargets = -1;
  private parentsValid = false;

  // Indexed 4-ary heap (allocated on first use).
  private heapNode: Int32Array | null = null;
  private heapKey: Float64Array | null = null;
  private heapPos: Int32Array | null = null;

  /**
   * The whole state of Dial's bucket queue in one array (allocated on first use, grown for larger
   * arc costs), in three parts:
   * - `[0, 2n)`: the bucket lists, threaded through the nodes: `q[2v]` = next node in v's bucket,
   *   `q[2v + 1]` = previous one (-1 = none); side by side, so an unlink touches one cache line.
   * - `[2n, 2n + ringSize)`: the first node of each bucket of the ring (-1 = empty).
   * - then `ringSize / 32` words, one bit per bucket, set iff it is non-empty (skips 32 empty
   *   buckets per step).
   * One array rather than three because TurboFan re-checks every typed array the loop touches at
   * each access (map, data pointer, length); fewer arrays, fewer checks: about 5 % faster queries.
   */
  private bucketState: Int32Array = new Int32Array(0);
  private ringSize = 0;
  /** Whether the latest query's bucket distances live in the caller's array (oneToAllInt32Into). */
  private lastExternal = false;

  // Target marks for one-to-many early exit: a node is a target of the current query iff
  // targetMark[node] === targetStamp, so marks never need clearing.
  private targetMark: Int32Array | null = null;
  private targetStamp = 0;

  private srcNode = new Int32Array(1);
  private srcStart = new Float64Array(1);
  private srcOrder: Int32Array | null = null;

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
    this.touched = new Int32Array(n);
  }

  /** Bytes held by this search object's buffers (they grow on first use of each query kind). */
  get byteLength(): number {
    let bytes = this.touched.byteLength + this.bucketState.byteLength;
    for (const a of [this.dist, this.distInt, this.parent, this.state, this.heapNode, this.heapKey, this.heapPos, this.targetMark]) {
      if (a) bytes += a.byteLength;
    }
    return bytes;
  }

  /** The graph searched now. */
  get currentGraph(): CompiledGraph {
    return this.graph;
  }

  /**
   * Switches to another cost overlay of the same topology (from `graph.withCosts`) in O(1),
   * keeping every buffer. Throws {@link CoreError} if `graph` has a different topology.
   * `pathTo` is unavailable until the next query.
   */
  setGraph(graph: CompiledGraph): void {
    if (!(graph instanceof Compiled) || graph.topo !== this.topo) {
      throw new CoreError(
        `setGraph(graph): graph must be an overlay of the same topology (made with withCosts from the graph this search was built for); create a new ShortestPathSearch for another graph`,
      );
    }
    this.graph = graph;
    this.reset();
    this.lastK = 0;
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
    this.srcStart[0] = 0;
    this.run(1, cutoff, reverse, -1, false);
    this.writeAll(out);
    return out;
  }

  /**
   * {@link oneToAll} in whole seconds as a fresh `Int32Array`, `UNREACHABLE_INT32` where
   * unreachable or beyond `cutoffSecs`. See {@link oneToAllInt32Into}.
   */
  oneToAllInt32(source: number, options?: SearchOptions): Int32Array {
    return this.oneToAllInt32Into(new Int32Array(this.n), source, options);
  }

  /**
   * {@link oneToAll} in whole seconds, written into `out` (an `Int32Array` of length `nodeCount`,
   * which it returns): `UNREACHABLE_INT32` (2^31 - 1) where unreachable or beyond
   * `cutoffSecs`. Half the memory of the `Float64Array` result, and on a graph that is not
   * reordered no copy at all: the search keeps its distances in `out` itself.
   *
   * Needs a graph whose queue is `"bucket"` (whole-second costs; see `CompiledGraph.queue`), and
   * times below 2^30 s (34 years); throws {@link CoreError} otherwise. `pathTo` works afterwards as
   * after `oneToAll` (it repeats the query internally and never reads `out`).
   */
  oneToAllInt32Into(out: Int32Array, source: number, options?: SearchOptions): Int32Array {
    const what = "oneToAllInt32Into(out, source)";
    if (!(out instanceof Int32Array) || out.length !== this.n) {
      throw new CoreError(`${what}: out must be an Int32Array of length nodeCount = ${this.n}, got ${out instanceof Int32Array ? `length ${out.length}` : show(out)}`);
    }
    this.topo.checkIndex(source, "source");
    const { cutoff, reverse } = this.checkOptions(options);
    if (this.graph.queue !== "bucket") {
      throw new CoreError(
        `${what}: Int32 results need a graph whose queue is "bucket" (whole-second costs); this graph uses "heap", so use oneToAllInto (Float64Array) or round the costs to whole seconds`,
      );
    }
    this.srcNode[0] = this.internal(source);
    this.srcStart[0] = 0;
    const toExt = this.topo.intToExt;
    // Without reordering, the search's own distance array can be the caller's.
    const direct = toExt === null;
    out.fill(INF_INT);
    this.run(1, cutoff, reverse, -1, false, direct ? out : null);
    if (!this.lastBucket) {
      // The rare heap fallback (times near the key cap): report what fits, refuse what does not.
      const d = this.dist!;
      out.fill(INF_INT);
      for (let i = 0; i < this.touchedCount; i++) {
        const v = this.touched[i]!;
        if (d[v]! > BUCKET_KEY_CAP) {
          throw new CoreError(
            `${what}: node ${toExt ? toExt[v]! : v} is ${d[v]} s away, beyond the ${BUCKET_KEY_CAP} s that Int32 results hold; use oneToAllInto (Float64Array)`,
          );
        }
        out[toExt ? toExt[v]! : v] = d[v]!;
      }
    } else if (!direct) {
      const d = this.distInt!;
      for (let i = 0; i < this.touchedCount; i++) {
        const v = this.touched[i]!;
        out[toExt![v]!] = d[v]!;
      }
    }
    return out;
  }

  /**
   * Travel time from the nearest of several sources, each with its own start offset in seconds
   * (e.g. the time to walk to it): `out[v] = min over i of startSecs[i] + time(sources[i], v)`.
   * A repeated source counts with its smallest offset. No sources give all `Infinity`.
   * Offsets must be finite and `>= 0` (else {@link CoreError} naming the entry); with the bucket
   * queue, fractional offsets switch that query to the heap.
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
    for (let i = 0; i < k; i++) {
      this.topo.checkIndex(sources[i]!, `sources[${i}]`);
      const t = startSecs[i]!;
      // `!(t >= 0)` also catches NaN; a negative offset would give negative travel times.
      if (typeof t !== "number" || !(t >= 0) || t === Infinity) {
        throw new CoreError(
          `${what}: startSecs[${i}] = ${show(t)} (for sources[${i}] = ${show(sources[i])}) is not a start offset; give a finite number of seconds >= 0 (the time already spent before leaving that source)`,
        );
      }
    }
    if (this.srcNode.length < k) {
      this.srcNode = new Int32Array(k);
      this.srcStart = new Float64Array(k);
    }
    for (let i = 0; i < k; i++) {
      this.srcNode[i] = this.internal(sources[i]!);
      this.srcStart[i] = startSecs[i]! + 0; // + 0 turns -0 into 0, so no time reads as -0
    }
    this.run(k, cutoff, reverse, -1, false);
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
    for (let i = 0; i < targets.length; i++) this.topo.checkIndex(targets[i]!, `targets[${i}]`);
    if (this.targetMark === null) this.targetMark = new Int32Array(this.n);
    const mark = this.targetMark;
    if (++this.targetStamp === 0x7fffffff) {
      mark.fill(0);
      this.targetStamp = 1;
    }
    const stamp = this.targetStamp;
    let distinct = 0;
    for (let i = 0; i < targets.length; i++) {
      const v = this.internal(targets[i]!);
      if (mark[v] !== stamp) {
        mark[v] = stamp;
        distinct++;
      }
    }
    this.srcNode[0] = this.internal(source);
    this.srcStart[0] = 0;
    this.run(1, cutoff, reverse, distinct, false);
    for (let i = 0; i < targets.length; i++) out[i] = this.settledTime(this.internal(targets[i]!));
    return out;
  }

  /**
   * The shortest path to `node` found by the latest query, from origin to destination; `null` if
   * that query did not reach it (unreachable, beyond the cutoff, or not settled before a
   * one-to-many stop). After a reverse search the path runs from `node` to the search's source.
   * The first call after a query repeats that query once to record predecessors; then each call
   * costs O(path length · log nodes). Throws {@link CoreError} before any query.
   */
  pathTo(node: number): PathResult | null {
    this.topo.checkIndex(node, "pathTo(node): node");
    // Before any query (or after setGraph) lastK is 0 and the rerun reaches nothing.
    if (!this.parentsValid) this.run(this.lastK, this.lastCutoff, this.lastReverse, this.lastTargets, true);
    const v0 = this.internal(node);
    const time = this.settledTime(v0);
    if (time === Infinity) return null;
    const topo = this.topo;
    const toExt = topo.intToExt;
    const nodes: number[] = [];
    const edges: number[] = [];
    if (!this.lastReverse) {
      const { firstOut, arcEdge } = topo;
      let v = v0;
      for (;;) {
        nodes.push(toExt ? toExt[v]! : v);
        const a = this.parent![v]!;
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
        const r = this.parent![v]!;
        if (r < 0) break;
        edges.push(topo.arcEdge[rev.fwdArc[r]!]!);
        v = arcTail(rev.firstOut, r);
      }
    }
    return { nodes, edges, costSecs: time };
  }

  private internal(index: number): number {
    const map = this.topo.extToInt;
    return map ? map[index]! : index;
  }

  /** The last query's final time for internal node `v`, `Infinity` if not settled. */
  private settledTime(v: number): number {
    if (this.stateDirty && this.state![v] === LEFT_QUEUED) return Infinity;
    if (this.lastBucket) {
      // Never reached after an external (Int32) query: pathTo reruns it internally first.
      const d = this.distInt![v]!;
      return d === INF_INT ? Infinity : d;
    }
    return this.dist === null ? Infinity : this.dist[v]!;
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
    const { touched, n } = this;
    const toExt = this.topo.intToExt;
    const tc = this.touchedCount;
    // Full searches leave nothing queued, so the common case needs no per-node state check.
    if (this.stateDirty) {
      out.fill(Infinity);
      for (let i = 0; i < tc; i++) {
        const v = touched[i]!;
        out[toExt ? toExt[v]! : v] = this.settledTime(v);
      }
    } else if (this.lastBucket) {
      const d = this.distInt!;
      if (toExt === null && tc > n >>> 3) {
        // The search reached much of the graph: one sequential pass beats scattered writes.
        for (let v = 0; v < n; v++) {
          const t = d[v]!;
          out[v] = t === INF_INT ? Infinity : t;
        }
      } else {
        out.fill(Infinity);
        if (toExt) for (let i = 0; i < tc; i++) { const v = touched[i]!; out[toExt[v]!] = d[v]!; }
        else for (let i = 0; i < tc; i++) { const v = touched[i]!; out[v] = d[v]!; }
      }
    } else if (this.dist === null || tc === 0) out.fill(Infinity);
    else {
      const d = this.dist;
      if (toExt === null) out.set(d);
      else {
        out.fill(Infinity);
        for (let i = 0; i < tc; i++) { const v = touched[i]!; out[toExt[v]!] = d[v]!; }
      }
    }
  }

  /** Clears what the previous query touched: O(touched). */
  private reset(): void {
    const { touched } = this;
    const tc = this.touchedCount;
    if (this.lastBucket) {
      // An external (Int32) query wrote into the caller's array, which is theirs to keep.
      if (!this.lastExternal) {
        const d = this.distInt!;
        for (let i = 0; i < tc; i++) d[touched[i]!] = INF_INT;
      }
    } else if (this.dist !== null) {
      const d = this.dist;
      for (let i = 0; i < tc; i++) d[touched[i]!] = Infinity;
    }
    if (this.stateDirty) {
      const state = this.state!;
      for (let i = 0; i < tc; i++) state[touched[i]!] = 0;
      this.stateDirty = false;
    }
    this.touchedCount = 0;
    this.parentsValid = false;
    this.lastBucket = false;
    this.lastExternal = false;
  }

  /**
   * Runs one Dijkstra search from the first `k` internal sources in `srcNode`/`srcStart`.
   * `targets > 0` stops once that many marked targets are settled; `-1` runs to exhaustion (or
   * the cutoff). `record` stores predecessors for `pathTo`. `into` (bucket graphs only): an
   * Int32Array already filled with `INF_INT` that receives the distances instead of the internal
   * buffer; it is left as the search wrote it, even when the query falls back to the heap.
   */
  private run(k: number, cutoff: number, reverse: boolean, targets: number, record: boolean, into: Int32Array | null = null): void {
    this.reset();
    this.lastK = k;
    this.lastCutoff = cutoff;
    this.lastReverse = reverse;
    this.lastTargets = targets;
    this.parentsValid = record;
    if (k === 0 || targets === 0) return;
    if (record && this.parent === null) this.parent = new Int32Array(this.n);
    const graph = this.graph;
    const topo = this.topo;
    const rev = reverse ? topo.reverse() : null;
    const firstOut = rev ? rev.firstOut : topo.firstOut;
    const head = rev ? rev.head : topo.head;
    const costs = graph.arcCosts(reverse);
    if (costs.kind === "bucket" && bucketStarts(this.srcStart, k)) {
      this.lastBucket = true;
      this.lastExternal = into !== null;
      const dist = into ?? (this.distInt ??= new Int32Array(this.n).fill(INF_INT));
      if (this.runBucket(firstOut, head, costs.cost, costs.maxCost, dist, k, cutoff, targets, record)) return;
      // Times could pass BUCKET_KEY_CAP: redo this query with the heap.
      this.reset();
      this.parentsValid = record;
    }
    this.runHeap(firstOut, head, graph.heapCosts(reverse), k, cutoff, targets, record);
  }

  /** Sources in order of start time, for the bucket kernel (null = single source). */
  private sourceOrder(k: number): Int32Array | null {
    if (k <= 1) return null;
    if (this.srcOrder === null || this.srcOrder.length < k) this.srcOrder = new Int32Array(Math.max(k, 16));
    const order = this.srcOrder.subarray(0, k);
    for (let i = 0; i < k; i++) order[i] = i;
    const start = this.srcStart;
    order.sort((a, b) => start[a]! - start[b]!);
    return order;
  }

  /**
   * Dial's algorithm over whole seconds: a ring of `2^b > maxCost` buckets, slot `key & mask`,
   * each a doubly linked list threaded through `link` (so decrease-key is O(1) and no entry is
   * ever stale). Queued keys always lie in `[cur, cur + maxCost]`, so they never collide in the
   * ring; sources are injected in order of start time as the cursor reaches them, which keeps that
   * invariant for any spread of offsets. `dist` must hold `INF_INT` for every node on entry.
   * Returns false if times could pass `BUCKET_KEY_CAP` (the caller then uses the heap).
   *
   * Shaped for V8 (measured in benchmarks/, see docs/design-choices.md): every integer expression
   * is coerced with `| 0` or built from shifts, so TurboFan emits plain 32-bit arithmetic without
   * overflow checks, and the node's two list links share one array (one cache line per unlink).
   */
  private runBucket(
    firstOut: Int32Array,
    head: Int32Array,
    cost: Int32Array,
    maxCost: number,
    dist: Int32Array,
    k: number,
    cutoff: number,
    targets: number,
    record: boolean,
  ): boolean {
    let ringSize = this.ringSize;
    if (ringSize <= maxCost) {
      ringSize = 32;
      while (ringSize <= maxCost) ringSize *= 2;
      this.ringSize = ringSize;
      this.bucketState = new Int32Array(2 * this.n + ringSize + (ringSize >>> 5));
      this.bucketState.fill(-1, 2 * this.n, 2 * this.n + ringSize);
    }
    const q = this.bucketState;
    /** Offsets of the bucket heads and of the bitmap in `q`. */
    const H = 2 * this.n;
    const B = H + ringSize;
    const mask = ringSize - 1;
    const wordMask = (ringSize >>> 5) - 1;
    const parent = record ? this.parent! : NO_PARENTS;
    const touched = this.touched;
    const mark = this.targetMark ?? NO_MARKS;
    const stamp = this.targetStamp;
    const src = this.srcNode;
    const start = this.srcStart;
    // Int32 keys (fewer bytes per node than Float64, and integer arithmetic in the loop).
    const cap = BUCKET_KEY_CAP;
    // `| 0`: keep stop (and pause below) Int32 so the loop compares integers, not doubles.
    const stop = (cutoff >= cap ? cap : Math.floor(cutoff)) | 0;
    let tc = 0;
    let count = 0;

    const order = this.sourceOrder(k);
    let sp = 0;
    let cur = start[order ? order[0]! : 0]! | 0;

    for (;;) {
      // Inject every pending source that starts now (sorted, so all later ones start later).
      while (sp < k) {
        const i = order ? order[sp]! : sp;
        const t = start[i]!;
        if (t > cur) break;
        sp++;
        const s = src[i]!;
        const ds = dist[s]!;
        if (t > stop || !(t < ds)) continue;
        if (ds !== INF_INT) unlink(q, H, B, s, ds & mask);
        else {
          touched[tc++] = s;
          count++;
        }
        dist[s] = t;
        if (record) parent[s] = -1;
        const b = t & mask;
        const nx = q[H + b]!;
        q[s << 1] = nx;
        q[(s << 1) | 1] = -1;
        if (nx !== -1) q[(nx << 1) | 1] = s;
        else q[B + (b >>> 5)]! |= 1 << (b & 31);
        q[H + b] = s;
      }
      // The tight loop below runs until the queue empties or the cursor reaches the next
      // source's start (or the cutoff), so it never looks at the source list itself.
      // Start offsets are whole seconds <= BUCKET_KEY_CAP here (bucketStarts), so Int32 is exact;
      // with no source pending, INF_INT stands for "never".
      const nextStart = sp < k ? start[order ? order[sp]! : sp]! | 0 : INF_INT;
      const pause = (nextStart - 1 < stop ? nextStart - 1 : stop) | 0;
      let found = false;
      while (count > 0) {
        const bi = cur & mask;
        const u = q[H + bi]!;
        if (u === -1) {
          // Jump to the next non-empty bucket: bits at or after bi in its word, then whole words.
          // The queue is not empty and all its keys lie within one ring turn, so this ends.
          let w = bi >>> 5;
          let word = q[B + w]! & (-1 << (bi & 31));
          while (word === 0) {
            w = (w + 1) & wordMask;
            word = q[B + w]!;
          }
          const nb = (w << 5) | (31 - Math.clz32(word & -word));
          cur = (cur + ((nb - bi) & mask)) | 0;
          if (cur > pause) {
            cur = pause + 1;
            break;
          }
          continue;
        }
        // Pop u (first in its bucket); its key is cur.
        const nu = q[u << 1]!;
        q[H + bi] = nu;
        if (nu !== -1) q[(nu << 1) | 1] = -1;
        else q[B + (bi >>> 5)]! &= ~(1 << (bi & 31));
        count = (count - 1) | 0;
        if (targets > 0 && mark[u] === stamp && --targets === 0) {
          found = true;
          break;
        }
        const end = firstOut[(u + 1) | 0]!;
        for (let a = firstOut[u]!; a < end; a = (a + 1) | 0) {
          // Disabled arcs cost DISABLED_ARC_COST, so `nd <= stop` below drops them without a
          // separate test per arc. Keys stay below 2^31 (cur <= cap, cost <= 2^30), so `| 0`
          // never wraps.
          const nd = (cur + cost[a]!) | 0;
          const v = head[a]!;
          const dv = dist[v]!;
          // A settled node has dist <= cur <= nd, so this test also skips settled nodes; nd <= stop
          // prunes beyond the cutoff, so a bounded search never queues what it will not report.
          if (nd < dv && nd <= stop) {
            const v2 = v << 1;
            if (dv !== INF_INT) {
              // Queued at key dv: unlink it (inline: this is the decrease-key of the hot loop).
              const nx = q[v2]!;
              const p = q[v2 | 1]!;
              if (p === -1) {
                const ob = dv & mask;
                q[H + ob] = nx;
                if (nx === -1) q[B + (ob >>> 5)]! &= ~(1 << (ob & 31));
              } else q[p << 1] = nx;
              if (nx !== -1) q[(nx << 1) | 1] = p;
            } else {
              touched[tc] = v;
              tc = (tc + 1) | 0;
              count = (count + 1) | 0;
            }
            dist[v] = nd;
            if (record) parent[v] = a;
            const b = nd & mask;
            const nx = q[H + b]!;
            q[v2] = nx;
            q[v2 | 1] = -1;
            if (nx !== -1) q[(nx << 1) | 1] = v;
            else q[B + (b >>> 5)]! |= 1 << (b & 31);
            q[H + b] = v;
          }
        }
      }
      if (found || sp >= k || cur > stop) break;
      // Queue empty or cursor at the next start: move to it and inject.
      if (count === 0) cur = nextStart;
      else cur = Math.max(cur, nextStart);
      if (cur > stop) break;
    }
    this.touchedCount = tc;
    if (count > 0) {
      // Early stop: mark what is still queued (and empty its buckets for the next query). Those
      // are the nodes with key > cur, plus the rest of the current bucket's list.
      const state = (this.state ??= new Uint8Array(this.n));
      this.stateDirty = true;
      for (let u = q[H + (cur & mask)]!; u !== -1; u = q[u << 1]!) state[u] = LEFT_QUEUED;
      for (let i = 0; i < tc; i++) {
        const v = touched[i]!;
        const d = dist[v]!;
        if (d > cur) state[v] = LEFT_QUEUED;
        if (d >= cur) {
          const b = d & mask;
          q[H + b] = -1;
          q[B + (b >>> 5)] = 0;
        }
      }
    }
    // cur is now the largest key popped; if cur + maxCost could pass the cap that the cutoff did
    // not impose, a relaxation may have been pruned by the cap alone: report failure.
    return !(cutoff > cap && cur + maxCost > cap);
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
    k: number,
    cutoff: number,
    targets: number,
    record: boolean,
  ): void {
    this.ensureHeap();
    const hNode = this.heapNode!;
    const hKey = this.heapKey!;
    const hPos = this.heapPos!;
    const dist = (this.dist ??= new Float64Array(this.n).fill(Infinity));
    const parent = record ? this.parent! : NO_PARENTS;
    const touched = this.touched;
    const mark = this.targetMark ?? NO_MARKS;
    const stamp = this.targetStamp;
    const src = this.srcNode;
    const start = this.srcStart;
    let tc = 0;
    let size = 0;

    for (let i = 0; i < k; i++) {
      const s = src[i]!;
      const t = start[i]!;
      const ds = dist[s]!;
      if (t > cutoff || !(t < ds)) continue;
      let at: number;
      if (ds === Infinity) {
        touched[tc++] = s;
        at = size++;
      } else at = hPos[s]!;
      dist[s] = t;
      if (record) parent[s] = -1;
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
      // Move the last entry to the root and sift it down (4 children per node: a shallower tree
      // than a binary heap, and the children share a cache line).
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
      if (targets > 0 && mark[u] === stamp && --targets === 0) break;

      for (let a = firstOut[u]!, end = firstOut[u + 1]!; a < end; a++) {
        const nd = du + cost[a]!;
        const v = head[a]!;
        const dv = dist[v]!;
        // A settled node has dist <= du <= nd, so this test also skips settled nodes.
        if (nd < dv && nd <= cutoff) {
          let at: number;
          if (dv === Infinity) {
            touched[tc++] = v;
            at = size++;
          } else at = hPos[v]!;
          dist[v] = nd;
          if (record) parent[v] = a;
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
    if (size > 0) {
      // Early stop: what is still in the heap is reached but not settled.
      this.stateDirty = true;
      const state = (this.state ??= new Uint8Array(this.n));
      for (let i = 0; i < size; i++) state[hNode[i]!] = LEFT_QUEUED;
    }
  }
}

/** Removes queued node `v` from its bucket `b` in queue state `q` (the cold path: a source re-injected at an earlier key). */
function unlink(q: Int32Array, H: number, B: number, v: number, b: number): void {
  const nx = q[v << 1]!;
  const p = q[(v << 1) | 1]!;
  if (p === -1) {
    q[H + b] = nx;
    if (nx === -1) q[B + (b >>> 5)]! &= ~(1 << (b & 31));
  } else q[p << 1] = nx;
  if (nx !== -1) q[(nx << 1) | 1] = p;
}

/** Whether the first `k` start offsets suit the bucket kernel: whole seconds in `0..BUCKET_KEY_CAP`. */
function bucketStarts(start: Float64Array, k: number): boolean {
  for (let i = 0; i < k; i++) {
    const t = start[i]!;
    if (!Number.isInteger(t) || t < 0 || t > BUCKET_KEY_CAP) return false;
  }
  return true;
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
