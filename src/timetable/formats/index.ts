/**
 * Timetable file formats, browser-safe part: clock-time parsing. GTFS read and write (`gtfs.ts`,
 * `gtfs-write.ts`, with the CSV and ZIP readers) need files: the `qiwan-access/node` entry point.
 */
export { DAY_SECS, formatSecs, parseGtfsTime, parseServiceDate } from "./time.js";
