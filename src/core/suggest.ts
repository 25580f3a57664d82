/**
 * The library's one "did you mean": every unknown id, key, type or option name is matched against
 * the known ones by {@link closestMatch}, with one documented threshold. It lives in the core (which
 * imports nothing) so that every stage, the core included, can use it.
 */

/**
 * Levenshtein distance between two strings (insertions, deletions and substitutions cost 1),
 * counted in UTF-16 code units. O(a.length × b.length) time, O(b.length) memory.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/**
 * Typing distance: Levenshtein plus the transposition of two adjacent characters as one edit
 * (optimal string alignment), so "P_HRS" is one edit from "P_HSR". Returns `limit + 1` as soon as
 * the distance is known to exceed `limit` (suggestions scan every known id, e.g. a road graph's).
 */
function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2 = new Array<number>(b.length + 1);
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const ai = a.charCodeAt(i - 1);
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, curr] = [prev, curr, prev2];
  }
  return prev[b.length]!;
}

/**
 * Most edits at which a known name is suggested for a `length`-character unknown one:
 * `max(1, floor(length / 3))`, i.e. one slip per three characters typed.
 */
export function suggestionEditLimit(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/**
 * The candidate closest to `wanted`, or undefined when none is close enough to be a plausible typo.
 * The one rule of the library:
 * - a candidate equal to `wanted` ignoring case wins at once;
 * - otherwise the candidate at the smallest typing distance (insertion, deletion, substitution, or
 *   transposition of two adjacent characters, each one edit; compared ignoring case), accepted
 *   when it is at most `suggestionEditLimit``(wanted.length)` = `max(1, floor(length / 3))`
 *   and smaller than the longer of the two strings (a complete rewrite is not a typo).
 *
 * "QJ_EASTT" suggests "QJ_EAST", "P_HRS" suggests "P_HSR", "JJ" suggests "J", "A" never suggests "B".
 * Ties go to the earlier candidate, so the result is deterministic.
 */
export function closestMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  const lower = wanted.toLowerCase();
  const limit = suggestionEditLimit(wanted.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === wanted) continue;
    const cLower = c.toLowerCase();
    if (cLower === lower) return c;
    const d = typoDistance(lower, cLower, bestDistance - 1);
    if (d < bestDistance && d < Math.max(c.length, wanted.length)) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/** `; did you mean "X"?` when a close candidate exists (see {@link closestMatch}), else an empty string. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const m = closestMatch(wanted, candidates);
  return m === undefined ? "" : `; did you mean ${JSON.stringify(m)}?`;
}
