import { RaptorEngine, UNREACHED, type StopSecs } from "./engine.js";
import { TimetableError } from "../errors.js";
import { checkMaxRides, checkSecs, checkStopSecs } from "./raptor.js";
import type { Timetable } from "./timetable.js";

/** Query of `rangeRaptor`. */
export interface RangeQuery {
  /** Stops reachable from the origin and the time to reach each, seconds. */
  readonly access: readonly StopSecs[];
  /** First departure time from the origin considered, seconds (inclusive). */
  readonly windowStartSecs: number;
  /** End of the departure window, seconds (inclusive: a run departing exactly then is always made). */
  readonly windowEndSecs: number;
  /** Most rides, default 8. */
  readonly maxRides?: number;
  /**
   * Skip patterns whose catchable trip did not change since the stop's previous label (default
   * true). Exact; in range-RAPTOR it means, e.g., that round 1 of each run scans only the patterns
   * departing at exactly that run's time. A switch so tests can check both settings agree.
   */
  readonly skipUnchangedBoardings?: boolean;
  /**
   * Stops whose Pareto entries are kept; default all. Other stops are still searched through but get
   * no entries (their travel times read as unreachable), which saves memory on large timetables.
   */
  readonly destinations?: readonly number[];
}

/** One Pareto-optimal option: leave the origin at `departureSecs`, reach the stop at `arrivalSecs` with `rides` rides. */
export interface ProfileEntry {
  readonly departureSecs: number;
  readonly arrivalSecs: number;
  readonly rides: number;
}

/** Options of `Profile.travelTimes` / `travelTimePercentiles`. */
export interface TravelTimeOptions {
  /** Spacing of the sampled departure times, seconds; default 60 (every minute). */
  readonly stepSecs?: number;
  /** Ride bound (≤ the query's), default the query's. */
  readonly maxRides?: number;
}

/**
 * Range-RAPTOR (rRAPTOR): one search over a departure window. Runs RAPTOR once per distinct useful
 * departure time (each trip departure at an access stop, or at a stop one footpath from it, minus the
 * time to get there, inside the window), latest first, without resetting labels between runs, plus
 * one run at `windowEndSecs` so every departure time in the window is answered. Collects, for every
 * stop, the exact Pareto set over (later departure, earlier arrival, fewer rides).
 *
 * Edge cases: an empty window (`start > end`) throws; a stop never reached has no entries and
 * infinite travel times.
 */
export function rangeRaptor(tt: Timetable, query: RangeQuery): Profile {
  const access = checkStopSecs(tt, query.access, "query.access");
  const start = checkSecs(query.windowStartSecs, "query.windowStartSecs");
  const end = checkSecs(query.windowEndSecs, "query.windowEndSecs");
  if (start > end) throw new TimetableError(`query.windowStartSecs ${start} is after windowEndSecs ${end}; swap them`);
  const K = checkMaxRides(query.maxRides);
  const n = tt.stopCount;
  // Offsets of the stops one can board at in round 0: access stops and one footpath hop further.
  const offset = new Map<number, number>();
  for (const a of access) {
    if (!((offset.get(a.stop) ?? Infinity) <= a.secs)) offset.set(a.stop, a.secs);
  }
  for (const a of access) {
    for (let e = tt.footpathOffsets[a.stop] as number; e < (tt.footpathOffsets[a.stop + 1] as number); e++) {
      const q = tt.footpathTargets[e] as number;
      const o = a.secs + (tt.footpathSecs[e] as number);
      if (!((offset.get(q) ?? Infinity) <= o)) offset.set(q, o);
    }
  }
  const deps = new Set<number>([end]);
  for (const [s, off] of offset) {
    for (let e = tt.stopPatternOffsets[s] as number; e < (tt.stopPatternOffsets[s + 1] as number); e++) {
      const r = tt.stopPatterns[e] as number;
      const pos = tt.stopPatternPositions[e] as number;
      if (pos === (tt.patternStopOffsets[r + 1] as number) - (tt.patternStopOffsets[r] as number) - 1) continue;
      for (let t = tt.patternTripOffsets[r] as number; t < (tt.patternTripOffsets[r + 1] as number); t++) {
        const d = (tt.departureSecs[(tt.tripTimeOffsets[t] as number) + pos] as number) - off;
        if (d >= start && d < end) deps.add(d);
      }
    }
  }
  const order = Float64Array.from(deps).sort().reverse();
  const engine = new RaptorEngine(tt, K);
  engine.recordEvents = false;
  engine.skipUnchangedBoardings = query.skipUnchangedBoardings ?? true;
  const stamp = new Int32Array((K + 1) * n).fill(-1);
  let keep: Uint8Array | undefined;
  if (query.destinations !== undefined) {
    keep = new Uint8Array(n);
    for (const [i, d] of query.destinations.entries()) {
      if (!(Number.isInteger(d) && d >= 0 && d < n)) throw new TimetableError(`query.destinations[${i}] = ${d} is not a stop index (0..${n - 1})`);
      keep[d] = 1;
    }
  }
  let touched = new Int32Array(1024);
  let touchedCount = 0;
  let iter = 0;
  engine.onArrivalImproved = (s, k) => {
    // Walk-only arrivals (round 0) shift with the departure time; the profile keeps them as `walkSecs`.
    if (k === 0 || (keep !== undefined && keep[s] === 0)) return;
    const i = k * n + s;
    if (stamp[i] === iter) return;
    stamp[i] = iter;
    if (touchedCount === touched.length) {
      const t2 = new Int32Array(touched.length * 2);
      t2.set(touched);
      touched = t2;
    }
    touched[touchedCount++] = i;
  };
  const out = new EntryStore();
  for (; iter < order.length; iter++) {
    const tau = order[iter] as number;
    touchedCount = 0;
    engine.run(access, tau);
    for (let m = 0; m < touchedCount; m++) {
      const i = touched[m] as number;
      const k = Math.floor(i / n);
      out.push(i - k * n, tau, engine.arr[i] as number, k);
    }
  }
  const walkSecs = new Float64Array(n).fill(Infinity);
  for (const [s, off] of offset) walkSecs[s] = off;
  return new Profile(n, start, end, K, out, walkSecs);
}

