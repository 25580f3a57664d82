import { AccessibilityError } from "./matrix.js";
import { PeopleTally, checkTownTimes, type PeopleCount, type PopulatedTown } from "./people.js";

/**
 * The share of a population that meets a travel-time promise, e.g. "the share of the people of
 * 綦江/万盛 within 30 min of central Chongqing".
 */
export interface PeopleShare {
  /** The promise, minutes. */
  readonly thresholdMin: number;
  /** Whether a time equal to the threshold meets it. */
  readonly comparison: "<=" | "<";
  /** Residents of every town of the population. */
  readonly total: PeopleCount;
  /** Residents of the towns whose time meets the threshold. */
  readonly met: PeopleCount;
  /** Towns with no time at all (Infinity or NaN): no route. */
  readonly unreachableTowns: number;
  /**
   * `met.population / total.population`, in [0, 1]; null when the towns have no known population.
   * An estimate whenever `estimated` is true.
   */
  readonly share: number | null;
  /** True when any figure behind `share` is an estimate (e.g. towns' shares of a county census count). */
  readonly estimated: boolean;
}

/**
 * The share of the people of `towns` whose travel time meets `thresholdMin`. `timesSecs[i]` is town
 * i's time in seconds to (or from) the destination, Infinity or NaN when there is no route (never
 * met). Pass the towns of the population the promise is made for (e.g. the towns of 綦江区, county
 * 500110, which includes 万盛) and their times, in the same order.
 *
 * @param comparison whether a time equal to the threshold meets it (default `"<="`, as the plan's
 *   targets read "within").
 * @throws AccessibilityError when the lengths differ or the threshold is negative.
 */
export function peopleShareWithin(
  towns: readonly PopulatedTown[],
  timesSecs: ArrayLike<number>,
  thresholdMin: number,
  comparison: "<=" | "<" = "<=",
): PeopleShare {
  checkTownTimes(towns, timesSecs);
  if (!(thresholdMin >= 0)) throw new AccessibilityError(`thresholdMin = ${thresholdMin}: give a threshold in minutes >= 0`);
  const limit = thresholdMin * 60;
  const total = new PeopleTally();
  const met = new PeopleTally();
  let unreachableTowns = 0;
  towns.forEach((t, i) => {
    total.add(t);
    const s = timesSecs[i]!;
    if (!(s < Infinity)) unreachableTowns++;
    else if (comparison === "<" ? s < limit : s <= limit) met.add(t);
  });
  const all = total.result();
  const within = met.result();
  return {
    thresholdMin,
    comparison,
    total: all,
    met: within,
    unreachableTowns,
    share: all.population > 0 ? within.population / all.population : null,
    estimated: all.estimated,
  };
}
