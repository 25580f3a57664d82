import type { TravelTimeMatrix } from "../query/query.js";
import { AccessibilityError, checkMatrix } from "./matrix.js";

/** Options of {@link cumulativeOpportunities}. */
export interface CumulativeOptions {
  /** Time budget T, minutes (default 60). */
  readonly cutoffMin?: number;
  /** Whether a time equal to the cutoff counts (default "<="). */
  readonly comparison?: "<=" | "<";
}

/**
 * Cumulative opportunities: for each origin, the sum of `opportunities[j]` over destinations reached
 * within `cutoffMin` (`<=` by default). The origin's own entry counts when it is a destination with
 * time 0. Unreachable (Infinity) destinations never count.
 *
 * @param opportunities one weight per destination (e.g. population, persons), finite and >= 0.
 * @returns one value per origin, in the units of `opportunities`.
 */
export function cumulativeOpportunities(m: TravelTimeMatrix, opportunities: ArrayLike<number>, options: CumulativeOptions = {}): Float64Array {
  checkMatrix(m, opportunities);
  const cutoffMin = options.cutoffMin ?? 60;
  if (!(cutoffMin >= 0)) throw new AccessibilityError(`cutoffMin = ${cutoffMin}: give a time budget in minutes >= 0`);
  const cutoffSecs = cutoffMin * 60;
  const strict = options.comparison === "<";
  const nd = m.destinations.length;
  const out = new Float64Array(m.origins.length);
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let j = 0; j < nd; j++) {
      const t = m.secs[i * nd + j]!;
      if (strict ? t < cutoffSecs : t <= cutoffSecs) s += opportunities[j]!;
    }
    out[i] = s;
  }
  return out;
}

/**
 * Distance decay of a gravity indicator:
 * - `exponential`: f(t) = exp(-betaPerMin · t), t in minutes (default beta = ln 2 / 60 per minute,
 *   i.e. an opportunity an hour away counts half);
 * - `power`: f(t) = max(t, minTimeMin)^-alpha, t in minutes (default alpha = 1, minTimeMin = 10:
 *   trips shorter than 10 min count as 10 min, which keeps f finite at t = 0).
 */
export type Decay =
  | { readonly kind: "exponential"; readonly betaPerMin?: number }
  | { readonly kind: "power"; readonly alpha?: number; readonly minTimeMin?: number };

/** Default exponential decay rate: ln 2 / 60 per minute (half weight at one hour). */
export const DEFAULT_BETA_PER_MIN = Math.LN2 / 60;
/** Default power-decay exponent (dimensionless). */
export const DEFAULT_ALPHA = 1;
/** Default floor on travel time for power decay, minutes. */
export const DEFAULT_MIN_TIME_MIN = 10;

/** The decay function of `decay`, over minutes. @throws AccessibilityError for negative parameters. */
export function decayFunction(decay: Decay): (tMin: number) => number {
  if (decay.kind === "exponential") {
    const beta = decay.betaPerMin ?? DEFAULT_BETA_PER_MIN;
    if (!(Number.isFinite(beta) && beta >= 0)) throw new AccessibilityError(`betaPerMin = ${beta}: give a finite decay rate per minute >= 0 (default ln 2 / 60)`);
    return (t) => Math.exp(-beta * t);
  }
  if (decay.kind === "power") {
    const alpha = decay.alpha ?? DEFAULT_ALPHA;
    const floor = decay.minTimeMin ?? DEFAULT_MIN_TIME_MIN;
    if (!(Number.isFinite(alpha) && alpha >= 0)) throw new AccessibilityError(`alpha = ${alpha}: give a finite exponent >= 0 (default 1)`);
    if (!(Number.isFinite(floor) && floor > 0)) throw new AccessibilityError(`minTimeMin = ${floor}: give a time floor in minutes > 0 (default 10)`);
    return (t) => Math.pow(Math.max(t, floor), -alpha);
  }
  throw new AccessibilityError(`decay.kind = ${JSON.stringify((decay as { kind: unknown }).kind)}: use "exponential" or "power"`);
}

/**
 * Gravity accessibility: for each origin, Σ_j opportunities[j] · f(t_ij) with the decay `f` of
 * {@link Decay} (t in minutes). Unreachable destinations contribute 0.
 *
 * @returns one value per origin, in units of `opportunities` (decay-weighted).
 */
export function gravityAccessibility(m: TravelTimeMatrix, opportunities: ArrayLike<number>, decay: Decay = { kind: "exponential" }): Float64Array {
  checkMatrix(m, opportunities);
  const f = decayFunction(decay);
  const nd = m.destinations.length;
  const out = new Float64Array(m.origins.length);
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let j = 0; j < nd; j++) {
      const t = m.secs[i * nd + j]!;
      if (t !== Number.POSITIVE_INFINITY) s += opportunities[j]! * f(t / 60);
    }
    out[i] = s;
  }
  return out;
}

/**
 * Time to the nearest centre: for each origin, the minimum time in minutes over the destinations
 * in `centres` (ids of `m.destinations`). Infinity when no centre is reachable (or `centres` is
 * empty).
 *
 * @throws AccessibilityError for a centre id that is not a destination.
 */
export function nearestCentreMin(m: TravelTimeMatrix, centres: readonly string[]): Float64Array {
  checkMatrix(m);
  const index = new Map(m.destinations.map((d, j) => [d, j]));
  const cols = centres.map((c) => {
    const j = index.get(c);
    if (j === undefined) throw new AccessibilityError(`centre "${c}" is not a destination of the matrix; give ids from matrix.destinations`);
    return j;
  });
  const nd = m.destinations.length;
  const out = new Float64Array(m.origins.length).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < out.length; i++) {
    for (const j of cols) {
      const t = m.secs[i * nd + j]! / 60;
      if (t < out[i]!) out[i] = t;
    }
  }
  return out;
}

/**
 * Weighted mean Σ w_i v_i / Σ w_i (e.g. a population-weighted indicator). Entries with weight 0 are
 * ignored even when their value is Infinity; any positive-weight Infinity gives Infinity. NaN when
 * the total weight is 0.
 *
 * @throws AccessibilityError when the lengths differ or a weight is negative or not finite.
 */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  if (values.length !== weights.length) throw new AccessibilityError(`values has ${values.length} entries but weights has ${weights.length}; give one weight per value`);
  let sw = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    if (!(Number.isFinite(w) && w >= 0)) throw new AccessibilityError(`weights[${i}] = ${w}: weights must be finite and >= 0`);
    if (w === 0) continue;
    sw += w;
    s += w * values[i]!;
  }
  return sw === 0 ? Number.NaN : s / sw;
}
