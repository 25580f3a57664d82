/**
 * Routes: one origin–destination query on the model, and the translation of a core path (edge
 * indices) into legs a person can read.
 */
import type { Id, Measure } from "../network/schema.js";
import type { EdgeCosts, TravelTimeModel } from "./build-model.js";
import { ModelError } from "./errors.js";
import type { ModeFilter, ProjectSelection, QuantityOverrides } from "./types.js";

/**
 * One leg of a route. `timeMin = waitMin + transferMin + inVehicleMin + accessMin + egressMin`, and the
 * legs of a route sum to the route's time.
 * - `access` / `egress`: connectors (explicit or generated) before the first / after the last
 *   non-connector leg; their time is in `accessMin` / `egressMin`;
 * - `drive`: one road link, time in `inVehicleMin`;
 * - `ride`: one service from boarding to alighting: `waitMin` (headway rule), `transferMin` (only
 *   when an earlier ride precedes it), `inVehicleMin` (running plus dwell at intermediate stops);
 * - `connector`: a connector between two rides (e.g. a walk between stations), time in `transferMin`.
 */
export interface RouteLeg {
  readonly kind: "access" | "egress" | "drive" | "ride" | "connector";
  /** Service mode for rides, `car` for drives, and `car`, `walk` or `connector` for connectors. */
  readonly mode: string;
  /** Display name: the service's or link's English name (the id when it has none). */
  readonly line: string;
  /** Service id (ride) or link id (drive, explicit connector); empty for generated connectors. */
  readonly lineIds: readonly Id[];
  /** Place ids where the leg starts and ends. */
  readonly from: Id;
  readonly to: Id;
  readonly timeMin: number;
  readonly waitMin: number;
  readonly transferMin: number;
  readonly inVehicleMin: number;
  readonly accessMin: number;
  readonly egressMin: number;
  /** Projects the leg's links or service need (sorted, unique). */
  readonly projects: readonly Id[];
}

interface MutableLeg {
  kind: RouteLeg["kind"];
  mode: string;
  lineIds: Id[];
  names: string[];
  from: Id;
  to: Id;
  waitSecs: number;
  transferSecs: number;
  inVehicleSecs: number;
  otherSecs: number;
  projects: Set<Id>;
}

/**
 * Splits a path (edge indices in travel order, as `ShortestPathSearch.pathTo(...).edges`) into
 * {@link RouteLeg}s using the edge costs the search ran on. Zero-cost bookkeeping edges (alight,
 * arrive) are absorbed into the leg before them.
 */
