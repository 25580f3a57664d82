import { accessibilityIndicators, type AccessibilityOptions, type AccessibilityResult } from "../accessibility/summary.js";
import { modelPolygonIsochrone } from "../isochrone/modelIsochrone.js";
import { buildModel, type TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, Reading } from "../model/types.js";
import type { Id } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { applyScenario } from "../scenario/applyScenario.js";
import type { ScenarioSpec, ScenarioSpecInput } from "../scenario/modifications.js";
import { Query } from "../query/query.js";
import { checkTargets } from "../targets/check-targets.js";
import type { TargetResult } from "../targets/results.js";

/** A scenario to compare: a scenario id of the network, or a base id plus modifications. */
export type ScenarioRef = Id | ScenarioSpec | ScenarioSpecInput;

/** Options of {@link compareScenarios}; every field has a default. */
export interface CompareOptions {
  /** Places of the OD matrix and the accessibility indicators (default: every `city` and `town`). */
  readonly places?: readonly Id[];
  /** Modes of the OD matrix (default multimodal; door-to-door). */
  readonly modes?: ModeFilter;
  /**
   * Reading of the OD matrix, accessibility and isochrones (default `scheduled`, the query layer's default), and an override of every target's declared reading (default: each target's own).
   */
  readonly reading?: Reading;
  /**
   * Accessibility options (default cutoffs [30, 60, 120] min; centres: the destinations of the
   * network's targets that are among `places`, i.e. the centres the plan promises access to).
   */
  readonly accessibility?: AccessibilityOptions;
  /**
   * Isochrone areas per cutoff from these origins (default: the origins of the network's first
   * target, cutoffs [30, 60, 120] min); false to skip (they are the slowest part).
   */
  readonly isochrones?: false | { readonly origins?: readonly Id[]; readonly cutoffsMin?: readonly number[] };
  /** A model of `network`, reused when both sides are scenario ids of it. */
  readonly model?: TravelTimeModel;
}

/** One side of a comparison. */
export interface ComparedScenario {
  /** The scenario id (derived `base:hash` for a modified scenario). */
  readonly id: Id;
  readonly year: number;
  /** The network the side was evaluated on (the input network, or the modified one). */
  readonly network: Network;
}

/** How one target (under one measure) changes from A to B. */
export interface TargetChange {
  readonly targetId: Id;
  readonly measure: TargetResult["measure"];
  /** The reading both sides were judged under. */
  readonly reading: TargetResult["reading"];
  readonly thresholdMin: number;
  readonly statusA: TargetResult["summary"]["status"];
  readonly statusB: TargetResult["summary"]["status"];
  /** Number of origin–destination pairs of the target (the same on both sides). */
  readonly pairs: number;
  /** Pairs meeting the threshold in A and in B (out of {@link pairs}). */
  readonly pairsMetA: number;
  readonly pairsMetB: number;
  /**
   * Pairs that have a time (a route, and stations for station-to-station) in A and in B. Read the
   * worst times with these counts: a worst time is taken over reachable pairs only.
   */
  readonly pairsReachableA: number;
  readonly pairsReachableB: number;
  /**
   * Worst pair time (min) in A and in B over that side's reachable pairs; null when no pair is
   * reachable. Not like-for-like when the reachable counts differ: a pair B newly reaches can raise
   * `worstTimeMinB` above `worstTimeMinA` although no pair got slower.
   */
  readonly worstTimeMinA: number | null;
  readonly worstTimeMinB: number | null;
  /**
   * Like-for-like change, min: worst time in B minus worst time in A, both taken over the pairs
   * reachable on BOTH sides (negative: faster in B); null when no pair is reachable on both. Equals
   * `worstTimeMinB − worstTimeMinA` whenever both sides reach the same pairs.
   */
  readonly deltaMin: number | null;
  /** `newly-met`, `no-longer-met`, `improved` / `worsened` (pairs met), or `unchanged`. */
  readonly change: "newly-met" | "no-longer-met" | "improved" | "worsened" | "unchanged";
}

/** Isochrone areas per cutoff from one origin set. */
export interface IsochroneAreaChange {
  readonly origins: readonly Id[];
  readonly cutoffMin: number;
  readonly areaKm2A: number;
  readonly areaKm2B: number;
  /** B − A, km². */
  readonly deltaKm2: number;
}

