/**
 * Target checks with timetables: every scenario × target × measure × pair evaluated on the scenario's
 * timetable over a departure window, reporting travel-time percentiles; one statistic decides
 * pass/fail.
 */
import { buildModel } from "../model/build-model.js";
import { MEASURES, type Id, type Measure } from "../network/schema.js";
import type { Network } from "../network/types.js";
import {
  DoorToDoorRouter,
  TIMETABLE_STATISTICS,
  travelTimeStats,
  type DepartureWindow,
  type DestinationTimes,
  type TimetableStatistic,
} from "../timetable/door-to-door.js";
import { TimetableError } from "../timetable/errors.js";
import { scenarioTimetable, type FeedInput, type NetworkTimetable } from "../timetable/network.js";
import { formatSecs } from "../timetable/formats/time.js";
import {
  evaluateTarget,
  summarizeTargetPairs,
  targetPairs,
  type CheckTargetsOptions,
  type PairResult,
  type PairStatus,
  type TargetResult,
  unknown,
} from "./check-targets.js";

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
  /** The frequency model's time for the same pair (min, the model's wait rule); null when unreachable. */
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

/**
 * Checks targets on scenario timetables: for each scenario × target × measure, the scenario's services
 * become synthetic trips (`scenarioTimetable`, cached per scenario, target modes and measure), and each
 * pair's door-to-door (or station-to-station) travel time is sampled at every departure of the window
 * (`DoorToDoorRouter`, one range-RAPTOR per origin). `timeMin` is the chosen statistic; the pair passes
 * when it meets the threshold with the target's comparison. Status rules as in `checkTargets`:
 * `same-station` and `no-station` (station-to-station), `no-route` when the statistic is unreachable.
 * Legs are not reported (`[]`, `bindingLeg: null`): a window has no single route.
 * Unknown ids throw `UnknownIdError`; a bad window or statistic throws `TimetableError`.
 */
