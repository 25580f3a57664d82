/**
 * A scenario of a network turned into a timetable: every active service becomes synthetic trips
 * (regular headway over a service day, running and dwell times from the travel-time model), so the
 * timetable engine answers the same questions as the frequency model with explicit departure times.
 */
import type { CompiledGraph } from "../core/index.js";
import { buildModel, type EdgeCosts, type TravelTimeModel } from "../model/build-model.js";
import { greatCircleKm } from "../model/geo.js";
import type { ModeFilter, ProjectSelection, QuantityOverrides } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { boardingTransferSecs, serviceAdmitted, serviceSecs } from "../query/services.js";
import { StreetSearch, streetOverlay } from "../query/street.js";
import { TimetableError } from "./errors.js";
import { synthesizeTrips } from "./routing/synthesize.js";
import { TimetableBuilder, type Timetable } from "./routing/timetable.js";

/** Default service day of synthetic trips: first departure 06:00, last departure 23:00 (seconds). */
export const DEFAULT_SERVICE_DAY = { firstDepartureSecs: 6 * 3600, lastDepartureSecs: 23 * 3600 } as const;

/** A real feed merged into a scenario timetable (see {@link ScenarioTimetableOptions.gtfs}). */
export interface FeedInput {
  /** The feed, e.g. from `loadGtfs`. Its stops, trips, transfers and footpaths are copied as they are. */
  readonly timetable: Timetable;
  /**
   * Feed stop id → network place id, for stops whose id is not a place id. A stop listed here, or
   * whose id is a place id, is joined to that place at 0 s; any other stop is joined to the nearest
   * place within `matchRadiusKm` by a walk (great circle × access circuity / walk speed), or to none.
   */
  readonly stopPlaces?: ReadonlyMap<string, Id>;
  /** Largest distance from a feed stop to the place it is joined to, km (default 0.5). */
  readonly matchRadiusKm?: number;
  /**
   * Network services not to synthesise because the feed runs them (default none: every active
   * service is synthesised as well, and RAPTOR uses whichever is faster at each departure).
   */
  readonly excludeServices?: readonly Id[];
}

/** Options of {@link scenarioTimetable}. */
export interface ScenarioTimetableOptions {
  /** Which services run: `multimodal` (default) all, `rail` rail modes only, `road` none. Same rule as the model's filter. */
  readonly modes?: ModeFilter;
  /**
   * `door-to-door` (default): changing between two stations by road is a footpath (road time plus
   * the transfer time of the boarded stop). `station-to-station`: only mode changes inside one
   * place, as in the model's station-to-station measure (no road legs).
   */
  readonly measure?: Measure;
  /** First departure of every synthetic service from each terminus, seconds (default 06:00 = 21,600). */
  readonly firstDepartureSecs?: number;
  /** Last departure (inclusive), seconds (default 23:00 = 82,800). */
  readonly lastDepartureSecs?: number;
  /**
   * Road changes between stations longer than this are not added as footpaths, seconds (default
   * `Infinity`: every pair, as the frequency model allows any ride → drive → ride). Lower it on
   * large networks: the footpath count is quadratic in the number of stops.
   */
  readonly maxRoadTransferSecs?: number;
  /**
   * Quantity overrides (a Monte Carlo draw or a sensitivity run), as in `model.costsWith`: running,
   * dwell and transfer times are recomputed with them, and `/services/<i>/headwayMin` overrides set
   * the synthetic headways. Default none (base quantities).
   */
  readonly quantities?: QuantityOverrides;
  /** Edge costs to read running, dwell and transfer times from (default `model.base`, or `model.costsWith(quantities)`). */
  readonly edgeCosts?: EdgeCosts;
  /** A real feed to merge; see {@link FeedInput}. */
  readonly gtfs?: FeedInput;
}

