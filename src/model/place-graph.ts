/**
 * The place graph: the model contracted onto its place nodes (each place before and after a ride,
 * and its destination sink), for place-to-place searches. Every path of the full model between two
 * place nodes that passes only through other nodes becomes one edge:
 *
 * - **street** edges (roads, connectors, generated access, arrive) join place nodes already: kept;
 * - **hops**: boarding a service direction at stop i and alighting at stop k (board, rides and
 *   dwells, alight) is one edge from the place at i (either layer) to the place at k after a ride;
 *   hops between the same two nodes are one slot whose cost is the least of its present hops;
 * - **mesh shortcuts**: the local road mesh between two places (both layers). The mesh is the same
 *   in every selection, so its place-to-place distances are computed once per cost draw. A draw is
 *   made for a *floor*, a project set contained in every selection it will serve; a shortcut is
 *   kept only where the floor's own roads and the other shortcuts offer nothing at least as fast
 *   (an edge longer than the shortest path between its ends is on no shortest path, so dropping
 *   it never changes a distance). The richer the floor, the fewer shortcuts.
 *
 * Distances between place nodes equal the full model's for every selection, filter, reading and
 * draw (up to float rounding of sums, ~1e-9 s; property-tested), while a search touches 3 × places
 * nodes instead of every line-stop and town node. Isochrones, which need the towns, search the
 * full model.
 */
import { compileGraph, ShortestPathSearch, type CompiledGraph } from "../core/index.js";
import { Compiled } from "../core/graph.js";
import { haversineLonLatM } from "../util/geo.js";
import type { EdgeCosts } from "./costs.js";
import type { ModelMesh } from "./mesh-model.js";
import { meshAdmitted } from "./overlay.js";
import type { ProjectIndex } from "./selection.js";
import type { ModelEdgeAttributes, ModelNodeAttributes, QueryFilter } from "./types.js";

/** What the place graph reads of its model (the model passes its internals once). */
export interface PlaceGraphSource {
  readonly placeCount: number;
  readonly placeCoords: readonly (readonly [number, number])[];
  readonly networkEdges: readonly ModelEdgeAttributes[];
  /** Attributes of the network's own nodes (line-stop nodes carry their stop position). */
  readonly nodeAttrs: readonly ModelNodeAttributes[];
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeEntity: Int32Array;
  readonly edgeGroup: Int32Array;
  readonly connectorGroups: readonly (readonly number[])[];
  readonly projects: ProjectIndex;
  readonly mesh: ModelMesh | undefined;
}

/** Kinds of place-graph edge, by index range (see {@link PlaceDraw}). */
export type PlaceEdgeKind = "street" | "hop" | "mesh";

/**
 * The place graph's fixed part (streets and hops) for one model; {@link draw} adds the mesh
 * shortcuts of a cost draw and compiles the result.
 */
export class PlaceGraph {
  /** 3 × places: place nodes before a ride, after a ride, destination sinks (the model's indices). */
  readonly nodeCount: number;
  /** Model edge of each street edge. */
  readonly street: Int32Array;
  /** Per hop: its board edge, alight edge, slot, entity, and its running edges `members[start[h]..start[h+1])`. */
  readonly hopBoard: Int32Array;
  readonly hopAlight: Int32Array;
  readonly hopSlot: Int32Array;
  readonly hopEntity: Int32Array;
  readonly hopStart: Int32Array;
  readonly hopMembers: Int32Array;
  /** Per slot: its end nodes. */
  readonly slotFrom: Int32Array;
  readonly slotTo: Int32Array;
  readonly #src: PlaceGraphSource;
  readonly #draws = new WeakMap<Float64Array, Map<string, PlaceDraw>>();
  #meshGraph: CompiledGraph | undefined;
  /** Layer-0 street edges that may dominate a shortcut (roads, connectors, listed access), compiled over places. */
  #floorGraph: { graph: CompiledGraph; edges: Int32Array } | undefined;

