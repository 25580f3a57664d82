import { QiwanError } from "../core/errors.js";

/** Misuse of the travel-time model, or a network it cannot turn into a graph. */
export class ModelError extends QiwanError {
  override name = "ModelError";
  readonly code = "MODEL_INVALID_INPUT";
}

export { didYouMean } from "../core/suggest.js";
