import type { LonLat } from "../network/schema.js";

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (km) between two `[lon, lat]` points in degrees (haversine, mean Earth radius). */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
