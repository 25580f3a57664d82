import { ShortestPathSearch } from "../core/index.js";
import type { TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, QuantityOverrides } from "../model/types.js";
import { UnknownIdError } from "../network/errors.js";
import { MEASURES, type Id, type Measure, type Target } from "../network/schema.js";
import { closestMatch } from "../network/suggest.js";
import { targetPairs } from "../targets/check-targets.js";
import { stationsOf } from "../query/stations.js";
import type { TravelTimeMatrix } from "../query/query.js";

/** One target under one measure: the unit that attribution and uncertainty evaluate. */
export interface TargetItem {
  readonly target: Target;
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly pairs: readonly (readonly [Id, Id])[];
  readonly thresholdMin: number;
  readonly comparison: "<=" | "<";
}

/**
 * Scalar outcomes of one item: worst and mean pair time (min, unreachable capped), and how many
 * pairs are met and reachable. Read `worstTimeMin` with `pairsReachable`: gaining a pair can raise it.
 */
export interface ItemOutcome {
  /**
   * Largest time over the pairs that have one (`pairsReachable` of them), minutes: pairs without a
   * route or a station are left out, as in `TargetSummary.worstTimeMin`; Infinity when no pair has
   * a time. Not monotone in the project set: a pair that becomes reachable may be the slowest.
   */
  readonly worstTimeMin: number;
  /** Mean pair time, minutes, each pair capped at `unreachableMin` (unreachable pairs count as it). */
  readonly meanTimeMin: number;
  /** Pairs meeting the threshold (out of `pairs`). */
  readonly pairsMet: number;
  /** Pairs with a finite time (out of `pairs`): the pairs `worstTimeMin` is taken over. */
  readonly pairsReachable: number;
  /** Number of pairs of the item. */
  readonly pairs: number;
  /** Every pair meets the threshold (false for an item without pairs). */
  readonly met: boolean;
}

/**
 * Cap on a pair's time in mean times and time savings, minutes (default 600 = 10 h): unreachable
 * pairs and pairs slower than this count as this, so the mean never rises when a project is added.
 */
export const DEFAULT_UNREACHABLE_MIN = 600;

/** A pair's place in its group's per-origin searches. */
interface PairRef {
  readonly item: number;
  readonly pair: number;
  readonly slot: number;
  /** door-to-door: index into the slot's target nodes; station-to-station: destination station nodes. */
  readonly index: number;
  readonly stationNodes: Int32Array;
}

/** Items sharing one (modes, measure) overlay; each distinct origin is searched once for all of them. */
interface Group {
  readonly key: string;
  readonly modes: ModeFilter;
  readonly measure: Measure;
  readonly items: number[];
  /** Per distinct origin: the search source nodes and (door-to-door) the union of target nodes. */
  readonly slots: { readonly sources: Int32Array; readonly targets: Int32Array; readonly out: Float64Array }[];
  readonly refs: PairRef[];
  /** Cost array of the group's latest overlay, kept to skip searches when it has not changed. */
  lastCosts: Float64Array | null;
}

/**
 * Evaluates many targets × measures under many project sets and quantity draws on ONE compiled
 * model: per call, one cost array (quantities recomputed only when overrides are given), one overlay
 * per (modes, measure) group, one search per origin. Times agree exactly with `evaluateTarget`
 * (tested); routes are not computed. Not thread-safe: it owns one search and its buffers.
 */
export class TargetEvaluator {
  readonly model: TravelTimeModel;
  readonly items: readonly TargetItem[];
  readonly unreachableMin: number;
  readonly #groups: Group[];
  readonly #search: ShortestPathSearch;
  readonly #costs: Float64Array;
  readonly #active: Uint8Array;
  /**
   * Skip a group's searches when its overlay equals the one of its previous evaluation (default
   * true). An optimisation that must not change results: tests compare both settings.
   */
  reuseUnchanged = true;
  /** Seconds per pair of each item, overwritten by each {@link evaluate}. */
  readonly pairSecs: Float64Array[];

