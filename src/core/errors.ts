/**
 * Travel time reported for a node that no path reaches (or that lies beyond a search's cutoff).
 * It is `Infinity`, so `time <= limit` comparisons need no special case and `Math.min` over
 * several results does the right thing.
 */
export const UNREACHABLE: number = Infinity;

/**
 * {@link UNREACHABLE} in the whole-second `Int32Array` results (`oneToAllInt32`): 2^31 - 1, the
 * largest Int32, so `time <= limit` comparisons still need no special case for any real limit.
 */
export const UNREACHABLE_INT32 = 0x7fffffff;

/**
 * Base class of every error the library throws on purpose. `code` is stable and machine-readable
 * (the list, with what each means, is in `docs/errors.md`); `name` is the class name; the message
 * is for people and may be reworded. Match on the class (`instanceof GtfsValidationError`) or on
 * `code`; `err instanceof QiwanError` tells an expected error from a bug.
 *
 * It lives in the core, the stage every other one builds on, so that the core's own error can
 * extend it while the core still imports nothing.
 */
export abstract class QiwanError extends Error {
  /** Stable machine-readable code, e.g. `"GTFS_INVALID"` (see `docs/errors.md`). */
  abstract readonly code: string;
}

/**
 * Thrown when a caller passes bad input to the shortest-path core: a negative or NaN cost, an
 * out-of-range node index, an unknown node id, a mismatched array length. The message names the
 * argument, the bad value and the fix. Never thrown for unreachable nodes (those get
 * {@link UNREACHABLE}).
 */
export class CoreError extends QiwanError {
  override name = "CoreError" as const;
  readonly code = "CORE_INVALID_INPUT";
}

/** Renders a value for an error message without flooding it (long strings are cut). */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === undefined || value === null) return String(value);
  if (typeof value === "object") return Array.isArray(value) ? `array(${value.length})` : "object";
  return String(value);
}