/** The result of {@link compareScenarios}. Deltas are B − A throughout. */
export interface ScenarioComparison {
  readonly a: ComparedScenario;
  readonly b: ComparedScenario;
  readonly places: readonly Id[];
  /** Door-to-door times (min, Infinity unreachable): `[origin][destination]` in `places` order. */
  readonly odMinA: readonly (readonly number[])[];
  readonly odMinB: readonly (readonly number[])[];
  /** B − A (min); NaN when a side is unreachable (see `odSummary` for reachability changes). */
  readonly odDeltaMin: readonly (readonly number[])[];
  readonly odSummary: {
    readonly pairs: number;
    readonly faster: number;
    readonly slower: number;
    readonly unchanged: number;
    readonly newlyReachable: number;
    readonly noLongerReachable: number;
    /** Mean of B − A over pairs reachable in both (min). */
    readonly meanDeltaMin: number;
    /** The pair with the largest saving (most negative delta), or null when none is faster. */
    readonly largestSaving: { readonly origin: Id; readonly destination: Id; readonly deltaMin: number } | null;
  };
  readonly targets: readonly TargetChange[];
  readonly accessibility: { readonly a: AccessibilityResult; readonly b: AccessibilityResult };
  /** Isochrone area changes per cutoff; absent when `isochrones: false`. */
  readonly isochrones?: readonly IsochroneAreaChange[];
}

const statusRank = { "not-met": 0, "partly-met": 1, met: 2 } as const;

/**
 * Compare scenario B with scenario A: door-to-door OD times between places, every target's status and
 * worst time, accessibility indicators (cumulative, gravity, nearest centre; per place and
 * population-weighted) and isochrone areas per cutoff. Either side may be a scenario id or a
 * `{ base, modifications }` spec (applied with {@link applyScenario}; its own model is built).
 *
 * @throws ModificationError for a bad spec; ModelError/UnknownIdError for unknown ids.
 */
