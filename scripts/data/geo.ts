/**
 * Small geodesy helpers for the data scripts: great-circle distance and the GCJ-02 → WGS84
 * conversion needed for Amap/DataV coordinates. Coordinates are `[lon, lat]` in degrees.
 */

/** Mean Earth radius (km) used for great-circle distances. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in km between two `[lon, lat]` points. */
export function greatCircleKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// GCJ-02 is WGS84 plus a published, deterministic offset (Krasovsky 1940 ellipsoid constants).
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.00669342162296594323;

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS84 → GCJ-02 (valid inside China). */
export function wgsToGcj(p: readonly [number, number]): [number, number] {
  const [lon, lat] = p;
  let dLat = offsetLat(lon - 105, lat - 35);
  let dLon = offsetLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS84 by fixed-point iteration on {@link wgsToGcj} (converges to < 1e-7° in a few steps). */
export function gcjToWgs(p: readonly [number, number]): [number, number] {
  let w: [number, number] = [p[0], p[1]];
  for (let i = 0; i < 10; i++) {
    const g = wgsToGcj(w);
    w = [w[0] - (g[0] - p[0]), w[1] - (g[1] - p[1])];
  }
  return w;
}
