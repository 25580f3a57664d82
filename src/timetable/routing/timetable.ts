import { TimetableError } from "../errors.js";

/**
 * A frozen timetable over flat typed arrays, the input of every routing call. Built once by
 * `TimetableBuilder.finish()` (or `loadGtfs`, `extendTimetable`), never mutated.
 *
 * Layout (RAPTOR "routes" are called patterns here): a pattern is a sequence of stops served by trips
 * that all call at exactly those stops and never overtake one another (FIFO at every stop), sorted by
 * departure. Trip `t` of pattern `r` (with `patternTripOffsets[r] ≤ t < patternTripOffsets[r+1]`) has
 * its times at `tripTimeOffsets[t] + i` for stop position `i` of the pattern. All times are integer
 * seconds after the service day's "noon minus 12 h" (GTFS convention) and may exceed 86,400.
 */
export interface Timetable {
  readonly stopCount: number;
  /** External stop ids (GTFS `stop_id`, station name…), index → id. */
  readonly stopIds: readonly string[];
  /** Display names, index → name (`""` when unknown). */
  readonly stopNames: readonly string[];
  /** Interleaved coordinates `[lon0, lat0, lon1, lat1, …]` in WGS84 degrees; `NaN` when unknown. */
  readonly stopLonLat: Float64Array;
  /** id → index. */
  readonly stopIndexById: ReadonlyMap<string, number>;
  /** Minimum time to change between two rides at the same stop, seconds (applies after a ride, before the next boarding). */
  readonly minTransferSecs: Int32Array;

  readonly routeCount: number;
  readonly routeIds: readonly string[];
  readonly routeNames: readonly string[];

  readonly patternCount: number;
  /** pattern → route index. */
  readonly patternRoute: Int32Array;
  /** CSR: stops of pattern `r` are `patternStops[patternStopOffsets[r] .. patternStopOffsets[r+1])`. */
  readonly patternStopOffsets: Int32Array;
  readonly patternStops: Int32Array;
  /** CSR over trips: trips of pattern `r` are indices `patternTripOffsets[r] .. patternTripOffsets[r+1]-1`, by departure. */
  readonly patternTripOffsets: Int32Array;

  readonly tripCount: number;
  readonly tripIds: readonly string[];
  /** trip → pattern index. */
  readonly tripPattern: Int32Array;
  /** trip → offset of its first stop time in `arrivalSecs` / `departureSecs`. */
  readonly tripTimeOffsets: Int32Array;
  /** Arrival at each stop of each trip, seconds. */
  readonly arrivalSecs: Int32Array;
  /** Departure from each stop of each trip, seconds (≥ arrival). */
  readonly departureSecs: Int32Array;

  /** CSR: patterns serving stop `s` are `stopPatterns[stopPatternOffsets[s] .. stopPatternOffsets[s+1])`, with the stop's position in each. A stop visited twice by one pattern appears twice. */
  readonly stopPatternOffsets: Int32Array;
  readonly stopPatterns: Int32Array;
  readonly stopPatternPositions: Int32Array;

  /** CSR footpaths: from stop `s` to `footpathTargets[k]` in `footpathSecs[k]` seconds for `k` in `footpathOffsets[s] .. footpathOffsets[s+1]`. */
  readonly footpathOffsets: Int32Array;
  readonly footpathTargets: Int32Array;
  readonly footpathSecs: Int32Array;
}

/** Input for `TimetableBuilder.addStop`. */
export interface StopInput {
  /** Unique id. */
  readonly id: string;
  readonly name?: string;
  /** `[lon, lat]` in WGS84 degrees; omit when unknown (footpath generation then skips the stop). */
  readonly lonLat?: readonly [number, number];
  /** Minimum transfer time at this stop, seconds; default the builder's `defaultMinTransferSecs`. */
  readonly minTransferSecs?: number;
}

/** Input for `TimetableBuilder.addTrip`: stops by index, times in seconds. */
export interface TripInput {
  readonly id: string;
  /** Route index from `addRoute`. */
  readonly route: number;
  /** Stop indices in calling order, at least 2. */
  readonly stops: ArrayLike<number>;
  /** Arrival at each stop, seconds; non-decreasing along the trip, `arrival[i] ≥ departure[i-1]`. */
  readonly arrivalSecs: ArrayLike<number>;
  /** Departure from each stop, seconds; `departure[i] ≥ arrival[i]`. */
  readonly departureSecs: ArrayLike<number>;
}