export function compareScenarios(network: Network, a: ScenarioRef, b: ScenarioRef, options: CompareOptions = {}): ScenarioComparison {
  const models = new Map<Network, TravelTimeModel>();
  if (options.model) models.set(options.model.network, options.model);
  const side = (ref: ScenarioRef): { scen: ComparedScenario; model: TravelTimeModel } => {
    const applied = typeof ref === "string" ? { network, scenarioId: ref } : applyScenario(network, ref);
    let model = models.get(applied.network);
    if (!model) models.set(applied.network, (model = buildModel(applied.network)));
    const s = applied.network.scenarioById.get(applied.scenarioId);
    model.scenarioProjects(applied.scenarioId);
    return { scen: { id: applied.scenarioId, year: s?.year ?? Number.NaN, network: applied.network }, model };
  };
  const A = side(a);
  const B = side(b);
  const places = options.places ?? network.places.filter((p) => p.kind === "city" || p.kind === "town").map((p) => p.id);
  const matrixOf = (s: { scen: ComparedScenario; model: TravelTimeModel }) =>
    new Query(s.model).placeMatrix(places, places, {
      selection: s.scen.id,
      modes: options.modes ?? "multimodal",
      ...(options.reading && { reading: options.reading }),
    });
  const mA = matrixOf(A);
  const mB = matrixOf(B);
  const n = places.length;
  const rows = (m: Float64Array) => Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, (i + 1) * n), (s) => s / 60));
  const odMinA = rows(mA.secs);
  const odMinB = rows(mB.secs);
  let faster = 0, slower = 0, unchanged = 0, newly = 0, lost = 0, sum = 0, both = 0;
  let best: ScenarioComparison["odSummary"]["largestSaving"] = null;
  const odDeltaMin = odMinA.map((row, i) =>
    row.map((ta, j) => {
      const tb = odMinB[i]![j]!;
      if (i === j) return 0;
      const ra = ta < Infinity, rb = tb < Infinity;
      if (!ra && rb) newly++;
      if (ra && !rb) lost++;
      if (!ra || !rb) {
        if (!ra && !rb) unchanged++;
        return Number.NaN;
      }
      const d = tb - ta;
      both++;
      sum += d;
      // Sub-second differences are float noise from different summation orders, not changes.
      if (d < -1e-6) faster++;
      else if (d > 1e-6) slower++;
      else unchanged++;
      if (d < -1e-6 && (best === null || d < best.deltaMin)) best = { origin: places[i]!, destination: places[j]!, deltaMin: d };
      return d;
    }),
  );

  const results = (s: { scen: ComparedScenario; model: TravelTimeModel }) => checkTargets(s.scen.network, {
      scenarios: [s.scen.id],
      model: s.model,
      routes: false,
      ...(options.reading && { reading: options.reading }),
    });
  const tA = results(A);
  const tB = new Map(results(B).map((r) => [`${r.targetId}|${r.measure}`, r]));
  const targets: TargetChange[] = [];
  for (const ra of tA) {
    const rb = tB.get(`${ra.targetId}|${ra.measure}`);
    if (!rb) continue;
    const sa = ra.summary, sb = rb.summary;
    const change: TargetChange["change"] =
      sa.status !== "met" && sb.status === "met" ? "newly-met"
      : sa.status === "met" && sb.status !== "met" ? "no-longer-met"
      : sb.pairsMet > sa.pairsMet || statusRank[sb.status] > statusRank[sa.status] ? "improved"
      : sb.pairsMet < sa.pairsMet ? "worsened"
      : "unchanged";
    // Worst times over the pairs reachable on both sides, so a pair gained (or lost) does not show
    // as a slowdown (or a saving) of the worst pair.
    const timeB = new Map(rb.pairs.map((p) => [`${p.origin}\u0000${p.destination}`, p.timeMin]));
    let worstA = -Infinity, worstB = -Infinity;
    for (const p of ra.pairs) {
      const tb = timeB.get(`${p.origin}\u0000${p.destination}`);
      if (p.timeMin === null || tb === null || tb === undefined) continue;
      if (p.timeMin > worstA) worstA = p.timeMin;
      if (tb > worstB) worstB = tb;
    }
    targets.push({
      targetId: ra.targetId,
      measure: ra.measure,
      reading: ra.reading,
      thresholdMin: ra.thresholdMin,
      statusA: sa.status,
      statusB: sb.status,
      pairs: ra.pairs.length,
      pairsMetA: sa.pairsMet,
      pairsMetB: sb.pairsMet,
      pairsReachableA: ra.pairs.filter((p) => p.timeMin !== null).length,
      pairsReachableB: rb.pairs.filter((p) => p.timeMin !== null).length,
      worstTimeMinA: sa.worstTimeMin,
      worstTimeMinB: sb.worstTimeMin,
      deltaMin: worstA === -Infinity ? null : worstB - worstA,
      change,
    });
  }

  const pops = new Map(network.places.flatMap((p) => (p.population ? [[p.id, p.population.value] as const] : [])));
  const placeSet = new Set(places);
  const centres = [...new Set(network.targets.flatMap((t) => t.destinations ?? []))].filter((d) => placeSet.has(d));
  const accOptions: AccessibilityOptions = { centres, ...options.accessibility };
  const accessibility = { a: accessibilityIndicators(mA, pops, accOptions), b: accessibilityIndicators(mB, pops, accOptions) };

  let isochrones: IsochroneAreaChange[] | undefined;
  if (options.isochrones !== false) {
    const origins = options.isochrones?.origins ?? network.targets[0]?.origins ?? places.slice(0, 1);
    const cutoffsMin = options.isochrones?.cutoffsMin ?? [30, 60, 120];
    if (origins.length > 0) {
      const iso = (s: { scen: ComparedScenario; model: TravelTimeModel }) =>
        modelPolygonIsochrone(s.model, {
          origins: [...origins],
          scenario: s.scen.id,
          cutoffsMin,
          ...(options.reading && { reading: options.reading }),
        }).collection.features;
      const fa = iso(A), fb = iso(B);
      isochrones = [...cutoffsMin].sort((x, y) => x - y).map((c) => {
        const x = fa.find((f) => f.properties.cutoffMin === c)?.properties.areaKm2 ?? 0;
        const y = fb.find((f) => f.properties.cutoffMin === c)?.properties.areaKm2 ?? 0;
        return { origins: [...origins], cutoffMin: c, areaKm2A: x, areaKm2B: y, deltaKm2: y - x };
      });
    }
  }

  return {
    a: A.scen,
    b: B.scen,
    places,
    odMinA,
    odMinB,
    odDeltaMin,
    odSummary: { pairs: n * (n - 1), faster, slower, unchanged, newlyReachable: newly, noLongerReachable: lost, meanDeltaMin: both ? sum / both : 0, largestSaving: best },
    targets,
    accessibility,
    ...(isochrones ? { isochrones } : {}),
  };
}
