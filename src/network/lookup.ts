import { UnknownIdError } from "./errors.js";
import type { Id, Place } from "./schema.js";
import { closestMatch } from "./suggest.js";
import type { Network } from "./types.js";

/**
 * The place with id `id`, for callers that take place ids from users (CLI arguments, notebook code).
 *
 * @param argument Names the argument in the error message (e.g. `"--from"`); default `"place id"`.
 * @throws {@link UnknownIdError} (with a "did you mean" suggestion) if the network has no such place.
 */
export function requirePlace(network: Network, id: Id, argument = "place id"): Place {
  const p = network.placeById.get(id);
  if (p === undefined) {
    const known = [...network.placeById.keys()];
    throw new UnknownIdError("place", id, closestMatch(id, known), known, argument);
  }
  return p;
}
