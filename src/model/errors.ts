import { closestMatch } from "../network/suggest.js";

/** Misuse of the travel-time model, or a network it cannot turn into a graph. */
export class ModelError extends Error {
  override name = "ModelError";
}

/** `; did you mean "Y"?` when some candidate is close enough to be a typo of `input`, else an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const best = closestMatch(input, candidates);
  return best === undefined ? "" : `; did you mean "${best}"?`;
}
