import { checkLimit } from "../limits.js";
import { mulberry32 } from "../util/random.js";
import { QiwanError } from "../core/errors.js";

/** Error for misuse of the attribution functions. */
export class AttributionError extends QiwanError {
  override name = "AttributionError";
  readonly code = "ATTRIBUTION_INVALID_INPUT";
}

/** Largest number of players for a full 2^k coalition table (2^20 values = 8 MiB). */
export const MAX_EXACT_PLAYERS = 20;
/** Largest number of players for permutation sampling (coalitions are 31-bit masks). */
export const MAX_SAMPLED_PLAYERS = 30;

/**
 * The value of a coalition. `mask` has bit i set when player i is in; `flipped` is the player whose
 * bit changed from the previous call (-1 on the first call), so that a caller can update a cost
 * overlay incrementally instead of rebuilding it.
 */
export type CoalitionValue = (mask: number, flipped: number) => number;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function checkK(k: number, max: number, what: string): void {
  if (!(Number.isInteger(k) && k >= 0 && k <= max)) {
    throw new AttributionError(`k = ${k}: ${what} needs an integer number of players between 0 and ${max}${max === MAX_EXACT_PLAYERS ? "; use shapleySampled beyond that" : ""}`);
  }
}

/**
 * Evaluate `value` on all 2^k coalitions, in Gray-code order (consecutive coalitions differ by one
 * player, reported as `flipped`), and store them by mask: `table[mask]`. The empty coalition is
 * evaluated first.
 *
 * @throws AttributionError when k is not an integer in 0..20, or a value is NaN.
 */
export function coalitionTable(k: number, value: CoalitionValue): Float64Array {
  checkK(k, MAX_EXACT_PLAYERS, "coalitionTable");
  const n = 2 ** k;
  const table = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const mask = i ^ (i >>> 1);
    const flipped = i === 0 ? -1 : 31 - Math.clz32(mask ^ prev);
    const v = value(mask, flipped);
    if (Number.isNaN(v)) throw new AttributionError(`value(${mask}) is NaN: the value function must return a number for every coalition`);
    table[mask] = v;
    prev = mask;
  }
  return table;
}

/**
 * Exact Shapley values from a coalition table (see {@link coalitionTable}):
 * φ_i = Σ_{S ∌ i} |S|! (k−|S|−1)! / k! · (v(S ∪ {i}) − v(S)). O(k · 2^k).
 *
 * Properties (tested): Σ φ_i = v(all) − v(∅) (efficiency); a player whose addition never changes
 * the value gets 0 (dummy); interchangeable players get equal values (symmetry).
 */
export function shapleyFromTable(k: number, table: Float64Array): Float64Array {
  checkK(k, MAX_EXACT_PLAYERS, "shapleyFromTable");
  if (table.length !== 2 ** k) throw new AttributionError(`table has ${table.length} entries but k = ${k} players need 2^${k} = ${2 ** k}`);
  // weight[s] = s!(k-s-1)!/k!, built by a recurrence to stay exact for small k.
  const weight = new Float64Array(Math.max(k, 1));
  if (k > 0) {
    weight[0] = 1 / k;
    for (let s = 1; s < k; s++) weight[s] = (weight[s - 1]! * s) / (k - s);
  }
  const phi = new Float64Array(k);
  const n = 2 ** k;
  for (let mask = 0; mask < n; mask++) {
    const w = weight[popcount(mask)]!;
    const v = table[mask]!;
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      if ((mask & bit) === 0) phi[i]! += w * (table[mask | bit]! - v);
    }
  }
  return phi;
}

/**
 * Leave-one-out values: v(all) − v(all without i), what the full coalition loses without player i.
 */
export function leaveOneOutFromTable(k: number, table: Float64Array): Float64Array {
  checkK(k, MAX_EXACT_PLAYERS, "leaveOneOutFromTable");
  const full = 2 ** k - 1;
  return Float64Array.from({ length: k }, (_, i) => table[full]! - table[full ^ (1 << i)]!);
}

