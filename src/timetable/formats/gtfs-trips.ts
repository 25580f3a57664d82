/** The stop times of a GTFS feed: stored as flat columns while reading, then checked and interpolated per trip. */
import { cut, type Problems } from "./gtfs-feed.js";
import { formatSecs } from "./time.js";

interface StopTime {
  seq: number;
  stop: string;
  arr: number;
  dep: number;
  line: number;
  /** Arrival given in the file (false = interpolated). */
  given: boolean;
}

/** Growable columns of stop_times rows: trip ordinal, stop_sequence, stop ordinal, times, line. */
export class RowStore {
  trip = new Int32Array(1 << 12);
  seq = new Int32Array(1 << 12);
  stop = new Int32Array(1 << 12);
  arr = new Int32Array(1 << 12);
  dep = new Int32Array(1 << 12);
  line = new Int32Array(1 << 12);
  count = 0;
  push(trip: number, seq: number, stop: number, arr: number, dep: number, line: number): void {
    if (this.count === this.trip.length) {
      for (const k of ["trip", "seq", "stop", "arr", "dep", "line"] as const) {
        const y = new Int32Array(this.count * 2);
        y.set(this[k]);
        this[k] = y;
      }
    }
    const c = this.count++;
    this.trip[c] = trip;
    this.seq[c] = seq;
    this.stop[c] = stop;
    this.arr[c] = arr;
    this.dep[c] = dep;
    this.line[c] = line;
  }
  /** Row indices grouped by trip ordinal (counting sort, file order kept within a trip). */
  groupBy(tripCount: number): { offsets: Int32Array; order: Int32Array } {
    const offsets = new Int32Array(tripCount + 1);
    for (let i = 0; i < this.count; i++) {
      const t = this.trip[i] as number;
      offsets[t + 1] = (offsets[t + 1] as number) + 1;
    }
    for (let t = 0; t < tripCount; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
    const fill = offsets.slice(0, tripCount);
    const order = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const t = this.trip[i] as number;
      order[fill[t] as number] = i;
      fill[t] = (fill[t] as number) + 1;
    }
    return { offsets, order };
  }
}

/** A trip's stop ids and times (seconds), in stop order, after checks and interpolation. */
export interface TripTimes {
  readonly stops: string[];
  readonly arr: number[];
  readonly dep: number[];
}

/**
 * Per-trip checks of the stored stop times: sequence order, times at the first and last stop,
 * linear interpolation of missing times by stop position, times never going backwards. Returns the
 * trips that pass and call only at stops (`isStop`); problems go to `P`. Trips without stop times
 * are skipped.
 */
export function checkTrips(rows: RowStore, trips: ReadonlyMap<string, { readonly ord: number }>, stopList: readonly string[], isStop: (id: string) => boolean, P: Problems): Map<string, TripTimes> {
  const built = new Map<string, { stops: string[]; arr: number[]; dep: number[] }>();
  const byTrip = rows.groupBy(trips.size);
  for (const [trip, { ord }] of trips) {
    const list: StopTime[] = [];
    for (let r = byTrip.offsets[ord] as number; r < (byTrip.offsets[ord + 1] as number); r++) {
      const i = byTrip.order[r] as number;
      const stopOrd = rows.stop[i] as number;
      list.push({ seq: rows.seq[i] as number, stop: stopOrd >= 0 ? (stopList[stopOrd] as string) : "", arr: rows.arr[i] as number, dep: rows.dep[i] as number, line: rows.line[i] as number, given: rows.arr[i] !== -2 });
    }
    if (list.length === 0) continue;
    list.sort((a, b) => a.seq - b.seq);
    let ok = true;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as StopTime;
      const b = list[i] as StopTime;
      if (a.seq === b.seq) {
        P.add("stop_times.txt", b.line, "stop_sequence", String(b.seq), `trip ${cut(trip)} repeats stop_sequence ${b.seq} (also line ${a.line})`, "give each stop of a trip a distinct stop_sequence");
        ok = false;
      }
    }
    if (list.length < 2) {
      P.add("stop_times.txt", (list[0] as StopTime).line, "trip_id", trip, `trip ${cut(trip)} has only ${list.length} stop time`, "give every trip at least two stops");
      continue;
    }
    const first = list[0] as StopTime;
    const last = list[list.length - 1] as StopTime;
    if (first.dep === -2) P.add("stop_times.txt", first.line, "departure_time", "", `first stop of trip ${cut(trip)} has no time`, "give times at the first and last stop of every trip");
    if (last.arr === -2) P.add("stop_times.txt", last.line, "arrival_time", "", `last stop of trip ${cut(trip)} has no time`, "give times at the first and last stop of every trip");
    if (!ok || list.some((s) => s.arr === -1 || s.dep === -1) || first.dep === -2 || last.arr === -2) continue;
    // Linear interpolation over positions between timed stops.
    let prevTimed = 0;
    for (let i = 1; i < list.length; i++) {
      const s = list[i] as StopTime;
      if (s.arr === -2) continue;
      const a = list[prevTimed] as StopTime;
      for (let j = prevTimed + 1; j < i; j++) {
        const t = Math.round(a.dep + ((s.arr - a.dep) * (j - prevTimed)) / (i - prevTimed));
        (list[j] as StopTime).arr = t;
        (list[j] as StopTime).dep = t;
      }
      prevTimed = i;
    }
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as StopTime;
      if (s.dep < s.arr) {
        P.add("stop_times.txt", s.line, "departure_time", formatSecs(s.dep), `departure ${formatSecs(s.dep)} is before arrival ${formatSecs(s.arr)} in trip ${cut(trip)}`, "make departure_time ≥ arrival_time");
        ok = false;
      }
      if (i > 0 && s.arr < (list[i - 1] as StopTime).dep) {
        const p = list[i - 1] as StopTime;
        const shown = s.given ? formatSecs(s.arr) : `(interpolated ${formatSecs(s.arr)})`;
        P.add("stop_times.txt", s.line, "arrival_time", shown, `time goes backwards in trip ${cut(trip)}: arrival ${shown} before departure ${formatSecs(p.dep)} at stop_sequence ${p.seq} (line ${p.line})`, "times must not decrease along a trip; check the order of stop_sequence and the times");
        ok = false;
      }
    }
    if (ok && list.every((s) => isStop(s.stop))) {
      built.set(trip, { stops: list.map((s) => s.stop), arr: list.map((s) => s.arr), dep: list.map((s) => s.dep) });
    }
  }
  return built;
}
