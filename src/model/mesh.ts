/**
 * The local road mesh: town centres joined to their neighbours by local roads, and the network's
 * places (anchors) joined to their nearest towns, so that door-to-door travel and isochrones cover
 * the land between the modelled lines. A pure function from coordinates to an undirected edge list
 * (`from`, `to`, `lengthKm`, `secs`) that the model adds to its graph and the core compiles.
 *
 * Construction, deterministic for a given input:
 * 1. Towns are projected to a local plane, `x = lon · cos φ0`, `y = lat` with φ0 the middle latitude
 *    of the towns, and triangulated (Delaunay, d3-delaunay). Towns at identical coordinates are
 *    triangulated once; each copy is joined to the first by a 0 km edge.
 * 2. Every Delaunay edge no longer than `maxEdgeKm` (great circle) is a local road, kind `neighbour`.
 * 3. Where the cap leaves the towns in several pieces (an island, a town beyond a wide valley), the
 *    shortest Delaunay edges between pieces are added, Kruskal-style, kind `bridge`, until the towns
 *    form one connected mesh: no town is ever isolated.
 * 4. Each anchor joins its `anchorTowns` nearest towns (in the plane of step 1) that lie within
 *    `anchorMaxKm`, kind `anchor`; an anchor with no town that close is listed in `unattachedAnchors`.
 *
 * Costs: `lengthKm` = great circle × detour factor, `secs` = length / speed. The detour factor and the
 * speed come from the terrain class of each end town, each end's class governing half of the edge
 * (an anchor edge takes its town's class for its whole length). Both are ranged assumptions; the
 * region's values live in the network file (`towns.terrain`), the generic default in
 * `DEFAULT_MESH_TERRAIN`.
 */
import { Delaunay } from "d3-delaunay";
import type { LonLat } from "../network/schema.js";
import type { Towns } from "../network/types.js";
import { haversineLonLatM } from "../util/geo.js";
import { ModelError, didYouMean } from "./errors.js";

/** Local-road parameters of one terrain class. */
export interface MeshTerrain {
  /** Average driving speed on the local roads between towns, km/h (> 0). */
  readonly speedKmh: number;
  /** Road length divided by great-circle length (>= 1). */
  readonly detourFactor: number;
}

/**
 * Generic local-road parameters, used for towns without a terrain class (and for every town when
 * the caller gives no classes): 40 km/h and a detour factor of 1.3.
 * - Speed 40 km/h (plausible 25–60): roads between neighbouring towns are two-lane county and
 *   township roads; Chinese design speeds for such roads are 30–60 km/h (40 typical, less in
 *   mountains) and the traffic regulations cap roads without a centre line at 40 km/h outside towns.
 * - Detour 1.3 (plausible 1.15–1.6): road distance over the straight line is about 1.2 in street
 *   grids (Newell 1980) and 1.3 ± 0.1 across national road networks (Wang et al., npj Complexity
 *   1:22, 2024); short rural links in relief wind more.
 * See docs/network-format-towns.md for the citations.
 */
export const DEFAULT_MESH_TERRAIN: MeshTerrain = Object.freeze({ speedKmh: 40, detourFactor: 1.3 });

/** A town of the mesh: its centre and (optionally) its terrain class. */
export interface MeshTown {
  /** `[lon, lat]`, WGS84 degrees. */
  readonly coord: LonLat;
  /** Terrain class id (a key of `MeshOptions.terrain`), or null/absent for the default class. */
  readonly terrain?: string | null;
}

/** Options of `buildMesh`; every field has a stated default. */
export interface MeshOptions {
  /** Longest town–town local road, great-circle km (default 30). Bridges may be longer. */
  readonly maxEdgeKm?: number;
  /** Parameters by terrain class id (default none: every town uses `defaultTerrain`). */
  readonly terrain?: ReadonlyMap<string, MeshTerrain> | Readonly<Record<string, MeshTerrain>>;
  /** Parameters of towns without a class (default `DEFAULT_MESH_TERRAIN`). */
  readonly defaultTerrain?: MeshTerrain;
  /** How many nearest towns each anchor joins (default 3, at least 1). */
  readonly anchorTowns?: number;
  /** Farthest town an anchor joins, great-circle km (default 30). */
  readonly anchorMaxKm?: number;
}

/** Kinds of mesh edge, by their code in {@link Mesh.kind}. */
export const MESH_EDGE_KINDS = ["neighbour", "bridge", "anchor"] as const;
/** A kind of mesh edge: `neighbour` (Delaunay, within the cap), `bridge` (joins pieces), `anchor`. */
export type MeshEdgeKind = (typeof MESH_EDGE_KINDS)[number];
const NEIGHBOUR = 0;
const BRIDGE = 1;
const ANCHOR = 2;