/**
 * The minimal coalitions (under inclusion) for which `meets(mask)` holds: no proper subset meets.
 * Exact even when `meets` is not monotone (a subset-OR "zeta" pass over the 2^k table). Sorted by
 * size, then by mask.
 */
export function minimalCoalitions(k: number, meets: (mask: number) => boolean): number[] {
  checkK(k, MAX_EXACT_PLAYERS, "minimalCoalitions");
  const n = 2 ** k;
  const ok = new Uint8Array(n);
  for (let m = 0; m < n; m++) ok[m] = meets(m) ? 1 : 0;
  // anySub[m] = 1 when m or one of its subsets meets.
  const anySub = ok.slice();
  for (let i = 0; i < k; i++) {
    const bit = 1 << i;
    for (let m = 0; m < n; m++) if (m & bit && anySub[m ^ bit]) anySub[m] = 1;
  }
  const out: number[] = [];
  for (let m = 0; m < n; m++) {
    if (!ok[m]) continue;
    let minimal = true;
    for (let i = 0; i < k && minimal; i++) if (m & (1 << i) && anySub[m ^ (1 << i)]) minimal = false;
    if (minimal) out.push(m);
  }
  return out.sort((a, b) => popcount(a) - popcount(b) || a - b);
}

/** Result of `shapleySampled`. */
export interface SampledShapley {
  /** Estimated Shapley value of each player. */
  readonly values: Float64Array;
  /** Standard error of each estimate (sample standard deviation / √permutations). */
  readonly standardErrors: Float64Array;
  readonly permutations: number;
  /** Distinct coalitions evaluated (values are cached by mask). */
  readonly evaluations: number;
}

/**
 * Shapley values estimated by sampling random player orders (seeded mulberry32): each order adds
 * players one at a time and credits each with its marginal contribution; the estimate is the mean,
 * unbiased, with the standard error reported. Coalition values are cached by mask.
 *
 * @param options.permutations number of orders (default 1,000); options.seed (default 1).
 * @throws AttributionError when k > 30 or permutations < 2; LimitError above `LIMITS.permutations`.
 */
export function shapleySampled(k: number, value: CoalitionValue, options: { readonly permutations?: number; readonly seed?: number } = {}): SampledShapley {
  checkK(k, MAX_SAMPLED_PLAYERS, "shapleySampled");
  const permutations = options.permutations ?? 1000;
  if (!(Number.isInteger(permutations) && permutations >= 2)) throw new AttributionError(`permutations = ${permutations}: give an integer >= 2`);
  checkLimit("permutations", permutations, "permutations");
  const random = mulberry32(options.seed ?? 1);
  const cache = new Map<number, number>();
  let last = 0;
  const v = (mask: number): number => {
    let x = cache.get(mask);
    if (x === undefined) {
      const diff = mask ^ last;
      x = value(mask, diff !== 0 && (diff & (diff - 1)) === 0 ? 31 - Math.clz32(diff) : -1);
      last = mask;
      cache.set(mask, x);
    }
    return x;
  };
  const sum = new Float64Array(k);
  const sumSq = new Float64Array(k);
  const order = Int32Array.from({ length: k }, (_, i) => i);
  const empty = v(0);
  for (let p = 0; p < permutations; p++) {
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let mask = 0;
    let prev = empty;
    for (let r = 0; r < k; r++) {
      const i = order[r]!;
      mask |= 1 << i;
      const cur = v(mask);
      const d = cur - prev;
      sum[i]! += d;
      sumSq[i]! += d * d;
      prev = cur;
    }
  }
  const values = new Float64Array(k);
  const standardErrors = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const mean = sum[i]! / permutations;
    const variance = Math.max(0, (sumSq[i]! - permutations * mean * mean) / (permutations - 1));
    values[i] = mean;
    standardErrors[i] = Math.sqrt(variance / permutations);
  }
  return { values, standardErrors, permutations, evaluations: cache.size };
}