export function checkTargetsTimetable(network: Network, options: TimetableCheckOptions = {}): TimetableTargetResult[] {
  const model = options.model ?? buildModel(network, options.modelOptions);
  const statistic = options.statistic ?? "p50";
  if (!TIMETABLE_STATISTICS.includes(statistic)) {
    throw new TimetableError(`options.statistic = ${JSON.stringify(statistic)} is not one of ${TIMETABLE_STATISTICS.join(", ")}`);
  }
  const window = options.window ?? DEFAULT_TIMETABLE_WINDOW;
  const stepSecs = window.stepSecs ?? 60;
  const scenarios = (options.scenarios ?? network.scenarios.map((s) => s.id)).map((id) => {
    if (!network.scenarioById.has(id)) throw unknown("scenario", id, network.scenarioById.keys(), "scenarios");
    return id;
  });
  const targets = (options.targets ?? network.targets.map((t) => t.id)).map((id) => {
    const t = network.targetById.get(id);
    if (t === undefined) throw unknown("target", id, network.targetById.keys(), "targets");
    return t;
  });
  const routers = new Map<string, DoorToDoorRouter>();
  const routerFor = (scenario: Id, modes: NetworkTimetable["modes"], measure: Measure): DoorToDoorRouter => {
    const key = `${scenario}|${modes}|${measure}`;
    let r = routers.get(key);
    if (r === undefined) {
      const nt = scenarioTimetable(model, scenario, {
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
  // One range-RAPTOR per (scenario, modes, measure, origin), for the destinations of every target.
  const destinationsOf = new Map<Id, Set<Id>>();
  for (const t of targets) {
    for (const [o, d] of targetPairs(t)) {
      const set = destinationsOf.get(o) ?? new Set<Id>();
      set.add(d);
      destinationsOf.set(o, set);
    }
  }
  const originCache = new Map<string, Map<Id, DestinationTimes>>();
  const originTimes = (scenario: Id, modes: NetworkTimetable["modes"], measure: Measure, origin: Id, router: DoorToDoorRouter): Map<Id, DestinationTimes> => {
    const key = `${scenario}|${modes}|${measure}|${origin}`;
    let hit = originCache.get(key);
    if (hit === undefined) {
      const ds = [...destinationsOf.get(origin)!];
      hit = new Map(router.travelTimes(origin, ds, window).map((r) => [r.destination, r]));
      originCache.set(key, hit);
    }
    return hit;
  };
  const windowStart = formatSecs(window.windowStartSecs);
  const windowEnd = formatSecs(window.windowEndSecs);
  const out: TimetableTargetResult[] = [];
  for (const scenario of scenarios) {
    for (const target of targets) {
      const modes = target.modes ?? "multimodal";
      for (const measure of options.measures ?? target.measures ?? MEASURES) {
        const freq =
          options.frequency === false
            ? undefined
            : evaluateTarget(model, target, { selection: { scenario }, measure, routes: false });
        const router = routerFor(scenario, modes, measure);
        const pairs = targetPairs(target);
        const byOrigin = new Map<Id, Id[]>();
        for (const [o, d] of pairs) {
          const list = byOrigin.get(o) ?? [];
          list.push(d);
          byOrigin.set(o, list);
        }
        const times = new Map<string, { stats: ReturnType<typeof travelTimeStats>; road: number; pareto: number }>();
        for (const [o, ds] of byOrigin) {
          // Station-to-station: pairs without stations are decided without a search.
          if (measure === "station-to-station" && model.stationsOf(o).length === 0) continue;
          const all = originTimes(scenario, modes, measure, o, router);
          for (const d of ds) {
            const r = all.get(d)!;
            times.set(`${o}\u0000${d}`, { stats: travelTimeStats(r.travelTimesSecs), road: r.roadSecs, pareto: r.paretoSize });
          }
        }
        const thresholdMin = target.thresholdMin.value;
        const resultPairs = pairs.map(([o, d], i): TimetablePairResult => {
          const t = times.get(`${o}\u0000${d}`);
          const freqPair = freq?.pairs[i];
          const stats: TimetablePairStats = {
            p5Min: t ? toMin(t.stats.p5Secs) : null,
            p50Min: t ? toMin(t.stats.p50Secs) : null,
            p95Min: t ? toMin(t.stats.p95Secs) : null,
            bestMin: t ? toMin(t.stats.bestSecs) : null,
            statistic,
            windowStart,
            windowEnd,
            paretoSize: t?.pareto ?? 0,
            roadMin: t ? toMin(t.road) : null,
            frequencyMin: freqPair?.timeMin ?? null,
          };
          let status: PairStatus;
          let timeMin: number | null = null;
          let fromStation: Id | null = null;
          let toStation: Id | null = null;
          if (measure === "station-to-station") {
            const from = model.stationsOf(o);
            const to = model.stationsOf(d);
            const shared = to.find((s) => from.includes(s));
            if (from.length === 0 || to.length === 0) status = "no-station";
            else if (shared !== undefined) ((status = "same-station"), (timeMin = 0), (fromStation = toStation = shared));
            else status = "no-route";
          } else {
            status = "no-route";
            fromStation = o;
            toStation = d;
          }
          if (status === "no-route") {
            const v = stats[`${statistic}Min`];
            if (v !== null) {
              timeMin = v;
              const ok = target.comparison === "<=" ? v <= thresholdMin : v < thresholdMin;
              status = ok ? "pass" : "fail";
            }
          }
          return {
            origin: o,
            destination: d,
            status,
            met: status === "pass" || status === "same-station",
            timeMin,
            marginMin: timeMin === null ? null : thresholdMin - timeMin,
            fromStation,
            toStation,
            legs: [],
            bindingLeg: null,
            timetable: stats,
          };
        });
        out.push({
          scenarioId: scenario,
          scenarioYear: network.scenarioById.get(scenario)!.year,
          targetId: target.id,
          targetName: target.name.en,
          measure,
          modes,
          thresholdMin,
          comparison: target.comparison,
          pairs: resultPairs,
          summary: summarizeTargetPairs(network, resultPairs),
          timetable: { statistic, windowStart, windowEnd, stepSecs, services: router.network.services.length },
        });
      }
    }
  }
  return out;
}

