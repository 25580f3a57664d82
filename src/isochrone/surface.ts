import type { LonLat } from "../network/schema.js";
import { EARTH_RADIUS_M } from "./geo.js";
import { IsochroneError } from "./errors.js";
import { type BBox, type GridSpec, gridFromBBox } from "./grid.js";

/** A network node reached by a search: where it is and when it is reached. */
export interface TimedNode {
  /** `[lon, lat]`, degrees. */
  readonly coord: LonLat;
  /** Arrival time in seconds; `Infinity` (unreachable) nodes are ignored. */
  readonly timeSecs: number;
}

/**
 * How a traveller covers the last stretch between a network node and a point off the network.
 * The leg to a point `d` metres away (great-circle) takes `d × circuity / speed`.
 */
export interface AccessOptions {
  /**
   * Off-network speed, km/h. Default 15: a blend of walking (4–5 km/h), e-bikes (15–20 km/h,
   * the usual short-trip vehicle in Chongqing's counties) and local buses (15–20 km/h with stops).
   */
  readonly speedKmh?: number;
  /**
   * Ratio of road distance to straight-line distance. Default 1.3: measured circuity of road
   * networks is typically 1.2–1.4 (Ballou et al. 2002; Boeing 2019), hilly terrain at the top.
   */
  readonly circuity?: number;
  /**
   * Longest off-network leg, minutes. Default 30: longer trips would use the modelled roads, so an
   * unbounded leg would invent hours-long e-bike rides and paint whole provinces.
   */
  readonly maxAccessMin?: number;
}

/** The defaults of {@link AccessOptions}. */
export const ACCESS_DEFAULTS = { speedKmh: 15, circuity: 1.3, maxAccessMin: 30 } as const;

/** A travel-time surface: the time in seconds at every sample of a grid. */
export interface TravelTimeGrid {
  readonly grid: GridSpec;
  /**
   * Row-major times in seconds (`i + j·width`), `Infinity` where no node is within reach or the
   * time exceeds `maxTimeSecs`.
   */
  readonly timesSecs: Float64Array;
  /**
   * Per sample, how many more seconds of off-network leg the best node's access disk allows
   * (`maxAccessMin × 60 −` the leg); `NaN` where unreached. Used to place band edges between a
   * reached and an unreached sample where the access disk ends, instead of halfway.
   */
  readonly headroomSecs: Float64Array;
  /** Off-network travel time across one cell, seconds (`cellSizeM × circuity / speed`). */
  readonly secsPerCell: number;
  /** The horizon the surface was computed to, seconds. */
  readonly maxTimeSecs: number;
  /** The access parameters used (defaults filled in). */
  readonly access: Required<AccessOptions>;
}

const RAD = Math.PI / 180;

/** Resolves {@link AccessOptions} against the defaults and checks them. */
export function resolveAccess(access: AccessOptions = {}): Required<AccessOptions> {
  const r = { ...ACCESS_DEFAULTS, ...access };
  for (const [key, min] of [["speedKmh", Number.MIN_VALUE], ["circuity", 1], ["maxAccessMin", 0]] as const) {
    const v = r[key];
    if (!Number.isFinite(v) || !(v >= min)) {
      throw new IsochroneError(
        `access.${key} ${v} is invalid; give a finite number${key === "circuity" ? " >= 1" : key === "maxAccessMin" ? " >= 0" : " > 0"} (default ${ACCESS_DEFAULTS[key]})`,
      );
    }
  }
  return r;
}

/**
 * The longest off-network leg, in metres of straight-line distance, that still arrives within
 * `maxTimeSecs` from a node reached at `timeSecs`.
 */
export function accessReachM(timeSecs: number, maxTimeSecs: number, access: Required<AccessOptions>): number {
  const remainingSecs = Math.min(maxTimeSecs - timeSecs, access.maxAccessMin * 60);
  return remainingSecs < 0 ? -1 : (remainingSecs * access.speedKmh) / 3.6 / access.circuity;
}

/**
 * The automatic extent: the bbox of the nodes reached within `maxTimeSecs`, each grown by the
 * off-network distance its remaining time allows, plus `marginCells` of the chosen grid so that
 * contours close inside the grid. Undefined when no node is reached in time.
 */
export function reachableBBox(
  nodes: readonly TimedNode[],
  maxTimeSecs: number,
  access: Required<AccessOptions>,
): BBox | undefined {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const node of nodes) {
    const rM = accessReachM(node.timeSecs, maxTimeSecs, access);
    if (!(rM >= 0)) continue;
    const [lon, lat] = node.coord;
    const rLat = (rM / EARTH_RADIUS_M) / RAD;
    const rLon = rLat / Math.cos(Math.min(89, Math.abs(lat) + rLat) * RAD);
    w = Math.min(w, lon - rLon);
    e = Math.max(e, lon + rLon);
    s = Math.min(s, lat - rLat);
    n = Math.max(n, lat + rLat);
  }
  return w <= e ? [w, s, e, n] : undefined;
}

/** Options of `travelTimeSurface`. */
export interface SurfaceOptions {
  /** Off-network leg parameters (see {@link AccessOptions}). */
  readonly access?: AccessOptions;
  /** Use this grid instead of choosing one (e.g. to compare two scenarios cell by cell). */
  readonly grid?: GridSpec;
  /** Use this extent `[west, south, east, north]` instead of the reachable one. */
  readonly extent?: BBox;
  /** Cell size in metres (default: automatic, see `chooseCellSizeM`). */
  readonly cellSizeM?: number;
  /** Cap on cells (default 4,000,000). */
  readonly maxCells?: number;
  /** Aim of the automatic cell size (default 400,000 cells). */
  readonly targetCells?: number;
}

