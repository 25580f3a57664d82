export * from "./errors.js";
export * from "./time.js";
export * from "./timetable.js";
export * from "./raptor.js";
export * from "./range.js";
export * from "./reverse.js";
export * from "./footpaths.js";
export * from "./gtfs.js";
