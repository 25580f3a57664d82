import { RaptorEngine, UNREACHED, type StopSecs } from "./engine.js";
import { buildJourney, checkMaxRides, checkSecs, checkStopSecs, type Journey, type Leg } from "./raptor.js";
import { TimetableError } from "../errors.js";
import { TimetableBuilder, type Timetable } from "./timetable.js";

/** Query of `latestDepartures`. */
export interface ArriveByQuery {
  /** Stops from which the destination is reached and the time from each stop to it, seconds. */
  readonly egress: readonly StopSecs[];
  /** Latest allowed arrival at the destination, seconds (arrival `≤` this counts). */
  readonly arriveBySecs: number;
  /** Most rides, default 8. */
  readonly maxRides?: number;
}

const reversedCache = new WeakMap<Timetable, Timetable>();

/**
 * The time-reversed timetable: same stop and route indices, every trip run backwards with times
 * negated (arrival ↔ departure), footpaths reversed. An earliest-arrival search on it is a
 * latest-departure search on `tt`; minimum transfer times keep their meaning. Cached per timetable.
 */
export function reverseTimetable(tt: Timetable): Timetable {
  const hit = reversedCache.get(tt);
  if (hit !== undefined) return hit;
  const b = new TimetableBuilder();
  for (let s = 0; s < tt.stopCount; s++) {
    b.addStop({ id: tt.stopIds[s] as string, name: tt.stopNames[s] as string, lonLat: [tt.stopLonLat[2 * s] as number, tt.stopLonLat[2 * s + 1] as number], minTransferSecs: tt.minTransferSecs[s] as number });
  }
  for (let r = 0; r < tt.routeCount; r++) b.addRoute({ id: tt.routeIds[r] as string, name: tt.routeNames[r] as string });
  for (let t = 0; t < tt.tripCount; t++) {
    const p = tt.tripPattern[t] as number;
    const a = tt.patternStopOffsets[p] as number;
    const len = (tt.patternStopOffsets[p + 1] as number) - a;
    const o = tt.tripTimeOffsets[t] as number;
    const stops = new Int32Array(len);
    const arr = new Int32Array(len);
    const dep = new Int32Array(len);
    for (let j = 0; j < len; j++) {
      const i = len - 1 - j;
      stops[j] = tt.patternStops[a + i] as number;
      arr[j] = -(tt.departureSecs[o + i] as number);
      dep[j] = -(tt.arrivalSecs[o + i] as number);
    }
    b.addTrip({ id: tt.tripIds[t] as string, route: tt.patternRoute[p] as number, stops, arrivalSecs: arr, departureSecs: dep });
  }
  for (let s = 0; s < tt.stopCount; s++) {
    for (let e = tt.footpathOffsets[s] as number; e < (tt.footpathOffsets[s + 1] as number); e++) b.addFootpath(tt.footpathTargets[e] as number, s, tt.footpathSecs[e] as number);
  }
  const rev = b.finish();
  reversedCache.set(tt, rev);
  return rev;
}

/**
 * Latest departure from every stop that still reaches the destination by `arriveBySecs` (reverse
 * RAPTOR on `reverseTimetable(tt)`). "Departure from stop s at time L" means being at `s`, ready to
 * board or walk, at `L` — the mirror of an access stop in `raptor`. Same transfer and footpath rules
 * as `raptor`, so `raptor` from `s` at `L` arrives by `arriveBySecs`, and at `L + 1` it does not.
 */
export function latestDepartures(tt: Timetable, query: ArriveByQuery): LatestDepartureResult {
  const egress = checkStopSecs(tt, query.egress, "query.egress");
  const by = checkSecs(query.arriveBySecs, "query.arriveBySecs");
  const K = checkMaxRides(query.maxRides);
  const rev = reverseTimetable(tt);
  const engine = new RaptorEngine(rev, K);
  engine.run(egress, -by);
  return new LatestDepartureResult(tt, engine, by);
}

/** Result of `latestDepartures`. Times in seconds; `-Infinity` = cannot arrive in time. */
export class LatestDepartureResult {
  readonly arriveBySecs: number;
  readonly maxRides: number;
  private readonly tt: Timetable;
  private readonly engine: RaptorEngine;
  constructor(tt: Timetable, engine: RaptorEngine, arriveBySecs: number) {
    this.tt = tt;
    this.engine = engine;
    this.arriveBySecs = arriveBySecs;
    this.maxRides = engine.maxRides;
  }

  /** Latest departure from `stop` with ≤ `maxRides` rides (default the query's); `-Infinity` when impossible. */
  latestDepartureSecs(stop: number, maxRides = this.maxRides): number {
    const k = checkMaxRides(Math.min(maxRides, this.maxRides));
    if (!(Number.isInteger(stop) && stop >= 0 && stop < this.tt.stopCount)) {
      throw new TimetableError(`stop ${stop} is not a stop index (0..${this.tt.stopCount - 1}); map ids with tt.stopIndexById`);
    }
    const v = this.engine.arr[k * this.tt.stopCount + stop] as number;
    return v === UNREACHED ? -Infinity : -v;
  }

  /** Latest departures from every stop (index = stop). */
  latestDepartures(maxRides = this.maxRides): Float64Array {
    const out = new Float64Array(this.tt.stopCount);
    for (let s = 0; s < out.length; s++) out[s] = this.latestDepartureSecs(s, maxRides);
    return out;
  }

  /** The journey from `stop` leaving at `latestDepartureSecs(stop)`, in travel order, ending with an `egress` leg; `undefined` when impossible. */
  journey(stop: number, maxRides = this.maxRides): Journey | undefined {
    if (this.latestDepartureSecs(stop, maxRides) === -Infinity) return undefined;
    const k = checkMaxRides(Math.min(maxRides, this.maxRides));
    const e = this.engine;
    const ev = e.arrEvent[k * this.tt.stopCount + stop] as number;
    if (e.arr[k * this.tt.stopCount + stop] === UNREACHED) return undefined;
    const back = buildJourney(e, ev, -this.arriveBySecs);
    const legs: Leg[] = [];
    const fwdTrip = tripIndexById(this.tt);
    for (let i = back.legs.length - 1; i >= 0; i--) {
      const l = back.legs[i] as Leg;
      if (l.kind === "access") {
        legs.push({ kind: "egress", fromStop: l.toStop, fromStopId: l.toStopId, departureSecs: -l.arrivalSecs, arrivalSecs: -l.departureSecs });
      } else if (l.kind === "walk") {
        legs.push({ kind: "walk", fromStop: l.toStop, fromStopId: l.toStopId, toStop: l.fromStop, toStopId: l.fromStopId, departureSecs: -l.arrivalSecs, arrivalSecs: -l.departureSecs });
      } else if (l.kind === "ride") {
        const trip = fwdTrip.get(l.tripId) as number;
        legs.push({ ...l, trip, pattern: this.tt.tripPattern[trip] as number, fromStop: l.toStop, fromStopId: l.toStopId, toStop: l.fromStop, toStopId: l.fromStopId, departureSecs: -l.arrivalSecs, arrivalSecs: -l.departureSecs });
      }
    }
    return { departureSecs: -back.arrivalSecs, arrivalSecs: -back.departureSecs, rides: back.rides, legs };
  }
}

const tripIndexCache = new WeakMap<Timetable, Map<string, number>>();
function tripIndexById(tt: Timetable): Map<string, number> {
  let m = tripIndexCache.get(tt);
  if (m === undefined) {
    m = new Map();
    for (let t = 0; t < tt.tripCount; t++) m.set(tt.tripIds[t] as string, t);
    tripIndexCache.set(tt, m);
  }
  return m;
}
