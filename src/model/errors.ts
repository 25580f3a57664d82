/** Misuse of the travel-time model or a network it cannot turn into a graph. */
export class ModelError extends Error {
  override name = "ModelError";
}

/**
 * The closest candidate to `input` by edit distance, when it is close enough to be a plausible typo
 * (at most a third of the longer string's length). Used in did-you-mean error messages.
 */
export function closestId(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(input.length, best.length) / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `unknown place "X"; did you mean "Y"?` style suffix, or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const best = closestId(input, candidates);
  return best === undefined ? "" : `; did you mean "${best}"?`;
}
