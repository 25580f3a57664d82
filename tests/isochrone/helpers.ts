import type { LonLat } from "../../src/network/schema.js";
import { ringSignedArea2 } from "../../src/isochrone/index.js";

/**
 * An RFC 7946 checker for MultiPolygon Features, independent of the code under test except for
 * the shoelace sum. Returns every problem found (empty when valid).
 */
export function rfc7946Problems(feature: unknown, where = "feature"): string[] {
  const problems: string[] = [];
  const f = feature as { type?: unknown; properties?: unknown; geometry?: { type?: unknown; coordinates?: unknown } };
  if (f.type !== "Feature") problems.push(`${where}.type is ${String(f.type)}, not "Feature"`);
  if (typeof f.properties !== "object") problems.push(`${where}.properties is not an object or null`);
  if (f.geometry?.type !== "MultiPolygon") problems.push(`${where}.geometry.type is not MultiPolygon`);
  const polys = f.geometry?.coordinates;
  if (!Array.isArray(polys)) return [...problems, `${where}.geometry.coordinates is not an array`];
  polys.forEach((poly: unknown, p) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      problems.push(`${where} polygon ${p} has no rings`);
      return;
    }
    poly.forEach((ring: unknown, r) => {
      const at = `${where} polygon ${p} ring ${r}`;
      if (!Array.isArray(ring) || ring.length < 4) {
        problems.push(`${at} has fewer than 4 positions`);
        return;
      }
      for (const pos of ring as unknown[]) {
        if (!Array.isArray(pos) || pos.length !== 2 || !pos.every((v) => typeof v === "number" && Number.isFinite(v))) {
          problems.push(`${at} has a position that is not [lon, lat]: ${JSON.stringify(pos)}`);
          return;
        }
        const [lon, lat] = pos as [number, number];
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) problems.push(`${at} position out of range: ${lon}, ${lat}`);
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${at} is not closed`);
      const a = ringSignedArea2(ring as LonLat[]);
      if (r === 0 && !(a > 0)) problems.push(`${at} (exterior) is not counter-clockwise`);
      if (r > 0 && !(a < 0)) problems.push(`${at} (hole) is not clockwise`);
      if (selfIntersects(ring as LonLat[])) problems.push(`${at} intersects itself`);
    });
  });
  return problems;
}

/** Brute-force check for proper crossings between non-adjacent edges of a closed ring. */
export function selfIntersects(ring: readonly LonLat[]): boolean {
  const n = ring.length - 1;
  if (n > 600) return false; // O(n²): only small rings are checked
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

function orient(a: LonLat, b: LonLat, c: LonLat): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function segmentsCross(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/** Least distance in degrees (lon/lat plane) from `p` to any ring edge of a MultiPolygon. */
export function distanceToBoundary(p: LonLat, polygons: readonly (readonly (readonly LonLat[])[])[]): number {
  let best = Infinity;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
        best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
      }
    }
  }
  return best;
}
