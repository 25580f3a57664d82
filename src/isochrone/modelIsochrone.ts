import type { TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import { DEFAULT_READING } from "../query/options.js";
import { requirePlace } from "../network/lookup.js";
import { meshAdmitted } from "../model/overlay.js";
import { queryOf } from "../query/route.js";
import type { Id, Measure } from "../network/schema.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { bandProperties, originStations, placePopulations, resolveOrigins, scenarioLabel } from "./request.js";
import { type NodeIsochroneBand, nodeIsochrone } from "./nodeIsochrone.js";
import type { BandOptions, IsochroneCollection } from "./bands.js";
import { peopleWithin } from "../accessibility/people.js";
import { type IsochroneDifference, isochroneDifference } from "./difference.js";
import { type PolygonIsochrone, polygonIsochrone } from "./polygonIsochrone.js";
import { resolveAccess, type AccessOptions, type SurfaceOptions, type TimedNode } from "./surface.js";
import type { Mesh } from "../model/mesh.js";
import type { Town } from "../network/types.js";

/** An origin of an isochrone: a place, and when the traveller leaves it (seconds, default 0). */
export interface IsochroneOrigin {
  readonly placeId: Id;
  /** Start offset in seconds (e.g. a later departure from a second origin); default 0. */
  readonly startSecs?: number;
}

/** What to compute isochrones of. */
export interface IsochroneRequest {
  /** One origin place id, or several (ids or `{ placeId, startSecs }`): a multi-source search. */
  readonly origins: Id | readonly (Id | IsochroneOrigin)[];
  /** A scenario id or an explicit project set. */
  readonly scenario: Id | ProjectSelection;
  /** Cutoffs, minutes (any order; up to 8 h and beyond). */
  readonly cutoffsMin: readonly number[];
  /**
   * `door-to-door` (default): from the origin place, access and egress included, to every place.
   * `station-to-station`: from the origins' stations, no access or egress, to every station (a place
   * takes the time of its best station; places without stations are not reached).
   */
  readonly measure?: Measure;
  /** Modes allowed (default multimodal). */
  readonly modes?: ModeFilter;
  /**
   * How waits are read (default `scheduled`, the query layer's `DEFAULT_READING`: no wait before the
   * first boarding); `typical` charges the wait rule at every boarding.
   */
  readonly reading?: Reading;
  /**
   * Quantity overrides by JSON Pointer (e.g. `{ "/links/3/speedKmh": 120 }`), applied on top of the
   * scenario, as in the model's `overlay` (sensitivity runs, Monte Carlo draws).
   */
  readonly quantities?: QuantityOverrides;
}

/** Arrival times at every place of the model's network, from `placeTimes`. */
export interface PlaceTimes {
  /** Seconds per place, in `network.places` order; `Infinity` where not reached within the horizon. */
  readonly timesSecs: Float64Array;
  /** The origins with their start offsets, resolved. */
  readonly origins: readonly Required<IsochroneOrigin>[];
  readonly measure: Measure;
  /** The reading the times were computed under. */
  readonly reading: Reading;
  /** The scenario id, or "custom" for an explicit project set. */
  readonly scenario: string;
  /**
   * Seconds per town of the model's local road mesh (`network.towns.list` order), from the same
   * search as `timesSecs`; absent when the trip does not use the mesh (no towns, station-to-station,
   * rail only).
   */
  readonly townTimesSecs?: Float64Array;
  /** Seconds of each mesh edge (`model.meshEdges.mesh` order) under the request's costs; absent without a mesh. */
  readonly meshEdgeSecs?: Float64Array;
}

/**
 * Earliest arrival at every place from the request's origins within `horizonSecs`: the query layer's
 * `placeTimes`, one multi-source search on the scenario's cost overlay (the core's cutoff search,
 * so an 8-hour horizon only settles what is reachable in 8 hours).
 *
 * @throws UnknownIdError for an unknown origin place or scenario; IsochroneError for an origin
 *   without a station under `station-to-station`, or a bad start offset.
 */
export function placeTimes(model: TravelTimeModel, request: Omit<IsochroneRequest, "cutoffsMin">, horizonSecs: number): PlaceTimes {
  const network = model.network;
  const measure = request.measure ?? "door-to-door";
  const origins = resolveOrigins(request.origins);
  for (const [i, o] of origins.entries()) {
    requirePlace(network, o.placeId, `origins[${i}]`);
    if (measure === "station-to-station") originStations(model, o.placeId);
  }
  const reading = request.reading ?? DEFAULT_READING;
  const options = {
    selection: request.scenario,
    measure,
    reading,
    cutoffSecs: horizonSecs,
    ...(request.modes && { modes: request.modes }),
    ...(request.quantities && { quantities: request.quantities }),
  };
  const scenario = scenarioLabel(request.scenario);
  const mesh = model.meshEdges;
  // Without the mesh in the trip (no towns, station-to-station, rail only), the place graph's search.
  if (mesh === undefined || !meshAdmitted({ measure, modes: request.modes ?? "multimodal" }))
    return { timesSecs: queryOf(model).placeTimes(origins, options), origins, measure, reading, scenario };
  // One search of the full model gives places and towns alike (the place list and the bands agree).
  const { placeSecs, townSecs } = queryOf(model).reach(origins, options);
  const costs = request.quantities === undefined ? model.base : model.costsWith(request.quantities);
  const meshEdgeSecs = new Float64Array(mesh.mesh.edgeCount);
  for (let m = 0; m < meshEdgeSecs.length; m++) meshEdgeSecs[m] = costs.costsSecs[mesh.firstEdge + 4 * m]!;
  return { timesSecs: placeSecs, origins, measure, reading, scenario, townTimesSecs: townSecs, meshEdgeSecs };
}

/**
 * Node isochrones on a model: every place (stations included) reached within each cutoff, with its
 * time, for a scenario and measure (see `nodeIsochrone` for the band semantics).
 */
export function modelNodeIsochrone(model: TravelTimeModel, request: IsochroneRequest): NodeIsochroneBand[] {
  const cutoffs = normalizeCutoffsMin(request.cutoffsMin);
  const times = placeTimes(model, request, cutoffs[cutoffs.length - 1]! * 60);
  return nodeIsochrone(times.timesSecs, model.network.places.map((p) => p.id), cutoffs);
}

/**
 * The timed nodes a polygon isochrone is drawn from: every place reached, at its own coordinate
 * with its time (station-to-station: its best station's time, as the place list says), every town
 * of the local road mesh, and points along each mesh road between two reached ends (the road's time
 * at that point, from the nearer end in time), `spacingKm` apart, so that bands follow the roads
 * and stay contiguous with a short off-network leg.
 */
export function surfaceNodes(
  model: TravelTimeModel,
  times: PlaceTimes,
  spacingKm = MESH_SAMPLE_KM,
  access: Required<AccessOptions> = resolveAccess(),
): TimedNode[] {
  const out: TimedNode[] = [];
  model.network.places.forEach((place, k) => {
    const t = times.timesSecs[k]!;
    if (t < Infinity) out.push({ coord: place.coord, timeSecs: t });
  });
  const mesh = model.meshEdges;
  const towns = times.townTimesSecs;
  const edgeSecs = times.meshEdgeSecs;
  if (mesh === undefined || towns === undefined || edgeSecs === undefined) return out;
  mesh.towns.forEach((town, i) => {
    const t = towns[i]!;
    if (t < Infinity) out.push({ coord: town.coord, timeSecs: t });
  });
  const T = mesh.mesh.townCount;
  const places = model.network.places;
  const coordOf = (n: number) => (n < T ? mesh.towns[n]!.coord : places[n - T]!.coord);
  const timeOf = (n: number) => (n < T ? towns[n]! : times.timesSecs[n - T]!);
  const { from, to, crowKm } = mesh.mesh;
  for (let m = 0; m < from.length; m++) {
    const ta = timeOf(from[m]!);
    const tb = timeOf(to[m]!);
    if (!(ta < Infinity || tb < Infinity)) continue;
    const pieces = Math.ceil(crowKm[m]! / spacingKm);
    if (pieces < 2) continue;
    const a = coordOf(from[m]!);
    const b = coordOf(to[m]!);
    const secs = edgeSecs[m]!;
    for (let k = 1; k < pieces; k++) {
      const f = k / pieces;
      out.push({
        coord: [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])],
        timeSecs: Math.min(ta + f * secs, tb + (1 - f) * secs),
      });
    }
  }
  triangleInteriors(mesh.mesh, mesh.towns, towns, edgeSecs, spacingKm, access, out);
  return out;
}

