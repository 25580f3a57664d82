/**
 * The one target evaluator: targets × measures as items, evaluated under any selection and cost
 * draw with a pluggable time source (the frequency model through the query layer by default, or a
 * timetable). Target checks, scenario comparison, attribution, uncertainty and the timetable check
 * are all built on it.
 */
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import { UnknownIdError } from "../network/errors.js";
import { MEASURES, type Id, type Measure, type Target } from "../network/schema.js";
import { closestMatch } from "../network/suggest.js";
import { queryOf } from "../query/route.js";
import { DEFAULT_READING } from "../query/options.js";
import {
  judgePair,
  summarizeTargetPairs,
  targetPairs,
  type ReadingOrigin,
  type TargetItem,
  type TargetResult,
} from "./results.js";
import { frequencyTimes, type BoundTimeSource, type ReadingOptions, type TargetTimeSource } from "./time-source.js";

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

/** Options of {@link TargetEvaluator}; every field has a default. */
export interface TargetEvaluatorOptions {
  /** Targets, by id or as objects (default: every target of the network). */
  readonly targets?: readonly (Id | Target)[];
  /** Measures evaluated, overriding each target's `measures` (default: the target's, else both). */
  readonly measures?: readonly Measure[];
  /**
   * How waits are read, for every target (an override; default: each target's declared
   * `reading.kind`, else `DEFAULT_READING`, `scheduled`). See `Reading`.
   */
  readonly reading?: Reading;
  /** Minutes an unreachable pair counts as in mean times (default 600). */
  readonly unreachableMin?: number;
  /** Where times come from (default: the frequency model, `frequencyTimes(query)`). */
  readonly source?: TargetTimeSource;
}

/** Options of {@link TargetEvaluator.results}. */
export interface TargetResultsOptions extends ReadingOptions {
  /** Called after each item's result (items done, items in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Evaluates many targets × measures on ONE compiled model: `results` gives every pair's verdict
 * (time, margin, route, binding leg) for a selection; `evaluate` gives scalar outcomes per item for
 * many project sets and quantity draws (the source's fast path; routes are not computed). Both use
 * the same time source, the same station rules and the same threshold rule. Not re-entrant.
 */
export class TargetEvaluator {
  readonly model: TravelTimeModel;
  readonly items: readonly TargetItem[];
  readonly unreachableMin: number;
  readonly source: TargetTimeSource;
  /**
   * Let the source skip searches whose overlay did not change since the previous {@link evaluate}
   * (default true). An optimisation that must not change results: tests compare both settings.
   */
  reuseUnchanged = true;
  /** Seconds per pair of each item, overwritten by each {@link evaluate}. */
  readonly pairSecs: Float64Array[];
  readonly #bound: BoundTimeSource;

  /** @throws UnknownIdError for a target id the network does not have (with a "did you mean"). */
  constructor(model: TravelTimeModel, options: TargetEvaluatorOptions = {}) {
    this.model = model;
    this.unreachableMin = options.unreachableMin ?? DEFAULT_UNREACHABLE_MIN;
    const network = model.network;
    const targets = options.targets
      ? options.targets.map((t) => {
          if (typeof t !== "string") return t;
          const found = network.targetById.get(t);
          if (!found) {
            const known = [...network.targetById.keys()];
            throw new UnknownIdError("target", t, closestMatch(t, known), known, "options.targets");
          }
          return found;
        })
      : network.targets;
    const items: TargetItem[] = [];
    for (const target of targets) {
      const pairs = targetPairs(target);
      const reading = options.reading ?? target.reading?.kind ?? DEFAULT_READING;
      const readingFrom: ReadingOrigin = options.reading ? "override" : target.reading ? "target" : "default";
      for (const measure of options.measures ?? target.measures ?? MEASURES) {
        const modes = target.modes ?? "multimodal";
        items.push({ target, measure, modes, reading, readingFrom, pairs, thresholdMin: target.thresholdMin.value, comparison: target.comparison });
      }
    }
    this.items = items;
    this.source = options.source ?? frequencyTimes(queryOf(model));
    this.#bound = this.source.bind(items);
    this.pairSecs = items.map((it) => new Float64Array(it.pairs.length));
  }

  /**
   * Every item's result under a selection (a scenario id or a project selection): each pair judged
   * against the target's threshold under the item's reading and the target summarised, in item order
   * (targets, then measures). Each pair also carries its time under the other reading (a second,
   * route-free read when the source {@link TargetTimeSource.readsReadings}).
   */
  results(selection: Id | ProjectSelection, options: TargetResultsOptions = {}): TargetResult[] {
    const sel: ProjectSelection = typeof selection === "string" ? { scenario: selection } : selection;
    const network = this.model.network;
    const scenario = "scenario" in sel ? network.scenarioById.get(sel.scenario) : undefined;
    return this.items.map((it, i) => {
      const readings = this.#bound.readings(i, sel, options);
      const others = this.source.readsReadings === true
        ? this.#bound.readings(i, sel, { ...options, routes: false, reading: it.reading === "scheduled" ? "typical" : "scheduled" })
        : undefined;
      const pairs = it.pairs.map(([o, d], k) => judgePair(it, o, d, readings[k]!, others?.[k]));
      const result: TargetResult = {
        scenarioId: "scenario" in sel ? sel.scenario : "(projects)",
        scenarioYear: scenario?.year ?? NaN,
        targetId: it.target.id,
        targetName: it.target.name.en,
        measure: it.measure,
        modes: it.modes,
        reading: it.reading,
        readingFrom: it.readingFrom,
        thresholdMin: it.thresholdMin,
        comparison: it.comparison,
        pairs,
        summary: summarizeTargetPairs(network, pairs),
        ...this.#bound.resultFields?.(i, sel),
      };
      options.onProgress?.(i + 1, this.items.length);
      return result;
    });
  }

  /**
   * Travel times of every item's pairs for a project set (a list of project ids, or a selection)
   * and optional quantity overrides (JSON Pointers as in `TravelTimeModel.costsWith`) or precomputed
   * edge costs (`model.costsWith(draw)`, to share one draw among many calls), written to
   * {@link pairSecs} and summarised per item.
   */
  evaluate(projects: Iterable<Id> | ProjectSelection, costs?: QuantityOverrides | EdgeCosts): ItemOutcome[] {
    const model = this.model;
    const sel: ProjectSelection = "scenario" in projects || "projects" in projects ? projects : { projects };
    const edgeCosts =
      costs === undefined ? model.base : isEdgeCosts(costs) ? costs : model.costsWith(costs as QuantityOverrides);
    this.#bound.seconds(sel, edgeCosts, this.pairSecs, this.reuseUnchanged);
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
    return {
      worstTimeMin: worst === -Infinity ? Infinity : worst,
      meanTimeMin: secs.length ? sum / secs.length : 0,
      pairsMet: met,
      pairsReachable: reachable,
      pairs: secs.length,
      met: met === secs.length && secs.length > 0,
    };
  }
}

function isEdgeCosts(x: QuantityOverrides | EdgeCosts): x is EdgeCosts {
  return !(x instanceof Map) && (x as { costsSecs?: unknown }).costsSecs instanceof Float64Array;
}