class EntryStore {
  stop = new Int32Array(1024);
  dep = new Int32Array(1024);
  arr = new Int32Array(1024);
  rides = new Int32Array(1024);
  count = 0;
  push(s: number, d: number, a: number, k: number): void {
    if (this.count === this.stop.length) {
      for (const key of ["stop", "dep", "arr", "rides"] as const) {
        const y = new Int32Array(this.count * 2);
        y.set(this[key]);
        this[key] = y;
      }
    }
    const c = this.count++;
    this.stop[c] = s;
    this.dep[c] = d;
    this.arr[c] = a;
    this.rides[c] = k;
  }
}

/**
 * Result of `rangeRaptor`: per stop, the Pareto set of (departure, arrival, rides), stored flat and
 * sorted by stop, then departure (ascending).
 */
export class Profile {
  readonly windowStartSecs: number;
  readonly windowEndSecs: number;
  readonly maxRides: number;
  /** CSR: entries of stop `s` are `[offsets[s], offsets[s+1])` in the arrays below. */
  readonly offsets: Int32Array;
  readonly departureSecs: Int32Array;
  readonly arrivalSecs: Int32Array;
  readonly rides: Int32Array;
  /**
   * Per stop, the time to reach it without any ride (access, or access plus one footpath), seconds;
   * `Infinity` when it needs a ride. This 0-ride option exists at every departure time, so it is kept
   * here rather than as entries: leaving at τ arrives at τ + walkSecs[s].
   */
  readonly walkSecs: Float64Array;

