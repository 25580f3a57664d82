import { TimetableError } from "../errors.js";
import { haversineLonLatM } from "../../util/geo.js";
import type { StopSecs } from "./engine.js";
import type { Timetable, TimetableBuilder } from "./timetable.js";

/** Parameters for footpaths generated between nearby stops. */
export interface FootpathOptions {
  /** Largest straight-line (great-circle) distance between two stops joined by a footpath, metres. Default 400. */
  readonly maxDistanceM?: number;
  /** Walking speed, km/h. Default 4.8 (1.33 m/s, a common planning value). */
  readonly walkSpeedKmh?: number;
  /** Ratio of walked distance to straight-line distance, ≥ 1. Default 1.3. */
  readonly circuity?: number;
}

/**
 * Adds footpaths both ways between every pair of stops at most `maxDistanceM` apart, taking
 * `ceil(distanceM · circuity / walkSpeed)` seconds. Stops without coordinates are skipped; pairs
 * across the antimeridian (±180° longitude) are not joined. Uses a grid of cells about `maxDistanceM`
 * square at the stops' highest latitude, so the cost is about linear in the number of stops. Existing
 * shorter footpaths (e.g. from GTFS transfers.txt) are kept. Returns the number of footpaths added.
 */
export function addGeneratedFootpaths(b: TimetableBuilder, options: FootpathOptions = {}): number {
  const maxM = options.maxDistanceM ?? 400;
  const speedKmh = options.walkSpeedKmh ?? 4.8;
  const circuity = options.circuity ?? 1.3;
  if (!(maxM >= 0 && Number.isFinite(maxM))) throw new TimetableError(`footpaths.maxDistanceM = ${maxM} must be a finite number of metres ≥ 0`);
  if (!(speedKmh > 0 && Number.isFinite(speedKmh))) throw new TimetableError(`footpaths.walkSpeedKmh = ${speedKmh} must be a positive speed in km/h (e.g. 4.8)`);
  if (!(circuity >= 1 && Number.isFinite(circuity))) throw new TimetableError(`footpaths.circuity = ${circuity} must be ≥ 1 (walked / straight-line distance)`);
  const speedMs = speedKmh / 3.6;
  const n = b.stopCount;
  // Cells are maxDistanceM tall (111,000 m per degree, below the true 111,195, so a little taller) and
  // as wide in longitude at the stops' highest latitude, so every pair in reach is in the same or a
  // neighbouring cell. One width for all stops: a per-stop cos(lat) shifts columns by up to
  // |lon| · sin(lat) cells (2+ near the antimeridian at 60°N), which lost pairs.
  const cellDeg = Math.max(maxM / 111_000, 1e-9);
  let cosMin = 1;
  for (let s = 0; s < n; s++) {
    const lat = b.stopLonLat(s)[1];
    if (!Number.isNaN(lat)) cosMin = Math.min(cosMin, Math.cos((lat * Math.PI) / 180));
  }
  const cellLonDeg = cellDeg / Math.max(cosMin, 1e-9);
  const cells = new Map<string, number[]>();
  for (let s = 0; s < n; s++) {
    const [lon, lat] = b.stopLonLat(s);
    if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
    const key = `${Math.floor(lat / cellDeg)},${Math.floor(lon / cellLonDeg)}`;
    let c = cells.get(key);
    if (c === undefined) cells.set(key, (c = []));
    c.push(s);
  }
  let added = 0;
  for (let s = 0; s < n; s++) {
    const [lon, lat] = b.stopLonLat(s);
    if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
    const cy = Math.floor(lat / cellDeg);
    const cx = Math.floor(lon / cellLonDeg);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const c = cells.get(`${cy + dy},${cx + dx}`);
        if (c === undefined) continue;
        for (const t of c) {
          if (t === s) continue;
          const [lon2, lat2] = b.stopLonLat(t);
          const d = haversineLonLatM(lon, lat, lon2, lat2);
          if (d <= maxM) {
            b.addFootpath(s, t, Math.ceil((d * circuity) / speedMs));
            added++;
          }
        }
      }
    }
  }
  return added;
}

/**
 * Access (or egress) by walking in a straight line scaled by `circuity`: every stop within
 * `maxDistanceM` of `lonLat` with `ceil(distanceM · circuity / walkSpeed)` seconds, nearest first.
 * For door-to-door queries without a road network (the road core supplies better lists). Stops
 * without coordinates are skipped; an empty list means no stop is in reach. Linear in the number
 * of stops.
 */
export function walkAccess(tt: Timetable, lonLat: readonly [number, number], options: FootpathOptions = {}): StopSecs[] {
  const maxM = options.maxDistanceM ?? 400;
  const speedKmh = options.walkSpeedKmh ?? 4.8;
  const circuity = options.circuity ?? 1.3;
  const [lon, lat] = lonLat;
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw new TimetableError(`lonLat [${lon}, ${lat}] is not a WGS84 [lon, lat] pair`);
  if (!(maxM >= 0 && Number.isFinite(maxM))) throw new TimetableError(`maxDistanceM = ${maxM} must be a finite number of metres ≥ 0`);
  if (!(speedKmh > 0 && Number.isFinite(speedKmh))) throw new TimetableError(`walkSpeedKmh = ${speedKmh} must be a positive speed in km/h (e.g. 4.8)`);
  if (!(circuity >= 1 && Number.isFinite(circuity))) throw new TimetableError(`circuity = ${circuity} must be ≥ 1 (walked / straight-line distance)`);
  const out: { stop: number; secs: number; d: number }[] = [];
  for (let s = 0; s < tt.stopCount; s++) {
    const x = tt.stopLonLat[2 * s] as number;
    const y = tt.stopLonLat[2 * s + 1] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const d = haversineLonLatM(lon, lat, x, y);
    if (d <= maxM) out.push({ stop: s, secs: Math.ceil((d * circuity) / (speedKmh / 3.6)), d });
  }
  out.sort((a, b) => a.d - b.d || a.stop - b.stop);
  return out.map(({ stop, secs }) => ({ stop, secs }));
}
