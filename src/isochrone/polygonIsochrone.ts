import { type BandOptions, type IsochroneCollection, isochroneBands } from "./bands.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { type SurfaceOptions, type TimedNode, type TravelTimeGrid, travelTimeSurface } from "./surface.js";

/** A polygon isochrone and the surface it was traced from. */
export interface PolygonIsochrone {
  readonly collection: IsochroneCollection;
  readonly surface: TravelTimeGrid;
}

/**
 * Polygon isochrones from node arrival times: the travel-time surface to the largest cutoff (see
 * `travelTimeSurface` for the off-network leg and the automatic grid), contoured per cutoff.
 *
 * Edge cases: with no node reached within the largest cutoff every band is an empty MultiPolygon
 * with `areaKm2` 0.
 */
export function polygonIsochrone(
  nodes: readonly TimedNode[],
  cutoffsMin: readonly number[],
  options: SurfaceOptions & BandOptions = {},
): PolygonIsochrone {
  const cutoffs = normalizeCutoffsMin(cutoffsMin);
  const surface = travelTimeSurface(nodes, cutoffs[cutoffs.length - 1]! * 60, options);
  return { collection: isochroneBands(surface, cutoffs, options), surface };
}

