import { normalizeCutoffsMin } from "./cutoffs.js";
import { IsochroneError } from "./errors.js";

/** A place reached by a search, and when. */
export interface PlaceTime {
  readonly id: string;
  /** Earliest arrival over the place's nodes, seconds. */
  readonly timeSecs: number;
}

/** The places reached within one cutoff. */
export interface NodeIsochroneBand {
  /** The cutoff, minutes; a place is reached when `timeSecs <= cutoffMin × 60`. */
  readonly cutoffMin: number;
  /** Reached places sorted by time, then id (code-unit order). */
  readonly reached: readonly PlaceTime[];
}

/**
 * Node isochrones: for each cutoff, every place whose time is `<= cutoff` (inclusive), with its
 * time. A place served by several nodes (e.g. a station's line-stop nodes) takes the least time.
 *
 * @param timesSecs arrival time per node, seconds (`Infinity` = unreachable).
 * @param nodePlace the place id of each node, or `undefined` for nodes that are not a place.
 * @param cutoffsMin cutoffs in minutes, any order (returned ascending, duplicates merged); any
 *   positive length works, 8 h (480) and beyond included.
 * @returns one band per cutoff, ascending; bands nest (each contains the previous one).
 * @throws IsochroneError when the arrays differ in length or a cutoff is not a positive number.
 */
export function nodeIsochrone(
  timesSecs: ArrayLike<number>,
  nodePlace: ArrayLike<string | undefined>,
  cutoffsMin: readonly number[],
): NodeIsochroneBand[] {
  if (timesSecs.length !== nodePlace.length) {
    throw new IsochroneError(
      `timesSecs has ${timesSecs.length} entries but nodePlace has ${nodePlace.length}; give one place id (or undefined) per node`,
    );
  }
  const cutoffs = normalizeCutoffsMin(cutoffsMin);
  const best = new Map<string, number>();
  for (let v = 0; v < timesSecs.length; v++) {
    const id = nodePlace[v];
    const t = timesSecs[v]!;
    // Skips unreachable (Infinity) and NaN times alike.
    if (id === undefined || !(t < Infinity)) continue;
    const old = best.get(id);
    if (old === undefined || t < old) best.set(id, t);
  }
  const all: PlaceTime[] = [...best].map(([id, timeSecs]) => ({ id, timeSecs }));
  all.sort((a, b) => a.timeSecs - b.timeSecs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return cutoffs.map((cutoffMin) => {
    const limit = cutoffMin * 60;
    let end = 0;
    while (end < all.length && all[end]!.timeSecs <= limit) end++;
    return { cutoffMin, reached: all.slice(0, end) };
  });
}
