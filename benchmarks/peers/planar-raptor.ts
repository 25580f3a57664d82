/**
 * The npm package `raptor-journey-planner` (planarnetwork, 2.x, GPL-3.0; a dev dependency that the
 * timetable benchmark runs, none of its code copied) as a measured RAPTOR peer.
 *
 * Input: its own in-memory format (GTFS-like `Trip` objects with string stop ids, a per-stop
 * "interchange" time, footpaths as `Transfer`s), converted from our `Timetable` outside the clock.
 * Its GTFS loader (`loadGTFS`, on gtfs-stream 2.2 / unzipper 0.10) never resolves on Node 20: the
 * parsed stream emits 'finish' but never 'end', so the promise stays pending (tried with zips
 * written by Info-ZIP `zip` and by hand, stored and deflated). Its indexes are built by
 * `RaptorAlgorithmFactory.create`, timed as "build".
 *
 * Query: `RaptorAlgorithm.scan({stop: secs}, date, dow)` answers an earliest-arrival query from one
 * origin to every stop, in rounds until no stop improves (it has no ride bound).
 *
 * Model differences, and how answers are compared:
 * - Its per-stop interchange is added to every arrival by a ride, so its label means "ready to
 *   board", and a trip can be boarded when label ≤ departure. Ours keeps the arrival and lets one
 *   board when arrival + minTransferSecs ≤ departure: the same rule. Its label at a stop other
 *   than the origin, minus that stop's interchange, is therefore our arrival.
 * - Footpaths: it adds the target's interchange after a footpath, ours does not. The national
 *   timetable has none, so this does not arise in the benchmark.
 * - Patterns: it groups trips by stop sequence and moves a trip that arrives at the last stop
 *   before an earlier-departing trip of its group into one "overtakes" group, assuming that group
 *   and every group are FIFO at every stop; ours splits patterns wherever trips overtake. Where
 *   that assumption fails its answer can be later than ours (reported as disagreements).
 */
import planar from "raptor-journey-planner";
import type { Timetable } from "../../src/index.js";

type PlanarRaptor = ReturnType<typeof planar.RaptorAlgorithmFactory.create>;
type PlanarTrip = Parameters<typeof planar.RaptorAlgorithmFactory.create>[0][number];
type PlanarTransfers = Parameters<typeof planar.RaptorAlgorithmFactory.create>[1];

/** Service date of every query; the converted trips run every day. */
const DATE = 20240605;
const DAY_OF_WEEK = 3;

/** The peer's input: trips, footpaths and interchange times, as its GTFS loader would return them. */
export interface PlanarInput {
  readonly trips: PlanarTrip[];
  readonly transfers: PlanarTransfers;
  readonly interchange: Record<string, number>;
}

/** Converts a timetable to the peer's input format (every trip on an all-days service). */
export function planarInput(tt: Timetable): PlanarInput {
  const days = { 0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 6: true };
  const service = new planar.Service(20240101, 20241231, days, {});
  const trips: PlanarTrip[] = [];
  for (let t = 0; t < tt.tripCount; t++) {
    const p = tt.tripPattern[t] as number;
    const a = tt.patternStopOffsets[p] as number;
    const len = (tt.patternStopOffsets[p + 1] as number) - a;
    const o = tt.tripTimeOffsets[t] as number;
    const stopTimes = [];
    for (let i = 0; i < len; i++) {
      stopTimes.push({
        stop: tt.stopIds[tt.patternStops[a + i] as number] as string,
        arrivalTime: tt.arrivalSecs[o + i] as number,
        departureTime: tt.departureSecs[o + i] as number,
        pickUp: true,
        dropOff: true,
      });
    }
    trips.push({ tripId: tt.tripIds[t] as string, serviceId: "ALL", service, stopTimes });
  }
  const transfers: PlanarTransfers = {};
  const interchange: Record<string, number> = {};
  for (let s = 0; s < tt.stopCount; s++) {
    const id = tt.stopIds[s] as string;
    interchange[id] = tt.minTransferSecs[s] as number;
    const from = tt.footpathOffsets[s] as number;
    const to = tt.footpathOffsets[s + 1] as number;
    if (to > from) transfers[id] = [];
    for (let e = from; e < to; e++) {
      transfers[id]!.push({ origin: id, destination: tt.stopIds[tt.footpathTargets[e] as number] as string, duration: tt.footpathSecs[e] as number, startTime: 0, endTime: Number.MAX_SAFE_INTEGER });
    }
  }
  return { trips, transfers, interchange };
}

