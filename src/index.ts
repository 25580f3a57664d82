/**
 * qiwan-access: public API. Every exported function lives in its own module under `src/<stage>/`;
 * this file only re-exports.
 */
export { VERSION } from "./version.js";
export { LIMITS, LimitError, checkLimit, limitsTable, type Limit, type LimitName } from "./limits.js";
// How messages show user-given values (shared by the library's errors and the CLI).
export { showInvisible } from "./util/visible.js";
export * from "./network/index.js";
export * from "./core/index.js";
export * from "./timetable/index.js";
export * from "./model/index.js";
export * from "./query/index.js";
export * from "./targets/index.js";
export * from "./scenario/index.js";
export * from "./accessibility/index.js";
export * from "./attribution/index.js";
export * from "./compare/index.js";
export * from "./uncertainty/index.js";
export * from "./isochrone/index.js";
export * from "./render/index.js";
export * from "./calibrate/index.js";
