import { TimetableError } from "../errors.js";
import { formatSecs } from "../formats/time.js";
import { extendTimetable } from "./extend.js";
import type { StopInput, Timetable } from "./timetable.js";

/** A planned line given by its stops, running times and a regular headway (no timetable needed). */
export interface PlannedLine {
  /** Route id of the line, unique in the timetable it is merged into. */
  readonly id: string;
  readonly name?: string;
  /** Stop ids in order, at least 2: existing stops of the timetable or stops passed as `newStops`. */
  readonly stops: readonly string[];
  /** Running time of each segment `stops[i] → stops[i+1]`, seconds (length `stops.length − 1`). */
  readonly runSecs: readonly number[];
  /** Dwell at each intermediate stop, seconds: one value for all, or one per intermediate stop. Default 0. */
  readonly dwellSecs?: number | readonly number[];
  /** Time between consecutive departures, seconds, > 0. */
  readonly headwaySecs: number;
  /** First departure from the first stop, seconds. */
  readonly firstDepartureSecs: number;
  /** Last departure from the first stop, seconds (inclusive when it falls on the headway grid). */
  readonly lastDepartureSecs: number;
  /** Also run the line backwards (same running and dwell times reversed, same departure grid). Default true. */
  readonly bothDirections?: boolean;
}

/** A trip produced by `synthesizeTrips`, referring to stops by id. */
export interface SyntheticTrip {
  readonly id: string;
  readonly routeId: string;
  readonly stopIds: readonly string[];
  readonly arrivalSecs: readonly number[];
  readonly departureSecs: readonly number[];
}

/**
 * Turns a planned line into explicit trips: departures `firstDepartureSecs + i·headwaySecs ≤
 * lastDepartureSecs` from the first stop (and from the last stop when `bothDirections`), times
 * accumulated from running and dwell times. Trip ids are `<id>:0:<HH:MM:SS>` (forward) and
 * `<id>:1:<HH:MM:SS>` (backward). Throws `TimetableError` on inconsistent lengths or negative times.
 */
export function synthesizeTrips(line: PlannedLine): SyntheticTrip[] {
  const n = line.stops.length;
  const where = `planned line ${JSON.stringify(line.id)}`;
  if (n < 2) throw new TimetableError(`${where}: stops has ${n} entries; give at least 2`);
  if (line.runSecs.length !== n - 1) throw new TimetableError(`${where}: runSecs has ${line.runSecs.length} entries; give one per segment (${n - 1})`);
  for (const [i, r] of line.runSecs.entries()) {
    if (!(Number.isFinite(r) && r >= 0)) throw new TimetableError(`${where}: runSecs[${i}] = ${r} must be seconds ≥ 0`);
  }
  const dwell = typeof line.dwellSecs === "object" ? line.dwellSecs : new Array<number>(Math.max(0, n - 2)).fill(line.dwellSecs ?? 0);
  if (dwell.length !== n - 2) throw new TimetableError(`${where}: dwellSecs has ${dwell.length} entries; give one per intermediate stop (${n - 2}) or a single number`);
  for (const [i, d] of dwell.entries()) {
    if (!(Number.isFinite(d) && d >= 0)) throw new TimetableError(`${where}: dwellSecs[${i}] = ${d} must be seconds ≥ 0`);
  }
  if (!(Number.isFinite(line.headwaySecs) && line.headwaySecs > 0)) throw new TimetableError(`${where}: headwaySecs = ${line.headwaySecs} must be > 0`);
  if (!(line.lastDepartureSecs >= line.firstDepartureSecs)) {
    throw new TimetableError(`${where}: lastDepartureSecs ${line.lastDepartureSecs} is before firstDepartureSecs ${line.firstDepartureSecs}`);
  }
  const dirs: [string, readonly string[], readonly number[], readonly number[]][] = [["0", line.stops, line.runSecs, dwell]];
  if (line.bothDirections ?? true) dirs.push(["1", [...line.stops].reverse(), [...line.runSecs].reverse(), [...dwell].reverse()]);
  const trips: SyntheticTrip[] = [];
  for (const [dir, stops, run, dw] of dirs) {
    for (let t0 = line.firstDepartureSecs; t0 <= line.lastDepartureSecs; t0 += line.headwaySecs) {
      const start = Math.round(t0);
      const arr = [start];
      const dep = [start];
      let clock = start;
      for (let i = 0; i < n - 1; i++) {
        clock += Math.round(run[i] as number);
        arr.push(clock);
        if (i < n - 2) clock += Math.round(dw[i] as number);
        dep.push(clock);
      }
      trips.push({ id: `${line.id}:${dir}:${formatSecs(start)}`, routeId: line.id, stopIds: stops, arrivalSecs: arr, departureSecs: dep });
    }
  }
  return trips;
}

/**
 * A new timetable holding `tt` plus the planned lines (as `synthesizeTrips` trips) and any new stops
 * they need; `tt` is not modified and keeps its stop indices (new stops come after). So a scenario
 * can mix real timetables and planned lines.
 */
export function addPlannedLines(tt: Timetable, lines: readonly PlannedLine[], newStops: readonly StopInput[] = []): Timetable {
  return extendTimetable(tt, {
    stops: newStops,
    routes: lines.map((l) => ({ id: l.id, name: l.name ?? l.id })),
    trips: lines.flatMap(synthesizeTrips),
  });
}
