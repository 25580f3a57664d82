/**
 * Target checks with timetables: every scenario × target × measure × pair evaluated on the scenario's
 * timetable over a departure window, reporting travel-time percentiles; one statistic decides
 * pass/fail.
 */
import { buildModel, type TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { queryOf } from "../query/route.js";
import { stationPair, stationsOf } from "../query/stations.js";
import {
  DoorToDoorRouter,
  TIMETABLE_STATISTICS,
  travelTimeStats,
  type DepartureWindow,
  type DestinationTimes,
  type TimetableStatistic,
} from "../timetable/door-to-door.js";
import { TimetableError } from "../timetable/errors.js";
import { scenarioTimetable, type FeedInput } from "../timetable/network.js";
import { formatSecs } from "../timetable/formats/time.js";
import { checkedIds, type CheckTargetsOptions } from "./check-targets.js";
import { TargetEvaluator } from "./evaluator.js";
import type { PairReading, PairResult, TargetResult } from "./results.js";
import { frequencyTimes, type TargetTimeSource } from "./time-source.js";

/** The timetable figures of one pair (minutes; `null` when unreachable at that rank). */
export interface TimetablePairStats {
  readonly p5Min: number | null;
  readonly p50Min: number | null;
  readonly p95Min: number | null;
  readonly bestMin: number | null;
  /** The statistic that gave `timeMin` and the pass/fail. */
  readonly statistic: TimetableStatistic;
  /** First and last departure of the window, `HH:MM:SS` on the timetable clock. */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** Pareto-optimal ride journeys over the window that beat the street-only alternative. */
  readonly paretoSize: number;
  /** Street-only (drive all the way) time, min; null without one (station-to-station, no road). */
  readonly roadMin: number | null;
  /** The frequency model's time for the same pair under the typical reading (min, the model's wait rule); null when unreachable. */
  readonly frequencyMin: number | null;
}

/** A pair result whose `timeMin`, `marginMin` and `status` come from the chosen timetable statistic. */
export interface TimetablePairResult extends PairResult {
  readonly timetable: TimetablePairStats;
}

/** A target result with timetable pairs and the settings used. */
export interface TimetableTargetResult extends Omit<TargetResult, "pairs"> {
  readonly pairs: readonly TimetablePairResult[];
  readonly timetable: {
    readonly statistic: TimetableStatistic;
    readonly windowStart: string;
    readonly windowEnd: string;
    readonly stepSecs: number;
    /** Services synthesised into the scenario timetable for this target's modes. */
    readonly services: number;
  };
}

/**
 * Options of {@link checkTargetsTimetable}: the selection and model options of {@link CheckTargetsOptions}
 * (same defaults) plus the timetable settings.
 */
export interface TimetableCheckOptions
  extends Pick<CheckTargetsOptions, "scenarios" | "targets" | "measures" | "model" | "modelOptions"> {
  /** Departures evaluated (default 07:00–09:00 every minute). A single departure: start = end. */
  readonly window?: DepartureWindow;
  /** Statistic deciding pass/fail (default `p50`). */
  readonly statistic?: TimetableStatistic;
  /** RAPTOR ride bound (default 8). */
  readonly maxRides?: number;
  /** Service day of the synthetic trips (default 06:00–23:00), seconds. */
  readonly firstDepartureSecs?: number;
  readonly lastDepartureSecs?: number;
  /** A real feed merged into every scenario timetable (see `scenarioTimetable`). */
  readonly gtfs?: FeedInput;
  /** Also report the frequency model's time per pair (default true). */
  readonly frequency?: boolean;
}

/** Default departure window of timetable checks: 07:00–09:00, every minute. */
export const DEFAULT_TIMETABLE_WINDOW: DepartureWindow = { windowStartSecs: 7 * 3600, windowEndSecs: 9 * 3600, stepSecs: 60 };

const toMin = (secs: number): number | null => (secs < Infinity ? secs / 60 : null);

/** Settings of {@link timetableTimes} (the timetable options of {@link TimetableCheckOptions}). */
export type TimetableTimesOptions = Pick<
  TimetableCheckOptions,
  "window" | "statistic" | "maxRides" | "firstDepartureSecs" | "lastDepartureSecs" | "gtfs" | "frequency"
>;

/** A selection as a cache key: the scenario id, or the sorted project ids. */
function selectionKey(selection: ProjectSelection): string {
  return "scenario" in selection ? selection.scenario : `(${[...selection.projects].sort().join(",")})`;
}

/**
 * Target times read from scenario timetables: each selection's services become synthetic trips
 * (`scenarioTimetable`, one per selection, modes and measure), and each pair's door-to-door (or
 * station-to-station) time is a statistic of its times at every departure of the window
 * (`DoorToDoorRouter`, one range-RAPTOR per origin for the destinations of every target). The station
 * rules are the query layer's; the frequency model's time is reported beside each pair. Routes are
 * not read (a window has no single route); quantity draws are not supported.
 *
 * @throws TimetableError for an unknown statistic.
 */
export function timetableTimes(model: TravelTimeModel, options: TimetableTimesOptions = {}): TargetTimeSource {
  const statistic = options.statistic ?? "p50";
  if (!TIMETABLE_STATISTICS.includes(statistic)) {
    throw new TimetableError(`options.statistic = ${JSON.stringify(statistic)} is not one of ${TIMETABLE_STATISTICS.join(", ")}`);
  }
  const window = options.window ?? DEFAULT_TIMETABLE_WINDOW;
  const stepSecs = window.stepSecs ?? 60;
  const windowStart = formatSecs(window.windowStartSecs);
  const windowEnd = formatSecs(window.windowEndSecs);
  const frequency = options.frequency === false ? null : frequencyTimes(queryOf(model));
  return {
    name: "timetable",
    model,
    bind(items) {
      const freq = frequency?.bind(items);
      const routers = new Map<string, DoorToDoorRouter>();
      const routerFor = (selection: ProjectSelection, modes: ModeFilter, measure: Measure): DoorToDoorRouter => {
        const key = `${selectionKey(selection)}|${modes}|${measure}`;
        let r = routers.get(key);
        if (r === undefined) {
          const nt = scenarioTimetable(model, selection, {
            modes,
            measure,
            ...(options.firstDepartureSecs !== undefined && { firstDepartureSecs: options.firstDepartureSecs }),
            ...(options.lastDepartureSecs !== undefined && { lastDepartureSecs: options.lastDepartureSecs }),
            ...(options.gtfs && { gtfs: options.gtfs }),
          });
          r = new DoorToDoorRouter(nt, options.maxRides === undefined ? {} : { maxRides: options.maxRides });
          routers.set(key, r);
        }
        return r;
      };
      // One range-RAPTOR per (selection, modes, measure, origin), for the destinations of every item.
      const destinationsOf = new Map<Id, Set<Id>>();
      for (const it of items) {
        for (const [o, d] of it.pairs) {
          const set = destinationsOf.get(o) ?? new Set<Id>();
          set.add(d);
          destinationsOf.set(o, set);
        }
      }
      const originCache = new Map<string, Map<Id, DestinationTimes>>();
      const originTimes = (selection: ProjectSelection, modes: ModeFilter, measure: Measure, origin: Id): Map<Id, DestinationTimes> => {
        const key = `${selectionKey(selection)}|${modes}|${measure}|${origin}`;
        let hit = originCache.get(key);
        if (hit === undefined) {
          const ds = [...destinationsOf.get(origin)!];
          hit = new Map(routerFor(selection, modes, measure).travelTimes(origin, ds, window).map((r) => [r.destination, r]));
          originCache.set(key, hit);
        }
        return hit;
      };
      const readings = (i: number, selection: ProjectSelection): PairReading[] => {
        const it = items[i]!;
        // The typical reading: the frequency model's counterpart of a percentile over the window.
        const freqTimes = freq?.readings(i, selection, { routes: false, reading: "typical" });
        routerFor(selection, it.modes, it.measure);
        return it.pairs.map(([o, d], k): PairReading => {
          const from = stationsOf(model, o);
          // Station-to-station: a pair without stations is decided without a search.
          const r = it.measure === "station-to-station" && from.length === 0 ? undefined : originTimes(selection, it.modes, it.measure, o).get(d)!;
          const stats = r === undefined ? undefined : travelTimeStats(r.travelTimesSecs);
          const timetable: TimetablePairStats = {
            p5Min: stats ? toMin(stats.p5Secs) : null,
            p50Min: stats ? toMin(stats.p50Secs) : null,
            p95Min: stats ? toMin(stats.p95Secs) : null,
            bestMin: stats ? toMin(stats.bestSecs) : null,
            statistic,
            windowStart,
            windowEnd,
            paretoSize: r?.paretoSize ?? 0,
            roadMin: r ? toMin(r.roadSecs) : null,
            frequencyMin: freqTimes?.[k]!.timeMin ?? null,
          };
          // A timetable's readings: its best time over the window is the fastest scheduled
          // connection; its median is what a traveller leaving at a random moment meets.
          const fields = { timetable, scheduledMin: timetable.bestMin, typicalMin: timetable.p50Min };
          const v = timetable[`${statistic}Min`];
          if (it.measure === "door-to-door") {
            return { status: v === null ? "no-route" : "ok", timeMin: v, fromStation: o, toStation: d, legs: [], fields };
          }
          const pair = stationPair(from, stationsOf(model, d));
          if (pair.kind === "no-station") return { status: "no-station", timeMin: null, legs: [], fields };
          if (pair.kind === "same-station") {
            return { status: "same-station", timeMin: 0, fromStation: pair.station, toStation: pair.station, legs: [], fields };
          }
          return { status: v === null ? "no-route" : "ok", timeMin: v, legs: [], fields };
        });
      };
      return {
        readings,
        seconds(selection, costs, out) {
          if (costs !== model.base) {
            throw new TimetableError("the timetable time source reads base quantities only: quantity draws are not supported");
          }
          items.forEach((_, i) => readings(i, selection).forEach((r, k) => (out[i]![k] = r.timeMin === null ? Infinity : r.timeMin * 60)));
        },
        resultFields(i, selection) {
          const it = items[i]!;
          const services = routerFor(selection, it.modes, it.measure).network.services.length;
          return {
            reading: statistic === "best" ? "scheduled" : "typical",
            readingFrom: "statistic",
            timetable: { statistic, windowStart, windowEnd, stepSecs, services },
          };
        },
      };
    },
  };
}

/**
 * Checks targets on scenario timetables: {@link checkTargets} with the {@link timetableTimes}
 * source. For each scenario × target × measure, `timeMin` is the chosen statistic of the pair's
 * times over the window (with p5, p50, p95, best, the street-only time and the frequency model's
 * time beside it); the pair passes when it meets the threshold with the target's comparison. Status
 * rules as in `checkTargets`: `same-station` and `no-station` (station-to-station), `no-route` when
 * the statistic is unreachable. Legs are not reported (`[]`, `bindingLeg: null`): a window has no
 * single route. Unknown ids throw `UnknownIdError`; a bad window or statistic throws `TimetableError`.
 */
export function checkTargetsTimetable(network: Network, options: TimetableCheckOptions = {}): TimetableTargetResult[] {
  const model = options.model ?? buildModel(network, options.modelOptions);
  const source = timetableTimes(model, options);
  const { scenarios, targets } = checkedIds(network, options);
  const ev = new TargetEvaluator(model, { targets, ...(options.measures && { measures: options.measures }), source });
  return scenarios.flatMap((scenario) => ev.results(scenario, { routes: false }) as TimetableTargetResult[]);
}
