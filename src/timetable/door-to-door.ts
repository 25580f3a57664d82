/**
 * Door-to-door timetable queries on a network: access from the origin place over the model's street
 * graph (the core's multi-source search), RAPTOR or range-RAPTOR over the scenario timetable, egress
 * to each destination by a reverse street search, and the drive-all-the-way alternative.
 */
import type { Id } from "../network/schema.js";
import type { TimedOrigin } from "../query/options.js";
import { queryOf } from "../query/route.js";
import { stationsOf } from "../query/stations.js";
import { StreetSearch } from "../query/street.js";
import { requirePlace } from "../network/lookup.js";
import type { StopSecs } from "./routing/engine.js";
import { TimetableError } from "./errors.js";
import type { NetworkTimetable } from "./network.js";
import { quantileSorted, rangeRaptor } from "./routing/range.js";
import { DEFAULT_MAX_RIDES, RaptorRouter } from "./routing/raptor.js";


/**
 * Departure times to evaluate: every `windowStartSecs + i·stepSecs ≤ windowEndSecs` (seconds on the
 * timetable clock, both ends inclusive). A single departure is a window with start = end.
 */
export interface DepartureWindow {
  readonly windowStartSecs: number;
  readonly windowEndSecs: number;
  /** Spacing of the sampled departures, whole seconds > 0 (default 60: every minute). */
  readonly stepSecs?: number;
}

/** Travel times from the origin(s) to one destination, one per sampled departure. */
export interface DestinationTimes {
  readonly destination: Id;
  /**
   * Door-to-door seconds (arrival − departure, initial wait at the origin included) per sampled
   * departure, in departure order; `Infinity` where unreachable.
   */
  readonly travelTimesSecs: Float64Array;
  /** The street-only alternative (drive or walk all the way), seconds; `Infinity` without one (and for station-to-station). */
  readonly roadSecs: number;
  /**
   * Size of the destination's Pareto set over the window: journeys with at least one ride, not
   * dominated in (later departure, earlier arrival) by another such journey, and faster than `roadSecs`.
   */
  readonly paretoSize: number;
}

/** Which statistic of the per-departure travel times counts (target pass/fail, isochrone node time). */
export type TimetableStatistic = "p5" | "p50" | "p95" | "best";
/** Every statistic, in the order the CLI lists them. */
export const TIMETABLE_STATISTICS: readonly TimetableStatistic[] = ["p5", "p50", "p95", "best"];

/** The value of one statistic in a {@link TravelTimeStats}, seconds. */
export function statisticSecs(stats: TravelTimeStats, statistic: TimetableStatistic): number {
  return stats[`${statistic}Secs`];
}

/** Percentile summary of a travel-time sample (seconds). */
export interface TravelTimeStats {
  readonly p5Secs: number;
  readonly p50Secs: number;
  readonly p95Secs: number;
  /** Smallest sample (the best departure in the window). */
  readonly bestSecs: number;
}

/**
 * p5, p50, p95 (R type 7 interpolation, as `Profile.travelTimePercentiles` and `d3.quantile`) and the
 * minimum of a sample. `Infinity` when the rank touches an unreachable sample; `NaN` for an empty sample.
 */
export function travelTimeStats(samplesSecs: ArrayLike<number>): TravelTimeStats {
  const sorted = Float64Array.from(samplesSecs).sort();
  return {
    p5Secs: quantileSorted(sorted, 5),
    p50Secs: quantileSorted(sorted, 50),
    p95Secs: quantileSorted(sorted, 95),
    bestSecs: sorted.length === 0 ? NaN : sorted[0]!,
  };
}

/**
 * Reusable door-to-door router over one {@link NetworkTimetable}: owns a street search and a RAPTOR
 * router, and caches each destination's egress list. Not re-entrant.
 *
 * Interpretation follows the timetable's `measure`: door-to-door = street access from the origin
 * places, street egress to the destination, and the street-only alternative; station-to-station =
 * the origins' stations at their start offsets, arrival at any station of the destination, no
 * street legs. With `modes: "road"` there is no timetable: the times are the model's street times,
 * the same at every departure.
 */
export class DoorToDoorRouter {
  readonly network: NetworkTimetable;
  readonly maxRides: number;
  readonly #street: StreetSearch | null;
  readonly #raptor: RaptorRouter;
  readonly #egress = new Map<Id, StopSecs[]>();
  readonly #placeCount: number;

  /** `maxRides` 0…100, default 8. */
  constructor(network: NetworkTimetable, options: { readonly maxRides?: number } = {}) {
    this.network = network;
    this.maxRides = options.maxRides ?? DEFAULT_MAX_RIDES;
    this.#raptor = new RaptorRouter(network.timetable, this.maxRides);
    this.#street = network.street === null ? null : new StreetSearch(network.model, network.street);
    this.#placeCount = network.model.network.places.length;
  }

