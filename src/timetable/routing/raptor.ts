import { EV_ACCESS, EV_RIDE, EV_WALK, RaptorEngine, UNREACHED, type StopSecs } from "./engine.js";
import { TimetableError } from "../errors.js";
import type { Timetable } from "./timetable.js";

export type { StopSecs } from "./engine.js";

/** Default bound on the number of rides (vehicles boarded) in a journey. */
export const DEFAULT_MAX_RIDES = 8;
/** Largest accepted `maxRides` (rounds are stored in 8 bits). */
export const MAX_MAX_RIDES = 100;

/** Stops and times of a leg between two stops. Times are seconds on the timetable's clock. */
interface StopToStop {
  readonly fromStop: number;
  readonly fromStopId: string;
  readonly toStop: number;
  readonly toStopId: string;
  /** Departure from `fromStop` (for a ride: the trip's departure). */
  readonly departureSecs: number;
  /** Arrival at `toStop` (for a ride: the trip's arrival). */
  readonly arrivalSecs: number;
}

/** One leg of a journey. Times are seconds on the timetable's clock; stops are indices with their ids. */
export type Leg =
  | {
      /** From the origin to the first stop (the `access` entry used). */
      readonly kind: "access";
      readonly toStop: number;
      readonly toStopId: string;
      readonly departureSecs: number;
      readonly arrivalSecs: number;
    }
  | (StopToStop & {
      /** A ride on one trip from boarding to alighting stop. */
      readonly kind: "ride";
      readonly routeId: string;
      readonly route: number;
      readonly pattern: number;
      readonly tripId: string;
      readonly trip: number;
    })
  | (StopToStop & {
      /** A footpath between two stops. */
      readonly kind: "walk";
    })
  | {
      /** From the last stop to the destination (the `egress` entry used; arrive-by searches only). */
      readonly kind: "egress";
      readonly fromStop: number;
      readonly fromStopId: string;
      readonly departureSecs: number;
      readonly arrivalSecs: number;
    };

/** A journey from origin to a stop, legs in travel order. */
export interface Journey {
  /** Departure from the origin, seconds. */
  readonly departureSecs: number;
  /** Arrival at the stop (or destination), seconds. */
  readonly arrivalSecs: number;
  /** Number of ride legs. */
  readonly rides: number;
  readonly legs: readonly Leg[];
}

/** Query of `raptor`. */
export interface RaptorQuery {
  /** Stops reachable from the origin and the time to reach each, seconds (e.g. from a road search). At least one. */
  readonly access: readonly StopSecs[];
  /** Departure time from the origin, seconds on the timetable clock. */
  readonly departureSecs: number;
  /** Most rides (boardings) allowed, 0…100; default `DEFAULT_MAX_RIDES` (8). 0 = access and walking only. */
  readonly maxRides?: number;
  /** Skip rescanning patterns whose catchable trip did not change (exact; default true; a switch for tests). */
  readonly skipUnchangedBoardings?: boolean;
}

/** Validates and normalises a stop/secs list (secs rounded up to whole seconds). */
export function checkStopSecs(tt: Timetable, list: readonly StopSecs[], arg: string): StopSecs[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new TimetableError(`${arg} must be a non-empty array of {stop, secs}; got ${JSON.stringify(list)}`);
  }
  return list.map((a, i) => {
    if (!(Number.isInteger(a.stop) && a.stop >= 0 && a.stop < tt.stopCount)) {
      throw new TimetableError(`${arg}[${i}].stop = ${a.stop} is not a stop index (0..${tt.stopCount - 1}); map ids with tt.stopIndexById`);
    }
    if (!(Number.isFinite(a.secs) && a.secs >= 0)) {
      throw new TimetableError(`${arg}[${i}].secs = ${a.secs} must be a finite number of seconds ≥ 0`);
    }
    return { stop: a.stop, secs: Math.ceil(a.secs) };
  });
}

/** Validates `maxRides`. */
export function checkMaxRides(maxRides: number | undefined): number {
  const k = maxRides ?? DEFAULT_MAX_RIDES;
  if (!(Number.isInteger(k) && k >= 0 && k <= MAX_MAX_RIDES)) {
    throw new TimetableError(`maxRides = ${maxRides} must be an integer in 0..${MAX_MAX_RIDES}`);
  }
  return k;
}

