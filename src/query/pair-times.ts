/**
 * Many lists of origin–destination pairs timed together, many times over (project subsets,
 * quantity draws): the query layer's fast path for attribution and uncertainty. Planned once: per
 * (measure, modes, reading) group one overlay, and one search per distinct origin for every list.
 */
import { ShortestPathSearch } from "../core/index.js";
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { PlaceDraw } from "../model/place-graph.js";
import type { ModeFilter, ProjectSelection, Reading } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";
import { DEFAULT_READING } from "./options.js";
import { stationPair, stationsOf as stationsOfPlace } from "./stations.js";

/** One list of pairs and how to time them (defaults: door-to-door, multimodal, {@link DEFAULT_READING}). */
export interface PairList {
  readonly pairs: readonly (readonly [Id, Id])[];
  readonly measure?: Measure;
  readonly modes?: ModeFilter;
  readonly reading?: Reading;
}

/** Where a pair reads its time in its group's per-origin searches. */
interface PairRef {
  readonly list: number;
  readonly pair: number;
  readonly slot: number;
  /** door-to-door: index into the slot's target nodes; station-to-station: -1. */
  readonly index: number;
  /** station-to-station: the destination's station sink nodes. */
  readonly stationNodes: Int32Array;
  /** A time decided without a search (station rules), or NaN. */
  readonly fixedSecs: number;
  /** door-to-door: the destination's sink; same-station: the shared station's sink; else -1. */
  readonly fixedEnd: number;
}

/** Lists sharing one (measure, modes, reading) overlay; each distinct origin is searched once for all. */
interface Group {
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly reading: Reading;
  /** Per distinct origin: the search source nodes and (door-to-door) the union of target nodes. */
  readonly slots: { sources: Int32Array; starts: Float64Array; targets: Int32Array; out: Float64Array }[];
  readonly refs: PairRef[];
  /**
   * The group's latest overlay: its place-graph arc costs, the draw and reading costs they are
   * for, and the entity activity they were made for (the next run updates only what changed).
   */
  lastCosts: Float64Array | null;
  lastDraw: PlaceDraw | null;
  lastReading: Float64Array | null;
  lastActive: Uint8Array | null;
}

/**
 * Times pair lists under any selection and cost draw on ONE compiled model, with the station rules
 * of the query layer (a station-to-station pair without a station is `Infinity`, one sharing a
 * station 0). Searches the model's place graph, as {@link Query.routesFor} does, so times equal its
 * exactly (tested). Owns its searches and buffers: not re-entrant.
 */
export class PairTimes {
  readonly model: TravelTimeModel;
  readonly lists: readonly PairList[];
  /** Seconds per pair of each list (`Infinity`: no time), overwritten by each {@link run}. */
  readonly secs: Float64Array[];
  /**
   * Per pair of each list, the model node the time was read at (the destination's sink door-to-door,
   * the best station's sink station-to-station, the shared station's for `same-station`), or -1
   * (no station, or not reached); overwritten by each {@link run}.
   */
  readonly ends: Int32Array[];
  /**
   * Skip a group's searches when its overlay equals the one of its previous run (default true). An
   * optimisation that must not change results: tests compare both settings.
   */
  reuseUnchanged = true;
  readonly #groups: Group[];
  #search: { draw: PlaceDraw; search: ShortestPathSearch } | null = null;
  readonly #active: Uint8Array;
  #floor: Set<Id> | null = null;
  #drawFor: { costs: EdgeCosts; draw: PlaceDraw } | null = null;

