/** Timetable file formats: GTFS read and write, and the CSV, ZIP and clock-time parsing they use. */
export { DAY_SECS, formatSecs, parseGtfsTime, parseServiceDate } from "./time.js";
export * from "./gtfs.js";
export * from "./gtfs-write.js";
