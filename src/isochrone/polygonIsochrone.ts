import type { LonLat } from "../network/schema.js";
import { type MultiPolygonCoords, contourAtMost } from "./contour.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { multiPolygonAreaKm2, pointInMultiPolygon } from "./geo.js";
import { type BBox, gridFromBBox } from "./grid.js";
import {
  type SurfaceOptions,
  type TimedNode,
  type TravelTimeGrid,
  reachableBBox,
  resolveAccess,
  travelTimeSurface,
} from "./surface.js";

/** A place that may count towards `populationCovered`. */
export interface PopulatedPlace {
  readonly coord: LonLat;
  /** Residents (persons); places without a known population are left out of the sum. */
  readonly population?: number;
}

/** Properties of one isochrone band Feature. */
export interface IsochroneBandProperties {
  /** The cutoff, minutes: the band covers the points reached in `<= cutoffMin`. */
  readonly cutoffMin: number;
  /** Area of the band on the sphere, km² (3 decimals). */
  readonly areaKm2: number;
  /**
   * Sum of the populations of the places inside the band (persons); `null` when no place has a
   * known population.
   */
  readonly populationCovered: number | null;
  /** Grid cell size the band was traced on, metres. */
  readonly cellSizeM: number;
  /** Caller-supplied properties (e.g. `scenario`, `measure`, `origins`). */
  readonly [key: string]: unknown;
}

/** A GeoJSON Feature holding one band as a MultiPolygon in `[lon, lat]`. */
export interface IsochroneFeature<P = IsochroneBandProperties> {
  readonly type: "Feature";
  readonly properties: P;
  readonly geometry: { readonly type: "MultiPolygon"; readonly coordinates: MultiPolygonCoords };
}

/** A GeoJSON FeatureCollection of bands, largest cutoff first (so viewers draw small bands on top). */
export interface IsochroneCollection<P = IsochroneBandProperties> {
  readonly type: "FeatureCollection";
  readonly features: readonly IsochroneFeature<P>[];
}

