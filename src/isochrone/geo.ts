/**
 * Small spherical and planar helpers shared by the isochrone and render stages (the great-circle
 * distance itself lives in src/util/geo.ts and is re-exported here as public API). Coordinates are
 * `[lon, lat]` in WGS84 degrees throughout.
 */
import { geoArea } from "d3-geo";
import type { LonLat } from "../network/schema.js";
import { EARTH_RADIUS_M } from "../util/geo.js";

export { EARTH_RADIUS_M, haversineM, pointInMultiPolygon, pointInRing } from "../util/geo.js";

/**
 * Twice the signed planar area of a ring in the lon/lat plane (shoelace formula, degrees²):
 * positive when the ring runs counter-clockwise (east then north), as RFC 7946 requires of an
 * exterior ring. Works on closed or open rings.
 */
export function ringSignedArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const p = ring[j]!;
    const q = ring[i]!;
    sum += (p[0]! - q[0]!) * (p[1]! + q[1]!);
  }
  return sum;
}

/**
 * Area in km² of a GeoJSON MultiPolygon's coordinates on the sphere of radius
 * {@link EARTH_RADIUS_M}, by d3-geo's `geoArea` (great-circle edges). Ring orientation is ignored:
 * d3-geo reads a ring with the opposite winding to RFC 7946 as its complement on the sphere, so
 * each ring is measured alone and the smaller of its two sides is kept; holes are subtracted.
 * Rings must each cover less than a hemisphere.
 */
export function multiPolygonAreaKm2(
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
): number {
  let steradians = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, k) => {
      const a = geoArea({ type: "Polygon", coordinates: [ring as number[][]] });
      const side = Math.min(a, 4 * Math.PI - a);
      steradians += k === 0 ? side : -side;
    });
  }
  const km = EARTH_RADIUS_M / 1000;
  return steradians * km * km;
}