/** The peer's router over one timetable. */
export interface PlanarPeer {
  readonly raptor: PlanarRaptor;
  readonly interchange: Readonly<Record<string, number>>;
}

/** Builds the peer's indexes (this call is what "build" times). */
export function buildPlanarPeer(input: PlanarInput): PlanarPeer {
  // The factory sorts and fills the arrays it is given: hand it copies so that `input` can be reused.
  return { raptor: planar.RaptorAlgorithmFactory.create([...input.trips], input.transfers, { ...input.interchange }), interchange: input.interchange };
}

/** Raw answer of one peer query: "ready to board" time by stop id. */
export type PlanarArrivals = Readonly<Record<string, number>>;

/** One earliest-arrival query from `originId` at `departureSecs` to every stop (what is timed). */
export function planarScan(peer: PlanarPeer, originId: string, departureSecs: number): PlanarArrivals {
  return peer.raptor.scan({ [originId]: departureSecs }, DATE, DAY_OF_WEEK)[1];
}

/**
 * The peer's answer in our terms: arrival at every stop of `tt` (index = stop), `Infinity` when
 * unreached; the interchange it adds to arrivals by ride is taken off (see the file comment).
 */
export function planarArrivals(peer: PlanarPeer, tt: Timetable, originId: string, raw: PlanarArrivals): Float64Array {
  const out = new Float64Array(tt.stopCount).fill(Infinity);
  for (let s = 0; s < tt.stopCount; s++) {
    const id = tt.stopIds[s] as string;
    const v = raw[id];
    if (v === undefined || v >= Number.MAX_SAFE_INTEGER) continue;
    out[s] = id === originId ? v : v - (peer.interchange[id] ?? 0);
  }
  return out;
}

/**
 * Diagnostic variant of a peer (for the cross-check only, never for the timed comparison): its
 * `RouteScanner` keeps, per route, the index of the last trip it returned and searches backwards
 * from there on the next lookup, assuming later lookups ask for earlier times; across stops and
 * rounds that assumption fails and a catchable trip is missed. This variant clears that memory
 * before every lookup (through the scanner's fields, which its types mark private), so that
 * disagreements it removes are attributable to that cache.
 */
export function withoutTripLookupCache(input: PlanarInput): PlanarPeer {
  const peer = buildPlanarPeer(input);
  type Scanner = { routeScanPosition: Record<string, number>; getTrip: (route: string, stopIndex: number, time: number) => unknown };
  const factory = (peer.raptor as unknown as { routeScannerFactory: { create: (date: number, dow: number) => Scanner } }).routeScannerFactory;
  const create = factory.create.bind(factory);
  factory.create = (date, dow) => {
    const scanner = create(date, dow);
    const getTrip = scanner.getTrip.bind(scanner);
    scanner.getTrip = (route, stopIndex, time) => {
      scanner.routeScanPosition = {};
      return getTrip(route, stopIndex, time);
    };
    return scanner;
  };
  return peer;
}

/**
 * The peer's range query: journeys from `originId` to `destinationId` departing in
 * [`startSecs`, `endSecs`) (its `RangeQuery`: a depart-after query at `startSecs`, then again one
 * second after the earliest departure found, until none is left), searching the service day only
 * (`maxSearchDays` 1: with the default 3 it adds journeys that wait overnight for the next day's
 * trains, which a one-day timetable of ours does not have). `startSecs` must be ≥ 1: it treats a
 * time of 0 as "not reached". Returns the journeys as [departure, arrival] pairs.
 */
export function planarRange(peer: PlanarPeer, originId: string, destinationId: string, startSecs: number, endSecs: number): Array<[number, number]> {
  const query = new planar.RangeQuery(peer.raptor, new planar.JourneyFactory(), 1);
  const date = new Date(`${String(DATE).slice(0, 4)}-${String(DATE).slice(4, 6)}-${String(DATE).slice(6)}T12:00:00Z`);
  return query.plan(originId, destinationId, date, startSecs, endSecs).map((j) => [j.departureTime, j.arrivalTime]);
}

/** The Pareto set of [departure, arrival] options (later departure or earlier arrival), by departure. */
export function paretoDepartures(options: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...options].sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  let best = Infinity;
  for (const [d, a] of sorted) {
    if (a < best) {
      best = a;
      out.push([d, a]);
    }
  }
  return out.reverse();
}
