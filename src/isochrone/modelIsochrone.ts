import type { TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import { DEFAULT_READING } from "../query/options.js";
import { requirePlace } from "../network/lookup.js";
import { queryOf } from "../query/route.js";
import type { Id, Measure } from "../network/schema.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { bandProperties, originStations, placePopulations, resolveOrigins, scenarioLabel } from "./request.js";
import { type NodeIsochroneBand, nodeIsochrone } from "./nodeIsochrone.js";
import type { BandOptions } from "./bands.js";
import { type IsochroneDifference, isochroneDifference } from "./difference.js";
import { type PolygonIsochrone, polygonIsochrone } from "./polygonIsochrone.js";
import type { SurfaceOptions, TimedNode } from "./surface.js";

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
  const timesSecs = queryOf(model).placeTimes(origins, {
    selection: request.scenario,
    measure,
    reading,
    cutoffSecs: horizonSecs,
    ...(request.modes && { modes: request.modes }),
    ...(request.quantities && { quantities: request.quantities }),
  });
  return { timesSecs, origins, measure, reading, scenario: scenarioLabel(request.scenario) };
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
 * The timed nodes a polygon isochrone is drawn from: every place with its time (door-to-door), or
 * only the places where services stop (station-to-station, where no access leg is modelled, so a
 * city centre does not inherit its station's time at its own coordinates).
 */
export function surfaceNodes(model: TravelTimeModel, times: PlaceTimes): TimedNode[] {
  const out: TimedNode[] = [];
  model.network.places.forEach((place, k) => {
    if (times.measure === "station-to-station" && !model.isStop(place.id)) return;
    out.push({ coord: place.coord, timeSecs: times.timesSecs[k]! });
  });
  return out;
}

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
  const result = polygonIsochrone(surfaceNodes(model, times), cutoffs, {
    places: placePopulations(model),
    ...options,
    properties: { ...bandProperties(times, request.modes ?? "multimodal"), ...options.properties },
  });
  return { ...result, times };
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
  const diff = isochroneDifference(surfaceNodes(model, timesA), surfaceNodes(model, timesB), cutoffs, {
    places: placePopulations(model),
    ...options,
    properties: { ...propsA, ...options.properties },
    propertiesB: { ...propsB, scenario: timesB.scenario, baseline: timesA.scenario },
  });
  return { ...diff, timesA, timesB };
}
