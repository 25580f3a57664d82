/**
 * The query layer: place-to-place answers on a travel-time model. A {@link Query} owns its search,
 * so its answers never depend on the order of calls, and it is the only code that knows where a
 * measure starts and ends (door-to-door: the origin place before any ride and the destination sink;
 * station-to-station: the stations of both places, with the no-station and same-station rules).
 */
import { ShortestPathSearch } from "../core/index.js";
import type { EdgeCosts, PlaceOverlay, TravelTimeModel } from "../model/build-model.js";
import type { PlaceDraw } from "../model/place-graph.js";
import type { Id, Measure } from "../network/schema.js";
import { routeLegs, type RouteResult } from "./legs.js";
import type { Reading } from "../model/types.js";
import { DEFAULT_READING, querySelection, timedOrigins, type QueryOptions, type TimedOrigin } from "./options.js";
import { stationPair, stationsOf } from "./stations.js";

/**
 * A travel-time matrix: `secs[i * destinations.length + j]` is the time in seconds from
 * `origins[i]` to `destinations[j]` (row-major, origin rows). Infinity (the core's `UNREACHABLE`)
 * marks a destination that cannot be reached.
 */
export interface TravelTimeMatrix {
  readonly origins: readonly string[];
  readonly destinations: readonly string[];
  readonly secs: Float64Array;
  /** The reading the times were computed under (absent on matrices built outside {@link Query}). */
  readonly reading?: Reading;
}

/** A route before the reading is stamped on it. */
type Unread = Omit<RouteResult, "reading">;

/** Options of {@link Query.placeTimes}. */
export interface PlaceTimesOptions extends QueryOptions {
  /** Search radius, seconds: places farther than this are `Infinity` (default no limit). */
  readonly cutoffSecs?: number;
}

/** What a route reads of the overlay it was found on: model edge costs and the path's model edges. */
type SearchOverlay = Pick<PlaceOverlay, "costs" | "expand">;

/** Options of {@link Query.reach} and {@link Query.townTimesTo}. */
export interface ReachOptions extends QueryOptions {
  /** Search radius, seconds: farther places and towns are `Infinity` (default no limit). */
  readonly cutoffSecs?: number;
}

/** Times to every place and every town of the mesh from one search of the full model. */
export interface Reach {
  /** Seconds per place (`network.places` order), `Infinity` where not reached. */
  readonly placeSecs: Float64Array;
  /** Seconds per town (`network.towns.list` order; empty without a mesh), `Infinity` where not reached. */
  readonly townSecs: Float64Array;
}

/** Options of {@link Query.routes}. */
export interface RoutesOptions extends QueryOptions {
  /** Read the paths into legs (default true); false is faster and leaves `legs` empty and `fromStation` absent. */
  readonly legs?: boolean;
}

/** Options of {@link Query.placeMatrix}. */
export interface PlaceMatrixOptions extends QueryOptions {
  /** Called after each origin row (rows done, rows in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Place-to-place queries on one model: times to every place, matrices and routes, under any
 * selection, measure, mode filter and quantity draw (each a cost overlay). Place-to-place answers
 * search the model's place graph (`model.placeGraph`: the model contracted onto its place nodes,
 * same distances); {@link reach} and {@link townTimesTo}, which need the towns of the local road
 * mesh, search the full model. Owns its searches: not re-entrant, but every call is self-contained,
 * so answers are the same whatever calls came before.
 *
 * @example
 * const q = new Query(buildModel(network));
 * q.route("QJ_CITY", "CQ_CBD", { selection: "plan-2025" }).timeMin;
 * q.placeMatrix(["QJ_CITY"], ["CQ_CBD", "WS_CITY"], { measure: "station-to-station" }).secs;
 */
export class Query {
  readonly model: TravelTimeModel;
  /** Search over the full model (towns included); created on first use. */
  #full: ShortestPathSearch | undefined;
  /** One search per place-graph topology (one per cost draw); the latest one is kept. */
  #placeSearch: { draw: PlaceDraw; search: ShortestPathSearch } | undefined;

  constructor(model: TravelTimeModel) {
    this.model = model;
  }