/** A triangle of local roads too wide for the capped off-network leg, in a local plane (km). */
interface WideTriangle {
  /** Corner towns. */
  readonly corners: readonly [number, number, number];
  /** Mesh edge of each side: corners 0–1, 1–2, 2–0. */
  readonly edges: readonly [number, number, number];
  /** Corner coordinates in the local plane, km. */
  readonly xy: readonly (readonly [number, number])[];
  readonly sides: readonly [number, number, number];
  /** km per degree of longitude in the triangle's plane. */
  readonly kmPerLon: number;
}

const KM_PER_DEG = 111.195;
/** Spacing of the road points an interior point is timed from, km (a lateral error of at most ~0.1 km at 2 km from a road). */
const ROAD_STEP_KM = 1;
/** Wide triangles by mesh, towns and the width the capped leg already covers. */
const wideTriangles = new WeakMap<Mesh, Map<string, WideTriangle[]>>();

/** The triangles of `neighbour` roads among towns whose inradius exceeds `minInradiusKm` (cached per mesh). */
function wideTrianglesOf(mesh: Mesh, towns: readonly Town[], minInradiusKm: number): WideTriangle[] {
  let byWidth = wideTriangles.get(mesh);
  if (byWidth === undefined) wideTriangles.set(mesh, (byWidth = new Map()));
  const key = `${minInradiusKm}`;
  const cached = byWidth.get(key);
  if (cached !== undefined) return cached;
  const T = mesh.townCount;
  const { from, to, kind } = mesh;
  const edgeOf = new Map<number, number>();
  const adjacent: number[][] = Array.from({ length: T }, () => []);
  for (let m = 0; m < from.length; m++) {
    const u = from[m]!;
    const v = to[m]!;
    if (kind[m] !== 0 || u >= T || v >= T) continue; // neighbour roads between towns only
    edgeOf.set(Math.min(u, v) * T + Math.max(u, v), m);
    adjacent[u]!.push(v);
    adjacent[v]!.push(u);
  }
  const edge = (a: number, b: number) => edgeOf.get(Math.min(a, b) * T + Math.max(a, b))!;
  const out: WideTriangle[] = [];
  for (let u = 0; u < T; u++) {
    const nu = new Set(adjacent[u]);
    for (const v of adjacent[u]!) {
      if (v <= u) continue;
      for (const w of adjacent[v]!) {
        if (w <= v || !nu.has(w)) continue;
        const kmPerLon = Math.cos((towns[u]!.coord[1] * Math.PI) / 180) * KM_PER_DEG;
        const xy = [u, v, w].map((c) => [towns[c]!.coord[0] * kmPerLon, towns[c]!.coord[1] * KM_PER_DEG] as const);
        const [A, B, C] = xy as [readonly [number, number], readonly [number, number], readonly [number, number]];
        const area2 = Math.abs((B[0] - A[0]) * (C[1] - A[1]) - (C[0] - A[0]) * (B[1] - A[1]));
        const sides = [Math.hypot(B[0] - A[0], B[1] - A[1]), Math.hypot(C[0] - B[0], C[1] - B[1]), Math.hypot(A[0] - C[0], A[1] - C[1])] as const;
        if (area2 / (sides[0] + sides[1] + sides[2]) <= minInradiusKm) continue;
        out.push({ corners: [u, v, w], edges: [edge(u, v), edge(v, w), edge(w, u)], xy, sides, kmPerLon });
      }
    }
  }
  byWidth.set(key, out);
  return out;
}

