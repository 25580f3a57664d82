/**
 * Expansion of a network into the model's nodes and edges (see docs/design-choices.md, "travel-time
 * model"): two layers of place nodes (before and after a ride), a destination sink per place,
 * line-stop nodes per service direction, and one cost recipe per edge.
 */
import { ROAD_MODES, type Id, type LonLat } from "../network/schema.js";
import type { Network } from "../network/types.js";
import type { CostFn, CostRecipe } from "./costs.js";
import { waitSecs } from "./costs.js";
import { ModelError, didYouMean } from "./errors.js";
import { greatCircleKm } from "./geo.js";
import type { ResolvedParameters } from "./parameters.js";
import { segmentCosts } from "./track-path.js";
import type { ModelEdgeAttributes, ModelEdgeKind, ModelNodeAttributes, ModelOptions } from "./types.js";

const ROAD: ReadonlySet<string> = new Set<string>(ROAD_MODES);

/** One edge of the expanded graph, before compilation. */
export interface EdgeSpec extends CostRecipe {
  readonly from: number;
  readonly to: number;
  readonly attrs: Omit<ModelEdgeAttributes, "index" | "costSecs">;
  /** Entity index (links, then services), or -1 for edges present in every selection. */
  readonly entity: number;
  /**
   * Generated connectors only: index into `connectorGroups` of the explicit connectors joining the
   * same two places; the edge is present only while none of them is active. Absent: no such group.
   */
  readonly group?: number;
}

/** A service's edges in its forward direction, by stop (edge indices). */
export interface ServiceEdges {
  /** `ride[k]`: the ride from stop k to stop k + 1. */
  readonly ride: Int32Array;
  /** `dwell[k]`: the dwell at stop k + 1 (the intermediate stops). */
  readonly dwell: Int32Array;
}

/** The expanded graph: nodes (keys and attributes, by index) and edges with their cost recipes. */
export interface Expansion {
  readonly nodeKeys: readonly string[];
  readonly nodeAttrs: readonly ModelNodeAttributes[];
  readonly specs: readonly EdgeSpec[];
  /** Link indices of the explicit connectors of a place pair whose generated connector they displace. */
  readonly connectorGroups: readonly (readonly number[])[];
  /** Place index by place id. */
  readonly placeIndex: ReadonlyMap<Id, number>;
  /** Places where some service (in any project) stops. */
  readonly stopPlaces: ReadonlySet<Id>;
  /** Per service (network order): its forward ride and dwell edges. */
  readonly serviceEdges: readonly ServiceEdges[];
  readonly warnings: readonly string[];
}

/**
 * Expands a network. Node order: place (layer 0) for every place, then place-after-ride (layer 1),
 * then destination sinks, then line-stop nodes; so `layer * P + placeIndex` and `2P + placeIndex`
 * address the place nodes. `replacers` (per entity) decides which explicit connectors are always
 * present. Throws {@link ModelError} for unknown places and malformed services.
 */