/**
 * An undirected edge list over `nodeCount` nodes: towns `0..townCount-1` (input order), then anchors
 * `townCount..nodeCount-1` (input order). Each edge is usable both ways at the same cost (compile it
 * with `directed: false`, or add both directions). Town–town edges have `from < to`; an anchor edge
 * goes from the anchor to the town.
 */
export interface Mesh {
  readonly nodeCount: number;
  readonly townCount: number;
  readonly anchorCount: number;
  readonly edgeCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Index into {@link MESH_EDGE_KINDS}. */
  readonly kind: Uint8Array;
  /** Great-circle length, km. */
  readonly crowKm: Float64Array;
  /** Road length, km: `crowKm` × detour factor (>= `crowKm`). */
  readonly lengthKm: Float64Array;
  /** Driving time, seconds. */
  readonly secs: Float64Array;
  /** Anchors (0-based among the anchors) with no town within `anchorMaxKm`: they have no edge. */
  readonly unattachedAnchors: readonly number[];
}

interface Resolved {
  readonly maxEdgeKm: number;
  readonly anchorTowns: number;
  readonly anchorMaxKm: number;
  /** Per town: speed and detour of its class. */
  readonly speedKmh: Float64Array;
  readonly detour: Float64Array;
}

function checkTerrain(t: MeshTerrain, what: string): void {
  if (!(Number.isFinite(t.speedKmh) && t.speedKmh > 0))
    throw new ModelError(`${what}.speedKmh must be a speed > 0 km/h, got ${t.speedKmh}`);
  if (!(Number.isFinite(t.detourFactor) && t.detourFactor >= 1))
    throw new ModelError(`${what}.detourFactor must be >= 1 (a road is never shorter than the great circle), got ${t.detourFactor}`);
}

function resolve(towns: readonly MeshTown[], options: MeshOptions): Resolved {
  const maxEdgeKm = options.maxEdgeKm ?? 30;
  const anchorTowns = options.anchorTowns ?? 3;
  const anchorMaxKm = options.anchorMaxKm ?? 30;
  if (!(maxEdgeKm >= 0)) throw new ModelError(`options.maxEdgeKm must be a distance >= 0 km, got ${maxEdgeKm}`);
  if (!(Number.isInteger(anchorTowns) && anchorTowns >= 1))
    throw new ModelError(`options.anchorTowns must be a whole number >= 1, got ${anchorTowns}`);
  if (!(anchorMaxKm >= 0)) throw new ModelError(`options.anchorMaxKm must be a distance >= 0 km, got ${anchorMaxKm}`);
  const fallback = options.defaultTerrain ?? DEFAULT_MESH_TERRAIN;
  checkTerrain(fallback, "options.defaultTerrain");
  const classes = new Map<string, MeshTerrain>(
    options.terrain instanceof Map ? options.terrain : Object.entries(options.terrain ?? {}),
  );
  for (const [k, t] of classes) checkTerrain(t, `options.terrain[${JSON.stringify(k)}]`);
  const speedKmh = new Float64Array(towns.length);
  const detour = new Float64Array(towns.length);
  towns.forEach((town, i) => {
    const [lon, lat] = town.coord;
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
      throw new ModelError(`towns[${i}].coord ${JSON.stringify(town.coord)} is not a [lon, lat] in WGS84 degrees`);
    const id = town.terrain;
    const t = id === null || id === undefined ? fallback : classes.get(id);
    if (t === undefined)
      throw new ModelError(`towns[${i}].terrain: unknown terrain class ${JSON.stringify(id)}${didYouMean(String(id), classes.keys())}; add it to options.terrain or use null for the default`);
    speedKmh[i] = t.speedKmh;
    detour[i] = t.detourFactor;
  });
  return { maxEdgeKm, anchorTowns, anchorMaxKm, speedKmh, detour };
}

/** Union-find over `n` items with path halving. */
function unionFind(n: number) {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  };
  return { find, union };
}

/** Edge arrays filled up to a known bound, then cut to length. */
class EdgeList {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly kind: Uint8Array;
  readonly crowKm: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.crowKm = new Float64Array(capacity);
  }
  add(a: number, b: number, kind: number, crowKm: number): void {
    const e = this.length++;
    this.from[e] = a;
    this.to[e] = b;
    this.kind[e] = kind;
    this.crowKm[e] = crowKm;
  }
}

