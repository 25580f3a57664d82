import { checkLimit } from "../limits.js";
import { IsochroneError } from "./errors.js";

/**
 * Checks cutoffs in minutes and returns them sorted ascending without duplicates.
 *
 * @throws IsochroneError for an empty list or a cutoff that is not a finite number > 0; LimitError
 *   for more distinct cutoffs than `LIMITS.cutoffs`.
 */
export function normalizeCutoffsMin(cutoffsMin: readonly number[]): number[] {
  if (cutoffsMin.length === 0) {
    throw new IsochroneError("cutoffsMin is empty; give at least one cutoff in minutes, e.g. [30, 60]");
  }
  for (const [i, c] of cutoffsMin.entries()) {
    if (typeof c !== "number" || !Number.isFinite(c) || !(c > 0)) {
      throw new IsochroneError(`cutoffsMin[${i}] = ${String(c)} is not a positive number of minutes, e.g. 30`);
    }
  }
  const distinct = [...new Set(cutoffsMin)].sort((a, b) => a - b);
  checkLimit("cutoffs", distinct.length, "number of cutoffsMin");
  return distinct;
}