  /**
   * Access list of the origins: every timetable stop with the seconds to reach it (street time from
   * the nearest origin plus its start offset, or the start offset at the origins' own stations for
   * station-to-station), and the street time to every model node (door-to-door; else `null`).
   */
  access(origins: Id | readonly (Id | TimedOrigin)[]): { access: StopSecs[]; streetSecs: Float64Array | null } {
    const nt = this.network;
    const model = nt.model;
    const list = resolveOrigins(model.network, origins);
    const perPlace = new Float64Array(this.#placeCount).fill(Infinity);
    let streetSecs: Float64Array | null = null;
    if (nt.measure === "door-to-door") {
      const street = this.#street!.fromOrigins(list);
      streetSecs = street.nodeSecs;
      perPlace.set(street.placeSecs);
    } else {
      for (const o of list) {
        for (const s of stationsOf(model, o.placeId)) {
          const p = model.placeIndex(s);
          perPlace[p] = Math.min(perPlace[p]!, o.startSecs);
        }
      }
    }
    const access: StopSecs[] = [];
    nt.stopPlace.forEach((p, s) => {
      if (p >= 0 && perPlace[p]! < Infinity) access.push({ stop: s, secs: perPlace[p]! + nt.stopPlaceSecs[s]! });
    });
    return { access, streetSecs };
  }

  /**
   * Egress list of a destination: every stop from which it can be reached, with the seconds that takes
   * (reverse street search from the destination's sink over the layer after a ride; 0 at the
   * destination's own stations for station-to-station). Cached per destination.
   */
  egress(destination: Id): StopSecs[] {
    const hit = this.#egress.get(destination);
    if (hit !== undefined) return hit;
    const nt = this.network;
    const model = nt.model;
    const perPlace = new Float64Array(this.#placeCount).fill(Infinity);
    if (nt.measure === "door-to-door") {
      perPlace.set(this.#street!.toDestination(destination));
    } else {
      for (const s of stationsOf(model, destination)) perPlace[model.placeIndex(s)] = 0;
    }
    const out: StopSecs[] = [];
    nt.stopPlace.forEach((p, s) => {
      if (p >= 0 && perPlace[p]! < Infinity) out.push({ stop: s, secs: perPlace[p]! + nt.stopPlaceSecs[s]! });
    });
    this.#egress.set(destination, out);
    return out;
  }

  /**
   * Travel times from the origins to each destination for every sampled departure of the window:
   * one RAPTOR run for a single departure, range-RAPTOR otherwise. A destination that is also an
   * origin gets 0 (door-to-door) or its station time (station-to-station: 0 if they share a station).
   */
  travelTimes(origins: Id | readonly (Id | TimedOrigin)[], destinations: readonly Id[], window: DepartureWindow): DestinationTimes[] {
    const nt = this.network;
    const model = nt.model;
    const { start, end, step, count } = checkWindow(window);
    for (const [i, d] of destinations.entries()) requirePlace(model.network, d, `destinations[${i}]`);
    if (nt.modes === "road") return this.#roadOnly(origins, destinations, count);
    const { access, streetSecs } = this.access(origins);
    const egress = destinations.map((d) => this.egress(d));
    const roadOf = (d: Id): number => (streetSecs === null ? Infinity : this.#street!.arrivalSecs(streetSecs, d));
    // An origin that reaches no stop (no street path to one, or no station for station-to-station)
    // has only the street alternative: every destination gets its street time, Infinity if none.
    if (access.length === 0) return destinations.map((d) => constantTimes(d, roadOf(d), count));
    if (count === 1 && start === end) {
      const res = this.#raptor.route({ access, departureSecs: start, maxRides: this.maxRides });
      return destinations.map((d, i) => {
        const road = roadOf(d);
        // Not arrivalVia: it rounds egress up, and egress here keeps the street search's exact seconds.
        let best = Infinity;
        for (const e of egress[i]!) best = Math.min(best, res.arrivalSecs(e.stop) + e.secs);
        const ride = best - start;
        return { destination: d, travelTimesSecs: Float64Array.of(Math.min(road, ride)), roadSecs: road, paretoSize: ride < road ? 1 : 0 };
      });
    }
    const stops = new Set<number>();
    for (const list of egress) for (const e of list) stops.add(e.stop);
    const profile = rangeRaptor(nt.timetable, { access, windowStartSecs: start, windowEndSecs: end, maxRides: this.maxRides, destinations: [...stops] });
    return destinations.map((d, i) => {
      const road = roadOf(d);
      // Merge the egress stops' Pareto entries, shifted by the egress time, into the destination's.
      const deps: number[] = [];
      const arrs: number[] = [];
      // The 0-ride option (access, or access and one footpath, then egress) exists at every departure.
      let walk = road;
      for (const e of egress[i]!) {
        walk = Math.min(walk, profile.walkSecs[e.stop]! + e.secs);
        for (let c = profile.offsets[e.stop]!; c < profile.offsets[e.stop + 1]!; c++) {
          deps.push(profile.departureSecs[c]!);
          arrs.push(profile.arrivalSecs[c]! + e.secs);
        }
      }
      const order = deps.map((_, k) => k).sort((a, b) => deps[b]! - deps[a]! || arrs[a]! - arrs[b]!);
      const times = new Float64Array(count);
      let k = 0;
      let bestArr = Infinity;
      let pareto = 0;
      for (let j = count - 1; j >= 0; j--) {
        const tau = start + j * step;
        for (; k < order.length && deps[order[k]!]! >= tau; k++) {
          const a = arrs[order[k]!]!;
          if (a < bestArr) {
            bestArr = a;
            if (a - deps[order[k]!]! < road) pareto++;
          }
        }
        times[j] = Math.min(bestArr - tau, walk);
      }
      // Entries departing before the first sample still count towards the Pareto set.
      for (; k < order.length; k++) {
        const a = arrs[order[k]!]!;
        if (a < bestArr) {
          bestArr = a;
          if (a - deps[order[k]!]! < road) pareto++;
        }
      }
      return { destination: d, travelTimesSecs: times, roadSecs: road, paretoSize: pareto };
    });
  }

  /** `modes: "road"`: the model's street times, identical at every departure. */
  #roadOnly(origins: Id | readonly (Id | TimedOrigin)[], destinations: readonly Id[], count: number): DestinationTimes[] {
    const nt = this.network;
    const model = nt.model;
    const list = resolveOrigins(model.network, origins);
    const all = queryOf(model).placeTimes(list, { selection: nt.selection, modes: "road", measure: nt.measure });
    return destinations.map((d) => constantTimes(d, all[model.placeIndex(d)]!, count));
  }
}

/** A destination reached by the street alone: `roadSecs` at every one of `count` departures. */
function constantTimes(destination: Id, roadSecs: number, count: number): DestinationTimes {
  return { destination, travelTimesSecs: new Float64Array(count).fill(roadSecs), roadSecs, paretoSize: 0 };
}

function resolveOrigins(network: NetworkTimetable["model"]["network"], origins: Id | readonly (Id | TimedOrigin)[]): Array<Required<TimedOrigin>> {
  const list = typeof origins === "string" ? [origins] : origins;
  if (list.length === 0) throw new TimetableError('origins is empty; give at least one place id, e.g. "QJ_CITY"');
  return list.map((o, i) => {
    const r = typeof o === "string" ? { placeId: o, startSecs: 0 } : { placeId: o.placeId, startSecs: o.startSecs ?? 0 };
    requirePlace(network, r.placeId, `origins[${i}]`);
    if (!(r.startSecs >= 0 && Number.isFinite(r.startSecs))) throw new TimetableError(`origins[${i}].startSecs = ${String(r.startSecs)} must be a finite number of seconds ≥ 0`);
    return r;
  });
}

function checkWindow(window: DepartureWindow): { start: number; end: number; step: number; count: number } {
  const start = window?.windowStartSecs;
  const end = window?.windowEndSecs;
  const step = window?.stepSecs ?? 60;
  if (!(Number.isInteger(start) && Number.isInteger(end))) {
    throw new TimetableError(`window { windowStartSecs: ${String(start)}, windowEndSecs: ${String(end)} } must be whole seconds, e.g. { windowStartSecs: 25200, windowEndSecs: 32400 } for 07:00–09:00`);
  }
  if (start > end) throw new TimetableError(`window.windowStartSecs ${start} is after windowEndSecs ${end}; swap them`);
  if (!(Number.isInteger(step) && step > 0)) throw new TimetableError(`window.stepSecs = ${String(step)} must be a positive whole number of seconds`);
  return { start, end, step, count: Math.floor((end - start) / step) + 1 };
}

/**
 * One-shot door-to-door travel times (see `DoorToDoorRouter.travelTimes`); build a router to
 * reuse buffers and egress lists over many queries.
 */
export function doorToDoorTimes(
  network: NetworkTimetable,
  origins: Id | readonly (Id | TimedOrigin)[],
  destinations: readonly Id[],
  window: DepartureWindow,
  options: { readonly maxRides?: number } = {},
): DestinationTimes[] {
  return new DoorToDoorRouter(network, options).travelTimes(origins, destinations, window);
}

/**
 * Parses a clock time `HH:MM` or `HH:MM:SS` (hours may exceed 23 for the next day) into seconds on
 * the timetable clock. Throws `TimetableError` naming `argument` for anything else.
 */
export function parseClockSecs(text: string, argument = "time"): number {
  const m = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
  if (m === null) throw new TimetableError(`${argument} ${JSON.stringify(text)} is not a clock time; give HH:MM, e.g. 08:00`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

/**
 * Parses a departure window `HH:MM-HH:MM` (both inclusive) into a {@link DepartureWindow} with
 * 60-second steps. Throws `TimetableError` for a malformed window or one that ends before it starts.
 */
export function parseWindow(text: string, argument = "window"): DepartureWindow {
  const parts = text.split("-");
  if (parts.length !== 2) throw new TimetableError(`${argument} ${JSON.stringify(text)} is not a window; give HH:MM-HH:MM, e.g. 07:00-09:00`);
  const windowStartSecs = parseClockSecs(parts[0]!, argument);
  const windowEndSecs = parseClockSecs(parts[1]!, argument);
  if (windowEndSecs < windowStartSecs) throw new TimetableError(`${argument} ${JSON.stringify(text)} ends before it starts; give e.g. 07:00-09:00`);
  return { windowStartSecs, windowEndSecs, stepSecs: 60 };
}
