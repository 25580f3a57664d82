/**
 * Isochrones on a scenario timetable: each place's time is a statistic (p5, p50, p95 or best) of its
 * door-to-door travel times over a departure window, then banded exactly as the frequency model's
 * place times are.
 */
import type { TravelTimeModel } from "../model/build-model.js";
import {
  DoorToDoorRouter,
  statisticSecs,
  travelTimeStats,
  type DepartureWindow,
  type TimetableStatistic,
} from "../timetable/door-to-door.js";
import { scenarioTimetable, type FeedInput, type NetworkTimetable } from "../timetable/network.js";
import type { BandOptions } from "./bands.js";
import { normalizeCutoffsMin } from "./cutoffs.js";
import { bandProperties, originStations, placePopulations, resolveOrigins, scenarioLabel } from "./request.js";
import { surfaceNodes, type IsochroneRequest, type PlaceTimes } from "./modelIsochrone.js";
import { nodeIsochrone, type NodeIsochroneBand } from "./nodeIsochrone.js";
import { polygonIsochrone, type PolygonIsochrone } from "./polygonIsochrone.js";
import type { SurfaceOptions } from "./surface.js";

/** An isochrone request answered on the scenario's timetable. */
export interface TimetableIsochroneRequest extends Omit<IsochroneRequest, "quantities"> {
  /** Departures sampled (a single departure: start = end). */
  readonly window: DepartureWindow;
  /** Statistic of each place's travel times used as its time (default `p50`). */
  readonly statistic?: TimetableStatistic;
  readonly maxRides?: number;
  /** A real feed merged into the scenario timetable. */
  readonly gtfs?: FeedInput;
  /** A prebuilt scenario timetable (its selection, modes and measure then win over the request's). */
  readonly timetable?: NetworkTimetable;
}

function scenarioTimetableFor(model: TravelTimeModel, request: Omit<TimetableIsochroneRequest, "cutoffsMin">): NetworkTimetable {
  const measure = request.measure ?? "door-to-door";
  return scenarioTimetable(model, request.scenario, { measure, ...(request.modes && { modes: request.modes }), ...(request.gtfs && { gtfs: request.gtfs }) });
}

/**
 * Each place's time from the origins on the scenario timetable: the chosen statistic of its
 * per-departure door-to-door (or station-to-station) travel times over the window, seconds,
 * `Infinity` where not reached. Origins and start offsets as in `placeTimes`. With `request.timetable`,
 * `scenario` and `measure` of the result are the timetable's.
 *
 * @throws IsochroneError for an empty origin list, a start offset that is not finite and `>= 0`, or an
 *   origin without a station under `station-to-station`.
 */
export function timetablePlaceTimes(model: TravelTimeModel, request: Omit<TimetableIsochroneRequest, "cutoffsMin">): PlaceTimes {
  const origins = resolveOrigins(request.origins);
  const nt = request.timetable ?? scenarioTimetableFor(model, request);
  const router = new DoorToDoorRouter(nt, request.maxRides === undefined ? {} : { maxRides: request.maxRides });
  if (nt.measure === "station-to-station") for (const o of origins) originStations(model, o.placeId);
  const places = model.network.places.map((p) => p.id);
  const statistic = request.statistic ?? "p50";
  const results = router.travelTimes(origins, places, request.window);
  const timesSecs = Float64Array.from(results, (r) => statisticSecs(travelTimeStats(r.travelTimesSecs), statistic));
  // The statistic is the reading: the best departure of the window is the scheduled connection.
  const reading = statistic === "best" ? "scheduled" : "typical";
  return { timesSecs, origins, measure: nt.measure, reading, scenario: scenarioLabel(nt.selection) };
}

/** Node isochrone bands (see `nodeIsochrone`) from `timetablePlaceTimes`. */
export function timetableNodeIsochrone(model: TravelTimeModel, request: TimetableIsochroneRequest): NodeIsochroneBand[] {
  const cutoffs = normalizeCutoffsMin(request.cutoffsMin);
  const times = timetablePlaceTimes(model, request);
  return nodeIsochrone(times.timesSecs, model.network.places.map((p) => p.id), cutoffs);
}

/**
 * Polygon isochrone bands (see `polygonIsochrone`) from `timetablePlaceTimes`; band properties
 * as `modelPolygonIsochrone`'s plus `statistic`, `windowStartSecs` and `windowEndSecs`.
 */
export function timetablePolygonIsochrone(
  model: TravelTimeModel,
  request: TimetableIsochroneRequest,
  options: SurfaceOptions & BandOptions = {},
): PolygonIsochrone & { readonly times: PlaceTimes } {
  const cutoffs = normalizeCutoffsMin(request.cutoffsMin);
  const nt = request.timetable ?? scenarioTimetableFor(model, request);
  const times = timetablePlaceTimes(model, { ...request, timetable: nt });
  const result = polygonIsochrone(surfaceNodes(model, times), cutoffs, {
    places: placePopulations(model),
    ...options,
    properties: {
      ...bandProperties(times, nt.modes),
      statistic: request.statistic ?? "p50",
      windowStartSecs: request.window.windowStartSecs,
      windowEndSecs: request.window.windowEndSecs,
      ...options.properties,
    },
  });
  return { ...result, times };
}
