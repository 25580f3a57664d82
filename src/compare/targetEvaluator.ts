import { ShortestPathSearch } from "../core/index.js";
import type { TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, QuantityOverrides } from "../model/types.js";
import type { Id, Measure, Target } from "../network/schema.js";
import { targetPairs } from "../targets/check-targets.js";
import type { TravelTimeMatrix } from "../accessibility/matrix.js";

const ALL_MEASURES: readonly Measure[] = ["door-to-door", "station-to-station"];

/** One target under one measure: the unit that attribution and uncertainty evaluate. */
export interface TargetItem {
  readonly target: Target;
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly pairs: readonly (readonly [Id, Id])[];
  readonly thresholdMin: number;
  readonly comparison: "<=" | "<";
}

/** Scalar outcomes of one item: worst and mean pair time (min, unreachable capped), pairs met. */
export interface ItemOutcome {
  /** Largest pair time, minutes (Infinity if a pair has no route or no station). */
  readonly worstTimeMin: number;
  /** Mean pair time, minutes, with unreachable pairs counted as `unreachableMin`. */
  readonly meanTimeMin: number;
  readonly pairsMet: number;
  /** Every pair meets the threshold. */
  readonly met: boolean;
}

/** Minutes an unreachable pair counts as in mean times and time savings (default 600 = 10 h). */
export const DEFAULT_UNREACHABLE_MIN = 600;

interface Group {
  readonly key: string;
  readonly modes: ModeFilter;
  readonly measure: Measure;
  readonly items: number[];
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
  /** Seconds per pair of each item, overwritten by each {@link evaluate}. */
  readonly pairSecs: Float64Array[];

  /**
   * @param options.targets target ids (default all); options.measures overrides each target's
   *   measures (default: the target's, else both); options.unreachableMin (default 600).
   */
  constructor(model: TravelTimeModel, options: { readonly targets?: readonly Id[]; readonly measures?: readonly Measure[]; readonly unreachableMin?: number } = {}) {
    this.model = model;
    this.unreachableMin = options.unreachableMin ?? DEFAULT_UNREACHABLE_MIN;
    const network = model.network;
    const targets = options.targets
      ? options.targets.map((id) => {
          const t = network.targetById.get(id);
          if (!t) throw new RangeError(`unknown target "${id}"; known: ${[...network.targetById.keys()].join(", ")}`);
          return t;
        })
      : network.targets;
    const items: TargetItem[] = [];
    for (const target of targets) {
      for (const measure of options.measures ?? target.measures ?? ALL_MEASURES) {
        items.push({ target, measure, modes: target.modes ?? "multimodal", pairs: targetPairs(target), thresholdMin: target.thresholdMin.value, comparison: target.comparison });
      }
    }
    this.items = items;
    const groups = new Map<string, Group>();
    items.forEach((it, i) => {
      const key = `${it.modes}|${it.measure}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, modes: it.modes, measure: it.measure, items: [] }));
      g.items.push(i);
    });
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
      for (let e = 0; e < c.length; e++) c[e] = active[e]! & filter[e]! ? base[e]! : Infinity;
      this.#search.setGraph(model.compiled.withCosts(c));
      for (const i of g.items) this.#evaluateItem(i);
    }
    return this.items.map((_, i) => this.outcome(i));
  }

  /** Summary of item `i` from the latest {@link evaluate}. */
  outcome(i: number): ItemOutcome {
    const it = this.items[i]!;
    const secs = this.pairSecs[i]!;
    let worst = 0;
    let sum = 0;
    let met = 0;
    for (let p = 0; p < secs.length; p++) {
      const t = secs[p]! / 60;
      if (t > worst) worst = t;
      sum += t < Infinity ? t : this.unreachableMin;
      if (it.comparison === "<=" ? t <= it.thresholdMin : t < it.thresholdMin) met++;
    }
    return { worstTimeMin: worst, meanTimeMin: secs.length ? sum / secs.length : 0, pairsMet: met, met: met === secs.length && secs.length > 0 };
  }

  #evaluateItem(i: number): void {
    const it = this.items[i]!;
    const model = this.model;
    const search = this.#search;
    const out = this.pairSecs[i]!;
    if (it.measure === "door-to-door") {
      // Pairs grouped by origin, so each origin is one early-exit one-to-many search.
      let p = 0;
      while (p < it.pairs.length) {
        const origin = it.pairs[p]![0];
        let q = p;
        while (q < it.pairs.length && it.pairs[q]![0] === origin) q++;
        const nodes = it.pairs.slice(p, q).map(([, d]) => model.destinationNode(d));
        const times = search.oneToMany(model.originNode(origin), nodes);
        out.set(times, p);
        p = q;
      }
      return;
    }
    let lastOrigin: Id | undefined;
    let all: Float64Array | null = null;
    it.pairs.forEach(([o, d], p) => {
      if (o !== lastOrigin) {
        const from = model.stationsOf(o);
        all = from.length === 0 ? null : search.multiSource(from.map((s) => model.originNode(s)), from.map(() => 0));
        lastOrigin = o;
      }
      const to = model.stationsOf(d);
      let best = Infinity;
      if (all !== null) for (const s of to) best = Math.min(best, (all as Float64Array)[model.destinationNode(s)]!);
      out[p] = best;
    });
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