  constructor(model: TravelTimeModel, lists: readonly PairList[]) {
    this.model = model;
    this.lists = lists;
    this.secs = lists.map((l) => new Float64Array(l.pairs.length));
    this.ends = lists.map((l) => new Int32Array(l.pairs.length).fill(-1));
    const groups = new Map<string, { group: Group; lists: number[] }>();
    lists.forEach((l, i) => {
      const measure = l.measure ?? "door-to-door";
      const modes = l.modes ?? "multimodal";
      const reading = l.reading ?? DEFAULT_READING;
      const key = `${modes}|${measure}|${reading}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { group: { measure, modes, reading, slots: [], refs: [], lastCosts: null, lastDraw: null, lastReading: null, lastActive: null }, lists: [] }));
      g.lists.push(i);
    });
    this.#groups = [...groups.values()].map(({ group, lists: members }) => this.#plan(group, members));
    this.#active = new Uint8Array(model.network.links.length + model.network.services.length);
  }

  /**
   * Times of every list's pairs for a selection (a scenario id, `{ scenario }`, `{ projects }` or a
   * project list) and edge costs as computed (default the model's base; a draw from `model.costsWith`),
   * written to {@link secs}.
   */
  run(selection: Id | ProjectSelection | Iterable<Id>, costs: EdgeCosts = this.model.base): void {
    const model = this.model;
    const projects =
      typeof selection === "string"
        ? model.scenarioProjects(selection)
        : "scenario" in selection
          ? model.scenarioProjects(selection.scenario)
          : "projects" in selection
            ? selection.projects
            : selection;
    const active = model.activeEntities(projects, this.#active);
    // The floor: the projects every selection so far had (their roads prune the mesh shortcuts);
    // a selection without one of them shrinks it, and the place graph is drawn again.
    let shrunk = false;
    if (this.#floor === null) {
      this.#floor = new Set(projects);
      shrunk = true;
    } else {
      const chosen = projects instanceof Set ? (projects as ReadonlySet<Id>) : new Set(projects);
      for (const p of this.#floor) if (!chosen.has(p)) (this.#floor.delete(p), (shrunk = true));
    }
    if (shrunk || this.#drawFor?.costs !== costs) this.#drawFor = { costs, draw: model.placeGraph.draw(costs, this.#floor) };
    const draw = this.#drawFor.draw;
    let held = this.#search;
    if (held === null || held.draw !== draw) this.#search = held = { draw, search: new ShortestPathSearch(draw.graph) };
    const byReading = new Map<Reading, Float64Array>();
    for (const g of this.#groups) {
      let base = byReading.get(g.reading);
      if (base === undefined) byReading.set(g.reading, (base = model.readingCosts(costs, g.reading).costsSecs));
      const filter = { modes: g.modes, measure: g.measure };
      const mask = model.filterMask(filter);
      // Same draw and reading as the group's previous run: update its overlay where the activity
      // changed. Nothing changed (e.g. a Gray-code step that flips a road project for a rail-only
      // group): its pair times still stand, so the searches are skipped.
      let c = g.lastCosts;
      if (c !== null && g.lastDraw === draw && g.lastReading === base) {
        const changed = draw.overlayDelta(c, g.lastActive!, active, mask, base);
        g.lastActive!.set(active);
        if (changed === 0 && this.reuseUnchanged) continue;
      } else {
        if (c === null || c.length !== draw.edgeCount) g.lastCosts = c = new Float64Array(draw.edgeCount);
        draw.overlayInto(c, active, filter, mask, base);
        g.lastDraw = draw;
        g.lastReading = base;
        (g.lastActive ??= new Uint8Array(active.length)).set(active);
      }
      held.search.setGraph(draw.overlayGraph(c));
      this.#runGroup(g, held.search);
    }
  }

  /** Precompute the group's distinct origins, their search sources and targets, and where each pair reads. */
  #plan(g: Group, members: readonly number[]): Group {
    const model = this.model;
    const known = new Map<Id, Id[]>();
    const stationsOf = (m: TravelTimeModel, id: Id): Id[] => {
      let list = known.get(id);
      if (list === undefined) known.set(id, (list = stationsOfPlace(m, id)));
      return list;
    };
    const sinks = new Map<string, Int32Array>();
    const none = new Int32Array(0);
    const doorToDoor = g.measure === "door-to-door";
    const slotOf = new Map<Id, number>();
    const targetLists: number[][] = [];
    for (const list of members) {
      this.lists[list]!.pairs.forEach(([o, d], pair) => {
        let slot = slotOf.get(o);
        if (slot === undefined) {
          slot = targetLists.length;
          slotOf.set(o, slot);
          targetLists.push([]);
          const sources = doorToDoor ? [model.originNode(o)] : stationsOf(model, o).map((s) => model.originNode(s));
          g.slots.push({ sources: Int32Array.from(sources), starts: new Float64Array(sources.length), targets: new Int32Array(0), out: new Float64Array(0) });
        }
        if (doorToDoor) {
          const targets = targetLists[slot]!;
          const node = model.destinationNode(d);
          let index = targets.indexOf(node);
          if (index < 0) index = targets.push(node) - 1;
          g.refs.push({ list, pair, slot, index, stationNodes: none, fixedSecs: NaN, fixedEnd: node });
          return;
        }
        const sp = stationPair(stationsOf(model, o), stationsOf(model, d));
        const fixedSecs = sp.kind === "no-station" ? Infinity : sp.kind === "same-station" ? 0 : NaN;
        let stationNodes: Int32Array = none;
        if (sp.kind === "search") {
          stationNodes = sinks.get(d) ?? Int32Array.from(sp.to, (s) => model.destinationNode(s));
          sinks.set(d, stationNodes);
        }
        const fixedEnd = sp.kind === "same-station" ? model.destinationNode(sp.station) : -1;
        g.refs.push({ list, pair, slot, index: -1, stationNodes, fixedSecs, fixedEnd });
      });
    }
    g.slots.forEach((s, k) => {
      s.targets = Int32Array.from(targetLists[k]!);
      s.out = new Float64Array(doorToDoor ? s.targets.length : model.placeGraph.nodeCount);
    });
    return g;
  }

  /** One search per distinct origin of the group (early exit door-to-door; multi-source from stations). */
  #runGroup(g: Group, search: ShortestPathSearch): void {
    const doorToDoor = g.measure === "door-to-door";
    for (const slot of g.slots) {
      if (doorToDoor) search.oneToManyInto(slot.out, slot.sources[0]!, slot.targets);
      else if (slot.sources.length > 0) search.multiSourceInto(slot.out, slot.sources, slot.starts);
    }
    for (const r of g.refs) {
      const slot = g.slots[r.slot]!;
      let t: number;
      let end = r.fixedEnd;
      if (doorToDoor) t = slot.out[r.index]!;
      else if (!Number.isNaN(r.fixedSecs)) t = r.fixedSecs;
      else {
        // The first of equal times, in the destination's station order (as Query.routesFor).
        t = Infinity;
        for (const n of r.stationNodes) if (slot.out[n]! < t) ((t = slot.out[n]!), (end = n));
      }
      this.secs[r.list]![r.pair] = t;
      this.ends[r.list]![r.pair] = t < Infinity || !Number.isNaN(r.fixedSecs) ? end : -1;
    }
  }
}
