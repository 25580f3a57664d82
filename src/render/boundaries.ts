// Administrative boundaries as map lines. node:fs and node:path are imported lazily (only
// readNetworkBoundaries needs them), so that the browser and Deno builds do not pull them in.

import type { LonLat } from "../network/schema.js";
import { IsochroneError } from "../isochrone/errors.js";

/** One boundary line: `[lon, lat]` vertices; `shared` when it separates two areas (else an outer edge: coast or national border). */
export interface BoundaryLine {
  readonly coords: readonly LonLat[];
  readonly shared: boolean;
}

/** Boundary lines and the credit their source asks for. */
export interface Boundaries {
  readonly lines: readonly BoundaryLine[];
  /** e.g. "Boundaries: Natural Earth (public domain)". */
  readonly attribution?: string;
}

/** File name of the optional boundary lines beside a network's files (a GeoJSON FeatureCollection of LineStrings). */
export const BOUNDARIES_FILE = "boundaries.geojson";

const key = (p: LonLat) => `${p[0]},${p[1]}`;

/**
 * The borders of a set of polygons (MultiPolygon coordinates, one entry per area) as lines in which
 * every edge appears once: an edge two areas share (same two vertices, either direction) is one
 * `shared` line, not two. Edges are chained into lines that end where three or more edges meet, so
 * simplifying each line on its own ({@link simplifyLine}) keeps neighbouring areas' borders identical.
 */
export function borderLines(areas: readonly (readonly (readonly (readonly LonLat[])[])[])[]): BoundaryLine[] {
  const edges = new Map<string, { a: LonLat; b: LonLat; count: number; used: boolean }>();
  const adj = new Map<string, string[]>();
  const point = new Map<string, LonLat>();
  for (const area of areas) {
    for (const poly of area) {
      for (const ring of poly) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const a = ring[k]!;
          const b = ring[k + 1]!;
          const ka = key(a);
          const kb = key(b);
          if (ka === kb) continue;
          const ek = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
          const e = edges.get(ek);
          if (e !== undefined) {
            e.count++;
            continue;
          }
          edges.set(ek, { a, b, count: 1, used: false });
          point.set(ka, a).set(kb, b);
          (adj.get(ka) ?? adj.set(ka, []).get(ka)!).push(kb);
          (adj.get(kb) ?? adj.set(kb, []).get(kb)!).push(ka);
        }
      }
    }
  }
  const edgeOf = (ka: string, kb: string) => edges.get(ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`)!;
  // A chain ends at a junction: three or more edges, or a border meeting a coast.
  const junction = (k: string, around: readonly string[]) => around.length !== 2 || edgeOf(k, around[0]!).count !== edgeOf(k, around[1]!).count;
  const lines: BoundaryLine[] = [];
  const walk = (start: string, next: string) => {
    const first = edgeOf(start, next);
    const coords: LonLat[] = [point.get(start)!];
    let prev = start;
    let cur = next;
    first.used = true;
    for (;;) {
      coords.push(point.get(cur)!);
      const around = adj.get(cur)!;
      if (cur === start || junction(cur, around)) break;
      const nxt = around[0] === prev ? around[1]! : around[0]!;
      const e = edgeOf(cur, nxt);
      if (e.used) break;
      e.used = true;
      prev = cur;
      cur = nxt;
    }
    lines.push({ coords, shared: first.count > 1 });
  };
  // Chains from junctions first, then the closed loops that have none (islands, an area with no neighbour).
  for (const [k, around] of adj) if (junction(k, around)) for (const n of around) if (!edgeOf(k, n).used) walk(k, n);
  for (const [k, around] of adj) for (const n of around) if (!edgeOf(k, n).used) walk(k, n);
  return lines;
}

/**
 * Douglas–Peucker simplification of a line in degrees (planar, longitude scaled by the cosine of the
 * line's mean latitude): keeps both ends and every vertex farther than `toleranceDeg` from the simplified line.
 */
export function simplifyLine(coords: readonly LonLat[], toleranceDeg: number): LonLat[] {
  if (coords.length <= 2) return [...coords];
  const cos = Math.cos((coords.reduce((s, c) => s + c[1], 0) / coords.length) * (Math.PI / 180));
  const keep = new Uint8Array(coords.length);
  keep[0] = keep[coords.length - 1] = 1;
  const stack: [number, number][] = [[0, coords.length - 1]];
  const tol2 = toleranceDeg * toleranceDeg;
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = [coords[i]![0] * cos, coords[i]![1]];
    const [bx, by] = [coords[j]![0] * cos, coords[j]![1]];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let k = i + 1; k < j; k++) {
      const px = coords[k]![0] * cos - ax;
      const py = coords[k]![1] - ay;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const d = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      if (d > worstD) {
        worstD = d;
        worst = k;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([i, worst], [worst, j]);
    }
  }
  return coords.filter((_, k) => keep[k] === 1);
}

/**
 * Boundary lines from a GeoJSON FeatureCollection of `LineString` / `MultiLineString` features with
 * an optional boolean `properties.shared` (default true) and an optional top-level `attribution` string.
 *
 * @throws IsochroneError naming `where` and the JSON path of the first feature that is not such a line.
 */
export function parseBoundaries(json: unknown, where = "boundaries"): Boundaries {
  const fc = json as { type?: unknown; features?: unknown; attribution?: unknown };
  if (fc === null || typeof fc !== "object" || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new IsochroneError(`${where}: expected a GeoJSON FeatureCollection of LineStrings`);
  }
  const lines: BoundaryLine[] = [];
  fc.features.forEach((f: { geometry?: { type?: unknown; coordinates?: unknown }; properties?: { shared?: unknown } | null }, i: number) => {
    const g = f?.geometry;
    const parts = g?.type === "LineString" ? [g.coordinates] : g?.type === "MultiLineString" ? (g.coordinates as unknown[]) : undefined;
    const ok = (c: unknown): c is LonLat[] =>
      Array.isArray(c) && c.length >= 2 && c.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]));
    if (parts === undefined || !Array.isArray(parts) || !parts.every(ok)) {
      throw new IsochroneError(`${where}: features[${i}] is not a LineString or MultiLineString of [lon, lat] pairs; fix or remove it`);
    }
    for (const c of parts) lines.push({ coords: c.map((p) => [p[0], p[1]] as LonLat), shared: f.properties?.shared !== false });
  });
  return { lines, ...(typeof fc.attribution === "string" && { attribution: fc.attribution }) };
}
