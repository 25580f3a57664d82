import type { Assumption } from "../network/schema.js";

/**
 * A distribution over an assumed quantity's range: uniform by default, triangular when the
 * assumption gives a `mode`. A zero-width range (low = high) always gives that value.
 */
export type Distribution =
  | { readonly kind: "uniform"; readonly low: number; readonly high: number }
  | { readonly kind: "triangular"; readonly low: number; readonly mode: number; readonly high: number };

/** The distribution of an assumption: triangular(low, mode, high) if `mode` is given, else uniform(low, high). */
export function distributionOf(a: Pick<Assumption, "range" | "mode">): Distribution {
  const [low, high] = a.range;
  return a.mode === undefined ? { kind: "uniform", low, high } : { kind: "triangular", low, mode: a.mode, high };
}

/**
 * The value of `d` at cumulative probability `u` in [0, 1) (inverse CDF), so a uniform `u` gives a
 * draw. Triangular: low + √(u (high − low)(mode − low)) below F(mode), high − √((1 − u)(high − low)(high − mode)) above.
 */
export function quantileOf(d: Distribution, u: number): number {
  const { low, high } = d;
  if (high === low) return low;
  if (d.kind === "uniform") return low + u * (high - low);
  const w = high - low;
  const fMode = (d.mode - low) / w;
  return u < fMode ? low + Math.sqrt(u * w * (d.mode - low)) : high - Math.sqrt((1 - u) * w * (high - d.mode));
}

/** Mean of `d`: (low + high) / 2, or (low + mode + high) / 3. */
export function meanOf(d: Distribution): number {
  return d.kind === "uniform" ? (d.low + d.high) / 2 : (d.low + d.mode + d.high) / 3;
}