export function routeLegs(model: TravelTimeModel, edges: readonly number[], costs: EdgeCosts = model.base): RouteLeg[] {
  const network = model.network;
  const raw: MutableLeg[] = [];
  let ride: MutableLeg | null = null;
  for (const e of edges) {
    const edge = model.edges[e];
    if (edge === undefined)
      throw new ModelError(
        `routeLegs(model, edges): edge ${e} is not an edge of the model (0..${model.edgeCount - 1})`,
      );
    const secs = costs.costsSecs[e]!;
    switch (edge.kind) {
      case "arrive":
        break;
      case "board": {
        const transfer = costs.transferSecs[e]!;
        const service = network.serviceById.get(edge.serviceId!);
        ride = {
          kind: "ride",
          mode: edge.mode,
          lineIds: [edge.serviceId!],
          names: [service?.name.en ?? edge.serviceId!],
          from: edge.fromPlaceId,
          to: edge.toPlaceId,
          waitSecs: secs - transfer,
          transferSecs: transfer,
          inVehicleSecs: 0,
          otherSecs: 0,
          projects: new Set(edge.projects),
        };
        raw.push(ride);
        break;
      }
      case "ride":
      case "dwell":
        if (ride === null) throw new ModelError(`routeLegs: edge ${e} (${edge.kind}) is not preceded by a board edge`);
        ride.inVehicleSecs += secs;
        ride.to = edge.toPlaceId;
        break;
      case "alight":
        ride = null;
        break;
      case "road": {
        // One drive leg per road link (a link is one edge), so that the binding leg names a link.
        const link = network.linkById.get(edge.linkId!);
        raw.push({
          kind: "drive",
          mode: "car",
          lineIds: [edge.linkId!],
          names: [link?.name?.en ?? edge.linkId!],
          from: edge.fromPlaceId,
          to: edge.toPlaceId,
          waitSecs: 0,
          transferSecs: 0,
          inVehicleSecs: secs,
          otherSecs: 0,
          projects: new Set(edge.projects),
        });
        break;
      }
      case "connector":
      case "access": {
        const link = edge.linkId === undefined ? undefined : network.linkById.get(edge.linkId);
        raw.push({
          kind: "connector",
          mode: edge.mode,
          lineIds: edge.linkId === undefined ? [] : [edge.linkId],
          names: [link?.name?.en ?? edge.linkId ?? `${edge.mode === "walk" ? "walk" : "drive"} (generated connector)`],
          from: edge.fromPlaceId,
          to: edge.toPlaceId,
          waitSecs: 0,
          transferSecs: 0,
          inVehicleSecs: 0,
          otherSecs: secs,
          projects: new Set(edge.projects),
        });
        break;
      }
    }
  }
  let first = raw.findIndex((l) => l.kind !== "connector");
  let last = raw.length - 1 - [...raw].reverse().findIndex((l) => l.kind !== "connector");
  if (first < 0) {
    first = raw.length;
    last = raw.length;
  }
  return raw.map((l, i) => {
    const kind: RouteLeg["kind"] =
      l.kind !== "connector" ? l.kind : i < first ? "access" : i > last ? "egress" : "connector";
    const accessSecs = kind === "access" ? l.otherSecs : 0;
    const egressSecs = kind === "egress" ? l.otherSecs : 0;
    const transferSecs = l.transferSecs + (kind === "connector" ? l.otherSecs : 0);
    return {
      kind,
      mode: l.mode,
      line: l.names.join(", "),
      lineIds: l.lineIds,
      from: l.from,
      to: l.to,
      timeMin: (l.waitSecs + l.transferSecs + l.inVehicleSecs + l.otherSecs) / 60,
      waitMin: l.waitSecs / 60,
      transferMin: transferSecs / 60,
      inVehicleMin: l.inVehicleSecs / 60,
      accessMin: accessSecs / 60,
      egressMin: egressSecs / 60,
      projects: [...l.projects].sort(),
    };
  });
}

/**
 * The binding leg of a route: the leg with the largest `timeMin` (the first of equals), or -1 for a
 * route without legs. Improving any one leg can save at most that leg's whole time, so this is the
 * leg with the largest possible saving (see docs/design-choices.md).
 */
export function bindingLegIndex(legs: readonly RouteLeg[]): number {
  let best = -1;
  let bestMin = -Infinity;
  legs.forEach((leg, i) => {
    if (leg.timeMin > bestMin) {
      bestMin = leg.timeMin;
      best = i;
    }
  });
  return best;
}

/** Options of {@link findRoute}. */
export interface RouteOptions {
  /** Scenario id or project selection (default: the network's first scenario). */
  readonly scenario?: Id;
  readonly projects?: Iterable<Id>;
  readonly measure?: Measure;
  readonly modes?: ModeFilter;
  readonly quantities?: QuantityOverrides;
}

/** A route query's answer. */
export interface RouteResult {
  /**
   * `ok`; `no-route` (unreachable with these projects and modes); `no-station` (station-to-station
   * for a place without stations); `same-station` (station-to-station, the places share a station:
   * time 0, no legs).
   */
  readonly status: "ok" | "no-route" | "no-station" | "same-station";
  readonly from: Id;
  readonly to: Id;
  /** Travel time (min), null unless `ok`. */
  readonly timeMin: number | null;
  readonly legs: readonly RouteLeg[];
  /** Where the route starts and ends: the places themselves (door-to-door) or the best station pair. */
  readonly fromStation?: Id;
  readonly toStation?: Id;
}

