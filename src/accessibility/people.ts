/**
 * People, not points: residents counted over towns (a network's `towns` section, or any points with
 * a population), within a travel time or inside an isochrone band. Town figures derived by splitting
 * a county evenly are estimates, so every count says how much of it is estimated.
 */
import { pointInMultiPolygon } from "../isochrone/geo.js";
import type { LonLat } from "../network/schema.js";
import { AccessibilityError } from "./matrix.js";

/** A point whose residents may be counted (a `Town` of `network.towns.list` fits). */
export interface PopulatedTown {
  /** `[lon, lat]`, WGS84 degrees (only `peopleInPolygon` reads it). */
  readonly coord: LonLat;
  /** Residents, persons; null when unknown (counted in `townsWithoutPopulation`, not in the sum). */
  readonly population: number | null;
  /** True when `population` is an estimate rather than a count. */
  readonly populationEstimated: boolean;
}

/** Residents of a set of towns. */
export interface PeopleCount {
  /** Sum of the known populations of the counted towns, persons. */
  readonly population: number;
  /** The part of `population` that comes from estimated town figures, persons. */
  readonly estimatedPopulation: number;
  /** True when any counted figure is an estimate: quote `population` as an estimate. */
  readonly estimated: boolean;
  /** Towns counted. */
  readonly towns: number;
  /** Towns counted whose population is unknown (left out of `population`). */
  readonly townsWithoutPopulation: number;
}

/** Running sum behind a {@link PeopleCount}. */
export class PeopleTally {
  population = 0;
  estimatedPopulation = 0;
  towns = 0;
  townsWithoutPopulation = 0;
  add(t: PopulatedTown): void {
    this.towns++;
    if (t.population === null) {
      this.townsWithoutPopulation++;
      return;
    }
    this.population += t.population;
    if (t.populationEstimated) this.estimatedPopulation += t.population;
  }
  result(): PeopleCount {
    return {
      population: this.population,
      estimatedPopulation: this.estimatedPopulation,
      estimated: this.estimatedPopulation > 0,
      towns: this.towns,
      townsWithoutPopulation: this.townsWithoutPopulation,
    };
  }
}

/** Throws unless `timesSecs` has one time per town. */
export function checkTownTimes(towns: readonly PopulatedTown[], timesSecs: ArrayLike<number>): void {
  if (timesSecs.length !== towns.length)
    throw new AccessibilityError(`timesSecs has ${timesSecs.length} entries for ${towns.length} towns: give one time per town, in the towns' order (Infinity when unreachable)`);
}

/**
 * The residents of the towns reached within `cutoffMin`: `timesSecs[i]` is town i's travel time in
 * seconds (Infinity or NaN when unreachable, never counted).
 *
 * @param comparison whether a time equal to the cutoff counts (default `"<="`, as isochrone bands).
 * @throws AccessibilityError when the lengths differ or the cutoff is negative.
 */
export function peopleWithin(
  towns: readonly PopulatedTown[],
  timesSecs: ArrayLike<number>,
  cutoffMin: number,
  comparison: "<=" | "<" = "<=",
): PeopleCount {
  checkTownTimes(towns, timesSecs);
  if (!(cutoffMin >= 0)) throw new AccessibilityError(`cutoffMin = ${cutoffMin}: give a time budget in minutes >= 0`);
  const cutoffSecs = cutoffMin * 60;
  const tally = new PeopleTally();
  towns.forEach((t, i) => {
    const s = timesSecs[i]!;
    if (comparison === "<" ? s < cutoffSecs : s <= cutoffSecs) tally.add(t);
  });
  return tally.result();
}

/**
 * The residents of the towns whose centre lies inside a GeoJSON MultiPolygon (e.g. an isochrone
 * band's `geometry.coordinates`: exterior rings with holes, `[lon, lat]`). Each polygon's bounding
 * box is tested first, so towns far from the band cost four comparisons.
 */
export function peopleInPolygon(
  towns: readonly PopulatedTown[],
  coordinates: readonly (readonly (readonly (readonly number[])[])[])[],
): PeopleCount {
  const boxes = coordinates.map((polygon) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of polygon[0] ?? []) {
      x0 = Math.min(x0, p[0]!);
      y0 = Math.min(y0, p[1]!);
      x1 = Math.max(x1, p[0]!);
      y1 = Math.max(y1, p[1]!);
    }
    return [x0, y0, x1, y1] as const;
  });
  const tally = new PeopleTally();
  for (const t of towns) {
    const [x, y] = t.coord;
    const candidates = coordinates.filter((_, k) => {
      const b = boxes[k]!;
      return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
    });
    if (candidates.length > 0 && pointInMultiPolygon(t.coord, candidates)) tally.add(t);
  }
  return tally.result();
}