/** Validates a clock time in seconds. */
export function checkSecs(v: number, arg: string): number {
  if (!(Number.isInteger(v) && Math.abs(v) < 1e9)) throw new TimetableError(`${arg} = ${v} must be integer seconds (e.g. 8 * 3600 for 08:00)`);
  return v;
}

/**
 * Earliest arrival at every stop from a set of access stops at one departure time (RAPTOR, Delling
 * et al. 2012), with a bound on the number of rides, per-stop minimum transfer times and one-hop
 * footpaths. Allocates its own search state; for many queries on one timetable, reuse a
 * `RaptorEngine` through `RaptorRouter`.
 *
 * Semantics: boarding at a stop reached by a ride needs `minTransferSecs` of that stop; boarding after
 * access or a footpath does not. A trip departing exactly when one is ready can be boarded (`≤`).
 */
export function raptor(tt: Timetable, query: RaptorQuery): RaptorResult {
  return new RaptorRouter(tt, query.maxRides).route(query);
}

/** Reusable RAPTOR state for one timetable and ride bound: allocate once, query many. */
export class RaptorRouter {
  readonly tt: Timetable;
  readonly maxRides: number;
  private readonly engine: RaptorEngine;

  constructor(tt: Timetable, maxRides?: number) {
    this.tt = tt;
    this.maxRides = checkMaxRides(maxRides);
    this.engine = new RaptorEngine(tt, this.maxRides);
  }

  /** Runs one query. The result reads the router's buffers: it is valid until the next `route` call. */
  route(query: RaptorQuery): RaptorResult {
    const access = checkStopSecs(this.tt, query.access, "query.access");
    const dep = checkSecs(query.departureSecs, "query.departureSecs");
    if (query.maxRides !== undefined && query.maxRides !== this.maxRides) {
      throw new TimetableError(`query.maxRides = ${query.maxRides} differs from the router's ${this.maxRides}; create a RaptorRouter per ride bound`);
    }
    this.engine.reset();
    this.engine.recordEvents = true;
    this.engine.skipUnchangedBoardings = query.skipUnchangedBoardings ?? true;
    this.engine.run(access, dep);
    return new RaptorResult(this.engine, dep);
  }
}

/** Earliest arrivals and journeys of one RAPTOR query. Times in seconds; `Infinity` = not reachable. */
export class RaptorResult {
  readonly departureSecs: number;
  readonly maxRides: number;
  private readonly engine: RaptorEngine;

  constructor(engine: RaptorEngine, departureSecs: number) {
    this.engine = engine;
    this.departureSecs = departureSecs;
    this.maxRides = engine.maxRides;
  }

  private rides(maxRides: number | undefined): number {
    const k = maxRides ?? this.maxRides;
    if (!(Number.isInteger(k) && k >= 0 && k <= this.maxRides)) {
      throw new TimetableError(`maxRides = ${maxRides} must be an integer in 0..${this.maxRides} (the query's bound)`);
    }
    return k;
  }

  /** Earliest arrival at `stop` with at most `maxRides` rides (default: the query's bound); `Infinity` when unreachable. */
  arrivalSecs(stop: number, maxRides?: number): number {
    const k = this.rides(maxRides);
    const v = this.engine.arr[k * this.engine.tt.stopCount + stop];
    if (v === undefined || !(Number.isInteger(stop) && stop >= 0 && stop < this.engine.tt.stopCount)) throw new TimetableError(`stop ${stop} is not a stop index (0..${this.engine.tt.stopCount - 1})`);
    return v === UNREACHED ? Infinity : v;
  }

