/**
 * What a target check reports: pair and target results, the pairs of a target, and the rules that
 * turn a pair's time into a verdict (threshold, margin, binding leg) and a target's pairs into a
 * summary. Shared by every time source (frequency model, timetable).
 */
import type { ModeFilter, Reading } from "../model/types.js";
import type { Id, Measure, Target } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { bindingLegIndex, initialWaitMin, type RouteLeg } from "../query/legs.js";
import type { TargetPeople } from "./people.js";

/**
 * Outcome of one origin–destination pair: `pass` / `fail` against the threshold; `no-route`
 * (unreachable with the scenario's projects and the target's modes) and `no-station`
 * (station-to-station, a place without stations) are not met; `same-station` (station-to-station, the
 * two places share a station, so the time is 0 by definition) is met but flagged, because it says
 * nothing about the network.
 */
export type PairStatus = "pass" | "fail" | "no-route" | "no-station" | "same-station";

/** The binding leg of a route, copied out of `legs` for convenience. */
export interface BindingLeg {
  /** Index into the pair's `legs`. */
  readonly index: number;
  readonly kind: RouteLeg["kind"];
  readonly line: string;
  readonly from: Id;
  readonly to: Id;
  readonly timeMin: number;
}

/** One origin–destination pair of a target, in one scenario and measure. */
export interface PairResult {
  readonly origin: Id;
  readonly destination: Id;
  /** See {@link PairStatus}. */
  readonly status: PairStatus;
  readonly met: boolean;
  /** Travel time (min) under the item's reading (`TargetResult.reading`); null for no-route / no-station. */
  readonly timeMin: number | null;
  /**
   * The pair's time under each reading (min), whatever the item's reading: `timeMin` is one of them.
   * `scheduled`: the fastest scheduled connection, no initial wait; `typical`: with the waits a
   * traveller meets (a timetable source gives its best and median times). Null without a time, or
   * when the source cannot read that reading.
   */
  readonly scheduledMin: number | null;
  readonly typicalMin: number | null;
  /**
   * The wait before the first boarding that `timeMin` includes (min): 0 under `scheduled`, the wait
   * rule's wait under `typical` (the station-to-station measure starts at the station, so this is
   * the only time in it that is not riding or changing). Null without a time or without legs.
   */
  readonly initialWaitMin: number | null;
  /** thresholdMin − timeMin (min): positive when the time is under the threshold; null without a time. */
  readonly marginMin: number | null;
  /** Station pair used (station-to-station), or the places themselves (door-to-door). */
  readonly fromStation: Id | null;
  readonly toStation: Id | null;
  /** The route as legs (empty when routes are not requested or there is no route). */
  readonly legs: readonly RouteLeg[];
  /** The leg with the largest time (see docs/design-choices.md); null without legs. */
  readonly bindingLeg: BindingLeg | null;
}

/** Summary of a target over its pairs. */
export interface TargetSummary {
  readonly pairs: number;
  readonly pairsMet: number;
  /** Pairs met only because the two places share a station (station-to-station); included in pairsMet. */
  readonly pairsSameStation: number;
  /** pairsMet / pairs. */
  readonly shareMet: number;
  /**
   * Share of destination population over met pairs: Σ population(destination of met pairs) /
   * Σ population(destination of all pairs); null when no destination has a population.
   */
  readonly populationShareMet: number | null;
  /** `met` (every pair), `partly-met`, `not-met` (no pair). */
  readonly status: "met" | "partly-met" | "not-met";
  /** Pairs that have a time (a route, and a station at both ends for station-to-station). */
  readonly pairsReachable: number;
  /** Smallest margin over pairs with a time (min), null if none has one. */
  readonly worstMarginMin: number | null;
  /**
   * Largest time over the `pairsReachable` pairs that have a time (min), null if none has one. Read it
   * with `pairsReachable`: a scenario that gains a route to a far pair can raise it although no pair
   * got slower.
   */
  readonly worstTimeMin: number | null;
  /**
   * People, not pairs: the share of the target's origin area (`target.originArea`, e.g. the towns of
   * 綦江/万盛) whose door-to-door time from their town centre meets the threshold, under the result's
   * reading (`kind: "share"`), or `kind: "n/a"` with the reason (station-to-station). Absent when the
   * target names no origin area, the network has no towns, or the check did not compute it
   * (`checkTargets` computes it with routes, or with `people: true`; see {@link TargetPeople}).
   */
  readonly people?: TargetPeople;
}

/** One target in one scenario under one measure (interpretation). */
export interface TargetResult {
  /** The scenario id, or "(projects)" when evaluated on an explicit project set. */
  readonly scenarioId: Id;
  /** The scenario's year; NaN for an explicit project set. */
  readonly scenarioYear: number;
  readonly targetId: Id;
  readonly targetName: string;
  /** The interpretation used: `door-to-door` or `station-to-station`. */
  readonly measure: Measure;
  readonly modes: ModeFilter;
  /**
   * The reading `timeMin` and the verdict follow: the target's declared `reading.kind`, an override
   * of the check (`reading` option, `--reading`), or the default `scheduled`.
   */
  readonly reading: Reading;
  /** Where the reading comes from: the target's declaration, the check's override, or the library default. */
  readonly readingFrom: ReadingOrigin;
  readonly thresholdMin: number;
  /** Whether a time equal to the threshold passes (`<=`) or not (`<`). */
  readonly comparison: "<=" | "<";
  readonly pairs: readonly PairResult[];
  readonly summary: TargetSummary;
}

