import { QiwanError } from "../core/errors.js";

/**
 * Thrown when an isochrone or map is asked for with arguments that cannot work: a negative or
 * non-finite cutoff, a grid larger than the cell cap, an extent crossing the antimeridian. The
 * message names the argument, its value and the fix.
 */
export class IsochroneError extends QiwanError {
  override name = "IsochroneError";
  readonly code = "ISOCHRONE_INVALID_INPUT";
}