  /** Stations of a place under station-to-station (see `stationsOf`). */
  stationsOf(placeId: Id): Id[] {
    return stationsOf(this.model, placeId);
  }

  /** The options' filter and costs, as the model's overlays take them (reading: the library default when absent). */
  #filter(options: QueryOptions) {
    return {
      modes: options.modes ?? "multimodal",
      measure: options.measure ?? "door-to-door",
      reading: options.reading ?? DEFAULT_READING,
      ...(options.quantities && { quantities: options.quantities }),
      ...(options.edgeCosts && { edgeCosts: options.edgeCosts }),
    };
  }

  /**
   * The search pointed at the options' overlay, with the overlay and measure: the place graph's,
   * except for a one-off quantity draw (`quantities` without `edgeCosts`), whose place graph (mesh
   * shortcuts) would cost more to build than one search of the full model.
   */
  #overlay(options: QueryOptions): { overlay: SearchOverlay; search: ShortestPathSearch; measure: Measure; reading: Reading } {
    if (options.quantities !== undefined && options.edgeCosts === undefined) {
      const { search, measure, reading, costs } = this.#fullOverlay(options);
      return { overlay: { costs, expand: (path) => [...path] }, search, measure, reading };
    }
    const filter = this.#filter(options);
    const overlay = this.model.placeOverlay(querySelection(this.model, options), filter);
    let held = this.#placeSearch;
    if (held === undefined || held.draw !== overlay.draw)
      this.#placeSearch = held = { draw: overlay.draw, search: new ShortestPathSearch(overlay.graph) };
    held.search.setGraph(overlay.graph);
    return { overlay, search: held.search, measure: filter.measure, reading: filter.reading };
  }

  /** The full-model search pointed at the options' overlay. */
  #fullOverlay(options: QueryOptions): { search: ShortestPathSearch; measure: Measure; reading: Reading; costs: EdgeCosts } {
    const filter = this.#filter(options);
    const { graph, costs } = this.model.overlayWithCosts(querySelection(this.model, options), filter);
    const search = (this.#full ??= new ShortestPathSearch(this.model.compiled));
    search.setGraph(graph);
    return { search, measure: filter.measure, reading: filter.reading, costs };
  }

  /** Search sources and start offsets of timed origins: the origins, or under station-to-station their stations. */
  #sources(origins: Id | readonly (Id | TimedOrigin)[], measure: Measure): { sources: number[]; starts: number[] } {
    const model = this.model;
    const sources: number[] = [];
    const starts: number[] = [];
    for (const o of timedOrigins(origins)) {
      for (const id of measure === "station-to-station" ? stationsOf(model, o.placeId) : [o.placeId]) {
        sources.push(model.originNode(id));
        starts.push(o.startSecs);
      }
    }
    return { sources, starts };
  }

  /** Each place's time in a search's node times: its destination sink, or its best station's. */
  #placeSecsInto(out: Float64Array, nodeTimes: Float64Array, measure: Measure): void {
    const model = this.model;
    model.network.places.forEach((place, k) => {
      const ends = measure === "station-to-station" ? stationsOf(model, place.id) : [place.id];
      let best = Infinity;
      for (const id of ends) best = Math.min(best, nodeTimes[model.destinationNode(id)]!);
      out[k] = best;
    });
  }

  /**
   * Earliest arrival at every place and at every town of the local road mesh from one or more
   * origins (one multi-source search of the full model, so both lists come from the same search).
   * Door-to-door starts at the origins; station-to-station at every station of every origin, and a
   * place takes its best station's time (towns are never reached: no mesh station-to-station). A
   * town's time is its earlier layer (before or after a ride).
   *
   * @throws UnknownIdError for an unknown place or scenario; ModelError for a bad start offset.
   */
  reach(origins: Id | readonly (Id | TimedOrigin)[], options: ReachOptions = {}): Reach {
    const model = this.model;
    const { search, measure } = this.#fullOverlay(options);
    const { sources, starts } = this.#sources(origins, measure);
    const places = model.network.places;
    const T = model.townCount;
    const placeSecs = new Float64Array(places.length).fill(Infinity);
    const townSecs = new Float64Array(T).fill(Infinity);
    if (sources.length === 0) return { placeSecs, townSecs };
    const nodeTimes = search.multiSource(sources, starts, options.cutoffSecs === undefined ? undefined : { cutoffSecs: options.cutoffSecs });
    this.#placeSecsInto(placeSecs, nodeTimes, measure);
    if (T > 0) {
      const first = model.townNode(0, 0);
      for (let i = 0; i < T; i++) townSecs[i] = Math.min(nodeTimes[first + i]!, nodeTimes[first + T + i]!);
    }
    return { placeSecs, townSecs };
  }

  /**
   * Door-to-door time from every town of the mesh to a destination place (one reverse search of the
   * full model from the destination's sink): seconds per town (`network.towns.list` order),
   * `Infinity` where not reached within `cutoffSecs`. A town's trip starts before any ride. Empty
   * without a mesh. Station-to-station has no towns: every town is `Infinity`.
   */
  townTimesTo(destination: Id, options: ReachOptions = {}): Float64Array {
    const model = this.model;
    const T = model.townCount;
    const out = new Float64Array(T).fill(Infinity);
    const { search, measure } = this.#fullOverlay(options);
    if (T === 0 || measure === "station-to-station") return out;
    const nodeTimes = search.oneToAll(model.destinationNode(destination), {
      reverse: true,
      ...(options.cutoffSecs !== undefined && { cutoffSecs: options.cutoffSecs }),
    });
    const first = model.townNode(0, 0);
    for (let i = 0; i < T; i++) out[i] = nodeTimes[first + i]!;
    return out;
  }

  /**
   * Earliest arrival (s) at every place of the network (`network.places` order) from one or more
   * origins, each with an optional start offset (one multi-source search). Station-to-station starts
   * at every station of every origin and gives a place the time of its best station; places without
   * a station (and every place, when no origin has one) are `Infinity`.
   *
   * @throws UnknownIdError for an unknown place or scenario; ModelError for a bad start offset.
   */
  placeTimes(origins: Id | readonly (Id | TimedOrigin)[], options: PlaceTimesOptions = {}): Float64Array {
    const model = this.model;
    const { search, measure } = this.#overlay(options);
    const { sources, starts } = this.#sources(origins, measure);
    const places = model.network.places;
    const out = new Float64Array(places.length).fill(Infinity);
    if (sources.length === 0) return out;
    const nodeTimes = search.multiSource(
      sources,
      starts,
      options.cutoffSecs === undefined ? undefined : { cutoffSecs: options.cutoffSecs },
    );
    this.#placeSecsInto(out, nodeTimes, measure);
    return out;
  }

  /**
   * Travel times (s) from every origin to every destination, one search per origin. A place to
   * itself is 0 under every measure; otherwise as `placeTimes` (station-to-station: `Infinity`
   * when either place has no station, 0 when they share one).
   */
  placeMatrix(origins: readonly Id[], destinations: readonly Id[], options: PlaceMatrixOptions = {}): TravelTimeMatrix {
    const model = this.model;
    const { search, measure, reading } = this.#overlay(options);
    const D = destinations.length;
    const secs = new Float64Array(origins.length * D);
    if (measure === "door-to-door") {
      const nodes = destinations.map((d) => model.destinationNode(d));
      origins.forEach((o, i) => {
        secs.set(search.oneToMany(model.originNode(o), nodes), i * D);
        options.onProgress?.(i + 1, origins.length);
      });
    } else {
      const ends = destinations.map((d) => stationsOf(model, d).map((s) => model.destinationNode(s)));
      origins.forEach((o, i) => {
        const from = stationsOf(model, o);
        const all = from.length === 0 ? null : search.multiSource(from.map((s) => model.originNode(s)), from.map(() => 0));
        ends.forEach((nodes, j) => {
          let best = Infinity;
          if (all !== null) for (const n of nodes) if (all[n]! < best) best = all[n]!;
          secs[i * D + j] = best;
        });
        options.onProgress?.(i + 1, origins.length);
      });
    }
    origins.forEach((o, i) =>
      destinations.forEach((d, j) => {
        if (o === d) secs[i * D + j] = 0;
      }),
    );
    return { origins, destinations, secs, reading };
  }

  /** The fastest route between two places (see {@link routesFor}). */
  route(origin: Id, destination: Id, options: RoutesOptions = {}): RouteResult {
    return this.routesFor([[origin, destination]], options)[0]!;
  }

  /** Fastest routes from one origin to several destinations, with one search (see {@link routesFor}). */
  routes(origin: Id, destinations: readonly Id[], options: RoutesOptions = {}): RouteResult[] {
    return this.routesFor(
      destinations.map((d) => [origin, d] as const),
      options,
    );
  }

  /**
   * Fastest routes for origin–destination pairs, in pair order: one overlay, one search per distinct
   * origin. Door-to-door starts before any ride at the origin and ends on arrival at the destination
   * by any means; station-to-station runs between the best pair of stations (`no-station` when a
   * place has none, `same-station` with time 0 when they share one). Unreachable pairs are `no-route`.
   *
   * @throws UnknownIdError for an unknown place or scenario.
   */
  routesFor(pairs: readonly (readonly [Id, Id])[], options: RoutesOptions = {}): RouteResult[] {
    const { overlay, search, measure, reading } = this.#overlay(options);
    const legs = options.legs ?? true;
    const byOrigin = new Map<Id, number[]>();
    pairs.forEach(([o], i) => {
      const list = byOrigin.get(o);
      if (list === undefined) byOrigin.set(o, [i]);
      else list.push(i);
    });
    const out = new Array<RouteResult>(pairs.length);
    for (const [origin, indices] of byOrigin) {
      const destinations = indices.map((i) => pairs[i]![1]);
      const results =
        measure === "door-to-door"
          ? this.#doorToDoor(search, origin, destinations, overlay, legs)
          : this.#stationToStation(search, origin, destinations, overlay, legs);
      indices.forEach((i, k) => (out[i] = { ...results[k]!, reading }));
    }
    return out;
  }

  #doorToDoor(search: ShortestPathSearch, origin: Id, destinations: readonly Id[], overlay: SearchOverlay, legs: boolean): Unread[] {
    const model = this.model;
    const nodes = destinations.map((d) => model.destinationNode(d));
    const times = search.oneToMany(model.originNode(origin), nodes);
    return destinations.map((d, i) => this.#result(search, origin, d, times[i]!, nodes[i]!, overlay, legs));
  }

  #stationToStation(search: ShortestPathSearch, origin: Id, destinations: readonly Id[], overlay: SearchOverlay, legs: boolean): Unread[] {
    const model = this.model;
    const from = stationsOf(model, origin);
    let all: Float64Array | null = null;
    return destinations.map((d): Unread => {
      const pair = stationPair(from, stationsOf(model, d));
      if (pair.kind === "no-station") return { status: "no-station", from: origin, to: d, timeMin: null, legs: [] };
      if (pair.kind === "same-station") {
        const s = pair.station;
        return { status: "same-station", from: origin, to: d, timeMin: 0, legs: [], fromStation: s, toStation: s };
      }
      all ??= search.multiSource(
        from.map((s) => model.originNode(s)),
        from.map(() => 0),
      );
      // The first of equal times, in the destination's station order.
      let secs = Infinity;
      let node = -1;
      for (const s of pair.to) {
        const n = model.destinationNode(s);
        if (all[n]! < secs) ((secs = all[n]!), (node = n));
      }
      return this.#result(search, origin, d, secs, node, overlay, legs);
    });
  }

  /** A reached (or not) destination node as a route; reads the path of the latest search. */
  #result(search: ShortestPathSearch, from: Id, to: Id, secs: number, node: number, overlay: SearchOverlay, legs: boolean): Unread {
    if (!(secs < Infinity)) return { status: "no-route", from, to, timeMin: null, legs: [] };
    const model = this.model;
    if (!legs) return { status: "ok", from, to, timeMin: secs / 60, legs: [], toStation: model.placeOfNode(node) };
    const path = search.pathTo(node);
    if (path === null) return { status: "no-route", from, to, timeMin: null, legs: [] };
    return {
      status: "ok",
      from,
      to,
      timeMin: secs / 60,
      legs: routeLegs(model, overlay.expand(path.edges), overlay.costs),
      fromStation: model.placeOfNode(path.nodes[0]!),
      toStation: model.placeOfNode(node),
    };
  }
}
