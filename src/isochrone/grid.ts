import { LIMITS } from "../limits.js";
import type { LonLat } from "../network/schema.js";
import { EARTH_RADIUS_M } from "./geo.js";
import { IsochroneError } from "./errors.js";

/**
 * A regular grid in a local equirectangular projection around `lat0`: cells are `cellSizeM`
 * metres square at `lat0`, which makes them `dLon` × `dLat` degrees everywhere (lat-corrected
 * spacing). Because the projection is affine in lon/lat, a straight line on the grid is a straight
 * line in the lon/lat plane, so polygons traced on the grid need no re-projection beyond scaling.
 *
 * Sample `(i, j)` (column `i` eastward, row `j` southward) sits at the cell centre
 * `[west + (i + 0.5)·dLon, north − (j + 0.5)·dLat]`; its index in row-major arrays is `i + j·width`.
 */
export interface GridSpec {
  /** Longitude of the grid's west edge, degrees. */
  readonly west: number;
  /** Latitude of the grid's north edge, degrees. */
  readonly north: number;
  /** Cell edge length at `lat0`, metres. */
  readonly cellSizeM: number;
  /** Cell width in degrees of longitude. */
  readonly dLon: number;
  /** Cell height in degrees of latitude. */
  readonly dLat: number;
  /** Columns. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** Latitude of true scale (the extent's centre), degrees. */
  readonly lat0: number;
}

/** `[west, south, east, north]` in degrees. */
export type BBox = readonly [west: number, south: number, east: number, north: number];

/** Cell sizes the automatic choice rounds up to, metres. */
export const NICE_CELL_SIZES_M = [250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 50_000] as const;

/** Defaults of {@link chooseCellSizeM} and {@link gridFromBBox}. */
export const GRID_DEFAULTS = {
  /** Finest automatic cell, metres: resolves a town's street blocks without a huge grid. */
  minCellSizeM: 250,
  /** The automatic cell size aims at no more than this many cells. */
  targetCells: 400_000,
  /** Hard cap on cells, automatic or explicit (32 MB of Float64 times): `LIMITS.gridCells`. */
  maxCells: LIMITS.gridCells.max,
} as const;

const DEG = 180 / Math.PI;

/**
 * The automatic cell size for an extent: the smallest of {@link NICE_CELL_SIZES_M} that is at
 * least `minCellSizeM` and keeps the grid within `targetCells` (250 m for a county-sized region,
 * 2 km for a Chengdu–Shenzhen extent). Beyond the largest nice size it returns the exact size.
 */
export function chooseCellSizeM(
  bbox: BBox,
  options: { minCellSizeM?: number; targetCells?: number } = {},
): number {
  const minCellSizeM = options.minCellSizeM ?? GRID_DEFAULTS.minCellSizeM;
  const targetCells = options.targetCells ?? GRID_DEFAULTS.targetCells;
  const [w, s, e, n] = bbox;
  const lat0 = (s + n) / 2;
  const widthM = ((e - w) / DEG) * EARTH_RADIUS_M * Math.cos(lat0 / DEG);
  const heightM = ((n - s) / DEG) * EARTH_RADIUS_M;
  const needed = Math.max(minCellSizeM, Math.sqrt(Math.max(0, widthM * heightM) / targetCells));
  return NICE_CELL_SIZES_M.find((c) => c >= needed) ?? needed;
}

/**
 * The grid covering `bbox` with cells of `cellSizeM` metres (default {@link chooseCellSizeM}).
 * The grid starts at the bbox's north-west corner and extends east and south by whole cells.
 *
 * @throws IsochroneError when the bbox is not finite, inverted, crosses the antimeridian or
 *   reaches beyond ±85° latitude, or the grid would exceed `maxCells` (default 4,000,000).
 */
export function gridFromBBox(
  bbox: BBox,
  options: { cellSizeM?: number; minCellSizeM?: number; targetCells?: number; maxCells?: number } = {},
): GridSpec {
  const [w, s, e, n] = bbox;
  if (![w, s, e, n].every(Number.isFinite) || !(w <= e) || !(s <= n)) {
    throw new IsochroneError(
      `extent [${bbox.join(", ")}] is not a [west, south, east, north] box in degrees; give finite numbers with west <= east and south <= north`,
    );
  }
  if (w < -180 || e > 180 || s < -85 || n > 85) {
    throw new IsochroneError(
      `extent [${bbox.join(", ")}] crosses the antimeridian or reaches beyond ±85° latitude; the local equirectangular grid supports longitudes in [-180, 180] and latitudes in [-85, 85]`,
    );
  }
  const cellSizeM = options.cellSizeM ?? chooseCellSizeM(bbox, options);
  if (!(cellSizeM > 0) || !Number.isFinite(cellSizeM)) {
    throw new IsochroneError(`cellSizeM ${cellSizeM} must be a positive number of metres, e.g. 250`);
  }
  const lat0 = (s + n) / 2;
  const dLat = (cellSizeM / EARTH_RADIUS_M) * DEG;
  const dLon = dLat / Math.cos(lat0 / DEG);
  const width = Math.max(1, Math.ceil((e - w) / dLon - 1e-9));
  const height = Math.max(1, Math.ceil((n - s) / dLat - 1e-9));
  const maxCells = options.maxCells ?? GRID_DEFAULTS.maxCells;
  if (width * height > maxCells) {
    throw new IsochroneError(
      `a ${cellSizeM} m grid over [${bbox.map((v) => v.toFixed(3)).join(", ")}] needs ${width} × ${height} = ${width * height} cells, more than maxCells ${maxCells}; use a larger cellSizeM, a smaller extent or raise maxCells`,
    );
  }
  return { west: w, north: n, cellSizeM, dLon, dLat, width, height, lat0 };
}

/** The `[lon, lat]` of sample `(i, j)`'s cell centre. */
export function gridCellCentre(grid: GridSpec, i: number, j: number): LonLat {
  return [grid.west + (i + 0.5) * grid.dLon, grid.north - (j + 0.5) * grid.dLat];
}

/**
 * The `[lon, lat]` of a point in grid coordinates (d3-contour's frame: `x` in columns from the
 * west edge, `y` in rows from the north edge; sample `(i, j)` is at `(i + 0.5, j + 0.5)`).
 */
export function gridToLonLat(grid: GridSpec, x: number, y: number): LonLat {
  return [grid.west + x * grid.dLon, grid.north - y * grid.dLat];
}

/** The bbox `[west, south, east, north]` the grid actually covers. */
export function gridBBox(grid: GridSpec): BBox {
  return [
    grid.west,
    grid.north - grid.height * grid.dLat,
    grid.west + grid.width * grid.dLon,
    grid.north,
  ];
}
