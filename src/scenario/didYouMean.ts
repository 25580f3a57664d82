import { editDistance } from "../network/suggest.js";

/*
 * Scenario-file suggestions: the network stage's edit distance, with a looser bound than
 * `closestMatch` (a scenario file is typed by hand, so two-letter slips such as "P_HRS" for
 * "P_HSR" still get a suggestion), compared case-insensitively.
 */

/**
 * The known id closest to `id` (edit distance at most max(2, 40% of its length)), or undefined.
 * Ties go to the first in iteration order.
 */
export function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(id.length * 0.4)) + 1;
  for (const k of known) {
    const d = editDistance(id.toLowerCase(), k.toLowerCase());
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
