/**
 * People, not pairs: for a target that names its origin area (`target.originArea`), the share of the
 * area's residents whose door-to-door time from their town centre to the target's destinations
 * meets the threshold, under the target's reading. One reverse search of the full model per
 * destination (`Query.townTimesTo`, cut off at the threshold). Computed on request only: the
 * routes-off fast path of target checks never pays for it.
 */
import { peopleShareWithin } from "../accessibility/peopleShare.js";
import type { PeopleCount } from "../accessibility/people.js";
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import { originAreaName, originAreaTowns } from "../network/origin-area.js";
import type { Id, Measure, Target } from "../network/schema.js";
import { DEFAULT_READING } from "../query/options.js";
import type { Query } from "../query/query.js";
import { queryOf } from "../query/route.js";
import type { TargetResult } from "./results.js";

/** The residents of the origin area who meet the threshold to one destination. */
export interface DestinationPeople {
  readonly destination: Id;
  /** `met.population / total.population` (the {@link TargetPeopleShare.total}); null without population. */
  readonly share: number | null;
  readonly met: PeopleCount;
}

/**
 * The share of a target's origin area within its threshold, door-to-door from each town centre.
 * With several destinations (a list, or the places of an all-pairs circle) a resident counts in
 * `share` when every destination is within the threshold (the promise as its pairs read it) and in
 * `nearestShare` when at least one is; `perDestination` gives each destination's own share.
 */
export interface TargetPeopleShare {
  readonly kind: "share";
  /** How the area is named (`originArea.name`, else its counties' names). */
  readonly area: string;
  readonly thresholdMin: number;
  readonly comparison: "<=" | "<";
  /** The reading the times follow (the result's reading). */
  readonly reading: Reading;
  /** Residents of the area's towns. */
  readonly total: PeopleCount;
  /** Residents within the threshold of every destination. */
  readonly met: PeopleCount;
  /** `met.population / total.population`, in [0, 1]; null when the towns have no known population. */
  readonly share: number | null;
  /** Residents within the threshold of at least one destination (the nearest). */
  readonly metNearest: PeopleCount;
  /** `metNearest.population / total.population`; equals `share` for one destination. */
  readonly nearestShare: number | null;
  /** Each destination's share, in the target's destination order. */
  readonly perDestination: readonly DestinationPeople[];
  /** True when a figure behind the shares is an estimate (a county count split evenly over its towns). */
  readonly estimated: boolean;
}

/** The people share does not apply to this result (e.g. station-to-station: trips start at a station, not in a town). */
export interface TargetPeopleNotApplicable {
  readonly kind: "n/a";
  readonly area: string;
  /** Why there is no figure, in a sentence. */
  readonly reason: string;
}

/** A target's people share under one measure and reading: a figure, or why there is none. */
export type TargetPeople = TargetPeopleShare | TargetPeopleNotApplicable;

/** Options of {@link targetPeople}. */
export interface TargetPeopleOptions {
  /** A scenario id or a project selection (default: the network's first scenario). */
  readonly selection?: Id | ProjectSelection;
  /** `door-to-door` (default) has a figure; `station-to-station` is `n/a`. */
  readonly measure?: Measure;
  /** Default: the target's declared reading, else `scheduled`. */
  readonly reading?: Reading;
  /** Default: the target's modes, else `multimodal`. */
  readonly modes?: ModeFilter;
  readonly quantities?: QuantityOverrides;
  readonly edgeCosts?: EdgeCosts;
}

/** Why station-to-station has no people share. */
export const STATION_PEOPLE_REASON = "station-to-station trips start at a station, not at the residents' towns";

/** The destinations a target's people are counted to: its destinations, or the places of an all-pairs circle. */
export function peopleDestinations(target: Target): readonly Id[] {
  return target.pairs === "all-pairs" ? target.origins : (target.destinations ?? []);
}

/**
 * The people share of `target` (see {@link TargetPeopleShare}); undefined when the target names no
 * origin area or the network has no towns. `query` is a {@link Query} or a model (its shared query).
 */
export function targetPeople(query: Query | TravelTimeModel, target: Target, options: TargetPeopleOptions = {}): TargetPeople | undefined {
  const q = "townTimesTo" in query ? query : queryOf(query);
  const towns = q.model.network.towns;
  const area = target.originArea;
  if (area === undefined || towns === undefined) return undefined;
  const name = originAreaName(towns, area);
  const measure = options.measure ?? "door-to-door";
  if (measure === "station-to-station") return { kind: "n/a", area: name, reason: STATION_PEOPLE_REASON };
  const reading = options.reading ?? target.reading?.kind ?? DEFAULT_READING;
  const thresholdMin = target.thresholdMin.value;
  const members = originAreaTowns(towns, area);
  const areaTowns = members.map((i) => towns.list[i]!);
  const every = new Float64Array(members.length).fill(-Infinity);
  const nearest = new Float64Array(members.length).fill(Infinity);
  const times = peopleDestinations(target).map((destination) => {
    const all = q.townTimesTo(destination, {
      measure,
      modes: options.modes ?? target.modes ?? "multimodal",
      reading,
      // A town beyond the threshold is not met whatever its time: the search can stop there.
      cutoffSecs: thresholdMin * 60,
      ...(options.selection !== undefined && { selection: options.selection }),
      ...(options.quantities && { quantities: options.quantities }),
      ...(options.edgeCosts && { edgeCosts: options.edgeCosts }),
    });
    const mine = Float64Array.from(members, (i) => all[i]!);
    mine.forEach((s, k) => {
      every[k] = Math.max(every[k]!, s);
      nearest[k] = Math.min(nearest[k]!, s);
    });
    return { destination, mine };
  });
  const all = peopleShareWithin(areaTowns, every, thresholdMin, target.comparison);
  const any = peopleShareWithin(areaTowns, nearest, thresholdMin, target.comparison);
  return {
    kind: "share",
    area: name,
    thresholdMin,
    comparison: target.comparison,
    reading,
    total: all.total,
    met: all.met,
    share: all.share,
    metNearest: any.met,
    nearestShare: any.share,
    perDestination: times.map(({ destination, mine }) => {
      const one = peopleShareWithin(areaTowns, mine, thresholdMin, target.comparison);
      return { destination, share: one.share, met: one.met };
    }),
    estimated: all.estimated,
  };
}

/**
 * `results` with `summary.people` filled in for every result whose target names an origin area (the
 * others are returned as they are): each under its own scenario, measure, modes and reading.
 * Results on an explicit project set (`scenarioId` "(projects)") need `selection`.
 */
export function withTargetPeople(
  model: TravelTimeModel,
  results: readonly TargetResult[],
  options: { readonly selection?: ProjectSelection; readonly quantities?: QuantityOverrides } = {},
): TargetResult[] {
  const q = queryOf(model);
  const network = model.network;
  // One cost draw for every search, rather than one per search.
  const edgeCosts = options.quantities && model.costsWith(options.quantities);
  return results.map((r) => {
    const target = network.targetById.get(r.targetId);
    if (target?.originArea === undefined) return r;
    const people = targetPeople(q, target, {
      selection: options.selection ?? { scenario: r.scenarioId },
      measure: r.measure,
      reading: r.reading,
      modes: r.modes,
      ...(edgeCosts && { edgeCosts }),
    });
    return people === undefined ? r : { ...r, summary: { ...r.summary, people } };
  });
}