  constructor(src: PlaceGraphSource) {
    this.#src = src;
    const P = src.placeCount;
    const N = 3 * P;
    this.nodeCount = N;
    const street: number[] = [];
    // Line-stop edges of each service direction, by stop position.
    type Direction = { board0: number[]; board1: number[]; ride: number[]; dwell: number[]; alight: number[] };
    const directions = new Map<string, Direction>();
    const dir = (e: ModelEdgeAttributes): Direction => {
      const key = `${e.serviceId}\u0000${e.direction}`;
      let d = directions.get(key);
      if (d === undefined) directions.set(key, (d = { board0: [], board1: [], ride: [], dwell: [], alight: [] }));
      return d;
    };
    // Stop position of a line-stop edge: its departure node's (board) or its tail's (the others).
    const at = (node: number): number => src.nodeAttrs[node]!.stopIndex!;
    src.networkEdges.forEach((e, i) => {
      switch (e.kind) {
        case "board":
          (e.layer === 0 ? dir(e).board0 : dir(e).board1)[at(src.edgeTo[i]!)] = i;
          break;
        case "ride":
          dir(e).ride[at(src.edgeFrom[i]!)] = i;
          break;
        case "dwell":
          dir(e).dwell[at(src.edgeFrom[i]!)] = i;
          break;
        case "alight":
          dir(e).alight[at(src.edgeFrom[i]!)] = i;
          break;
        default:
          if (src.edgeFrom[i]! < N && src.edgeTo[i]! < N) street.push(i);
      }
    });
    this.street = Int32Array.from(street);
    const board: number[] = [];
    const alight: number[] = [];
    const entity: number[] = [];
    const start: number[] = [0];
    const members: number[] = [];
    const slot: number[] = [];
    const slotFrom: number[] = [];
    const slotTo: number[] = [];
    const slotOf = new Map<number, number>();
    for (const d of directions.values()) {
      const last = d.ride.length;
      for (let i = 0; i < last; i++) {
        for (let k = i + 1; k <= last; k++) {
          const run: number[] = [];
          for (let q = i; q < k; q++) {
            if (q > i) run.push(d.dwell[q]!);
            run.push(d.ride[q]!);
          }
          for (const b of [d.board0[i]!, d.board1[i]!]) {
            const from = src.edgeFrom[b]!;
            const to = src.edgeTo[d.alight[k]!]!;
            const key = from * N + to;
            let s = slotOf.get(key);
            if (s === undefined) {
              s = slotFrom.push(from) - 1;
              slotTo.push(to);
              slotOf.set(key, s);
            }
            board.push(b);
            alight.push(d.alight[k]!);
            entity.push(src.edgeEntity[b]!);
            slot.push(s);
            members.push(...run);
            start.push(members.length);
          }
        }
      }
    }
    // Hops of one entity (service) together, in a fixed order (a route takes the first of equal hops).
    const order = Array.from(board, (_, h) => h).sort((x, y) => entity[x]! - entity[y]! || x - y);
    this.hopBoard = Int32Array.from(order, (h) => board[h]!);
    this.hopAlight = Int32Array.from(order, (h) => alight[h]!);
    this.hopEntity = Int32Array.from(order, (h) => entity[h]!);
    this.hopSlot = Int32Array.from(order, (h) => slot[h]!);
    const hopStart = [0];
    const hopMembers: number[] = [];
    for (const h of order) {
      for (let i = start[h]!; i < start[h + 1]!; i++) hopMembers.push(members[i]!);
      hopStart.push(hopMembers.length);
    }
    this.hopStart = Int32Array.from(hopStart);
    this.hopMembers = Int32Array.from(hopMembers);
    this.slotFrom = Int32Array.from(slotFrom);
    this.slotTo = Int32Array.from(slotTo);
  }

  #touch: EntityTouch | undefined;