/** Options of `TimetableBuilder`. */
export interface TimetableBuilderOptions {
  /** Minimum transfer time for stops that do not set their own, seconds. Default 0. */
  readonly defaultMinTransferSecs?: number;
}

interface PendingTrip {
  id: string;
  route: number;
  stops: Int32Array;
  arr: Int32Array;
  dep: Int32Array;
}

/**
 * Collects stops, routes, trips and footpaths, then `finish()` compiles them into a frozen
 * `Timetable` (patterns grouped by stop sequence, split where trips overtake, sorted by departure).
 * Arguments are validated here, at the boundary, with `TimetableError`.
 */
export class TimetableBuilder {
  private readonly stopIds: string[] = [];
  private readonly stopNames: string[] = [];
  private readonly lonLat: number[] = [];
  private readonly mtt: number[] = [];
  private readonly stopIndex = new Map<string, number>();
  private readonly routeIds: string[] = [];
  private readonly routeNames: string[] = [];
  private readonly routeIndex = new Map<string, number>();
  private readonly trips: PendingTrip[] = [];
  private readonly tripIdSet = new Set<string>();
  private readonly feet = new Map<number, Map<number, number>>();
  private readonly defaultMtt: number;
  private finished = false;

  constructor(options: TimetableBuilderOptions = {}) {
    const d = options.defaultMinTransferSecs ?? 0;
    if (!(Number.isInteger(d) && d >= 0)) {
      throw new TimetableError(`defaultMinTransferSecs ${d} must be a non-negative integer number of seconds`);
    }
    this.defaultMtt = d;
  }

  /** Adds a stop and returns its index. Throws on a duplicate id. */
  addStop(stop: StopInput): number {
    if (this.stopIndex.has(stop.id)) throw new TimetableError(`duplicate stop id ${JSON.stringify(stop.id)} in addStop; give each stop a unique id`);
    const i = this.stopIds.length;
    this.stopIndex.set(stop.id, i);
    this.stopIds.push(stop.id);
    this.stopNames.push(stop.name ?? "");
    this.lonLat.push(stop.lonLat?.[0] ?? NaN, stop.lonLat?.[1] ?? NaN);
    const m = stop.minTransferSecs ?? this.defaultMtt;
    if (!(Number.isInteger(m) && m >= 0)) throw new TimetableError(`minTransferSecs ${m} of stop ${JSON.stringify(stop.id)} must be a non-negative integer`);
    this.mtt.push(m);
    return i;
  }

  /** Index of a stop id, or `undefined`. */
  stopIndexOf(id: string): number | undefined {
    return this.stopIndex.get(id);
  }

  /** Number of stops added so far. */
  get stopCount(): number {
    return this.stopIds.length;
  }

  /** Coordinates `[lon, lat]` of stop `i` (NaN when unknown). */
  stopLonLat(i: number): [number, number] {
    return [this.lonLat[2 * i] as number, this.lonLat[2 * i + 1] as number];
  }

  /** Sets the minimum transfer time of stop `stop`, seconds. */
  setMinTransferSecs(stop: number, secs: number): void {
    this.checkStop(stop, "setMinTransferSecs(stop)");
    if (!(Number.isInteger(secs) && secs >= 0)) throw new TimetableError(`setMinTransferSecs secs ${secs} must be a non-negative integer`);
    this.mtt[stop] = secs;
  }

  /** Adds a route (a line as published: GTFS `route_id`, a train code…) and returns its index. */
  addRoute(route: { id: string; name?: string }): number {
    const known = this.routeIndex.get(route.id);
    if (known !== undefined) throw new TimetableError(`duplicate route id ${JSON.stringify(route.id)} in addRoute; give each route a unique id`);
    const i = this.routeIds.length;
    this.routeIndex.set(route.id, i);
    this.routeIds.push(route.id);
    this.routeNames.push(route.name ?? "");
    return i;
  }

  /** Index of a route id, or `undefined`. */
  routeIndexOf(id: string): number | undefined {
    return this.routeIndex.get(id);
  }

