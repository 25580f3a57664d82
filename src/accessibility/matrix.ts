import { QiwanError } from "../core/errors.js";
import type { TravelTimeMatrix } from "../query/query.js";

/** Error for misuse of the accessibility functions (bad sizes, negative parameters). */
export class AccessibilityError extends QiwanError {
  override name = "AccessibilityError";
  readonly code = "ACCESSIBILITY_INVALID_INPUT";
}

/**
 * Check that `m` is consistent and `weights` has one entry per destination (finite, >= 0).
 * @throws AccessibilityError naming the bad argument and the fix.
 */
export function checkMatrix(m: TravelTimeMatrix, weights?: ArrayLike<number>, weightsName = "opportunities"): void {
  const n = m.origins.length * m.destinations.length;
  if (m.secs.length !== n) {
    throw new AccessibilityError(`matrix.secs has ${m.secs.length} entries but ${m.origins.length} origins × ${m.destinations.length} destinations need ${n}; build it row-major, origin rows`);
  }
  if (weights === undefined) return;
  if (weights.length !== m.destinations.length) {
    throw new AccessibilityError(`${weightsName} has ${weights.length} entries but the matrix has ${m.destinations.length} destinations; give one weight per destination, in matrix.destinations order`);
  }
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j]!;
    if (!(Number.isFinite(w) && w >= 0)) throw new AccessibilityError(`${weightsName}[${j}] = ${w} (destination "${m.destinations[j]}"): weights must be finite and >= 0`);
  }
}