  /** What a change of entity activity touches (see {@link EntityTouch}); built on first use. */
  get entityTouch(): EntityTouch {
    if (this.#touch !== undefined) return this.#touch;
    const src = this.#src;
    const entities = src.projects.entityCount;
    const groups = src.connectorGroups.length;
    const streetByEntity: number[][] = Array.from({ length: entities }, () => []);
    const streetByGroup: number[][] = Array.from({ length: groups }, () => []);
    this.street.forEach((e, i) => {
      const en = src.edgeEntity[e]!;
      const g = src.edgeGroup[e]!;
      if (en >= 0) streetByEntity[en]!.push(i);
      else if (g >= 0) streetByGroup[g]!.push(i);
    });
    const slotsByEntity: Set<number>[] = Array.from({ length: entities }, () => new Set());
    for (let h = 0; h < this.hopEntity.length; h++) slotsByEntity[this.hopEntity[h]!]!.add(this.hopSlot[h]!);
    const groupsByEntity: number[][] = Array.from({ length: entities }, () => []);
    src.connectorGroups.forEach((links, g) => {
      for (const link of new Set(links)) groupsByEntity[link]!.push(g);
    });
    return (this.#touch = {
      streetByEntity: csr(streetByEntity),
      slotsByEntity: csr(slotsByEntity.map((x) => [...x].sort((a, b) => a - b))),
      groupsByEntity: csr(groupsByEntity),
      streetByGroup: csr(streetByGroup),
    });
  }

  /** Number of hop slots. */
  get slotCount(): number {
    return this.slotFrom.length;
  }