/** A scenario timetable with the map between its stops and the network's places. */
export interface NetworkTimetable {
  readonly model: TravelTimeModel;
  readonly timetable: Timetable;
  /** The selection, modes and measure it was built for. */
  readonly selection: ProjectSelection;
  readonly modes: ModeFilter;
  readonly measure: Measure;
  /** Place index (in `network.places`) of each timetable stop; -1 for a feed stop joined to no place. */
  readonly stopPlace: Int32Array;
  /** Seconds from a stop to its place (and back): 0 for synthetic stops, the walk for matched feed stops. */
  readonly stopPlaceSecs: Float64Array;
  /** Timetable stops at each place, by place id. */
  readonly placeStops: ReadonlyMap<Id, readonly number[]>;
  /** Synthesised services (active in the selection, admitted by `modes`, not excluded, not frequency aggregates), network order. */
  readonly services: readonly Id[];
  /** Headway of each synthetic route (route id = service id), seconds. */
  readonly headwaySecs: ReadonlyMap<Id, number>;
  /**
   * The street part of the model for this selection (the model's overlay with every ride edge
   * removed): what access, egress and road transfers are searched on. `null` for station-to-station.
   */
  readonly street: CompiledGraph | null;
}

function checkSecsOption(v: number | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!(typeof v === "number" && v >= 0 && (Number.isFinite(v) || v === Infinity))) {
    throw new TimetableError(`options.${name} = ${String(v)} must be a number of seconds ≥ 0`);
  }
  return v;
}

/**
 * Builds the timetable of a scenario (or project set): each service that is active there and admitted
 * by `modes` runs every `headwayMin` from each terminus between `firstDepartureSecs` and
 * `lastDepartureSecs`, in both directions unless `bidirectional: false`, with the model's running and
 * dwell times at base quantities (so a trip takes exactly the model's in-vehicle time, rounded to whole
 * seconds at each stop, cumulatively, so rounding never accumulates beyond 0.5 s).
 *
 * Stops are one per (place, service mode): `"<place>@<mode>"`. Changing vehicle at the same stop needs
 * the stop's minimum transfer time = the model's transfer time for boarding that mode there
 * (`stationTransferMin[place]`, else `transferMin[mode]`); a change to another mode at the same place,
 * or to another station by road (door-to-door), is a footpath of road time + that transfer time. So
 * the first boarding pays no transfer and every later one does, as in the frequency model.
 *
 * Throws `TimetableError` for bad options or a feed stop id that collides with a synthetic stop id;
 * `UnknownIdError` for an unknown scenario. An empty selection gives a timetable without trips.
 */
