/**
 * Target checks: every scenario × target × measure × origin–destination pair, with travel time,
 * threshold, pass/fail, margin, route legs and the binding leg.
 */
import { MEASURES, type Id, type Measure, type Target } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { buildModel, type EdgeCosts, type TravelTimeModel } from "../model/build-model.js";
import { UnknownIdError } from "../network/errors.js";
import { closestMatch } from "../network/suggest.js";
import { bindingLegIndex, type RouteLeg, type RouteResult } from "../query/legs.js";
import { queryOf } from "../query/route.js";
import type { ModeFilter, ModelOptions, ProjectSelection, QuantityOverrides } from "../model/types.js";

/**
 * Outcome of one origin–destination pair: `pass` / `fail` against the threshold; `no-route`
 * (unreachable with the scenario's projects and the target's modes) and `no-station`
 * (station-to-station, a place without stations) are not met; `same-station` (station-to-station, the
 * two places share a station, so the time is 0 by definition) is met but flagged, because it says
 * nothing about the network.
 */
export type PairStatus = "pass" | "fail" | "no-route" | "no-station" | "same-station";

/** The binding leg of a route, copied out of `legs` for convenience. */
export interface BindingLeg {
  /** Index into the pair's `legs`. */
  readonly index: number;
  readonly kind: RouteLeg["kind"];
  readonly line: string;
  readonly from: Id;
  readonly to: Id;
  readonly timeMin: number;
}

/** One origin–destination pair of a target, in one scenario and measure. */
export interface PairResult {
  readonly origin: Id;
  readonly destination: Id;
  /** See {@link PairStatus}. */
  readonly status: PairStatus;
  readonly met: boolean;
  /** Travel time (min); null for no-route / no-station. */
  readonly timeMin: number | null;
  /** thresholdMin − timeMin (min): positive when the time is under the threshold; null without a time. */
  readonly marginMin: number | null;
  /** Station pair used (station-to-station), or the places themselves (door-to-door). */
  readonly fromStation: Id | null;
  readonly toStation: Id | null;
  /** The route as legs (empty when routes are not requested or there is no route). */
  readonly legs: readonly RouteLeg[];
  /** The leg with the largest time (see docs/design-choices.md); null without legs. */
  readonly bindingLeg: BindingLeg | null;
}

/** Summary of a target over its pairs. */
export interface TargetSummary {
  readonly pairs: number;
  readonly pairsMet: number;
  /** Pairs met only because the two places share a station (station-to-station); included in pairsMet. */
  readonly pairsSameStation: number;
  /** pairsMet / pairs. */
  readonly shareMet: number;
  /**
   * Share of destination population over met pairs: Σ population(destination of met pairs) /
   * Σ population(destination of all pairs); null when no destination has a population.
   */
  readonly populationShareMet: number | null;
  /** `met` (every pair), `partly-met`, `not-met` (no pair). */
  readonly status: "met" | "partly-met" | "not-met";
  /** Pairs that have a time (a route, and a station at both ends for station-to-station). */
  readonly pairsReachable: number;
  /** Smallest margin over pairs with a time (min), null if none has one. */
  readonly worstMarginMin: number | null;
  /**
   * Largest time over the `pairsReachable` pairs that have a time (min), null if none has one. Read it
   * with `pairsReachable`: a scenario that gains a route to a far pair can raise it although no pair
   * got slower.
   */
  readonly worstTimeMin: number | null;
}

/** One target in one scenario under one measure (interpretation). */
export interface TargetResult {
  /** The scenario id, or "(projects)" when evaluated on an explicit project set. */
  readonly scenarioId: Id;
  /** The scenario's year; NaN for an explicit project set. */
  readonly scenarioYear: number;
  readonly targetId: Id;
  readonly targetName: string;
  /** The interpretation used: `door-to-door` or `station-to-station`. */
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly thresholdMin: number;
  /** Whether a time equal to the threshold passes (`<=`) or not (`<`). */
  readonly comparison: "<=" | "<";
  readonly pairs: readonly PairResult[];
  readonly summary: TargetSummary;
}

