/**
 * The one great-circle distance of the library (internal module: stages import it directly; the
 * public names are re-exported by the isochrone stage (`EARTH_RADIUS_M`, `haversineM`) and the
 * network stage (`haversineKm`), each once, so `export *` in src/index.ts sees no clash).
 * Coordinates are `[lon, lat]` in WGS84 degrees.
 */
import type { LonLat } from "../network/schema.js";

/** Mean Earth radius in metres (IUGG R1), used for every great-circle distance and area. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between `[lon1, lat1]` and `[lon2, lat2]` (degrees), by the
 * haversine formula on a sphere of radius {@link EARTH_RADIUS_M}. Takes four numbers so hot loops
 * over flat coordinate arrays need not build tuples. Antipodal points give π·R (the argument of
 * `asin` is clamped to 1 against rounding).
 */
export function haversineLonLatM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Great-circle distance in metres between two `[lon, lat]` points in degrees (haversine on a
 * sphere of radius {@link EARTH_RADIUS_M}; 0 for equal points, π·R for antipodes).
 */
export function haversineM(a: LonLat, b: LonLat): number {
  return haversineLonLatM(a[0], a[1], b[0], b[1]);
}

/**
 * Great-circle distance in km between two `[lon, lat]` points in degrees: `haversineM` / 1000.
 */
export function haversineKm(a: LonLat, b: LonLat): number {
  return haversineLonLatM(a[0], a[1], b[0], b[1]) / 1000;
}

/**
 * Whether `point` lies strictly inside a ring in the lon/lat plane (even-odd crossing rule; a
 * point exactly on the boundary may go either way).
 */
export function pointInRing(point: LonLat, ring: readonly (readonly number[])[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether `point` lies inside a GeoJSON MultiPolygon's coordinates (inside an exterior ring and
 * outside its holes), in the lon/lat plane.
 */
export function pointInMultiPolygon(
  point: LonLat,
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
): boolean {
  for (const polygon of polygons) {
    if (polygon.length === 0 || !pointInRing(point, polygon[0]!)) continue;
    let inHole = false;
    for (let h = 1; h < polygon.length && !inHole; h++) inHole = pointInRing(point, polygon[h]!);
    if (!inHole) return true;
  }
  return false;
}