/**
 * Builds the local road mesh of `towns` and attaches `anchors` to it (see the module comment for the
 * construction and the costs).
 *
 * @param towns Town centres `[lon, lat]` with optional terrain classes; any number, including 0.
 * @param anchors Places to attach (stations, interchanges, district centres), `[lon, lat]`.
 * @returns The edge list; with fewer than two towns there are no town–town edges.
 * @throws {@link ModelError} for a coordinate that is not `[lon, lat]`, an unknown terrain class, a
 *   speed <= 0, a detour factor < 1, or an option out of range.
 */
export function buildMesh(towns: readonly MeshTown[], anchors: readonly LonLat[] = [], options: MeshOptions = {}): Mesh {
  const r = resolve(towns, options);
  const n = towns.length;
  anchors.forEach((a, i) => {
    if (!(Number.isFinite(a[0]) && Number.isFinite(a[1]) && Math.abs(a[0]) <= 180 && Math.abs(a[1]) <= 90))
      throw new ModelError(`anchors[${i}] ${JSON.stringify(a)} is not a [lon, lat] in WGS84 degrees`);
  });
  const lon = (i: number) => towns[i]!.coord[0];
  const lat = (i: number) => towns[i]!.coord[1];
  const crowKm = (i: number, j: number) => haversineLonLatM(lon(i), lat(i), lon(j), lat(j)) / 1000;
  // A planar triangulation of n points has at most 3n − 6 edges; copies add at most n, anchors k each.
  const edges = new EdgeList(4 * n + anchors.length * r.anchorTowns);
  const uf = unionFind(n);

  // 1. Distinct positions, each triangulated once; a copy joins the first town at its position by a
  // 0 km edge. Nested maps keyed by numbers: no string per town.
  const firstAt = new Map<number, Map<number, number>>();
  const unique: number[] = [];
  for (let i = 0; i < n; i++) {
    let byLat = firstAt.get(lon(i));
    if (byLat === undefined) firstAt.set(lon(i), (byLat = new Map()));
    const first = byLat.get(lat(i));
    if (first === undefined) {
      byLat.set(lat(i), i);
      unique.push(i);
    } else {
      edges.add(first, i, NEIGHBOUR, 0);
      uf.union(first, i);
    }
  }
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const i of unique) {
    minLat = Math.min(minLat, lat(i));
    maxLat = Math.max(maxLat, lat(i));
  }
  const kx = unique.length > 0 ? Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) : 1;
  const xy = new Float64Array(unique.length * 2);
  unique.forEach((i, u) => {
    xy[2 * u] = lon(i) * kx;
    xy[2 * u + 1] = lat(i);
  });
  // d3-delaunay jitters collinear input in place: it gets its own copy.
  const delaunay = unique.length > 0 ? new Delaunay(Float64Array.from(xy)) : undefined;

  // 2–3. Delaunay edges within the cap; the rest kept, sorted, as bridge candidates.
  const far: Array<[number, number, number]> = [];
  const visit = (u: number, v: number) => {
    const a = Math.min(unique[u]!, unique[v]!);
    const b = Math.max(unique[u]!, unique[v]!);
    const d = crowKm(a, b);
    if (d <= r.maxEdgeKm) {
      edges.add(a, b, NEIGHBOUR, d);
      uf.union(a, b);
    } else far.push([a, b, d]);
  };
  if (delaunay) {
    const collinear = (delaunay as unknown as { collinear?: Int32Array }).collinear;
    if (unique.length >= 3 && collinear === undefined) {
      // Each edge once: a hull halfedge has no twin (-1), an inner one is taken from its higher index.
      const { triangles, halfedges } = delaunay;
      for (let e = 0; e < triangles.length; e++) {
        if (e > halfedges[e]!) visit(triangles[e]!, triangles[e % 3 === 2 ? e - 2 : e + 1]!);
      }
    } else {
      // One or two points, or all on a line: d3-delaunay's neighbours are the exact answer.
      for (let u = 0; u < unique.length; u++) {
        for (const v of delaunay.neighbors(u)) if (v > u && v < unique.length) visit(u, v); // a lone point yields -1
      }
    }
  }
  far.sort((p, q) => p[2] - q[2] || p[0] - q[0] || p[1] - q[1]);
  for (const [a, b, d] of far) if (uf.union(a, b)) edges.add(a, b, BRIDGE, d);

  // 4. Anchors: best-first walk over the triangulation from the nearest town. The k nearest towns
  // of a point form a connected subgraph of the Delaunay graph that contains the nearest one, so
  // expanding neighbours in order of distance finds them without scanning every town.
  const unattached: number[] = [];
  anchors.forEach((a, k) => {
    const node = n + k;
    const near = delaunay ? nearestTowns(delaunay, xy, a[0] * kx, a[1], r.anchorTowns) : [];
    let attached = false;
    for (const u of near) {
      const t = unique[u]!;
      const d = haversineLonLatM(a[0], a[1], lon(t), lat(t)) / 1000;
      if (d > r.anchorMaxKm) continue;
      edges.add(node, t, ANCHOR, d);
      attached = true;
    }
    if (!attached) unattached.push(k);
  });

  const m = edges.length;
  const mesh = {
    nodeCount: n + anchors.length,
    townCount: n,
    anchorCount: anchors.length,
    edgeCount: m,
    from: edges.from.slice(0, m),
    to: edges.to.slice(0, m),
    kind: edges.kind.slice(0, m),
    crowKm: edges.crowKm.slice(0, m),
    lengthKm: new Float64Array(m),
    secs: new Float64Array(m),
    unattachedAnchors: Object.freeze(unattached),
  };
  costInto(mesh, r.speedKmh, r.detour, mesh.lengthKm, mesh.secs);
  return mesh;
}

