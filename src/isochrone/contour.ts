import { contours } from "d3-contour";
import type { LonLat } from "../network/schema.js";
import { ringSignedArea2 } from "./geo.js";
import type { GridSpec } from "./grid.js";
import { traceRegions } from "./marchingSquares.js";

/**
 * Which marching-squares implementation traces the rings: `"linear"` (default, `traceRegions`:
 * linear time, holes assigned by a row scan) or `"d3"` (d3-contour, whose hole assignment tests each
 * hole against every polygon: quadratic when a national surface has thousands of holes). Both give
 * the same rings; the switch exists so a test can prove it.
 */
export type ContourTracer = "linear" | "d3";

/** GeoJSON MultiPolygon coordinates: polygons of rings of `[lon, lat]` positions. */
export type MultiPolygonCoords = LonLat[][][];

/**
 * How far from a grid sample a contour crossing may come, as a fraction of the cell: crossings
 * are clamped to `[EDGE_EPS, 1 − EDGE_EPS]` along each cell edge, so every sample lies strictly
 * inside or strictly outside each band (1 % of a cell: 2.5 m on a 250 m grid, far above the 1 cm
 * coordinate rounding).
 */
export const EDGE_EPS = 0.01;

/** Decimal places kept in output coordinates (1e-7° ≈ 1 cm). */
export const COORD_DECIMALS = 7;

/**
 * Traces the region `{ value <= threshold }` of a grid field as GeoJSON MultiPolygon coordinates in
 * `[lon, lat]`, with RFC 7946 ring orientation (exterior counter-clockwise, holes clockwise),
 * closed rings of at least 4 positions, and coordinates rounded to {@link COORD_DECIMALS}.
 *
 * Marching squares (see {@link ContourTracer}); crossings are placed by linear interpolation along each cell
 * edge (clamped, see {@link EDGE_EPS}). When the outside sample is not finite, the crossing is where
 * the inside sample's value reaches the threshold or its `edge.headroom` runs out, at
 * `edge.perCell` per cell (for a travel-time surface: where the access disk ends), else halfway.
 * Consequences, each tested: every sample `<= threshold` is inside, every other sample is outside,
 * and regions for increasing thresholds nest.
 *
 * @param values row-major field over `grid` (`NaN` and `Infinity` count as outside).
 * @param threshold inclusive upper bound.
 * @param edge where to put edges towards non-finite samples (see above); default halfway.
 * @param tracer ring tracer, default `"linear"`.
 */
export function contourAtMost(
  grid: GridSpec,
  values: ArrayLike<number>,
  threshold: number,
  edge?: { readonly headroom: ArrayLike<number>; readonly perCell: number },
  tracer: ContourTracer = "linear",
): MultiPolygonCoords {
  const { width, height } = grid;
  const n = width * height;
  let traced: number[][][][];
  if (tracer === "d3") {
    traced = contours().size([width, height]).smooth(false).contour(negatedField(values, n) as unknown as number[], -threshold).coordinates;
  } else {
    traced = traceRegions(width, height, insideMask(values, n, threshold));
  }
  const out: MultiPolygonCoords = [];
  for (const polygon of traced) {
    const rings: LonLat[][] = [];
    polygon.forEach((ring, k) => {
      const lonLat = ring.map(([x, y]) => place(grid, values, threshold, x!, y!, edge));
      const clean = closeAndDedupe(lonLat);
      if (clean.length < 4) return;
      const ccw = ringSignedArea2(clean) > 0;
      if (ccw !== (k === 0)) clean.reverse();
      rings.push(clean);
    });
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

// The per-cell loops live in their own small functions: V8 then optimises each loop on its own
// instead of re-entering, and deoptimising, one large function's on-stack-replaced code per call.
// Their arrays are reused from call to call (each is read synchronously by the tracer and not
// kept): a fresh megabyte-sized typed array per band made V8 scavenge for "external memory
// pressure" every few calls, which cost more than the tracing.
let negatedBuffer = new Float64Array(0);
let insideBuffer = new Uint8Array(0);

/** d3-contour keeps values >= its threshold: the field negated, NaN made -Infinity (outside). */
function negatedField(values: ArrayLike<number>, n: number): Float64Array {
  if (negatedBuffer.length < n) negatedBuffer = new Float64Array(n);
  const negated = negatedBuffer.subarray(0, n);
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    negated[k] = Number.isNaN(v) ? -Infinity : -v;
  }
  return negated;
}

/** 1 where `values[k] <= threshold` (NaN is outside), else 0. */
function insideMask(values: ArrayLike<number>, n: number, threshold: number): Uint8Array {
  if (insideBuffer.length < n) insideBuffer = new Uint8Array(n);
  const inside = insideBuffer.subarray(0, n);
  for (let k = 0; k < n; k++) inside[k] = values[k]! <= threshold ? 1 : 0;
  return inside;
}

const SCALE = 10 ** COORD_DECIMALS;
const round = (v: number): number => Math.round(v * SCALE) / SCALE;

function place(
  grid: GridSpec,
  values: ArrayLike<number>,
  threshold: number,
  x: number,
  y: number,
  edge: { readonly headroom: ArrayLike<number>; readonly perCell: number } | undefined,
): LonLat {
  const { width, height } = grid;
  const xt = Math.floor(x);
  const yt = Math.floor(y);
  let gx = x;
  let gy = y;
  // An unsmoothed d3-contour vertex sits on a cell edge: integer x (between samples xt−1 and xt of
  // row yt) or integer y (between rows yt−1 and yt of column xt). Edges of the grid are left alone.
  if (xt === x && x > 0 && x < width) {
    gx = x - 0.5 + crossing(values, yt * width + xt - 1, yt * width + xt, threshold, edge);
  } else if (yt === y && y > 0 && y < height) {
    gy = y - 0.5 + crossing(values, (yt - 1) * width + xt, yt * width + xt, threshold, edge);
  }
  return [round(grid.west + gx * grid.dLon), round(grid.north - gy * grid.dLat)];
}

/**
 * Where the band edge falls between samples `ka` (at 0) and `kb` (at 1), clamped away from both.
 * Monotone non-decreasing in `threshold` towards the outside sample, which makes bands nest.
 */
function crossing(
  values: ArrayLike<number>,
  ka: number,
  kb: number,
  threshold: number,
  edge: { readonly headroom: ArrayLike<number>; readonly perCell: number } | undefined,
): number {
  const a = values[ka]!;
  const b = values[kb]!;
  let d: number;
  // The outside value counts at most one cell's off-network time beyond the inside one (what a
  // single access disk gives): a sample reached only by a later node then cannot pull the edge
  // back inside, so edges only move outward when times fall (monotone band areas).
  if (Number.isFinite(a) && Number.isFinite(b)) {
    const cap = edge?.perCell ?? Infinity;
    const a1 = a <= b ? a : Math.min(a, b + cap);
    const b1 = a <= b ? Math.min(b, a + cap) : b;
    d = a1 === b1 ? 0.5 : (threshold - a1) / (b1 - a1);
  }
  else if (edge === undefined) d = 0.5;
  else {
    const aIn = Number.isFinite(a);
    const k = aIn ? ka : kb;
    const reach = Math.min(threshold - (aIn ? a : b), edge.headroom[k]!) / edge.perCell;
    const fromInside = Number.isFinite(reach) ? reach : 0.5;
    d = aIn ? fromInside : 1 - fromInside;
  }
  return d < EDGE_EPS ? EDGE_EPS : d > 1 - EDGE_EPS ? 1 - EDGE_EPS : d;
}

function closeAndDedupe(ring: LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (q === undefined || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    out.push(first);
  }
  return out;
}
