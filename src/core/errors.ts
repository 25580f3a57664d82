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
 * Thrown when a caller passes bad input to the shortest-path core: a negative or NaN cost, an
 * out-of-range node index, an unknown node id, a mismatched array length. The message names the
 * argument, the bad value and the fix. Never thrown for unreachable nodes (those get
 * {@link UNREACHABLE}).
 */
export class CoreError extends Error {
  override name = "CoreError" as const;
}

/** Renders a value for an error message without flooding it (long strings are cut). */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === undefined || value === null) return String(value);
  if (typeof value === "object") return Array.isArray(value) ? `array(${value.length})` : "object";
  return String(value);
}

/** Edit distance, used only on error paths to suggest an id. */
function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The closest known id to `wanted` (edit distance at most a third of its length, at least 2),
 * or `undefined`. Scans every id: for error messages only.
 */
export function closestId(wanted: string, ids: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = wanted.toLowerCase();
  for (const id of ids) {
    if (id.toLowerCase() === lower) return id;
    const d = levenshtein(wanted, id, Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return best;
}