  /**
   * @param options.targets target ids (default all); options.measures overrides each target's
   *   measures (default: the target's, else both); options.unreachableMin (default 600).
   * @throws UnknownIdError for a target id the network does not have (with a "did you mean").
   */
  constructor(model: TravelTimeModel, options: { readonly targets?: readonly Id[]; readonly measures?: readonly Measure[]; readonly unreachableMin?: number } = {}) {
    this.model = model;
    this.unreachableMin = options.unreachableMin ?? DEFAULT_UNREACHABLE_MIN;
    const network = model.network;
    const targets = options.targets
      ? options.targets.map((id) => {
          const t = network.targetById.get(id);
          if (!t) {
            const known = [...network.targetById.keys()];
            throw new UnknownIdError("target", id, closestMatch(id, known), known, "options.targets");
          }
          return t;
        })
      : network.targets;
    const items: TargetItem[] = [];
    for (const target of targets) {
      for (const measure of options.measures ?? target.measures ?? MEASURES) {
        items.push({ target, measure, modes: target.modes ?? "multimodal", pairs: targetPairs(target), thresholdMin: target.thresholdMin.value, comparison: target.comparison });
      }
    }
    this.items = items;
    const groups = new Map<string, Group>();
    items.forEach((it, i) => {
      const key = `${it.modes}|${it.measure}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, modes: it.modes, measure: it.measure, items: [], slots: [], refs: [], lastCosts: null }));
      g.items.push(i);
    });
    for (const g of groups.values()) this.#plan(g);
    this.#groups = [...groups.values()];
    this.#search = new ShortestPathSearch(model.compiled);
    this.#costs = new Float64Array(model.edgeCount);
    this.#active = new Uint8Array(model.edgeCount);
    this.pairSecs = items.map((it) => new Float64Array(it.pairs.length));
  }

  /**
   * Travel times of every item's pairs for a project set (and optional quantity overrides, JSON
   * Pointers as in `TravelTimeModel.costsWith`, or precomputed base costs), written to
   * {@link pairSecs} and summarised per item.
   */
  evaluate(projects: Iterable<Id>, quantities?: QuantityOverrides | Float64Array): ItemOutcome[] {
    const model = this.model;
    const base = quantities instanceof Float64Array ? quantities : quantities === undefined ? model.base.costsSecs : model.costsWith(quantities).costsSecs;
    const active = model.activeMask(projects, this.#active);
    for (const g of this.#groups) {
      const filter = model.filterMask({ modes: g.modes, measure: g.measure });
      const c = this.#costs;
      let same = g.lastCosts !== null && this.reuseUnchanged;
      const last = g.lastCosts;
      for (let e = 0; e < c.length; e++) {
        const x = active[e]! & filter[e]! ? base[e]! : Infinity;
        c[e] = x;
        if (same && last![e] !== x) same = false;
      }
      // Same overlay as this group's previous call (e.g. a Gray-code step that flips a road project
      // for a rail-only group): its pair times are still valid, so the searches are skipped.
      if (same) continue;
      if (g.lastCosts === null) g.lastCosts = new Float64Array(c.length);
      g.lastCosts.set(c);
      this.#search.setGraph(model.compiled.withCosts(c));
      this.#runGroup(g);
    }
    return this.items.map((_, i) => this.outcome(i));
  }

  /** Summary of item `i` from the latest {@link evaluate}. */
  outcome(i: number): ItemOutcome {
    const it = this.items[i]!;
    const secs = this.pairSecs[i]!;
    // As TargetSummary.worstTimeMin: the worst over pairs that have a time (no route / no station
    // excluded); Infinity when no pair has one.
    let worst = -Infinity;
    let sum = 0;
    let met = 0;
    let reachable = 0;
    for (let p = 0; p < secs.length; p++) {
      const t = secs[p]! / 60;
      if (t < Infinity) {
        reachable++;
        if (t > worst) worst = t;
      }
      // Capped, not only for unreachable pairs: otherwise making a pair reachable in more than
      // unreachableMin would raise the mean, and adding a project could look harmful.
      sum += t < this.unreachableMin ? t : this.unreachableMin;
      if (it.comparison === "<=" ? t <= it.thresholdMin : t < it.thresholdMin) met++;
    }
    return { worstTimeMin: worst === -Infinity ? Infinity : worst, meanTimeMin: secs.length ? sum / secs.length : 0, pairsMet: met, pairsReachable: reachable, pairs: secs.length, met: met === secs.length && secs.length > 0 };
  }

  /** Precompute the group's distinct origins, their search sources and targets, and where each pair reads. */
  #plan(g: Group): void {
    const model = this.model;
    const slotOf = new Map<Id, number>();
    const targetLists: number[][] = [];
    for (const i of g.items) {
      this.items[i]!.pairs.forEach(([o, d], pair) => {
        let slot = slotOf.get(o);
        if (slot === undefined) {
          slot = targetLists.length;
          slotOf.set(o, slot);
          targetLists.push([]);
          const sources = g.measure === "door-to-door" ? [model.originNode(o)] : stationsOf(model, o).map((st) => model.originNode(st));
          g.slots.push({ sources: Int32Array.from(sources), targets: new Int32Array(0), out: new Float64Array(0) });
        }
        if (g.measure === "door-to-door") {
          const list = targetLists[slot]!;
          const node = model.destinationNode(d);
          let index = list.indexOf(node);
          if (index < 0) index = list.push(node) - 1;
          g.refs.push({ item: i, pair, slot, index, stationNodes: new Int32Array(0) });
        } else {
          g.refs.push({ item: i, pair, slot, index: -1, stationNodes: Int32Array.from(stationsOf(model, d), (st) => model.destinationNode(st)) });
        }
      });
    }
    g.slots.forEach((s, k) => {
      const targets = Int32Array.from(targetLists[k]!);
      g.slots[k] = { sources: s.sources, targets, out: new Float64Array(g.measure === "door-to-door" ? targets.length : model.nodeCount) };
    });
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
      else {
        t = Infinity;
        if (slot.sources.length > 0) for (const n of r.stationNodes) if (slot.out[n]! < t) t = slot.out[n]!;
      }
      this.pairSecs[r.item]![r.pair] = t;
    }
  }

  /**
   * Door-to-door travel-time matrix between places (seconds, Infinity unreachable) for a project
   * set, with the given mode filter (default multimodal): one search per origin.
   */
  matrix(projects: Iterable<Id>, origins: readonly Id[], destinations: readonly Id[], options: { readonly modes?: ModeFilter; readonly quantities?: QuantityOverrides | Float64Array } = {}): TravelTimeMatrix {
    const model = this.model;
    const q = options.quantities;
    const base = q instanceof Float64Array ? q : q === undefined ? model.base.costsSecs : model.costsWith(q).costsSecs;
    const active = model.activeMask(projects, this.#active);
    const filter = model.filterMask({ modes: options.modes ?? "multimodal", measure: "door-to-door" });
    const c = this.#costs;
    for (let e = 0; e < c.length; e++) c[e] = active[e]! & filter[e]! ? base[e]! : Infinity;
    this.#search.setGraph(model.compiled.withCosts(c));
    const nodes = destinations.map((d) => model.destinationNode(d));
    const secs = new Float64Array(origins.length * destinations.length);
    origins.forEach((o, i) => secs.set(this.#search.oneToMany(model.originNode(o), nodes), i * destinations.length));
    return { origins, destinations, secs };
  }
}
