/**
 * "Did you mean" suggestions for unknown ids and keys: the library's one rule, from the core.
 */
export { closestMatch, didYouMean, editDistance } from "../core/suggest.js";
