import { type BandOptions, type IsochroneBandProperties, type IsochroneCollection, type IsochroneFeature, bandFeature } from "./bands.js";
import { contourAtMost } from "./contour.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { type BBox, gridFromBBox } from "./grid.js";
import { type PolygonIsochrone, polygonIsochrone } from "./polygonIsochrone.js";
import { type SurfaceOptions, type TimedNode, reachableBBox, resolveAccess } from "./surface.js";

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
      const coords = contourAtMost(a.surface.grid, field, 0, undefined, options.tracer);
      return bandFeature(coords, a.surface.grid.cellSizeM, { cutoffMin, change }, {
        ...options,
        properties: { ...options.properties, ...options.propertiesB, change },
      }) as IsochroneFeature<DifferenceProperties>;
    });
    return { type: "FeatureCollection", features: features.reverse() };
  };
  return { gained: diff("gained"), lost: diff("lost"), a, b };
}