  constructor(stopCount: number, start: number, end: number, maxRides: number, store: EntryStore, walkSecs: Float64Array) {
    this.walkSecs = walkSecs;
    this.windowStartSecs = start;
    this.windowEndSecs = end;
    this.maxRides = maxRides;
    const offsets = new Int32Array(stopCount + 1);
    for (let c = 0; c < store.count; c++) {
      const s = store.stop[c] as number;
      offsets[s + 1] = (offsets[s + 1] as number) + 1;
    }
    for (let s = 0; s < stopCount; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
    const fill = offsets.slice(0, stopCount);
    const dep = new Int32Array(store.count);
    const arr = new Int32Array(store.count);
    const rides = new Int32Array(store.count);
    // Entries were produced latest departure first: walking them backwards yields ascending departures.
    for (let c = store.count - 1; c >= 0; c--) {
      const s = store.stop[c] as number;
      const at = fill[s] as number;
      fill[s] = at + 1;
      dep[at] = store.dep[c] as number;
      arr[at] = store.arr[c] as number;
      rides[at] = store.rides[c] as number;
    }
    this.offsets = offsets;
    this.departureSecs = dep;
    this.arrivalSecs = arr;
    this.rides = rides;
  }

  private check(stop: number): void {
    if (!(Number.isInteger(stop) && stop >= 0 && stop < this.offsets.length - 1)) {
      throw new TimetableError(`stop ${stop} is not a stop index (0..${this.offsets.length - 2}); map ids with tt.stopIndexById`);
    }
  }

  /**
   * Pareto entries of `stop` that use at least one ride, by departure ascending (within one departure,
   * fewer rides first). The walk-only option is `walkSecs[stop]`.
   */
  entries(stop: number): ProfileEntry[] {
    this.check(stop);
    const out: ProfileEntry[] = [];
    for (let c = this.offsets[stop] as number; c < (this.offsets[stop + 1] as number); c++) {
      out.push({ departureSecs: this.departureSecs[c] as number, arrivalSecs: this.arrivalSecs[c] as number, rides: this.rides[c] as number });
    }
    return out.sort((a, b) => a.departureSecs - b.departureSecs || a.rides - b.rides);
  }

  /**
   * Earliest arrival at `stop` when leaving the origin at `departureSecs` (waiting at the origin
   * allowed), with ≤ `maxRides` rides; `Infinity` when unreachable or when `departureSecs` is outside
   * the window (answers outside it would be incomplete).
   */
  earliestArrivalSecs(stop: number, departureSecs: number, maxRides = this.maxRides): number {
    this.check(stop);
    if (departureSecs < this.windowStartSecs || departureSecs > this.windowEndSecs) return Infinity;
    let best = departureSecs + (this.walkSecs[stop] as number);
    for (let c = this.offsets[stop] as number; c < (this.offsets[stop + 1] as number); c++) {
      if ((this.departureSecs[c] as number) >= departureSecs && (this.rides[c] as number) <= maxRides && (this.arrivalSecs[c] as number) < best) best = this.arrivalSecs[c] as number;
    }
    return best;
  }

  /**
   * Travel time (arrival − departure, seconds, waiting at the origin included) for every sampled
   * departure `windowStartSecs + i·stepSecs ≤ windowEndSecs`; `Infinity` where unreachable.
   */
  travelTimes(stop: number, options: TravelTimeOptions = {}): Float64Array {
    this.check(stop);
    const step = options.stepSecs ?? 60;
    if (!(Number.isInteger(step) && step > 0)) throw new TimetableError(`stepSecs = ${step} must be a positive integer`);
    const k = options.maxRides ?? this.maxRides;
    const count = Math.floor((this.windowEndSecs - this.windowStartSecs) / step) + 1;
    const out = new Float64Array(count);
    const lo = this.offsets[stop] as number;
    let c = (this.offsets[stop + 1] as number) - 1;
    let best = Infinity;
    for (let i = count - 1; i >= 0; i--) {
      const tau = this.windowStartSecs + i * step;
      while (c >= lo && (this.departureSecs[c] as number) >= tau) {
        if ((this.rides[c] as number) <= k && (this.arrivalSecs[c] as number) < best) best = this.arrivalSecs[c] as number;
        c--;
      }
      out[i] = Math.min(best - tau, this.walkSecs[stop] as number);
    }
    return out;
  }

  /**
   * Percentiles of `travelTimes(stop, options)`: for each `p` in `percentiles` (0…100, default
   * [5, 50, 95]), the value at rank `p/100·(N−1)` of the sorted sample with linear interpolation
   * between neighbours (R type 7, as d3.quantile). `Infinity` when the rank falls on or next to an
   * unreachable sample.
   */
  travelTimePercentiles(stop: number, options: TravelTimeOptions & { percentiles?: readonly number[] } = {}): number[] {
    const sorted = this.travelTimes(stop, options).sort();
    return (options.percentiles ?? [5, 50, 95]).map((p) => quantileSorted(sorted, p));
  }
}

/** Percentile `p` (0…100) of an ascending sample, R type 7; exact ranks never touch a neighbour. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new TimetableError(`percentile ${p} must be in 0..100`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (p / 100) * (n - 1);
  const i = Math.floor(h);
  const a = sorted[i] as number;
  if (h === i || i + 1 >= n) return a;
  const b = sorted[i + 1] as number;
  if (a === Infinity || b === Infinity) return Infinity;
  return a + (h - i) * (b - a);
}
