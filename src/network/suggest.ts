/**
 * "Did you mean" suggestions for unknown ids and keys, by edit distance.
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
 * The candidate closest to `wanted`, or undefined when none is close enough to be a plausible typo.
 * A case-insensitive exact match wins; otherwise the smallest edit distance, accepted when it is at
 * most `max(1, floor(wanted.length / 3))` and smaller than the longer of the two strings (a complete
 * rewrite is not a typo): "QJ_EASTT" suggests "QJ_EAST" and "JJ" suggests "J", but "A" never
 * suggests "B". Ties go to the earlier candidate, so the result is deterministic.
 */
export function closestMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  const lower = wanted.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === wanted) continue;
    if (c.toLowerCase() === lower) return c;
    // Length difference is a lower bound on the distance: skip hopeless candidates cheaply.
    if (Math.abs(c.length - wanted.length) > limit) continue;
    const d = editDistance(wanted, c);
    if (d < bestDistance && d < Math.max(c.length, wanted.length)) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean "X"?` when a close candidate exists, else an empty string. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const m = closestMatch(wanted, candidates);
  return m === undefined ? "" : `; did you mean ${JSON.stringify(m)}?`;
}
