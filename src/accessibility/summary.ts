import {
  cumulativeOpportunities,
  gravityAccessibility,
  nearestCentreMin,
  weightedMean,
  type Decay,
} from "./indicators.js";
import type { TravelTimeMatrix } from "../query/query.js";
import { AccessibilityError, checkMatrix } from "./matrix.js";

/** Options of {@link accessibilityIndicators}; every field has a default. */
export interface AccessibilityOptions {
  /** Cumulative-opportunity time budgets, minutes (default [30, 60, 120]). */
  readonly cutoffsMin?: readonly number[];
  /** Exponential decay (default betaPerMin = ln 2 / 60). */
  readonly exponential?: Extract<Decay, { kind: "exponential" }>;
  /** Power decay (default alpha = 1, minTimeMin = 10). */
  readonly power?: Extract<Decay, { kind: "power" }>;
  /** Destinations that are centres for the nearest-centre time (default: none, field omitted). */
  readonly centres?: readonly string[];
}

/** Indicators of one origin. Units: persons (or the unit of the weights), minutes. */
export interface PlaceAccessibility {
  readonly id: string;
  /** Population of the origin, the weight of the aggregates. */
  readonly population: number;
  /** Opportunities within each cutoff, keyed by the cutoff in minutes. */
  readonly cumulative: Readonly<Record<number, number>>;
  readonly gravityExponential: number;
  readonly gravityPower: number;
  /** Minutes to the nearest centre (Infinity: none reachable); absent without `centres`. */
  readonly nearestCentreMin?: number;
}

/** All indicators per origin and population-weighted over origins. */
export interface AccessibilityResult {
  readonly places: readonly PlaceAccessibility[];
  /** Population-weighted means over origins (weights: origin populations). */
  readonly weighted: Omit<PlaceAccessibility, "id" | "population"> & { readonly population: number };
  /** The options with defaults filled in. */
  readonly options: Required<Pick<AccessibilityOptions, "cutoffsMin">> & AccessibilityOptions;
}

/**
 * Cumulative, gravity (exponential and power) and nearest-centre indicators for every origin of
 * `m`, and their population-weighted means over origins.
 *
 * @param populations by destination id: the opportunities at each destination and the weight of
 *   each origin (both persons). Ids missing from the map count 0.
 */
export function accessibilityIndicators(m: TravelTimeMatrix, populations: ReadonlyMap<string, number>, options: AccessibilityOptions = {}): AccessibilityResult {
  checkMatrix(m);
  const cutoffsMin = options.cutoffsMin ?? [30, 60, 120];
  const opp = Float64Array.from(m.destinations, (d) => populations.get(d) ?? 0);
  const weights = Float64Array.from(m.origins, (o) => populations.get(o) ?? 0);
  for (const [i, w] of weights.entries()) if (!(Number.isFinite(w) && w >= 0)) throw new AccessibilityError(`population of "${m.origins[i]}" = ${w}: populations must be finite and >= 0`);
  const cum = cutoffsMin.map((c) => cumulativeOpportunities(m, opp, { cutoffMin: c }));
  const ge = gravityAccessibility(m, opp, options.exponential ?? { kind: "exponential" });
  const gp = gravityAccessibility(m, opp, options.power ?? { kind: "power" });
  const nc = options.centres ? nearestCentreMin(m, options.centres) : undefined;
  const places = m.origins.map((id, i): PlaceAccessibility => ({
    id,
    population: weights[i]!,
    cumulative: Object.fromEntries(cutoffsMin.map((c, k) => [c, cum[k]![i]!])),
    gravityExponential: ge[i]!,
    gravityPower: gp[i]!,
    ...(nc ? { nearestCentreMin: nc[i]! } : {}),
  }));
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    places,
    weighted: {
      population: total,
      cumulative: Object.fromEntries(cutoffsMin.map((c, k) => [c, weightedMean(cum[k]!, weights)])),
      gravityExponential: weightedMean(ge, weights),
      gravityPower: weightedMean(gp, weights),
      ...(nc ? { nearestCentreMin: weightedMean(nc, weights) } : {}),
    },
    options: { ...options, cutoffsMin },
  };
}