/** Options of {@link isochroneBands} and {@link polygonIsochrone}. */
export interface BandOptions {
  /** Places whose populations are summed per band. */
  readonly places?: readonly PopulatedPlace[];
  /** Extra properties copied onto every Feature (e.g. `{ scenario: "plan-2025" }`). */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * Contours a travel-time surface into one MultiPolygon Feature per cutoff (see `contourAtMost` for
 * the geometric guarantees: RFC 7946 orientation, nesting, agreement with every grid sample).
 *
 * @param cutoffsMin cutoffs, minutes; each must be `<= surface.maxTimeSecs / 60` to be complete.
 * @throws IsochroneError for an empty list or a non-positive cutoff.
 */
export function isochroneBands(
  surface: TravelTimeGrid,
  cutoffsMin: readonly number[],
  options: BandOptions = {},
): IsochroneCollection {
  const cutoffs = normalizeCutoffsMin(cutoffsMin);
  const features = cutoffs.map((cutoffMin) =>
    bandFeature(contourAtMost(surface.grid, surface.timesSecs, cutoffMin * 60, {
      headroom: surface.headroomSecs,
      perCell: surface.secsPerCell,
    }), surface.grid.cellSizeM, {
      cutoffMin,
    }, options),
  );
  return { type: "FeatureCollection", features: features.reverse() };
}

/** Builds a band Feature with area and population from traced coordinates. */
export function bandFeature(
  coordinates: MultiPolygonCoords,
  cellSizeM: number,
  head: Readonly<Record<string, unknown>>,
  options: BandOptions = {},
): IsochroneFeature {
  let population: number | null = null;
  for (const place of options.places ?? []) {
    if (place.population === undefined) continue;
    population ??= 0;
    if (pointInMultiPolygon(place.coord, coordinates)) population += place.population;
  }
  const properties: IsochroneBandProperties = {
    ...head,
    ...options.properties,
    cutoffMin: head["cutoffMin"] as number,
    areaKm2: Math.round(multiPolygonAreaKm2(coordinates) * 1000) / 1000,
    populationCovered: population,
    cellSizeM,
  };
  return { type: "Feature", properties, geometry: { type: "MultiPolygon", coordinates } };
}

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

/** Properties of a difference Feature. */
export interface DifferenceProperties extends IsochroneBandProperties {
  /** `gained`: within the cutoff in B and not in A; `lost`: the reverse. */
  readonly change: "gained" | "lost";
}

/** The difference of two scenarios' isochrones on one shared grid. */
export interface IsochroneDifference {
  /** Per cutoff, the area newly within it in B (largest cutoff first). */
  readonly gained: IsochroneCollection<DifferenceProperties>;
  /** Per cutoff, the area within it in A but no longer in B. */
  readonly lost: IsochroneCollection<DifferenceProperties>;
  /** A's bands and B's bands, traced on the same grid. */
  readonly a: PolygonIsochrone;
  readonly b: PolygonIsochrone;
}

/**
 * Compares isochrones of two scenarios (A before, B after) on one grid covering both reachable
 * extents: per cutoff, the samples within it in B and not in A (`gained`) and the reverse (`lost`),
 * contoured on the margin `max(tB − cutoff, cutoff − tA)` so edges follow both scenarios' bands.
 */
export function isochroneDifference(
  nodesA: readonly TimedNode[],
  nodesB: readonly TimedNode[],
  cutoffsMin: readonly number[],
  options: SurfaceOptions & BandOptions & { readonly propertiesB?: Readonly<Record<string, unknown>> } = {},
): IsochroneDifference {
  const cutoffs = normalizeCutoffsMin(cutoffsMin);
  const maxSecs = cutoffs[cutoffs.length - 1]! * 60;
  let grid = options.grid;
  if (grid === undefined) {
    const access = resolveAccess(options.access);
    const boxes = [reachableBBox(nodesA, maxSecs, access), reachableBBox(nodesB, maxSecs, access)].filter(
      (b): b is BBox => b !== undefined,
    );
    if (options.extent !== undefined) grid = gridFromBBox(options.extent, options);
    else if (boxes.length > 0) {
      const u: BBox = [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ];
      const g = gridFromBBox(u, options);
      grid = gridFromBBox([u[0] - g.dLon, u[1] - g.dLat, u[2] + g.dLon, u[3] + g.dLat], {
        ...options,
        cellSizeM: g.cellSizeM,
      });
    }
  }
  const a = polygonIsochrone(nodesA, cutoffs, { ...options, ...(grid && { grid }) });
  const b = polygonIsochrone(nodesB, cutoffs, {
    ...options,
    grid: a.surface.grid,
    properties: { ...options.properties, ...options.propertiesB },
  });
  const ta = a.surface.timesSecs;
  const tb = b.surface.timesSecs;
  const field = new Float64Array(ta.length);
  const diff = (change: "gained" | "lost"): IsochroneCollection<DifferenceProperties> => {
    const features = cutoffs.map((cutoffMin) => {
      const limit = cutoffMin * 60;
      const [now, before] = change === "gained" ? [tb, ta] : [ta, tb];
      // A signed margin, <= 0 exactly where `now` is within the cutoff and `before` is not, and
      // continuous elsewhere, so edges are interpolated like band edges rather than cut halfway.
      for (let k = 0; k < field.length; k++) {
        const m = Math.max(now[k]! - limit, limit - before[k]!);
        field[k] = before[k]! <= limit ? Math.max(m, 1e-6) : m;
      }
      const coords = contourAtMost(a.surface.grid, field, 0);
      return bandFeature(coords, a.surface.grid.cellSizeM, { cutoffMin, change }, {
        ...options,
        properties: { ...options.properties, ...options.propertiesB, change },
      }) as IsochroneFeature<DifferenceProperties>;
    });
    return { type: "FeatureCollection", features: features.reverse() };
  };
  return { gained: diff("gained"), lost: diff("lost"), a, b };
}