  /**
   * The place graph of a cost draw (typical costs from `model.base` or `model.costsWith`) for
   * selections that all contain `floor` (a project set; default none, which serves every selection),
   * cached by the draw's cost array and the floor: hop running times and mesh shortcuts computed
   * once per draw and floor.
   */
  draw(costs: EdgeCosts, floor: Iterable<string> = []): PlaceDraw {
    const ids = [...new Set(floor)].sort();
    const key = ids.join("\u0000");
    let byFloor = this.#draws.get(costs.costsSecs);
    if (byFloor === undefined) this.#draws.set(costs.costsSecs, (byFloor = new Map()));
    let d = byFloor.get(key);
    if (d === undefined) byFloor.set(key, (d = new PlaceDraw(this, this.#src, costs, this.#shortcuts(costs, ids), ids)));
    return d;
  }

  /**
   * Mesh shortcuts of a draw: place pairs whose mesh distance is not beaten by the floor's roads
   * (with the other shortcuts) in either direction.
   */
  #shortcuts(costs: EdgeCosts, floor: readonly string[]): Shortcuts {
    const src = this.#src;
    const mesh = src.mesh;
    const P = src.placeCount;
    const none: Shortcuts = { from: new Int32Array(0), to: new Int32Array(0), secs: new Float64Array(0) };
    if (mesh === undefined || mesh.mesh.edgeCount === 0) return none;
    const c = costs.costsSecs;
    const M = mesh.mesh.edgeCount;
    const T = mesh.mesh.townCount;
    const meshSecs = new Float64Array(M);
    // Fastest mesh seconds per great-circle km of the draw: a lower bound on any mesh path.
    let secsPerKm = Infinity;
    for (let m = 0; m < M; m++) {
      const s = c[mesh.firstEdge + 4 * m]!;
      meshSecs[m] = s;
      const km = mesh.mesh.crowKm[m]!;
      if (km > 0 && s / km < secsPerKm) secsPerKm = s / km;
    }
    const meshGraph = (this.#meshGraph ??= compileGraph(
      { nodeCount: mesh.mesh.nodeCount, from: mesh.mesh.from, to: mesh.mesh.to, costSecs: meshSecs, directed: false },
      { queue: "heap" },
    )).withCosts(meshSecs);
    const always = this.#floorTimes(c, floor, null);
    const attached = new Uint8Array(P).fill(1);
    for (const k of mesh.mesh.unattachedAnchors) attached[k] = 0;
    const coords = src.placeCoords;
    const search = new ShortestPathSearch(meshGraph);
    const from: number[] = [];
    const to: number[] = [];
    const secs: number[] = [];
    const candidates: number[] = [];
    for (let p = 0; p < P; p++) {
      if (!attached[p]) continue;
      candidates.length = 0;
      let cutoff = 0;
      for (let q = p + 1; q < P; q++) {
        if (!attached[q]) continue;
        const road = Math.max(always[p * P + q]!, always[q * P + p]!);
        // 1e-9 below the bound: a rounding error must never drop a shortcut that could matter.
        const bound = (haversineLonLatM(coords[p]![0], coords[p]![1], coords[q]![0], coords[q]![1]) / 1000) * secsPerKm * (1 - 1e-9);
        if (bound < road) {
          candidates.push(q);
          if (road > cutoff) cutoff = road;
        }
      }
      if (candidates.length === 0) continue;
      // One-to-many: the search stops once every candidate is settled (or at the cutoff).
      const targets = Int32Array.from(candidates, (q) => T + q);
      const dist = search.oneToManyInto(new Float64Array(targets.length), T + p, targets, cutoff < Infinity ? { cutoffSecs: cutoff } : undefined);
      for (let i = 0; i < candidates.length; i++) {
        const q = candidates[i]!;
        const d = dist[i]!;
        if (!(d < Infinity)) continue;
        if (d < always[p * P + q]!) (from.push(p), to.push(q), secs.push(d));
        if (d < always[q * P + p]!) (from.push(q), to.push(p), secs.push(d));
      }
    }
    // Second pass: drop every candidate longer than the shortest path between its ends over the
    // floor's roads and all candidates (such an edge is on no shortest path).
    const candidate = { from: Int32Array.from(from), to: Int32Array.from(to), secs: Float64Array.from(secs) };
    const best = this.#floorTimes(c, floor, candidate);
    const keep: number[] = [];
    for (let k = 0; k < candidate.secs.length; k++) if (candidate.secs[k]! <= best[candidate.from[k]! * P + candidate.to[k]!]!) keep.push(k);
    return {
      from: Int32Array.from(keep, (k) => candidate.from[k]!),
      to: Int32Array.from(keep, (k) => candidate.to[k]!),
      secs: Float64Array.from(keep, (k) => candidate.secs[k]!),
    };
  }

  /**
   * Times between places (layer 0, `p * P + q`) over the street edges present in every selection that
   * contains `floor` and admitted wherever the mesh is (roads, explicit connectors, connectors a
   * place's stations list), plus `extra` place-to-place edges when given.
   */
  #floorTimes(c: Float64Array, floor: readonly string[], extra: Shortcuts | null): Float64Array {
    const src = this.#src;
    const P = src.placeCount;
    if (this.#floorGraph === undefined) {
      const edges: number[] = [];
      for (const e of this.street) {
        const a = src.networkEdges[e]!;
        if (a.layer !== 0 || a.kind === "arrive" || (a.kind === "access" && a.accessRule === "radius")) continue;
        edges.push(e);
      }
      const list = Int32Array.from(edges);
      this.#floorGraph = {
        edges: list,
        graph: compileGraph(
          { nodeCount: P, from: Int32Array.from(list, (e) => src.edgeFrom[e]!), to: Int32Array.from(list, (e) => src.edgeTo[e]!), costSecs: new Float64Array(list.length) },
          { queue: "heap" },
        ),
      };
    }
    const { graph, edges } = this.#floorGraph;
    const above = src.projects.activeAbove(floor);
    const costs = Float64Array.from(edges, (e) => {
      const en = src.edgeEntity[e]!;
      const present = en >= 0 ? above[en] === 1 : src.edgeGroup[e]! < 0;
      return present ? c[e]! : Infinity;
    });
    let search: ShortestPathSearch;
    if (extra === null || extra.secs.length === 0) search = new ShortestPathSearch(graph.withCosts(costs));
    else {
      const n = edges.length;
      const from = new Int32Array(n + extra.from.length);
      const to = new Int32Array(n + extra.from.length);
      for (let i = 0; i < n; i++) ((from[i] = src.edgeFrom[edges[i]!]!), (to[i] = src.edgeTo[edges[i]!]!));
      from.set(extra.from, n);
      to.set(extra.to, n);
      const all = new Float64Array(n + extra.secs.length);
      all.set(costs);
      all.set(extra.secs, n);
      search = new ShortestPathSearch(compileGraph({ nodeCount: P, from, to, costSecs: all }, { queue: "heap" }));
    }
    const out = new Float64Array(P * P);
    for (let p = 0; p < P; p++) out.set(search.oneToAll(p), p * P);
    return out;
  }

  /** The mesh path of a shortcut under a draw, as mesh edge indices from `p` to `q` (places). */
  meshPath(costs: EdgeCosts, p: number, q: number): number[] {
    const mesh = this.#src.mesh!;
    const c = costs.costsSecs;
    const meshSecs = Float64Array.from({ length: mesh.mesh.edgeCount }, (_, m) => c[mesh.firstEdge + 4 * m]!);
    const search = new ShortestPathSearch(this.#meshGraph!.withCosts(meshSecs));
    const T = mesh.mesh.townCount;
    search.oneToMany(T + p, [T + q]);
    return search.pathTo(T + q)?.edges ?? [];
  }
}