/**
 * Points inside the triangles of local roads (three towns joined pairwise by `neighbour` edges)
 * wider than the capped off-network leg of the road points covers: a lattice every `spacingKm`,
 * each point timed by its best road point of the triangle (every {@link ROAD_STEP_KM} along the
 * three roads) plus an off-network leg at the access speed and circuity, without the cap. The land
 * between three roads is reached from them; without these points it stayed a hole in every band
 * (and a speckle in every comparison) wherever towns are more than about 13 km apart. Adding
 * points only lowers the surface, so every node stays inside its bands.
 */
function triangleInteriors(
  mesh: Mesh,
  towns: readonly Town[],
  townSecs: ArrayLike<number>,
  edgeSecs: ArrayLike<number>,
  spacingKm: number,
  access: Required<AccessOptions>,
  out: TimedNode[],
): void {
  const coveredKm = (access.maxAccessMin / 60) * (access.speedKmh / access.circuity);
  const secsPerKm = (3600 * access.circuity) / access.speedKmh;
  const roads: number[] = [];
  for (const tri of wideTrianglesOf(mesh, towns, coveredKm - spacingKm / 2)) {
    const { corners, edges, xy, sides } = tri;
    if (!(townSecs[corners[0]]! < Infinity || townSecs[corners[1]]! < Infinity || townSecs[corners[2]]! < Infinity)) continue;
    roads.length = 0;
    for (let i = 0; i < 3; i++) {
      const j = (i + 1) % 3;
      const secs = edgeSecs[edges[i]!]!;
      const ta = townSecs[corners[i]!]!;
      const tb = townSecs[corners[j]!]!;
      const n = Math.max(1, Math.ceil(sides[i]! / ROAD_STEP_KM));
      for (let k = 0; k < n; k++) {
        const f = k / n;
        const t = Math.min(ta + f * secs, tb + (1 - f) * secs);
        if (t < Infinity) roads.push(xy[i]![0] + f * (xy[j]![0] - xy[i]![0]), xy[i]![1] + f * (xy[j]![1] - xy[i]![1]), t);
      }
    }
    const [A, B, C] = xy as [readonly [number, number], readonly [number, number], readonly [number, number]];
    const n = Math.max(2, Math.ceil(Math.max(...sides) / spacingKm));
    for (let i = 1; i < n; i++) {
      for (let j = 1; i + j < n; j++) {
        const fa = i / n;
        const fb = j / n;
        const fc = 1 - fa - fb;
        const x = fa * A[0] + fb * B[0] + fc * C[0];
        const y = fa * A[1] + fb * B[1] + fc * C[1];
        let best = Infinity;
        for (let r = 0; r < roads.length; r += 3) {
          const t = roads[r + 2]! + Math.hypot(x - roads[r]!, y - roads[r + 1]!) * secsPerKm;
          if (t < best) best = t;
        }
        if (best < Infinity) out.push({ coord: [x / tri.kmPerLon, y / KM_PER_DEG], timeSecs: best });
      }
    }
  }
}

