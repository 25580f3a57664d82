/**
 * Many lists of origin–destination pairs timed together, many times over (project subsets,
 * quantity draws): the query layer's fast path for attribution and uncertainty. Planned once: per
 * (measure, modes, reading) group one overlay, and one search per distinct origin for every list.
 */
import { ShortestPathSearch } from "../core/index.js";
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection, Reading } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";
import { DEFAULT_READING } from "./options.js";
import { stationPair, stationsOf } from "./stations.js";

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
}

/** Lists sharing one (measure, modes, reading) overlay; each distinct origin is searched once for all. */
interface Group {
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly reading: Reading;
  /** Per distinct origin: the search source nodes and (door-to-door) the union of target nodes. */
  readonly slots: { sources: Int32Array; targets: Int32Array; out: Float64Array }[];
  readonly refs: PairRef[];
  /** Cost array of the group's latest overlay, kept to skip searches when it has not changed. */
  lastCosts: Float64Array | null;
}

/**
 * Times pair lists under any selection and cost draw on ONE compiled model, with the station rules
 * of the query layer (a station-to-station pair without a station is `Infinity`, one sharing a
 * station 0). Times equal {@link Query.routesFor}'s exactly (tested). Owns one search and its
 * buffers: not re-entrant.
 */
export class PairTimes {
  readonly model: TravelTimeModel;
  readonly lists: readonly PairList[];
  /** Seconds per pair of each list (`Infinity`: no time), overwritten by each {@link run}. */
  readonly secs: Float64Array[];
  /**
   * Skip a group's searches when its overlay equals the one of its previous run (default true). An
   * optimisation that must not change results: tests compare both settings.
   */
  reuseUnchanged = true;
  readonly #groups: Group[];
  readonly #search: ShortestPathSearch;
  readonly #costs: Float64Array;
  readonly #active: Uint8Array;

  constructor(model: TravelTimeModel, lists: readonly PairList[]) {
    this.model = model;
    this.lists = lists;
    this.secs = lists.map((l) => new Float64Array(l.pairs.length));
    const groups = new Map<string, { group: Group; lists: number[] }>();
    lists.forEach((l, i) => {
      const measure = l.measure ?? "door-to-door";
      const modes = l.modes ?? "multimodal";
      const reading = l.reading ?? DEFAULT_READING;
      const key = `${modes}|${measure}|${reading}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { group: { measure, modes, reading, slots: [], refs: [], lastCosts: null }, lists: [] }));
      g.lists.push(i);
    });
    this.#groups = [...groups.values()].map(({ group, lists: members }) => this.#plan(group, members));
    this.#search = new ShortestPathSearch(model.compiled);
    this.#costs = new Float64Array(model.edgeCount);
    this.#active = new Uint8Array(model.edgeCount);
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
    const active = model.activeMask(projects, this.#active);
    const byReading = new Map<Reading, Float64Array>();
    for (const g of this.#groups) {
      let base = byReading.get(g.reading);
      if (base === undefined) byReading.set(g.reading, (base = model.readingCosts(costs, g.reading).costsSecs));
      const filter = model.filterMask({ modes: g.modes, measure: g.measure });
      const c = this.#costs;
      let same = g.lastCosts !== null && this.reuseUnchanged;
      const last = g.lastCosts;
      for (let e = 0; e < c.length; e++) {
        const x = active[e]! & filter[e]! ? base[e]! : Infinity;
        c[e] = x;
        if (same && last![e] !== x) same = false;
      }
      // Same overlay as this group's previous run (e.g. a Gray-code step that flips a road project
      // for a rail-only group): its pair times are still valid, so the searches are skipped.
      if (same) continue;
      if (g.lastCosts === null) g.lastCosts = new Float64Array(c.length);
      g.lastCosts.set(c);
      this.#search.setGraph(model.compiled.withCosts(c));
      this.#runGroup(g);
    }
  }

  /** Precompute the group's distinct origins, their search sources and targets, and where each pair reads. */
  #plan(g: Group, members: readonly number[]): Group {
    const model = this.model;
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
          g.slots.push({ sources: Int32Array.from(sources), targets: new Int32Array(0), out: new Float64Array(0) });
        }
        const none = new Int32Array(0);
        if (doorToDoor) {
          const targets = targetLists[slot]!;
          const node = model.destinationNode(d);
          let index = targets.indexOf(node);
          if (index < 0) index = targets.push(node) - 1;
          g.refs.push({ list, pair, slot, index, stationNodes: none, fixedSecs: NaN });
          return;
        }
        const sp = stationPair(stationsOf(model, o), stationsOf(model, d));
        const fixedSecs = sp.kind === "no-station" ? Infinity : sp.kind === "same-station" ? 0 : NaN;
        const stationNodes = sp.kind === "search" ? Int32Array.from(sp.to, (s) => model.destinationNode(s)) : none;
        g.refs.push({ list, pair, slot, index: -1, stationNodes, fixedSecs });
      });
    }
    g.slots.forEach((s, k) => {
      s.targets = Int32Array.from(targetLists[k]!);
      s.out = new Float64Array(doorToDoor ? s.targets.length : model.nodeCount);
    });
    return g;
  }

  /** One search per distinct origin of the group (early exit door-to-door; multi-source from stations). */
  #runGroup(g: Group): void {
    const search = this.#search;
    const doorToDoor = g.measure === "door-to-door";
    for (const slot of g.slots) {
      if (doorToDoor) search.oneToManyInto(slot.out, slot.sources[0]!, slot.targets);
      else if (slot.sources.length > 0) search.multiSourceInto(slot.out, slot.sources, new Float64Array(slot.sources.length));
    }
    for (const r of g.refs) {
      const slot = g.slots[r.slot]!;
      let t: number;
      if (doorToDoor) t = slot.out[r.index]!;
      else if (!Number.isNaN(r.fixedSecs)) t = r.fixedSecs;
      else {
        t = Infinity;
        for (const n of r.stationNodes) if (slot.out[n]! < t) t = slot.out[n]!;
      }
      this.secs[r.list]![r.pair] = t;
    }
  }
}