/**
 * The travel-time surface: for every grid sample, the least over nodes of node time plus the
 * off-network leg (`haversine × circuity / speed`, at most `maxAccessMin`), kept where it is
 * `<= maxTimeSecs`. Each node splats only the cells of its reachable disk, so the cost is
 * O(nodes × cells per disk + cells).
 *
 * With no grid or extent given, the extent is the reachable bbox (see {@link reachableBBox}) plus
 * one cell on each side; with no node reached in time the grid is a single cell of `Infinity`.
 *
 * @param nodes nodes with their arrival times (seconds); non-finite times are skipped.
 * @param maxTimeSecs the horizon, seconds (usually the largest cutoff).
 * @throws IsochroneError for a negative or non-finite horizon, bad access parameters or a grid
 *   over the cell cap.
 */
export function travelTimeSurface(
  nodes: readonly TimedNode[],
  maxTimeSecs: number,
  options: SurfaceOptions = {},
): TravelTimeGrid {
  if (!(maxTimeSecs >= 0) || !Number.isFinite(maxTimeSecs)) {
    throw new IsochroneError(`maxTimeSecs ${maxTimeSecs} must be a finite number of seconds >= 0`);
  }
  const access = resolveAccess(options.access);
  const grid = options.grid ?? autoGrid(nodes, maxTimeSecs, access, options);
  const timesSecs = new Float64Array(grid.width * grid.height).fill(Infinity);
  const headroomSecs = new Float64Array(grid.width * grid.height).fill(Number.NaN);
  splat(nodes, maxTimeSecs, access, grid, timesSecs, headroomSecs);
  const secsPerCell = (grid.cellSizeM * access.circuity * 3.6) / access.speedKmh;
  return { grid, timesSecs, headroomSecs, secsPerCell, maxTimeSecs, access };
}

function autoGrid(
  nodes: readonly TimedNode[],
  maxTimeSecs: number,
  access: Required<AccessOptions>,
  options: SurfaceOptions,
): GridSpec {
  const bbox = options.extent ?? reachableBBox(nodes, maxTimeSecs, access);
  if (bbox === undefined) {
    // Nothing reached: a one-cell grid at the first node (or null island) keeps results well-formed.
    const c = nodes.find((n) => Number.isFinite(n.coord[0]))?.coord ?? [0, 0];
    return gridFromBBox([c[0], c[1], c[0], c[1]], { cellSizeM: options.cellSizeM ?? 250 });
  }
  const first = gridFromBBox(bbox, options);
  if (options.extent !== undefined) return first;
  // One cell of margin so no reached sample lies on the grid's edge and every contour closes inside.
  const [w, s, e, n] = bbox;
  return gridFromBBox([w - first.dLon, s - first.dLat, e + first.dLon, n + first.dLat], {
    ...options,
    cellSizeM: first.cellSizeM,
  });
}

// Scratch for per-column haversine terms, grown on demand and reused across calls.
let colTerm = new Float64Array(1024);

function splat(
  nodes: readonly TimedNode[],
  maxTimeSecs: number,
  access: Required<AccessOptions>,
  grid: GridSpec,
  out: Float64Array,
  headroom: Float64Array,
): void {
  const maxAccessSecs = access.maxAccessMin * 60;
  const { west, north, dLon, dLat, width, height } = grid;
  const secsPerM = (access.circuity * 3.6) / access.speedKmh;
  const twoR = 2 * EARTH_RADIUS_M;
  for (const node of nodes) {
    const t = node.timeSecs;
    const rM = accessReachM(t, maxTimeSecs, access);
    if (!(rM >= 0)) continue;
    const [lon, lat] = node.coord;
    const rLat = rM / EARTH_RADIUS_M / RAD;
    const rLon = rLat / Math.cos(Math.min(89, Math.abs(lat) + rLat) * RAD);
    const i0 = Math.max(0, Math.floor((lon - rLon - west) / dLon - 0.5));
    const i1 = Math.min(width - 1, Math.ceil((lon + rLon - west) / dLon - 0.5));
    const j0 = Math.max(0, Math.floor((north - (lat + rLat)) / dLat - 0.5));
    const j1 = Math.min(height - 1, Math.ceil((north - (lat - rLat)) / dLat - 0.5));
    if (i0 > i1 || j0 > j1) continue;
    if (colTerm.length < i1 - i0 + 1) colTerm = new Float64Array(2 * (i1 - i0 + 1));
    // Haversine split into a row term and a column term: one sin² per row and per column, not per cell.
    for (let i = i0; i <= i1; i++) {
      colTerm[i - i0] = Math.sin(((west + (i + 0.5) * dLon - lon) * RAD) / 2) ** 2;
    }
    const cosLat = Math.cos(lat * RAD);
    // Compare the haversine term, not the distance, to skip cells outside the disk without asin.
    const hMax = Math.sin(rM / twoR) ** 2;
    for (let j = j0; j <= j1; j++) {
      const cellLat = north - (j + 0.5) * dLat;
      const rowTerm = Math.sin(((cellLat - lat) * RAD) / 2) ** 2;
      const cosProd = cosLat * Math.cos(cellLat * RAD);
      const row = j * width;
      for (let i = i0; i <= i1; i++) {
        const h = rowTerm + cosProd * colTerm[i - i0]!;
        if (h > hMax) continue;
        const legSecs = twoR * Math.asin(Math.sqrt(h)) * secsPerM;
        const time = t + legSecs;
        if (time < out[row + i]! && time <= maxTimeSecs) {
          out[row + i] = time;
          headroom[row + i] = maxAccessSecs - legSecs;
        }
      }
    }
  }
}
