import { QiwanError } from "../core/errors.js";

/** One problem found in a GTFS feed. `line` is 1-based and counts the header as line 1. */
export interface GtfsProblem {
  /** File name inside the feed, e.g. `"stop_times.txt"`; the archive's own name for a problem with the archive. */
  readonly file: string;
  /** 1-based physical line of the record (header = 1); 0 when the problem concerns the whole file. */
  readonly line: number;
  /** Column name, or `""` when the problem is not about one column. */
  readonly column: string;
  /** The offending raw value (`""` when absent). */
  readonly value: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** A value as shown in a message: quoted, and cut to 60 characters (a stray quote can make a field megabytes long). */
function showValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

function formatProblem(p: GtfsProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  const col = p.column ? ` column ${p.column}` : "";
  return `${where}${col}: ${p.message} (value ${showValue(p.value)}); fix: ${p.fix}`;
}

/**
 * Thrown by `loadGtfs` when a feed is invalid. Lists every problem found, not only the first one;
 * `problems` holds all of them, the message the first 50.
 */
export class GtfsValidationError extends QiwanError {
  override name = "GtfsValidationError";
  readonly code = "GTFS_INVALID";
  readonly problems: readonly GtfsProblem[];
  constructor(problems: readonly GtfsProblem[]) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > 50 ? `\n… and ${problems.length - 50} more` : "";
    super(`invalid GTFS feed: ${problems.length} problem(s)\n${shown.join("\n")}${more}`);
    this.problems = problems;
  }
}

/** Thrown on programmer misuse of the timetable API (bad argument), naming the argument, value and fix. */
export class TimetableError extends QiwanError {
  override name = "TimetableError";
  readonly code = "TIMETABLE_INVALID_INPUT";
}