/** Options of {@link checkTargets}. */
export interface CheckTargetsOptions {
  /** Scenario ids (default: every scenario, in network order). */
  readonly scenarios?: readonly Id[];
  /** Target ids (default: every target). */
  readonly targets?: readonly Id[];
  /** Interpretations to evaluate, overriding each target's `measures` (default: the target's, else both). */
  readonly measures?: readonly Measure[];
  /** A model built from this network, to reuse (default: built here with `modelOptions`). */
  readonly model?: TravelTimeModel;
  /** Options of the model built here when `model` is not given (default: `buildModel` defaults); ignored with `model`. */
  readonly modelOptions?: ModelOptions;
  /** Compute route legs and binding legs (default true; false is faster). */
  readonly routes?: boolean;
  /** Quantity overrides (Monte Carlo draws), see {@link TravelTimeModel.costsWith}. */
  readonly quantities?: QuantityOverrides;
}

/** An `UnknownIdError` with a did-you-mean for `id` among `keys` (internal; shared with the timetable check). */
export function unknown(kind: "scenario" | "target", id: Id, keys: Iterable<Id>, argument: string): UnknownIdError {
  const known = [...keys];
  return new UnknownIdError(kind, id, closestMatch(id, known), known, argument);
}


/**
 * Check a network's targets in every scenario. For each scenario × target × measure the result lists
 * every origin–destination pair (cross: origins × destinations, skipping a place paired with itself;
 * all-pairs: every ordered pair of distinct origins) and a summary. Unreachable pairs are results
 * (`status: "no-route"`), not errors. Unknown scenario or target ids throw `UnknownIdError` with a
 * did-you-mean.
 */
export function checkTargets(network: Network, options: CheckTargetsOptions = {}): TargetResult[] {
  const model = options.model ?? buildModel(network, options.modelOptions);
  const scenarios = (options.scenarios ?? network.scenarios.map((s) => s.id)).map((id) => {
    const s = network.scenarioById.get(id);
    if (s === undefined) throw unknown("scenario", id, network.scenarioById.keys(), "scenarios");
    return s;
  });
  const targets = (options.targets ?? network.targets.map((t) => t.id)).map((id) => {
    const t = network.targetById.get(id);
    if (t === undefined) throw unknown("target", id, network.targetById.keys(), "targets");
    return t;
  });
  const out: TargetResult[] = [];
  for (const scenario of scenarios) {
    for (const target of targets) {
      for (const measure of options.measures ?? target.measures ?? MEASURES) {
        out.push(
          evaluateTarget(model, target, {
            selection: { scenario: scenario.id },
            measure,
            routes: options.routes ?? true,
            ...(options.quantities ? { quantities: options.quantities } : {}),
          }),
        );
      }
    }
  }
  return out;
}

/** Options of {@link evaluateTarget}. */
export interface EvaluateTargetOptions {
  readonly selection: ProjectSelection;
  readonly measure: Measure;
  /** Route legs (default true). */
  readonly routes?: boolean;
  /** Quantity overrides (recomputes every edge cost; prefer `edgeCosts` when evaluating many targets on one draw). */
  readonly quantities?: QuantityOverrides;
  /** Edge costs from `model.costsWith(quantities)`, computed once per draw and shared by many evaluations. */
  readonly edgeCosts?: EdgeCosts;
}

/** The ordered origin–destination pairs of a target. */
export function targetPairs(target: Target): Array<[Id, Id]> {
  const pairs: Array<[Id, Id]> = [];
  if (target.pairs === "all-pairs") {
    for (const o of target.origins) for (const d of target.origins) if (o !== d) pairs.push([o, d]);
  } else {
    for (const o of target.origins) for (const d of target.destinations ?? []) if (o !== d) pairs.push([o, d]);
  }
  return pairs;
}

/**
 * One target under one project selection and measure: the building block of {@link checkTargets},
 * for callers that evaluate many project sets (attribution) or quantity draws (uncertainty) on one
 * model. Reuses the model's search; one one-to-many search per origin.
 */
