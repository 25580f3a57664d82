/**
 * qiwan-access: public API. Every exported function lives in its own module under `src/<stage>/`;
 * this file only re-exports.
 */
export { VERSION } from "./version.js";
export { LIMITS, LimitError, checkLimit, type Limit, type LimitName } from "./limits.js";
export * from "./network/index.js";
export * from "./core/index.js";
export * from "./timetable/index.js";
export * from "./model/index.js";
export * from "./targets/index.js";
export * from "./scenario/index.js";
export * from "./accessibility/index.js";
export * from "./attribution/index.js";
export * from "./compare/index.js";
export * from "./uncertainty/index.js";
export * from "./isochrone/index.js";
export * from "./render/index.js";
export * from "./calibrate/index.js";