export function scenarioTimetable(networkOrModel: Network | TravelTimeModel, scenario: Id | ProjectSelection, options: ScenarioTimetableOptions = {}): NetworkTimetable {
  const model = "compiled" in networkOrModel ? networkOrModel : buildModel(networkOrModel);
  const network = model.network;
  const selection: ProjectSelection = typeof scenario === "string" ? { scenario } : scenario;
  const modes = options.modes ?? "multimodal";
  const measure = options.measure ?? "door-to-door";
  const first = checkSecsOption(options.firstDepartureSecs, "firstDepartureSecs", DEFAULT_SERVICE_DAY.firstDepartureSecs);
  const last = checkSecsOption(options.lastDepartureSecs, "lastDepartureSecs", DEFAULT_SERVICE_DAY.lastDepartureSecs);
  if (last < first) throw new TimetableError(`options.lastDepartureSecs ${last} is before firstDepartureSecs ${first}; swap them`);
  const maxRoad = checkSecsOption(options.maxRoadTransferSecs, "maxRoadTransferSecs", Infinity);
  const costs = options.edgeCosts ?? (options.quantities === undefined ? model.base : model.costsWith(options.quantities));
  const overrides = new Map<string, number>();
  if (options.quantities !== undefined) {
    const entries = options.quantities instanceof Map ? options.quantities.entries() : Object.entries(options.quantities);
    for (const [k, v] of entries) overrides.set(k.endsWith("/value") ? k.slice(0, -6) : k, v);
  }
  const projects = "scenario" in selection ? model.scenarioProjects(selection.scenario) : selection.projects;
  const active = model.activeEntities(projects);
  const linkCount = network.links.length;
  const excluded = new Set(options.gtfs?.excludeServices ?? []);
  for (const id of excluded) {
    if (!network.serviceById.has(id)) throw new TimetableError(`options.gtfs.excludeServices: unknown service "${id}"; give ids from network.services`);
  }

  // Transfer seconds for boarding mode m at place p after a ride.
  const transferAt = boardingTransferSecs(model, costs);

  const b = new TimetableBuilder();
  const stopPlace: number[] = [];
  const stopPlaceSecs: number[] = [];
  const stopMtt: number[] = [];
  const feed = options.gtfs;
  if (feed !== undefined) copyFeed(model, feed, b, stopPlace, stopPlaceSecs, stopMtt);

  const services: Id[] = [];
  const headwaySecs = new Map<Id, number>();
  const stopOfKey = new Map<string, number>();
  const stopFor = (placeId: Id, mode: string): number => {
    const key = `${placeId}@${mode}`;
    let s = stopOfKey.get(key);
    if (s !== undefined) return s;
    if (b.stopIndexOf(key) !== undefined) throw new TimetableError(`feed stop id "${key}" collides with the synthetic stop of place "${placeId}" and mode ${mode}; rename the feed stop`);
    const place = network.placeById.get(placeId)!;
    const mtt = Math.round(transferAt.get(key) ?? 0);
    s = b.addStop({ id: key, name: `${place.name.en} (${mode})`, lonLat: [place.coord[0], place.coord[1]], minTransferSecs: mtt });
    stopOfKey.set(key, s);
    stopMtt.push(mtt);
    stopPlace.push(model.placeIndex(placeId));
    stopPlaceSecs.push(0);
    return s;
  };

  network.services.forEach((service, j) => {
    // A frequency aggregate stands for trains other services run: synthesizing it would run them twice.
    if (service.role === "frequency-aggregate") return;
    if (!active[linkCount + j] || !serviceAdmitted(model, j, modes) || excluded.has(service.id)) return;
    const { runSecs, dwellSecs } = serviceSecs(model, j, costs);
    const stops = service.stops.map((p) => stopFor(p, service.mode));
    // Cumulative times from the first departure, rounded once per stop so errors never add up.
    const n = stops.length;
    const arr = [0];
    const dep = [0];
    let clock = 0;
    for (let k = 0; k < n - 1; k++) {
      clock += runSecs[k]!;
      arr.push(Math.round(clock));
      if (k < n - 2) clock += dwellSecs[k]!;
      dep.push(Math.round(clock));
    }
    const headway = Math.round((overrides.get(`/services/${j}/headwayMin`) ?? service.headwayMin.value) * 60);
    services.push(service.id);
    headwaySecs.set(service.id, headway);
    const route = b.addRoute({ id: service.id, name: service.name.en });
    const trips = synthesizeTrips({
      id: service.id,
      stops: stops.map(String),
      runSecs: arr.slice(1).map((a, k) => a - dep[k]!),
      dwellSecs: arr.slice(1, -1).map((a, k) => dep[k + 1]! - a),
      headwaySecs: headway,
      firstDepartureSecs: first,
      lastDepartureSecs: last,
      bothDirections: service.bidirectional !== false,
    });
    for (const t of trips) b.addTrip({ id: t.id, route, stops: t.stopIds.map(Number), arrivalSecs: t.arrivalSecs, departureSecs: t.departureSecs });
  });
  // Make sure every stop place of the superset exists, so stop indices do not depend on the scenario.
  network.services.forEach((service) => service.stops.forEach((p) => stopFor(p, service.mode)));

  const placeStopsArr = new Map<Id, number[]>();
  stopPlace.forEach((p, s) => {
    if (p < 0) return;
    const id = network.places[p]!.id;
    let list = placeStopsArr.get(id);
    if (!list) placeStopsArr.set(id, (list = []));
    list.push(s);
  });

  const mtt = (s: number): number => stopMtt[s]!;
  // Same place, another stop: a change of mode (or feed ↔ network) costs the boarded stop's transfer time.
  for (const list of placeStopsArr.values()) {
    for (const a of list) for (const c of list) if (a !== c) b.addFootpath(a, c, Math.ceil(stopPlaceSecs[a]! + stopPlaceSecs[c]!) + mtt(c));
  }
  const street = measure === "door-to-door" ? streetOverlay(model, selection, modes, costs === model.base ? undefined : costs) : null;
  if (street !== null && services.length > 0) {
    const search = new StreetSearch(model, street);
    const stationPlaces = [...placeStopsArr.keys()];
    const placeOf = stationPlaces.map((id) => model.placeIndex(id));
    for (const [i, fromId] of stationPlaces.entries()) {
      const times = search.afterRide(fromId, maxRoad);
      for (const [k, toId] of stationPlaces.entries()) {
        const road = times[placeOf[k]!]!;
        if (k === i || !(road < Infinity)) continue;
        for (const a of placeStopsArr.get(fromId)!) {
          for (const c of placeStopsArr.get(toId)!) b.addFootpath(a, c, Math.ceil(stopPlaceSecs[a]! + road + stopPlaceSecs[c]!) + mtt(c));
        }
      }
    }
  }
  return {
    model,
    timetable: b.finish(),
    selection,
    modes,
    measure,
    stopPlace: Int32Array.from(stopPlace),
    stopPlaceSecs: Float64Array.from(stopPlaceSecs),
    placeStops: placeStopsArr,
    services,
    headwaySecs,
    street,
  };
}