export function expandNetwork(
  network: Network,
  options: Required<ModelOptions>,
  parameters: ResolvedParameters,
  replacers: readonly (readonly number[])[],
): Expansion {
  const warnings: string[] = [];
  const places = network.places;
  const P = places.length;
  const placeIndex = new Map(places.map((p, i) => [p.id, i]));
  const placeAt = (id: Id, where: string): number => {
    const i = placeIndex.get(id);
    if (i === undefined) throw new ModelError(`unknown place "${id}" in ${where}${didYouMean(id, placeIndex.keys())}`);
    return i;
  };
  const links = network.links;
  const services = network.services;

  const nodeKeys: string[] = [];
  const nodeAttrs: ModelNodeAttributes[] = [];
  for (const p of places) {
    nodeKeys.push(`place:${p.id}`);
    nodeAttrs.push({ kind: "place", placeId: p.id });
  }
  for (const p of places) {
    nodeKeys.push(`after-ride:${p.id}`);
    nodeAttrs.push({ kind: "place-after-ride", placeId: p.id });
  }
  for (const p of places) {
    nodeKeys.push(`destination:${p.id}`);
    nodeAttrs.push({ kind: "destination", placeId: p.id });
  }
  const specs: EdgeSpec[] = [];
  const connectorGroups: number[][] = [];
  const layerNode = (placeIdx: number, layer: 0 | 1): number => placeIdx + layer * P;
  const addStreetEdge = (
    a: number,
    b: number,
    kind: ModelEdgeKind,
    mode: string,
    entity: number,
    cost: CostFn,
    extra: { linkId?: Id; projects: readonly Id[] },
    group?: number,
  ): void => {
    for (const layer of [0, 1] as const) {
      specs.push({
        from: layerNode(a, layer),
        to: layerNode(b, layer),
        entity,
        ...(group !== undefined && { group }),
        cost,
        attrs: { kind, mode, layer, fromPlaceId: places[a]!.id, toPlaceId: places[b]!.id, ...extra },
      });
    }
  };
  const pointerOf = (collection: "links" | "services", index: number, field: string): string =>
    `/${collection}/${index}/${field}`;
  const crowKm = (a: number, b: number): number =>
    greatCircleKm(places[a]!.coord as LonLat, places[b]!.coord as LonLat);

  // Roads and explicit connectors: driven (or walked) directly, in both layers.
  /** Explicit connector link indices by unordered place pair `a,b` (a < b). */
  const explicitConnectors = new Map<string, number[]>();
  const hasStreetLink = new Uint8Array(P);
  links.forEach((link, i) => {
    const isRoad = ROAD.has(link.mode);
    if (!isRoad && link.mode !== "connector") return;
    const a = placeAt(link.from, `links[${i}] "${link.id}".from`);
    const b = placeAt(link.to, `links[${i}] "${link.id}".to`);
    hasStreetLink[a] = 1;
    hasStreetLink[b] = 1;
    if (link.mode === "connector") {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      const list = explicitConnectors.get(key);
      if (list === undefined) explicitConnectors.set(key, [i]);
      else list.push(i);
    }
    const estimatedKm = crowKm(a, b);
    const cost: CostFn = isRoad
      ? (v) => {
          const congestion = v.p("congestionFactor");
          if (link.minutes) return v.q(pointerOf("links", i, "minutes"), link.minutes.value) * 60 * congestion;
          const km = link.lengthKm
            ? v.q(pointerOf("links", i, "lengthKm"), link.lengthKm.value)
            : estimatedKm * v.p("circuityFactor", "road");
          const designKmh = link.speedKmh
            ? v.q(pointerOf("links", i, "speedKmh"), link.speedKmh.value)
            : v.p("designSpeedKmh", link.mode);
          return (km / (designKmh * v.p("commercialSpeedFactor", link.mode))) * 3600 * congestion;
        }
      : (v) => {
          if (link.minutes) return v.q(pointerOf("links", i, "minutes"), link.minutes.value) * 60;
          const km = link.lengthKm
            ? v.q(pointerOf("links", i, "lengthKm"), link.lengthKm.value)
            : estimatedKm * v.p("circuityFactor", "access");
          const kmh = link.speedKmh
            ? v.q(pointerOf("links", i, "speedKmh"), link.speedKmh.value) * v.p("commercialSpeedFactor", "connector")
            : v.p("accessCarSpeedKmh");
          return (km / kmh) * 3600;
        };
    if (!link.minutes && !link.lengthKm)
      warnings.push(
        `links[${i}] "${link.id}": no lengthKm or minutes; length estimated from coordinates × circuityFactor`,
      );
    const extra = { linkId: link.id, projects: link.projects ?? [] };
    addStreetEdge(a, b, isRoad ? "road" : "connector", link.mode, i, cost, extra);
    if (!link.oneway) addStreetEdge(b, a, isRoad ? "road" : "connector", link.mode, i, cost, extra);
  });

  // Services: line-stop nodes per direction and stop; board, ride, dwell, alight edges.
  const stopPlaces = new Set<Id>();
  const serviceEdges: ServiceEdges[] = [];
  services.forEach((service, j) => {
    const entity = links.length + j;
    const where = `services[${j}] "${service.id}"`;
    const stops = service.stops.map((s, k) => placeAt(s, `${where}.stops[${k}]`));
    if (stops.length < 2)
      throw new ModelError(`${where}.stops: a service needs at least two stops, got ${stops.length}`);
    for (const s of service.stops) stopPlaces.add(s);
    if (service.runMinutes && service.runMinutes.length !== stops.length - 1) {
      throw new ModelError(
        `${where}.runMinutes: expected ${stops.length - 1} values (one per segment), got ${service.runMinutes.length}`,
      );
    }
    const segmentCost = segmentCosts(network, placeIndex, service, j, stops, crowKm, warnings, parameters);
    const segments = { ride: new Int32Array(stops.length - 1).fill(-1), dwell: new Int32Array(stops.length - 2).fill(-1) };
    serviceEdges.push(segments);
    const projects = service.projects ?? [];
    const directions: Array<"forward" | "backward"> =
      service.bidirectional === false ? ["forward"] : ["forward", "backward"];
    for (const direction of directions) {
      const order = direction === "forward" ? stops.map((_, k) => k) : stops.map((_, k) => stops.length - 1 - k);
      const dep: number[] = [];
      const arr: number[] = [];
      order.forEach((k, position) => {
        const placeId = places[stops[k]!]!.id;
        dep.push(nodeKeys.length);
        nodeKeys.push(`departure:${service.id}:${direction}:${position}`);
        nodeAttrs.push({ kind: "departure", placeId, serviceId: service.id, direction, stopIndex: position });
        arr.push(nodeKeys.length);
        nodeKeys.push(`arrival:${service.id}:${direction}:${position}`);
        nodeAttrs.push({ kind: "arrival", placeId, serviceId: service.id, direction, stopIndex: position });
      });
      const base = { mode: service.mode, serviceId: service.id, direction, projects };
      const headway: CostFn = (v) =>
        waitSecs(options.wait, v.q(pointerOf("services", j, "headwayMin"), service.headwayMin.value));
      const dwell: CostFn = (v) =>
        service.dwellMin
          ? v.q(pointerOf("services", j, "dwellMin"), service.dwellMin.value) * 60
          : v.p("dwellMin", service.mode) * 60;
      const last = order.length - 1;
      order.forEach((k, position) => {
        const stop = stops[k]!;
        const stopId = places[stop]!.id;
        const ends = { fromPlaceId: stopId, toPlaceId: stopId };
        if (position < last) {
          const transfer: CostFn = (v) => {
            const atStation = parameters.get("stationTransferMin", stopId);
            return atStation !== undefined
              ? v.q(`/parameters/stationTransferMin/${stopId}`, atStation.value) * 60
              : v.p("transferMin", service.mode) * 60;
          };
          specs.push({
            from: layerNode(stop, 0),
            to: dep[position]!,
            entity,
            wait: headway,
            attrs: { kind: "board", layer: 0, ...ends, ...base },
          });
          specs.push({
            from: layerNode(stop, 1),
            to: dep[position]!,
            entity,
            wait: headway,
            transfer,
            connectionWaitMode: service.mode,
            attrs: { kind: "board", layer: 1, ...ends, ...base },
          });
          // Segment index in the service's own (forward) order.
          const segment = direction === "forward" ? k : k - 1;
          const nextStopId = places[stops[order[position + 1]!]!]!.id;
          if (direction === "forward") segments.ride[segment] = specs.length;
          specs.push({
            from: dep[position]!,
            to: arr[position + 1]!,
            entity,
            cost: segmentCost[segment]!,
            attrs: { kind: "ride", layer: null, fromPlaceId: stopId, toPlaceId: nextStopId, ...base },
          });
        }
        if (position > 0) {
          specs.push({
            from: arr[position]!,
            to: layerNode(stop, 1),
            entity,
            cost: () => 0,
            attrs: { kind: "alight", layer: null, ...ends, ...base },
          });
        }
        if (position > 0 && position < last) {
          if (direction === "forward") segments.dwell[position - 1] = specs.length;
          specs.push({
            from: arr[position]!,
            to: dep[position]!,
            entity,
            cost: dwell,
            attrs: { kind: "dwell", layer: null, ...ends, ...base },
          });
        }
      });
    }
  });

  // Generated access/egress connectors: each place to nearby stations, and isolated places to the road
  // network. They depend on places only (not on services or projects), so every scenario and every
  // subset of the network has the same connectors (the superset equals a model of the subset).
  // An explicit connector displaces the generated one of its pair: for good when it is present in
  // every selection (no projects, never replaced), else only in the selections where it is active.
  const hasGeneratedAccess = new Uint8Array(P);
  if (options.generateAccess) {
    const isStation = new Uint8Array(P);
    places.forEach((place, i) => {
      if (place.kind === "station") isStation[i] = 1;
      for (const s of place.stations ?? []) isStation[placeAt(s, `places[${i}] "${place.id}".stations`)] = 1;
    });
    const stationIdx = places.map((_, i) => i).filter((i) => isStation[i]);
    const alwaysPresent = (link: number): boolean =>
      (links[link]!.projects ?? []).length === 0 && replacers[link]!.length === 0;
    const accessCircuity = parameters.get("circuityFactor", "access")?.value ?? 1;
    const joined = new Set<string>();
    const generate = (a: number, b: number): void => {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      if (a === b || joined.has(key)) return;
      joined.add(key);
      const explicit = explicitConnectors.get(key);
      if (explicit?.some(alwaysPresent)) return;
      const group = explicit === undefined ? undefined : connectorGroups.push(explicit) - 1;
      hasGeneratedAccess[a] = 1;
      hasGeneratedAccess[b] = 1;
      const km = crowKm(a, b);
      const walk = km * accessCircuity <= options.walkMaxKm;
      const cost: CostFn = walk
        ? (v) => ((km * v.p("circuityFactor", "access")) / v.p("accessWalkSpeedKmh")) * 3600
        : (v) => ((km * v.p("circuityFactor", "access")) / v.p("accessCarSpeedKmh")) * 3600;
      const mode = walk ? "walk" : "car";
      addStreetEdge(a, b, "access", mode, -1, cost, { projects: [] }, group);
      addStreetEdge(b, a, "access", mode, -1, cost, { projects: [] }, group);
    };
    places.forEach((place, a) => {
      for (const s of place.stations ?? []) {
        const b = placeAt(s, `places[${a}] "${place.id}".stations`);
        generate(a, b);
      }
      for (const b of stationIdx) if (crowKm(a, b) <= options.accessRadiusKm) generate(a, b);
    });
  }
  // A place with no road, connector, station or generated connector cannot be reached; say so.
  places.forEach((place, a) => {
    if (!hasStreetLink[a] && !stopPlaces.has(place.id) && !hasGeneratedAccess[a]) {
      warnings.push(
        `place "${place.id}" has no road or connector link, no station within ${options.accessRadiusKm} km and no service: it is unreachable`,
      );
    }
  });

  // Destination sinks: entered from both layers at no cost, never left.
  places.forEach((place, p) => {
    for (const layer of [0, 1] as const) {
      specs.push({
        from: layerNode(p, layer),
        to: 2 * P + p,
        entity: -1,
        cost: () => 0,
        attrs: { kind: "arrive", mode: "none", layer, fromPlaceId: place.id, toPlaceId: place.id, projects: [] },
      });
    }
  });
  return { nodeKeys, nodeAttrs, specs, connectorGroups, placeIndex, stopPlaces, serviceEdges, warnings };
}