/** Hops by slot (`start[k]..start[k+1]`), cheapest first under one reading: cost, entity and board edge. */
interface SlotHops {
  readonly start: Int32Array;
  readonly cost: Float64Array;
  readonly entity: Int32Array;
  readonly board: Int32Array;
}

/** Mesh shortcuts between places (indices into `network.places`), the same in both layers. */
interface Shortcuts {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly secs: Float64Array;
}

/**
 * The place graph of one cost draw, compiled: edges `0..street-1` are the street edges,
 * then one per hop slot, then the mesh shortcuts before a ride, then after a ride.
 */
export class PlaceDraw {
  readonly graph: CompiledGraph;
  readonly costs: EdgeCosts;
  readonly firstSlot: number;
  readonly firstShortcut: number;
  readonly shortcutCount: number;
  /** Running seconds of each hop (rides and dwells) under this draw. */
  readonly hopRun: Float64Array;
  readonly shortcuts: Shortcuts;
  /** The floor the shortcuts were pruned for (sorted project ids): serve only selections containing it. */
  readonly floor: readonly string[];
  readonly #pg: PlaceGraph;
  readonly #src: PlaceGraphSource;

  constructor(pg: PlaceGraph, src: PlaceGraphSource, costs: EdgeCosts, shortcuts: Shortcuts, floor: readonly string[]) {
    this.floor = floor;
    this.#pg = pg;
    this.#src = src;
    this.costs = costs;
    this.shortcuts = shortcuts;
    const c = costs.costsSecs;
    const H = pg.hopBoard.length;
    this.hopRun = new Float64Array(H);
    for (let h = 0; h < H; h++) {
      let s = 0;
      for (let i = pg.hopStart[h]!; i < pg.hopStart[h + 1]!; i++) s += c[pg.hopMembers[i]!]!;
      this.hopRun[h] = s + c[pg.hopAlight[h]!]!;
    }
    const S = pg.street.length;
    const K = shortcuts.from.length;
    this.firstSlot = S;
    this.firstShortcut = S + pg.slotCount;
    this.shortcutCount = K;
    const E = this.firstShortcut + 2 * K;
    const from = new Int32Array(E);
    const to = new Int32Array(E);
    for (let i = 0; i < S; i++) {
      from[i] = src.edgeFrom[pg.street[i]!]!;
      to[i] = src.edgeTo[pg.street[i]!]!;
    }
    from.set(pg.slotFrom, S);
    to.set(pg.slotTo, S);
    const P = src.placeCount;
    for (let k = 0; k < K; k++) {
      from[this.firstShortcut + k] = shortcuts.from[k]!;
      to[this.firstShortcut + k] = shortcuts.to[k]!;
      from[this.firstShortcut + K + k] = shortcuts.from[k]! + P;
      to[this.firstShortcut + K + k] = shortcuts.to[k]! + P;
    }
    this.graph = compileGraph({ nodeCount: pg.nodeCount, from, to, costSecs: new Float64Array(E) }, { queue: "heap" });
    this.arcOf = new Int32Array(E);
    const arcEdge = (this.graph as Compiled).topo.arcEdge;
    for (let a = 0; a < arcEdge.length; a++) this.arcOf[arcEdge[a]!] = a;
  }