/** Copies a feed into the builder (same stop and route indices) and joins its stops to places. */
function copyFeed(model: TravelTimeModel, feed: FeedInput, b: TimetableBuilder, stopPlace: number[], stopPlaceSecs: number[], stopMtt: number[]): void {
  const tt = feed.timetable;
  const network = model.network;
  const radiusKm = feed.matchRadiusKm ?? 0.5;
  if (!(radiusKm >= 0)) throw new TimetableError(`options.gtfs.matchRadiusKm = ${radiusKm} must be ≥ 0 km`);
  const walkKmh = model.parameters.get("accessWalkSpeedKmh")?.value ?? 4.5;
  const circuity = model.parameters.get("circuityFactor", "access")?.value ?? 1.3;
  for (const [stopId, placeId] of feed.stopPlaces ?? []) {
    if (!tt.stopIndexById.has(stopId)) throw new TimetableError(`options.gtfs.stopPlaces: feed has no stop "${stopId}"`);
    if (!network.placeById.has(placeId)) throw new TimetableError(`options.gtfs.stopPlaces: "${stopId}" → unknown place "${placeId}"`);
  }
  for (let s = 0; s < tt.stopCount; s++) {
    const id = tt.stopIds[s]!;
    const lon = tt.stopLonLat[2 * s]!;
    const lat = tt.stopLonLat[2 * s + 1]!;
    b.addStop({ id, name: tt.stopNames[s]!, ...(Number.isNaN(lon) ? {} : { lonLat: [lon, lat] as const }), minTransferSecs: tt.minTransferSecs[s]! });
    stopMtt.push(tt.minTransferSecs[s]!);
    const named = feed.stopPlaces?.get(id) ?? (network.placeById.has(id) ? id : undefined);
    if (named !== undefined) {
      stopPlace.push(model.placeIndex(named));
      stopPlaceSecs.push(0);
      continue;
    }
    let best = -1;
    let bestKm = Infinity;
    if (!Number.isNaN(lon)) {
      network.places.forEach((p, i) => {
        const km = greatCircleKm(p.coord, [lon, lat]);
        if (km <= radiusKm && km < bestKm) ((best = i), (bestKm = km));
      });
    }
    stopPlace.push(best);
    stopPlaceSecs.push(best < 0 ? 0 : ((bestKm * circuity) / walkKmh) * 3600);
  }
  for (let r = 0; r < tt.routeCount; r++) b.addRoute({ id: tt.routeIds[r]!, name: tt.routeNames[r]! });
  for (let t = 0; t < tt.tripCount; t++) {
    const p = tt.tripPattern[t]!;
    const a = tt.patternStopOffsets[p]!;
    const len = tt.patternStopOffsets[p + 1]! - a;
    const o = tt.tripTimeOffsets[t]!;
    b.addTrip({
      id: tt.tripIds[t]!,
      route: tt.patternRoute[p]!,
      stops: tt.patternStops.subarray(a, a + len),
      arrivalSecs: tt.arrivalSecs.subarray(o, o + len),
      departureSecs: tt.departureSecs.subarray(o, o + len),
    });
  }
  for (let s = 0; s < tt.stopCount; s++) {
    for (let k = tt.footpathOffsets[s]!; k < tt.footpathOffsets[s + 1]!; k++) b.addFootpath(s, tt.footpathTargets[k]!, tt.footpathSecs[k]!);
  }
}