export function evaluateTarget(model: TravelTimeModel, target: Target, options: EvaluateTargetOptions): TargetResult {
  const network = model.network;
  const measure = options.measure;
  const modes: ModeFilter = target.modes ?? "multimodal";
  const thresholdMin = target.thresholdMin.value;
  const routes = queryOf(model).routesFor(targetPairs(target), {
    selection: options.selection,
    modes,
    measure,
    legs: options.routes ?? true,
    ...(options.quantities ? { quantities: options.quantities } : {}),
    ...(options.edgeCosts ? { edgeCosts: options.edgeCosts } : {}),
  });
  const results = routes.map((r) => pairResult(r, target));
  return {
    scenarioId: "scenario" in options.selection ? options.selection.scenario : "(projects)",
    scenarioYear:
      "scenario" in options.selection ? (network.scenarioById.get(options.selection.scenario)?.year ?? NaN) : NaN,
    targetId: target.id,
    targetName: target.name.en,
    measure,
    modes,
    thresholdMin,
    comparison: target.comparison,
    pairs: results,
    summary: summarizeTargetPairs(network, results),
  };
}

function emptyPair(origin: Id, destination: Id, status: "no-route" | "no-station" | "same-station"): PairResult {
  return {
    origin,
    destination,
    status,
    met: false,
    timeMin: null,
    marginMin: null,
    fromStation: null,
    toStation: null,
    legs: [],
    bindingLeg: null,
  };
}

/** A route judged against a target's threshold: status, margin and binding leg. */
function pairResult(route: RouteResult, target: Target): PairResult {
  const { from: origin, to: destination } = route;
  const thresholdMin = target.thresholdMin.value;
  if (route.status === "no-route" || route.status === "no-station") return emptyPair(origin, destination, route.status);
  if (route.status === "same-station") {
    return {
      ...emptyPair(origin, destination, "same-station"),
      met: true,
      timeMin: 0,
      marginMin: thresholdMin,
      fromStation: route.fromStation!,
      toStation: route.toStation!,
    };
  }
  const timeMin = route.timeMin!;
  const met = target.comparison === "<=" ? timeMin <= thresholdMin : timeMin < thresholdMin;
  const legs = route.legs;
  let bindingLeg: BindingLeg | null = null;
  const b = bindingLegIndex(legs);
  if (b >= 0) {
    const leg = legs[b]!;
    bindingLeg = { index: b, kind: leg.kind, line: leg.line, from: leg.from, to: leg.to, timeMin: leg.timeMin };
  }
  return {
    origin,
    destination,
    status: met ? "pass" : "fail",
    met,
    timeMin,
    marginMin: thresholdMin - timeMin,
    fromStation: route.fromStation ?? null,
    toStation: route.toStation!,
    legs,
    bindingLeg,
  };
}

/**
 * The summary of a target's pairs (see {@link TargetSummary}); shared by the frequency and the
 * timetable checks so that both summarise by the same rules.
 */
export function summarizeTargetPairs(network: Network, pairs: readonly PairResult[]): TargetSummary {
  let met = 0;
  let sameStation = 0;
  let reachable = 0;
  let popAll = 0;
  let popMet = 0;
  let worstMargin: number | null = null;
  let worstTime: number | null = null;
  for (const p of pairs) {
    const pop = network.placeById.get(p.destination)?.population?.value ?? 0;
    popAll += pop;
    if (p.met) {
      met++;
      popMet += pop;
    }
    if (p.status === "same-station") sameStation++;
    if (p.marginMin !== null) worstMargin = worstMargin === null ? p.marginMin : Math.min(worstMargin, p.marginMin);
    if (p.timeMin !== null) {
      reachable++;
      worstTime = worstTime === null ? p.timeMin : Math.max(worstTime, p.timeMin);
    }
  }
  return {
    pairs: pairs.length,
    pairsMet: met,
    pairsSameStation: sameStation,
    pairsReachable: reachable,
    shareMet: pairs.length === 0 ? 0 : met / pairs.length,
    populationShareMet: popAll > 0 ? popMet / popAll : null,
    status: pairs.length > 0 && met === pairs.length ? "met" : met > 0 ? "partly-met" : "not-met",
    worstMarginMin: worstMargin,
    worstTimeMin: worstTime,
  };
}
