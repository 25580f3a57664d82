/** Levenshtein distance, O(|a|·|b|) time, O(|b|) memory. Case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const sub = prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The known id closest to `id` (edit distance at most max(2, 40% of its length)), or undefined.
 * Ties go to the first in iteration order.
 */
export function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(id.length * 0.4)) + 1;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

/** "did you mean "X"?" or a hint listing how to find valid ids. */
export function didYouMean(id: string, known: Iterable<string>, what: string): string {
  const c = closest(id, known);
  return c !== undefined ? `did you mean "${c}"?` : `use the id of an existing ${what}`;
}
