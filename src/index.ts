/**
 * qiwan-access: public API. Every exported function lives in its own module under `src/<stage>/`;
 * this file only re-exports.
 */
export const VERSION = "0.1.0";
export * from "./scenario/index.js";
export * from "./accessibility/index.js";
export * from "./attribution/index.js";