/** Spacing of the points along mesh roads that a surface is drawn from (see {@link surfaceNodes}), km. */
export const MESH_SAMPLE_KM = 2;

/**
 * The off-network leg of a model isochrone: with a local road mesh, door-to-door, the leg is short
 * (`MESH_ACCESS.maxAccessMin`, about 4 km at the default speed), since the mesh carries the trip to
 * within a few km of every point; otherwise the surface defaults.
 */
export function modelAccess(model: TravelTimeModel, times: PlaceTimes, options: SurfaceOptions): SurfaceOptions {
  if (model.meshEdges === undefined || times.townTimesSecs === undefined || times.measure !== "door-to-door") return options;
  return { ...options, access: { ...MESH_ACCESS, ...options.access } };
}

/** Off-network leg defaults with a mesh: 20 minutes (about 3.8 km at 15 km/h and circuity 1.3: enough to fill the triangles between mesh roads, 10 km apart in the hills). */
export const MESH_ACCESS = { maxAccessMin: 20 } as const;

/**
 * Polygon isochrones on a model: GeoJSON bands per cutoff with properties `cutoffMin`, `scenario`,
 * `measure`, `reading`, `modes`, `origins`, `areaKm2`, `populationCovered` (from places' populations) and
 * `cellSizeM`. Surface and grid options as in `polygonIsochrone`.
 */