/** Fills `lengthKm` and `secs` from the edges' great-circle lengths and the per-town parameters. */
function costInto(
  mesh: Pick<Mesh, "townCount" | "from" | "to" | "crowKm">,
  speedKmh: Float64Array,
  detour: Float64Array,
  lengthKm: Float64Array,
  secs: Float64Array,
): void {
  const n = mesh.townCount;
  for (let e = 0; e < mesh.crowKm.length; e++) {
    const d = mesh.crowKm[e]!;
    const a = mesh.from[e]!;
    const b = mesh.to[e]!;
    if (a >= n) {
      // Anchor edge: the town's class for the whole length.
      lengthKm[e] = d * detour[b]!;
      secs[e] = (lengthKm[e]! / speedKmh[b]!) * 3600;
    } else {
      lengthKm[e] = (d * (detour[a]! + detour[b]!)) / 2;
      secs[e] = (d / 2) * (detour[a]! / speedKmh[a]! + detour[b]! / speedKmh[b]!) * 3600;
    }
  }
}

/**
 * New `lengthKm` and `secs` for a mesh under other terrain parameters (a Monte Carlo draw, a
 * sensitivity run), without triangulating again. `towns` must be the towns the mesh was built from.
 */
export function meshCosts(
  mesh: Mesh,
  towns: readonly MeshTown[],
  options: Pick<MeshOptions, "terrain" | "defaultTerrain"> = {},
): { lengthKm: Float64Array; secs: Float64Array } {
  if (towns.length !== mesh.townCount)
    throw new ModelError(`towns has ${towns.length} entries but the mesh was built from ${mesh.townCount}`);
  const r = resolve(towns, options);
  const lengthKm = new Float64Array(mesh.edgeCount);
  const secs = new Float64Array(mesh.edgeCount);
  costInto(mesh, r.speedKmh, r.detour, lengthKm, secs);
  return { lengthKm, secs };
}

/**
 * The `k` points of the triangulation nearest to `(x, y)` in its plane, nearest first (indices into
 * the triangulated points). Best-first search from `delaunay.find`.
 */
function nearestTowns(delaunay: Delaunay<unknown>, xy: Float64Array, x: number, y: number, k: number): number[] {
  const d2 = (i: number) => (xy[2 * i]! - x) ** 2 + (xy[2 * i + 1]! - y) ** 2;
  const start = delaunay.find(x, y);
  if (start < 0) return [];
  const seen = new Set<number>([start]);
  // The frontier stays small (k · degree), so a sorted array is simpler than a heap here.
  const frontier: Array<[number, number]> = [[d2(start), start]];
  const out: number[] = [];
  while (out.length < k && frontier.length > 0) {
    const [, i] = frontier.shift()!;
    out.push(i);
    for (const j of delaunay.neighbors(i)) {
      if (j < 0 || seen.has(j)) continue;
      seen.add(j);
      const dj = d2(j);
      let at = frontier.length;
      while (at > 0 && (frontier[at - 1]![0] > dj || (frontier[at - 1]![0] === dj && frontier[at - 1]![1] > j))) at--;
      frontier.splice(at, 0, [dj, j]);
    }
  }
  return out;
}

/**
 * The terrain classes of a network's `towns` section at their base values, as `buildMesh`
 * takes them (`options.terrain`). A caller varying them (Monte Carlo) builds its own map from the
 * drawn values and passes it to {@link meshCosts}.
 */
export function meshTerrainOf(towns: Towns): Map<string, MeshTerrain> {
  return new Map(
    [...towns.terrain].map(([id, t]) => [id, { speedKmh: t.speedKmh.value, detourFactor: t.detourFactor.value }]),
  );
}