/** The ordered origin–destination pairs of a target. */
export function targetPairs(target: Target): Array<[Id, Id]> {
  const pairs: Array<[Id, Id]> = [];
  if (target.pairs === "all-pairs") {
    for (const o of target.origins) for (const d of target.origins) if (o !== d) pairs.push([o, d]);
  } else {
    for (const o of target.origins) for (const d of target.destinations ?? []) if (o !== d) pairs.push([o, d]);
  }
  return pairs;
}

/**
 * Where a result's reading comes from: the target's declaration (`target`), the check's override
 * (`override`, the `reading` option or `--reading`), the library default (`default`, a target without
 * a declaration), or the timetable statistic that gave the time (`statistic`: `best` reads as
 * scheduled, a percentile as typical).
 */
export type ReadingOrigin = "target" | "override" | "default" | "statistic";

/** One target under one measure and reading: the unit a {@link TargetEvaluator} evaluates. */
export interface TargetItem {
  readonly target: Target;
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly reading: Reading;
  readonly readingFrom: ReadingOrigin;
  readonly pairs: readonly (readonly [Id, Id])[];
  readonly thresholdMin: number;
  readonly comparison: "<=" | "<";
}

/**
 * A pair's time as a time source reads it, before the target judges it: `ok` with a time,
 * `same-station` (time 0), `no-station` or `no-route` (no time). A {@link RouteResult} is one.
 */
export interface PairReading {
  readonly status: "ok" | "no-route" | "no-station" | "same-station";
  /** Minutes; null for `no-route` and `no-station`. */
  readonly timeMin: number | null;
  readonly fromStation?: Id;
  readonly toStation?: Id;
  readonly legs: readonly RouteLeg[];
  /** Fields the source adds to the pair's result (the timetable's statistics), last. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** A reading's time (min), or null when it has none. */
function timeOf(r: PairReading | undefined): number | null {
  return r !== undefined && (r.status === "ok" || r.status === "same-station") ? r.timeMin : null;
}

/**
 * A reading judged against the item's threshold: `pass` / `fail` by the target's comparison;
 * `same-station` is met with margin = threshold; `no-route` and `no-station` are not met and have no
 * margin. The binding leg is the longest leg (see docs/design-choices.md). `other` is the same pair
 * under the other reading (for `scheduledMin` / `typicalMin`; the verdict never reads it).
 */
export function judgePair(item: TargetItem, origin: Id, destination: Id, r: PairReading, other?: PairReading): PairResult {
  const timeMin = timeOf(r);
  const otherMin = timeOf(other);
  const passes = timeMin !== null && (item.comparison === "<=" ? timeMin <= item.thresholdMin : timeMin < item.thresholdMin);
  const met = r.status === "same-station" || (r.status === "ok" && passes);
  const b = bindingLegIndex(r.legs);
  const leg = r.legs[b];
  return {
    origin,
    destination,
    status: r.status === "ok" ? (met ? "pass" : "fail") : r.status,
    met,
    timeMin,
    scheduledMin: item.reading === "scheduled" ? timeMin : otherMin,
    typicalMin: item.reading === "typical" ? timeMin : otherMin,
    initialWaitMin: timeMin === null ? null : r.status === "same-station" ? 0 : r.legs.length > 0 ? initialWaitMin(r.legs) : null,
    marginMin: timeMin === null ? null : item.thresholdMin - timeMin,
    fromStation: r.fromStation ?? null,
    toStation: r.toStation ?? null,
    legs: r.legs,
    bindingLeg: leg ? { index: b, kind: leg.kind, line: leg.line, from: leg.from, to: leg.to, timeMin: leg.timeMin } : null,
    ...r.fields,
  };
}

/**
 * The summary of a target's pairs (see {@link TargetSummary}); shared by the frequency and the
 * timetable checks so that both summarise by the same rules.
 */
export function summarizeTargetPairs(network: Network, pairs: readonly PairResult[]): TargetSummary {
  let met = 0;
  let sameStation = 0;
  let reachable = 0;
  let popAll = 0;
  let popMet = 0;
  let worstMargin: number | null = null;
  let worstTime: number | null = null;
  for (const p of pairs) {
    const pop = network.placeById.get(p.destination)?.population?.value ?? 0;
    popAll += pop;
    if (p.met) {
      met++;
      popMet += pop;
    }
    if (p.status === "same-station") sameStation++;
    if (p.marginMin !== null) worstMargin = worstMargin === null ? p.marginMin : Math.min(worstMargin, p.marginMin);
    if (p.timeMin !== null) {
      reachable++;
      worstTime = worstTime === null ? p.timeMin : Math.max(worstTime, p.timeMin);
    }
  }
  return {
    pairs: pairs.length,
    pairsMet: met,
    pairsSameStation: sameStation,
    pairsReachable: reachable,
    shareMet: pairs.length === 0 ? 0 : met / pairs.length,
    populationShareMet: popAll > 0 ? popMet / popAll : null,
    status: pairs.length > 0 && met === pairs.length ? "met" : met > 0 ? "partly-met" : "not-met",
    worstMarginMin: worstMargin,
    worstTimeMin: worstTime,
  };
}