  /** Adds a trip. Throws `TimetableError` when ids, stops or times are inconsistent. */
  addTrip(trip: TripInput): void {
    const n = trip.stops.length;
    const where = `trip ${JSON.stringify(trip.id)}`;
    if (this.tripIdSet.has(trip.id)) throw new TimetableError(`duplicate trip id ${JSON.stringify(trip.id)}; give each trip a unique id`);
    if (!(trip.route >= 0 && trip.route < this.routeIds.length && Number.isInteger(trip.route))) {
      throw new TimetableError(`${where}: route ${trip.route} is not a route index; call addRoute first`);
    }
    if (n < 2) throw new TimetableError(`${where} has ${n} stop(s); a trip needs at least 2`);
    if (trip.arrivalSecs.length !== n || trip.departureSecs.length !== n) {
      throw new TimetableError(`${where}: stops (${n}), arrivalSecs (${trip.arrivalSecs.length}) and departureSecs (${trip.departureSecs.length}) must have the same length`);
    }
    const stops = new Int32Array(n);
    const arr = new Int32Array(n);
    const dep = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = trip.stops[i] as number;
      this.checkStop(s, `${where} stops[${i}]`);
      const a = trip.arrivalSecs[i] as number;
      const d = trip.departureSecs[i] as number;
      if (!Number.isInteger(a) || !Number.isInteger(d) || Math.abs(a) > 1e9 || Math.abs(d) > 1e9) {
        throw new TimetableError(`${where}: times at position ${i} (${a}, ${d}) must be integer seconds`);
      }
      if (d < a) throw new TimetableError(`${where}: departure ${d} before arrival ${a} at position ${i}; departure must be ≥ arrival`);
      if (i > 0 && a < (dep[i - 1] as number)) {
        throw new TimetableError(`${where}: arrival ${a} at position ${i} is before departure ${dep[i - 1]} from position ${i - 1}; times must not decrease along a trip`);
      }
      stops[i] = s;
      arr[i] = a;
      dep[i] = d;
    }
    this.tripIdSet.add(trip.id);
    this.trips.push({ id: trip.id, route: trip.route, stops, arr, dep });
  }

  /** Adds (or shortens) a one-way footpath `from → to` taking `secs` seconds; the shorter duration wins. */
  addFootpath(from: number, to: number, secs: number): void {
    this.checkStop(from, "addFootpath(from)");
    this.checkStop(to, "addFootpath(to)");
    if (!(Number.isInteger(secs) && secs >= 0)) throw new TimetableError(`addFootpath secs ${secs} must be a non-negative integer`);
    if (from === to) return;
    let m = this.feet.get(from);
    if (m === undefined) {
      m = new Map();
      this.feet.set(from, m);
    }
    const old = m.get(to);
    if (old === undefined || secs < old) m.set(to, secs);
  }

  private checkStop(s: number, arg: string): void {
    if (!(Number.isInteger(s) && s >= 0 && s < this.stopIds.length)) {
      throw new TimetableError(`${arg} = ${s} is not a stop index (0..${this.stopIds.length - 1}); call addStop first`);
    }
  }

  /** Compiles everything added into a frozen `Timetable`. The builder cannot be used afterwards. */
  finish(): Timetable {
    if (this.finished) throw new TimetableError("finish() was already called on this builder; create a new TimetableBuilder");
    this.finished = true;
    const stopCount = this.stopIds.length;
    // Group trips by (route, stop sequence), then split each group into FIFO sub-patterns.
    const groups = new Map<string, PendingTrip[]>();
    for (const t of this.trips) {
      const key = `${t.route}|${t.stops.join(",")}`;
      let g = groups.get(key);
      if (g === undefined) groups.set(key, (g = []));
      g.push(t);
    }
    const patterns: PendingTrip[][] = [];
    for (const g of groups.values()) {
      g.sort((x, y) => (x.dep[0] as number) - (y.dep[0] as number) || (x.arr[x.arr.length - 1] as number) - (y.arr[y.arr.length - 1] as number));
      const subs: PendingTrip[][] = [];
      for (const t of g) {
        let placed = false;
        for (const sub of subs) {
          if (noOvertake(sub[sub.length - 1] as PendingTrip, t)) {
            sub.push(t);
            placed = true;
            break;
          }
        }
        if (!placed) subs.push([t]);
      }
      for (const sub of subs) patterns.push(sub);
    }
    const P = patterns.length;
    const patternRoute = new Int32Array(P);
    const patternStopOffsets = new Int32Array(P + 1);
    const patternTripOffsets = new Int32Array(P + 1);
    let nStops = 0;
    let nTrips = 0;
    let nTimes = 0;
    for (let r = 0; r < P; r++) {
      const p = patterns[r] as PendingTrip[];
      const len = (p[0] as PendingTrip).stops.length;
      nStops += len;
      nTrips += p.length;
      nTimes += len * p.length;
      patternStopOffsets[r + 1] = nStops;
      patternTripOffsets[r + 1] = nTrips;
    }
    const patternStops = new Int32Array(nStops);
    const tripIds: string[] = new Array(nTrips);
    const tripPattern = new Int32Array(nTrips);
    const tripTimeOffsets = new Int32Array(nTrips);
    const arrivalSecs = new Int32Array(nTimes);
    const departureSecs = new Int32Array(nTimes);
    const perStop = new Int32Array(stopCount + 1);
    let t = 0;
    let o = 0;
    for (let r = 0; r < P; r++) {
      const p = patterns[r] as PendingTrip[];
      const first = p[0] as PendingTrip;
      patternRoute[r] = first.route;
      patternStops.set(first.stops, patternStopOffsets[r] as number);
      for (const s of first.stops) perStop[s + 1] = (perStop[s + 1] as number) + 1;
      for (const trip of p) {
        tripIds[t] = trip.id;
        tripPattern[t] = r;
        tripTimeOffsets[t] = o;
        arrivalSecs.set(trip.arr, o);
        departureSecs.set(trip.dep, o);
        o += trip.stops.length;
        t++;
      }
    }
    for (let s = 0; s < stopCount; s++) perStop[s + 1] = (perStop[s + 1] as number) + (perStop[s] as number);
    const stopPatternOffsets = perStop;
    const stopPatterns = new Int32Array(nStops);
    const stopPatternPositions = new Int32Array(nStops);
    const fill = stopPatternOffsets.slice(0, stopCount);
    for (let r = 0; r < P; r++) {
      const a = patternStopOffsets[r] as number;
      const b = patternStopOffsets[r + 1] as number;
      for (let k = a; k < b; k++) {
        const s = patternStops[k] as number;
        const at = fill[s] as number;
        stopPatterns[at] = r;
        stopPatternPositions[at] = k - a;
        fill[s] = at + 1;
      }
    }
    const footpathOffsets = new Int32Array(stopCount + 1);
    let nFeet = 0;
    for (let s = 0; s < stopCount; s++) {
      nFeet += this.feet.get(s)?.size ?? 0;
      footpathOffsets[s + 1] = nFeet;
    }
    const footpathTargets = new Int32Array(nFeet);
    const footpathSecs = new Int32Array(nFeet);
    for (let s = 0; s < stopCount; s++) {
      const m = this.feet.get(s);
      if (m === undefined) continue;
      let k = footpathOffsets[s] as number;
      for (const [to, secs] of [...m].sort((x, y) => x[0] - y[0])) {
        footpathTargets[k] = to;
        footpathSecs[k] = secs;
        k++;
      }
    }
    return {
      stopCount,
      stopIds: this.stopIds,
      stopNames: this.stopNames,
      stopLonLat: Float64Array.from(this.lonLat),
      stopIndexById: this.stopIndex,
      minTransferSecs: Int32Array.from(this.mtt),
      routeCount: this.routeIds.length,
      routeIds: this.routeIds,
      routeNames: this.routeNames,
      patternCount: P,
      patternRoute,
      patternStopOffsets,
      patternStops,
      patternTripOffsets,
      tripCount: nTrips,
      tripIds,
      tripPattern,
      tripTimeOffsets,
      arrivalSecs,
      departureSecs,
      stopPatternOffsets,
      stopPatterns,
      stopPatternPositions,
      footpathOffsets,
      footpathTargets,
      footpathSecs,
    };
  }
}

/** True when trip `b` (departing no earlier than `a` at the first stop) never passes `a`. */
function noOvertake(a: PendingTrip, b: PendingTrip): boolean {
  const n = a.stops.length;
  for (let i = 0; i < n; i++) {
    if ((b.arr[i] as number) < (a.arr[i] as number) || (b.dep[i] as number) < (a.dep[i] as number)) return false;
  }
  return true;
}