  /** Arc of each edge in the compiled graph: {@link overlayInto} writes costs in arc order. */
  readonly arcOf: Int32Array;
  readonly #hopCostCache = new WeakMap<Float64Array, SlotHops>();
  #open: Uint8Array | undefined;

  /**
   * Per reading's cost array (cached): the hops of each slot, cheapest first (board cost under the
   * reading plus running time; equal costs in hop order), so an overlay takes a slot's first
   * present hop instead of scanning every hop.
   */
  #slotHops(readingSecs: Float64Array): SlotHops {
    let out = this.#hopCostCache.get(readingSecs);
    if (out === undefined) {
      const pg = this.#pg;
      const H = pg.hopBoard.length;
      const cost = new Float64Array(H);
      for (let h = 0; h < H; h++) cost[h] = readingSecs[pg.hopBoard[h]!]! + this.hopRun[h]!;
      // Hops bucketed by slot in hop order, then each slot's few hops insertion-sorted by cost
      // (stable: equal costs stay in hop order). A draw makes new reading costs, so this runs
      // once per draw and reading: cheaper than one general sort.
      const start = new Int32Array(pg.slotCount + 1);
      for (let h = 0; h < H; h++) start[pg.hopSlot[h]! + 1]!++;
      for (let k = 0; k < pg.slotCount; k++) start[k + 1]! += start[k]!;
      const order = new Int32Array(H);
      const fill = start.slice(0, pg.slotCount);
      for (let h = 0; h < H; h++) order[fill[pg.hopSlot[h]!]!++] = h;
      for (let k = 0; k < pg.slotCount; k++) {
        for (let i = start[k]! + 1; i < start[k + 1]!; i++) {
          const h = order[i]!;
          let j = i;
          for (; j > start[k]! && cost[order[j - 1]!]! > cost[h]!; j--) order[j] = order[j - 1]!;
          order[j] = h;
        }
      }
      // Plain loops: typed-array `from` with a mapping function costs ~50× more per element.
      const sorted = { start, cost: new Float64Array(H), entity: new Int32Array(H), board: new Int32Array(H) };
      for (let i = 0; i < H; i++) {
        const h = order[i]!;
        sorted.cost[i] = cost[h]!;
        sorted.entity[i] = pg.hopEntity[h]!;
        sorted.board[i] = pg.hopBoard[h]!;
      }
      out = sorted;
      this.#hopCostCache.set(readingSecs, out);
    }
    return out;
  }

  /**
   * This draw's graph with arc costs from {@link overlayInto}, without the copy and checks of
   * `withCosts` (the costs are valid by construction): about half of a target evaluation's time
   * went into `withCosts` before. `arcCosts` is used, not copied: do not change it while a search
   * uses the graph.
   */
  overlayGraph(arcCosts: Float64Array): CompiledGraph {
    return new Compiled((this.graph as Compiled).topo, { kind: "heap", cost: arcCosts });
  }

  /** Number of edges of this draw's place graph. */
  get edgeCount(): number {
    return this.graph.edgeCount;
  }

  /**
   * Place-graph arc costs (in arc order, see {@link arcOf}; give them to {@link overlayGraph}) for a
   * selection and filter under a reading, into `out`:
   * - `active`: entity activity of the selection (`model.activeEntities`);
   * - `filterMask`: the model's admission mask of the filter (`model.filterMask`);
   * - `readingSecs`: the draw's model edge costs under the reading (`model.readingCosts(costs, r).costsSecs`).
   */
  overlayInto(out: Float64Array, active: Uint8Array, filter: QueryFilter, filterMask: Uint8Array, readingSecs: Float64Array): Float64Array {
    const pg = this.#pg;
    const groups = this.#src.connectorGroups;
    const open = (this.#open ??= new Uint8Array(groups.length));
    for (let g = 0; g < groups.length; g++) open[g] = groupOpen(groups[g]!, active);
    const arcOf = this.arcOf;
    for (let i = 0; i < pg.street.length; i++) out[arcOf[i]!] = this.#streetCost(i, active, open, filterMask);
    const S = this.firstSlot;
    const hops = this.#slotHops(readingSecs);
    for (let k = 0; k < pg.slotCount; k++) out[arcOf[S + k]!] = slotCost(hops, k, active, filterMask);
    const K = this.shortcutCount;
    const on = meshAdmitted(filter);
    const secs = this.shortcuts.secs;
    for (let k = 0; k < K; k++) {
      const v = on ? secs[k]! : Infinity;
      out[arcOf[this.firstShortcut + k]!] = v;
      out[arcOf[this.firstShortcut + K + k]!] = v;
    }
    return out;
  }

  /**
   * Updates `out`, this draw's overlay (from {@link overlayInto} or an earlier update) for entity
   * activity `before`, to activity `active` under the same filter, mask and reading: only the arcs
   * of the entities whose activity differs (their street edges, the hop slots they serve, the
   * generated connectors their explicit links close) are recomputed. Returns how many arc costs
   * changed (0: the overlay is the same). Equals a fresh {@link overlayInto} (tested).
   */
  overlayDelta(out: Float64Array, before: Uint8Array, active: Uint8Array, filterMask: Uint8Array, readingSecs: Float64Array): number {
    const pg = this.#pg;
    const touch = pg.entityTouch;
    const groups = this.#src.connectorGroups;
    const open = (this.#open ??= new Uint8Array(groups.length));
    const arcOf = this.arcOf;
    const S = this.firstSlot;
    const hops = this.#slotHops(readingSecs);
    let changed = 0;
    const write = (arc: number, v: number) => {
      if (out[arc] !== v) {
        out[arc] = v;
        changed++;
      }
    };
    for (let en = 0; en < active.length; en++) {
      if (active[en] === before[en]) continue;
      for (let j = touch.streetByEntity.start[en]!; j < touch.streetByEntity.start[en + 1]!; j++) {
        const i = touch.streetByEntity.items[j]!;
        write(arcOf[i]!, this.#streetCost(i, active, open, filterMask));
      }
      for (let j = touch.slotsByEntity.start[en]!; j < touch.slotsByEntity.start[en + 1]!; j++) {
        const k = touch.slotsByEntity.items[j]!;
        write(arcOf[S + k]!, slotCost(hops, k, active, filterMask));
      }
      for (let j = touch.groupsByEntity.start[en]!; j < touch.groupsByEntity.start[en + 1]!; j++) {
        const g = touch.groupsByEntity.items[j]!;
        open[g] = groupOpen(groups[g]!, active);
        for (let m = touch.streetByGroup.start[g]!; m < touch.streetByGroup.start[g + 1]!; m++) {
          const i = touch.streetByGroup.items[m]!;
          write(arcOf[i]!, this.#streetCost(i, active, open, filterMask));
        }
      }
    }
    return changed;
  }

  /** Cost of street edge `i` (index into `street`) under an activity, its connector groups' state and a filter mask. */
  #streetCost(i: number, active: Uint8Array, open: Uint8Array, filterMask: Uint8Array): number {
    const src = this.#src;
    const e = this.#pg.street[i]!;
    const en = src.edgeEntity[e]!;
    const g = src.edgeGroup[e]!;
    const present = en >= 0 ? active[en]! : g < 0 ? 1 : open[g]!;
    return present & filterMask[e]! ? this.costs.costsSecs[e]! : Infinity;
  }

  /** What a place-graph edge is: its kind and index within the kind. */
  edgeKind(e: number): { kind: PlaceEdgeKind; index: number } {
    if (e < this.firstSlot) return { kind: "street", index: e };
    if (e < this.firstShortcut) return { kind: "hop", index: e - this.firstSlot };
    return { kind: "mesh", index: (e - this.firstShortcut) % this.shortcutCount };
  }

  /**
   * The model edges behind a place-graph path (edge indices in travel order) under the overlay that
   * found it (same arguments as {@link overlayInto}): a street edge is itself, a hop slot its
   * cheapest present hop (the first of equals), a shortcut its mesh path in its layer.
   */
  expand(path: readonly number[], active: Uint8Array, filterMask: Uint8Array, readingSecs: Float64Array): number[] {
    const pg = this.#pg;
    const src = this.#src;
    const out: number[] = [];
    for (const e of path) {
      if (e < this.firstSlot) {
        out.push(pg.street[e]!);
        continue;
      }
      if (e < this.firstShortcut) {
        const s = e - this.firstSlot;
        let best = -1;
        let bestCost = Infinity;
        for (let h = 0; h < pg.hopBoard.length; h++) {
          if (pg.hopSlot[h] !== s) continue;
          const b = pg.hopBoard[h]!;
          if (!(active[pg.hopEntity[h]!]! & filterMask[b]!)) continue;
          const cost = readingSecs[b]! + this.hopRun[h]!;
          if (cost < bestCost) ((bestCost = cost), (best = h));
        }
        out.push(pg.hopBoard[best]!);
        for (let i = pg.hopStart[best]!; i < pg.hopStart[best + 1]!; i++) out.push(pg.hopMembers[i]!);
        out.push(pg.hopAlight[best]!);
        continue;
      }
      const k = (e - this.firstShortcut) % this.shortcutCount;
      const layer = e - this.firstShortcut < this.shortcutCount ? 0 : 1;
      const mesh = src.mesh!;
      const p = this.shortcuts.from[k]!;
      const q = this.shortcuts.to[k]!;
      // Walk the mesh path from p, choosing each model edge's direction by the node it leaves.
      let at = mesh.mesh.townCount + p;
      for (const m of pg.meshPath(this.costs, p, q)) {
        const forward = mesh.mesh.from[m] === at;
        out.push(mesh.firstEdge + 4 * m + 2 * layer + (forward ? 0 : 1));
        at = forward ? mesh.mesh.to[m]! : mesh.mesh.from[m]!;
      }
    }
    return out;
  }
}

/** What an entity's change of activity touches in the place graph, as CSR lists. */
export interface EntityTouch {
  /** Street edges (indices into `street`) of each entity. */
  readonly streetByEntity: Csr;
  /** Hop slots served by each entity's hops. */
  readonly slotsByEntity: Csr;
  /** Connector groups each (link) entity belongs to. */
  readonly groupsByEntity: Csr;
  /** Street edges (generated connectors) of each connector group. */
  readonly streetByGroup: Csr;
}

/** Lists `items[start[i]..start[i+1])`. */
interface Csr {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

function csr(lists: readonly (readonly number[])[]): Csr {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i]! + l.length));
  return { start, items: Int32Array.from(lists.flat()) };
}

/** 1 when a generated connector of the group is open: none of the group's explicit links is active. */
function groupOpen(links: readonly number[], active: Uint8Array): number {
  for (let j = 0; j < links.length; j++) if (active[links[j]!] === 1) return 0;
  return 1;
}

/** Cost of slot `k`: its cheapest hop whose service is present and admitted (Infinity if none). */
function slotCost(hops: SlotHops, k: number, active: Uint8Array, filterMask: Uint8Array): number {
  const { start, cost, entity, board } = hops;
  for (let i = start[k]!, end = start[k + 1]!; i < end; i++) if (active[entity[i]!]! & filterMask[board[i]!]!) return cost[i]!;
  return Infinity;
}