  /** Earliest arrival at every stop (index = stop), `Infinity` when unreachable. */
  arrivals(maxRides?: number): Float64Array {
    const k = this.rides(maxRides);
    const n = this.engine.tt.stopCount;
    const out = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const v = this.engine.arr[k * n + s] as number;
      out[s] = v === UNREACHED ? Infinity : v;
    }
    return out;
  }

  /**
   * Earliest arrival at a destination reached from the stops in `egress` (stop, secs from stop to
   * destination); returns `{ arrivalSecs: Infinity, stop: -1 }` when none is reachable.
   */
  arrivalVia(egress: readonly StopSecs[], maxRides?: number): { arrivalSecs: number; stop: number } {
    const eg = checkStopSecs(this.engine.tt, egress, "egress");
    let best = Infinity;
    let stop = -1;
    for (const e of eg) {
      const t = this.arrivalSecs(e.stop, maxRides) + e.secs;
      if (t < best) {
        best = t;
        stop = e.stop;
      }
    }
    return { arrivalSecs: best, stop };
  }

  /** The journey realising `arrivalSecs(stop, maxRides)`, or `undefined` when unreachable. Uses the fewest rides among equally early journeys. */
  journey(stop: number, maxRides?: number): Journey | undefined {
    const k = this.rides(maxRides);
    const e = this.engine;
    const n = e.tt.stopCount;
    if (this.arrivalSecs(stop, k) === Infinity) return undefined;
    return buildJourney(e, e.arrEvent[k * n + stop] as number, this.departureSecs);
  }
}

/** Walks the event chain back from `ev` and returns legs in travel order. */
export function buildJourney(e: RaptorEngine, ev: number, departureSecs: number): Journey {
  const tt = e.tt;
  const n = tt.stopCount;
  const legs: Leg[] = [];
  let arrival = -Infinity;
  let rides = 0;
  const stopId = (s: number): string => tt.stopIds[s] as string;
  while (ev >= 0) {
    const kind = e.evKind[ev];
    if (kind === EV_ACCESS) {
      const s = e.evA[ev] as number;
      const secs = e.evB[ev] as number;
      legs.push({ kind: "access", toStop: s, toStopId: stopId(s), departureSecs, arrivalSecs: departureSecs + secs });
      if (arrival === -Infinity) arrival = departureSecs + secs;
      break;
    }
    if (kind === EV_RIDE) {
      const trip = e.evA[ev] as number;
      const bPos = e.evB[ev] as number;
      const aPos = e.evC[ev] as number;
      const round = e.evRound[ev] as number;
      const pattern = tt.tripPattern[trip] as number;
      const base = tt.patternStopOffsets[pattern] as number;
      const from = tt.patternStops[base + bPos] as number;
      const to = tt.patternStops[base + aPos] as number;
      const o = tt.tripTimeOffsets[trip] as number;
      const route = tt.patternRoute[pattern] as number;
      const leg: Leg = {
        kind: "ride",
        routeId: tt.routeIds[route] as string,
        route,
        pattern,
        tripId: tt.tripIds[trip] as string,
        trip,
        fromStop: from,
        fromStopId: stopId(from),
        toStop: to,
        toStopId: stopId(to),
        departureSecs: tt.departureSecs[o + bPos] as number,
        arrivalSecs: tt.arrivalSecs[o + aPos] as number,
      };
      legs.push(leg);
      rides++;
      if (arrival === -Infinity) arrival = leg.arrivalSecs;
      ev = e.boardEvent[(round - 1) * n + from] as number;
      continue;
    }
    if (kind === EV_WALK) {
      const from = e.evB[ev] as number;
      const t = e.evC[ev] as number;
      const edge = e.evD[ev] as number;
      const to = tt.footpathTargets[edge] as number;
      const leg: Leg = { kind: "walk", fromStop: from, fromStopId: stopId(from), toStop: to, toStopId: stopId(to), departureSecs: t, arrivalSecs: t + (tt.footpathSecs[edge] as number) };
      legs.push(leg);
      if (arrival === -Infinity) arrival = leg.arrivalSecs;
      const prev = e.evA[ev] as number;
      if (prev < 0) {
        // Walk straight from an access stop: t is that stop's access arrival.
        legs.push({ kind: "access", toStop: from, toStopId: stopId(from), departureSecs, arrivalSecs: t });
        break;
      }
      ev = prev;
      continue;
    }
    throw new Error(`internal: bad journey event kind ${kind}`);
  }
  legs.reverse();
  return { departureSecs, arrivalSecs: arrival, rides, legs };
}