/**
 * The fastest route between two places. Door-to-door starts before any ride at `from` and ends on
 * arrival at `to` by any means; station-to-station is the best pair of stations of the two places
 * (see {@link TravelTimeModel.stationsOf}), riding only.
 */
export function findRoute(model: TravelTimeModel, from: Id, to: Id, options: RouteOptions = {}): RouteResult {
  const selection = selectionOf(model, options);
  const measure = options.measure ?? "door-to-door";
  const filter = {
    modes: options.modes ?? "multimodal",
    measure,
    ...(options.quantities ? { quantities: options.quantities } : {}),
  };
  const { graph, costs } = model.overlayWithCosts(selection, filter);
  const search = model.search;
  search.setGraph(graph);
  if (measure === "door-to-door") {
    const target = model.destinationNode(to);
    const times = search.oneToMany(model.originNode(from), [target]);
    return resultOf(model, from, to, times[0]!, target, costs);
  }
  const fromStations = model.stationsOf(from);
  const toStations = model.stationsOf(to);
  if (fromStations.length === 0 || toStations.length === 0) {
    return { status: "no-station", from, to, timeMin: null, legs: [] };
  }
  const shared = toStations.find((s) => fromStations.includes(s));
  if (shared !== undefined)
    return { status: "same-station", from, to, timeMin: 0, legs: [], fromStation: shared, toStation: shared };
  const best = fastestToStations(model, searchFromStations(model, fromStations)!, toStations);
  return resultOf(model, from, to, best.secs, best.node, costs);
}

/**
 * Station-to-station (internal; shared with the target checks and `qiwan matrix`): one multi-source
 * search on `model.search`'s current graph from every station in `fromStations`, each at 0 s; the
 * times (s) by node, or null for no stations.
 */
export function searchFromStations(model: TravelTimeModel, fromStations: readonly Id[]): Float64Array | null {
  if (fromStations.length === 0) return null;
  return model.search.multiSource(
    fromStations.map((s) => model.originNode(s)),
    fromStations.map(() => 0),
  );
}

/**
 * The fastest arrival at any of `toStations` in times from {@link searchFromStations}: seconds
 * (Infinity when none is reached) and the destination node (-1 then); the first of equal times.
 */
export function fastestToStations(
  model: TravelTimeModel,
  times: Float64Array,
  toStations: readonly Id[],
): { secs: number; node: number } {
  let secs = Infinity;
  let node = -1;
  for (const s of toStations) {
    const n = model.destinationNode(s);
    if (times[n]! < secs) ((secs = times[n]!), (node = n));
  }
  return { secs, node };
}

/** The project selection of a query's options; a scenario wins over projects; default the first scenario. */
export function selectionOf(
  model: TravelTimeModel,
  options: { scenario?: Id; projects?: Iterable<Id> },
): ProjectSelection {
  if (options.scenario !== undefined) return { scenario: options.scenario };
  if (options.projects !== undefined) return { projects: options.projects };
  const first = model.network.scenarios[0];
  if (first === undefined)
    throw new ModelError("the network has no scenarios: pass { projects } to choose what exists");
  return { scenario: first.id };
}

function resultOf(model: TravelTimeModel, from: Id, to: Id, secs: number, node: number, costs: EdgeCosts): RouteResult {
  if (!(secs < Infinity)) return { status: "no-route", from, to, timeMin: null, legs: [] };
  const path = model.search.pathTo(node);
  if (path === null) return { status: "no-route", from, to, timeMin: null, legs: [] };
  const legs = routeLegs(model, path.edges, costs);
  const startNode = path.nodes[0]!;
  return {
    status: "ok",
    from,
    to,
    timeMin: secs / 60,
    legs,
    fromStation: model.graph.getNodeAttributes(model.compiled.idOf(startNode)).placeId,
    toStation: model.graph.getNodeAttributes(model.compiled.idOf(node)).placeId,
  };
}
