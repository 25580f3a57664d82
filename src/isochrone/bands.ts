import type { LonLat } from "../network/schema.js";
import { type ContourTracer, type MultiPolygonCoords, contourAtMost } from "./contour.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { multiPolygonAreaKm2, pointInMultiPolygon } from "./geo.js";
import type { TravelTimeGrid } from "./surface.js";

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

/** Options of `isochroneBands` and `polygonIsochrone`. */
export interface BandOptions {
  /** Places whose populations are summed per band. */
  readonly places?: readonly PopulatedPlace[];
  /** Extra properties copied onto every Feature (e.g. `{ scenario: "plan-2025" }`). */
  readonly properties?: Readonly<Record<string, unknown>>;
  /** Ring tracer (default `"linear"`; `"d3"` for d3-contour, same output, slower with many holes). */
  readonly tracer?: ContourTracer;
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
    bandFeature(contourAtMost(
      surface.grid,
      surface.timesSecs,
      cutoffMin * 60,
      { headroom: surface.headroomSecs, perCell: surface.secsPerCell },
      options.tracer,
    ), surface.grid.cellSizeM, {
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