export function modelPolygonIsochrone(
  model: TravelTimeModel,
  request: IsochroneRequest,
  options: SurfaceOptions & BandOptions = {},
): PolygonIsochrone & { readonly times: PlaceTimes } {
  const cutoffs = normalizeCutoffsMin(request.cutoffsMin);
  const times = placeTimes(model, request, cutoffs[cutoffs.length - 1]! * 60);
  const surface = modelAccess(model, times, options);
  const result = polygonIsochrone(surfaceNodes(model, times, MESH_SAMPLE_KM, resolveAccess(surface.access)), cutoffs, {
    places: placePopulations(model),
    ...surface,
    properties: { ...bandProperties(times, request.modes ?? "multimodal"), ...options.properties },
  });
  return { ...result, collection: withTownPopulations(model, times, result.collection), times };
}

/**
 * With town times (door-to-door over a mesh), a band's `populationCovered` counts the residents of
 * the towns whose time is within its cutoff (each of which lies inside the band), with
 * `populationEstimated` true when part of the figure comes from estimated town figures and
 * `populationTowns` the towns counted; otherwise the places' sum stays.
 */
function withTownPopulations(model: TravelTimeModel, times: PlaceTimes, collection: IsochroneCollection): IsochroneCollection {
  const towns = model.meshEdges?.towns;
  const secs = times.townTimesSecs;
  if (towns === undefined || secs === undefined) return collection;
  return {
    ...collection,
    features: collection.features.map((f) => {
      const count = peopleWithin(towns, secs, f.properties.cutoffMin);
      return { ...f, properties: { ...f.properties, populationCovered: count.population, populationEstimated: count.estimated, populationTowns: count.towns } };
    }),
  };
}

/**
 * Isochrones of two scenarios from the same origins on one grid, and what changed: per cutoff, the
 * area newly within it in `scenarioB` (`gained`) and no longer within it (`lost`).
 */
export function modelIsochroneDifference(
  model: TravelTimeModel,
  request: Omit<IsochroneRequest, "scenario"> & { readonly scenarioA: Id | ProjectSelection; readonly scenarioB: Id | ProjectSelection },
  options: SurfaceOptions & BandOptions = {},
): IsochroneDifference & { readonly timesA: PlaceTimes; readonly timesB: PlaceTimes } {
  const cutoffs = normalizeCutoffsMin(request.cutoffsMin);
  const horizon = cutoffs[cutoffs.length - 1]! * 60;
  const reqA = { ...request, scenario: request.scenarioA };
  const reqB = { ...request, scenario: request.scenarioB };
  const timesA = placeTimes(model, reqA, horizon);
  const timesB = placeTimes(model, reqB, horizon);
  const modes = request.modes ?? "multimodal";
  const propsA = bandProperties(timesA, modes);
  const propsB = bandProperties(timesB, modes);
  const surface = modelAccess(model, timesA, options);
  const fill = resolveAccess(surface.access);
  const diff = isochroneDifference(surfaceNodes(model, timesA, MESH_SAMPLE_KM, fill), surfaceNodes(model, timesB, MESH_SAMPLE_KM, fill), cutoffs, {
    places: placePopulations(model),
    ...surface,
    properties: { ...propsA, ...options.properties },
    propertiesB: { ...propsB, scenario: timesB.scenario, baseline: timesA.scenario },
  });
  return { ...diff, timesA, timesB };
}
