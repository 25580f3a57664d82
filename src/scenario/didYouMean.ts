import { closestMatch } from "../core/suggest.js";

/**
 * The `fix` of a scenario problem about an unknown name: `did you mean "X"?` when the library's one
 * rule ({@link closestMatch}) finds a close known name, else a hint saying what to use instead.
 */
export function didYouMean(id: string, known: Iterable<string>, what: string): string {
  const c = closestMatch(id, known);
  return c !== undefined ? `did you mean ${JSON.stringify(c)}?` : `use the id of an existing ${what}`;
}
