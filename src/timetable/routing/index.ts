/**
 * Timetable routing: the typed-array `Timetable` and its builder, RAPTOR, range-RAPTOR, arrive-by
 * (reverse) RAPTOR, footpaths and synthetic trips for planned lines.
 */
export * from "./timetable.js";
export * from "./extend.js";
export { DEFAULT_MAX_RIDES, MAX_MAX_RIDES, raptor, RaptorResult, RaptorRouter, type Journey, type Leg, type RaptorQuery, type StopSecs } from "./raptor.js";
export * from "./range.js";
export * from "./reverse.js";
export * from "./footpaths.js";
export * from "./synthesize.js";
