/**
 * The travel-time model: one expanded graph holding the superset of every link and service of every
 * project, compiled once; scenarios, project subsets, mode filters and quantity draws are cost
 * overlays on it (inactive edges cost Infinity), so thousands of variants share one topology.
 */
import { MultiDirectedGraph } from "graphology";
import { compileGraph, ShortestPathSearch, type CompiledGraph } from "../core/index.js";
import {
  RAIL_MODES,
  ROAD_MODES,
  type Id,
  type Link,
  type LonLat,
  type Quantity,
  type Service,
} from "../network/schema.js";
import type { Network } from "../network/types.js";
import { UnknownIdError } from "../network/errors.js";
import { closestMatch } from "../network/suggest.js";
import { ModelError, didYouMean } from "./errors.js";
import { greatCircleKm } from "./geo.js";
import { PARAMETER_SPECS, resolveParameters, type ParameterName, type ResolvedParameters } from "./parameters.js";
import { resolveScenario } from "../network/resolve.js";
import { requirePlace } from "../network/lookup.js";
import type {
  ModeFilter,
  ModelEdgeAttributes,
  ModelEdgeKind,
  ModelNodeAttributes,
  ModelOptions,
  ProjectSelection,
  QuantityOverrides,
  QueryFilter,
  WaitRule,
} from "./types.js";
import type { Measure } from "../network/schema.js";

const RAIL = new Set<string>(RAIL_MODES);
const ROAD = new Set<string>(ROAD_MODES);

/** Default options of {@link buildModel}. */
export const DEFAULT_MODEL_OPTIONS = {
  wait: "half-headway",
  generateAccess: true,
  accessRadiusKm: 30,
  walkMaxKm: 1.5,
} as const satisfies Required<ModelOptions>;

/** Reads quantities (with overrides) and parameters while computing edge costs. */
interface Values {
  q(pointer: string, base: number): number;
  p(name: ParameterName, key?: string): number;
}

/** Per-edge cost recipe: total seconds and the transfer part (board edges only). */
type CostFn = (v: Values) => number;

interface EdgeSpec {
  from: number;
  to: number;
  attrs: Omit<ModelEdgeAttributes, "index" | "costSecs">;
  /** Entity index (links, then services), or -1 for edges present in every selection. */
  entity: number;
  /**
   * Generated connectors only: index into `#connectorGroups` of the explicit connectors joining the
   * same two places; the edge is present only while none of them is active. Absent: no such group.
   */
  group?: number;
  cost: CostFn;
  /** Transfer part of a board edge's cost (s), or undefined. */
  transfer?: CostFn;
}

/** Edge costs of one variant: totals and the transfer component used to split route legs. */
export interface EdgeCosts {
  /** Seconds per edge; Infinity where the edge is absent. */
  readonly costsSecs: Float64Array;
  /** Transfer part of each board edge's cost (s); 0 elsewhere. */
  readonly transferSecs: Float64Array;
}

function waitSecs(rule: WaitRule, headwayMin: number): number {
  if (rule === "half-headway") return headwayMin * 30;
  if (rule === "full-headway") return headwayMin * 60;
  if ("fixedMin" in rule) return rule.fixedMin * 60;
  return Math.min(headwayMin * 30, rule.capMin * 60);
}

function checkOptions(o: Required<ModelOptions>): void {
  const bad = (what: string, value: unknown, fix: string): never => {
    throw new ModelError(`buildModel options: ${what} = ${JSON.stringify(value)} is invalid; ${fix}`);
  };
  const w = o.wait;
  if (typeof w === "string") {
    if (w !== "half-headway" && w !== "full-headway")
      bad("wait", w, 'use "half-headway", "full-headway", { fixedMin } or { capMin }');
  } else if (w === null || typeof w !== "object") {
    bad("wait", w, 'use "half-headway", "full-headway", { fixedMin } or { capMin }');
  } else {
    const value = "fixedMin" in w ? w.fixedMin : "capMin" in w ? w.capMin : undefined;
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0))
      bad("wait", w, "give { fixedMin } or { capMin } as minutes >= 0");
  }
  if (!(Number.isFinite(o.accessRadiusKm) && o.accessRadiusKm >= 0))
    bad("accessRadiusKm", o.accessRadiusKm, "give a distance in km >= 0");
  if (!(Number.isFinite(o.walkMaxKm) && o.walkMaxKm >= 0)) bad("walkMaxKm", o.walkMaxKm, "give a distance in km >= 0");
}

function toOverrideMap(q: QuantityOverrides | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (q === undefined) return out;
  const entries = q instanceof Map ? q.entries() : Object.entries(q);
  for (const [k, v] of entries) out.set(k.endsWith("/value") ? k.slice(0, -6) : k, v);
  return out;
}

/**
 * A network turned into one multimodal graph (the superset of all projects), compiled once into the
 * core. Build with {@link buildModel}. Queries select a scenario or project set, a mode filter and a
 * measure, each an overlay of the same compiled topology.
 */
export class TravelTimeModel {
  /** The network the model was built from. */
  readonly network: Network;
  /** Model options with defaults filled in. */
  readonly options: Required<ModelOptions>;
  /** Parameters after merging the network's overrides into the defaults. */
  readonly parameters: ResolvedParameters;
  /** The superset graph: node and edge attributes as documented in {@link ModelNodeAttributes}. */
  readonly graph: MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>;
  /** The superset compiled into the core, with base costs and every edge present. */
  readonly compiled: CompiledGraph;
  /** One reusable search over {@link compiled}; queries switch overlays with `setGraph`. */
  readonly search: ShortestPathSearch;
  /** Edge costs with every quantity at its base value and every edge present. */
  readonly base: EdgeCosts;
  /** Non-fatal notes from the build (estimated lengths, isolated places). */
  readonly warnings: readonly string[];
  /** Node index by node key; edge attributes by edge index. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edges: readonly ModelEdgeAttributes[];
  /** Pointers of every quantity the edge costs read, with their base values. */
  readonly quantityPointers: ReadonlyMap<string, number>;

  readonly #placeIndex: Map<Id, number>;
  readonly #placeCount: number;
  readonly #specs: EdgeSpec[];
  readonly #entityCount: number;
  readonly #entityWords: number;
  readonly #entityRequired: Uint32Array;
  readonly #entityReplacers: number[][];
  readonly #edgeEntity: Int32Array;
  /** Per edge: its `EdgeSpec.group`, or -1. */
  readonly #edgeGroup: Int32Array;
  /** Link indices of the explicit connectors of a place pair whose generated connector they displace. */
  readonly #connectorGroups: number[][] = [];
  readonly #projectBit: Map<Id, number>;
  readonly #filterMasks = new Map<string, Uint8Array>();
  readonly #overlayCache = new Map<string, { graph: CompiledGraph; costs: EdgeCosts }>();
  readonly #scenarioSets = new Map<Id, ReadonlySet<Id>>();
  readonly #stopPlaces: Set<Id>;

  /** @internal use {@link buildModel}. */
  constructor(network: Network, options: ModelOptions = {}) {
    this.network = network;
    this.options = { ...DEFAULT_MODEL_OPTIONS, ...options };
    checkOptions(this.options);
    this.parameters = resolveParameters(network.parameters);
    const warnings: string[] = [];
    this.warnings = warnings;

    const places = network.places;
    this.#placeCount = places.length;
    this.#placeIndex = new Map(places.map((p, i) => [p.id, i]));
    const P = places.length;
    const placeAt = (id: Id, where: string): number => {
      const i = this.#placeIndex.get(id);
      if (i === undefined)
        throw new ModelError(`unknown place "${id}" in ${where}${didYouMean(id, this.#placeIndex.keys())}`);
      return i;
    };

    // Projects as bits, so that entity membership is a few word operations per query.
    this.#projectBit = new Map(network.projects.map((p, i) => [p.id, i]));
    const links = network.links;
    const services = network.services;
    this.#entityCount = links.length + services.length;
    this.#entityWords = Math.max(1, Math.ceil(network.projects.length / 32));
    this.#entityRequired = new Uint32Array(this.#entityCount * this.#entityWords);
    const setRequired = (entity: number, projects: readonly Id[] | undefined, where: string): void => {
      for (const p of projects ?? []) {
        const bit = this.#projectBit.get(p);
        if (bit === undefined)
          throw new ModelError(`unknown project "${p}" in ${where}${didYouMean(p, this.#projectBit.keys())}`);
        this.#entityRequired[entity * this.#entityWords + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    };
    this.#entityReplacers = Array.from({ length: this.#entityCount }, () => [] as number[]);
    // Links are entities 0.., services follow; an entity replaces only entities of its own kind.
    const registerEntities = (kind: "link" | "service", list: readonly (Link | Service)[], first: number): void => {
      const index = new Map(list.map((e, i) => [e.id, i]));
      list.forEach((e, i) => {
        const where = `${kind}s[${i}] "${e.id}"`;
        setRequired(first + i, e.projects, `${where}.projects`);
        for (const r of e.replaces ?? []) {
          const k = index.get(r);
          if (k === undefined)
            throw new ModelError(`unknown ${kind} "${r}" in ${where}.replaces${didYouMean(r, index.keys())}`);
          this.#entityReplacers[first + k]!.push(first + i);
        }
      });
    };
    registerEntities("link", links, 0);
    registerEntities("service", services, links.length);

    // Nodes: place (layer 0), place-after-ride (layer 1), destination sink; then line-stop nodes.
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
    this.#specs = specs;
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
    this.#stopPlaces = stopPlaces;
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
      const segmentCost = this.#segmentCosts(service, j, stops, crowKm, warnings);
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
          waitSecs(this.options.wait, v.q(pointerOf("services", j, "headwayMin"), service.headwayMin.value));
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
              const atStation = this.parameters.get("stationTransferMin", stopId);
              return atStation !== undefined
                ? v.q(`/parameters/stationTransferMin/${stopId}`, atStation.value) * 60
                : v.p("transferMin", service.mode) * 60;
            };
            specs.push({
              from: layerNode(stop, 0),
              to: dep[position]!,
              entity,
              cost: headway,
              attrs: { kind: "board", layer: 0, ...ends, ...base },
            });
            specs.push({
              from: layerNode(stop, 1),
              to: dep[position]!,
              entity,
              cost: (v) => headway(v) + transfer(v),
              transfer,
              attrs: { kind: "board", layer: 1, ...ends, ...base },
            });
            // Segment index in the service's own (forward) order.
            const segment = direction === "forward" ? k : k - 1;
            const nextStopId = places[stops[order[position + 1]!]!]!.id;
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
    if (this.options.generateAccess) {
      const isStation = new Uint8Array(P);
      places.forEach((place, i) => {
        if (place.kind === "station") isStation[i] = 1;
        for (const s of place.stations ?? []) isStation[placeAt(s, `places[${i}] "${place.id}".stations`)] = 1;
      });
      const stationIdx = places.map((_, i) => i).filter((i) => isStation[i]);
      const alwaysPresent = (link: number): boolean =>
        (links[link]!.projects ?? []).length === 0 && this.#entityReplacers[link]!.length === 0;
      const joined = new Set<string>();
      const generate = (a: number, b: number): void => {
        const key = a < b ? `${a},${b}` : `${b},${a}`;
        if (a === b || joined.has(key)) return;
        joined.add(key);
        const explicit = explicitConnectors.get(key);
        if (explicit?.some(alwaysPresent)) return;
        const group = explicit === undefined ? undefined : this.#connectorGroups.push(explicit) - 1;
        hasGeneratedAccess[a] = 1;
        hasGeneratedAccess[b] = 1;
        const km = crowKm(a, b);
        const walk = km * baseAccessCircuity(this.parameters) <= this.options.walkMaxKm;
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
        for (const b of stationIdx) if (crowKm(a, b) <= this.options.accessRadiusKm) generate(a, b);
      });
    }
    // A place with no road, connector, station or generated connector cannot be reached; say so.
    places.forEach((place, a) => {
      if (!hasStreetLink[a] && !stopPlaces.has(place.id) && !hasGeneratedAccess[a]) {
        warnings.push(
          `place "${place.id}" has no road or connector link, no station within ${this.options.accessRadiusKm} km and no service: it is unreachable`,
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

    // Base costs, recording every quantity pointer the costs read.
    const pointers = new Map<string, number>();
    this.base = this.#computeCosts(new Map(), pointers);
    this.quantityPointers = pointers;

    const E = specs.length;
    this.#edgeEntity = new Int32Array(E);
    this.#edgeGroup = new Int32Array(E);
    const from = new Int32Array(E);
    const to = new Int32Array(E);
    const edges: ModelEdgeAttributes[] = [];
    const graph = new MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>();
    nodeKeys.forEach((key, i) => graph.addNode(key, nodeAttrs[i]!));
    specs.forEach((spec, e) => {
      this.#edgeEntity[e] = spec.entity;
      this.#edgeGroup[e] = spec.group ?? -1;
      from[e] = spec.from;
      to[e] = spec.to;
      const attrs: ModelEdgeAttributes = { ...spec.attrs, index: e, costSecs: this.base.costsSecs[e]! };
      edges.push(attrs);
      graph.addEdgeWithKey(`e${e}`, nodeKeys[spec.from]!, nodeKeys[spec.to]!, attrs);
    });
    this.graph = graph;
    this.edges = edges;
    this.nodeIndex = new Map(nodeKeys.map((k, i) => [k, i]));
    this.compiled = compileGraph(
      { nodeCount: nodeKeys.length, from, to, costSecs: this.base.costsSecs, directed: true, ids: nodeKeys },
      // Overlays and quantity draws give fractional seconds, which the bucket queue does not take.
      { queue: "heap" },
    );
    this.search = new ShortestPathSearch(this.compiled);
  }

  /** Running-time recipes of a service's segments (forward order), from runMinutes or link lengths and speeds. */
  #segmentCosts(
    service: Service,
    j: number,
    stops: readonly number[],
    crowKm: (a: number, b: number) => number,
    warnings: string[],
  ): CostFn[] {
    const network = this.network;
    const out: CostFn[] = [];
    const speedPointer = `/services/${j}/speedKmh`;
    const trackModes: ReadonlySet<string> = RAIL.has(service.mode)
      ? RAIL
      : service.mode === "bus" || service.mode === "coach"
        ? ROAD
        : service.mode === "ferry"
          ? new Set(["waterway"])
          : new Set();
    const circuity = ROAD.has([...trackModes][0] ?? "") ? "road" : "rail";
    const allowed = new Set(service.projects ?? []);
    for (let k = 0; k + 1 < stops.length; k++) {
      const run = service.runMinutes?.[k];
      if (run !== undefined) {
        const pointer = `/services/${j}/runMinutes/${k}`;
        out.push((v) => v.q(pointer, run.value) * 60);
        continue;
      }
      const path = trackPath(network.links, this.#placeIndex, stops[k]!, stops[k + 1]!, trackModes, allowed, crowKm);
      if (path === null) {
        const km = crowKm(stops[k]!, stops[k + 1]!);
        warnings.push(
          `services[${j}] "${service.id}" segment ${service.stops[k]} → ${service.stops[k + 1]}: no runMinutes and no ${[...trackModes].join("/") || "track"} link path usable by the service; length estimated as great-circle × circuityFactor.${circuity}`,
        );
        out.push((v) => {
          const kmh = service.speedKmh
            ? v.q(speedPointer, service.speedKmh.value)
            : v.p("designSpeedKmh", service.mode) * v.p("commercialSpeedFactor", service.mode);
          return ((km * v.p("circuityFactor", circuity)) / kmh) * 3600;
        });
        continue;
      }
      // A service's own speedKmh is its average running speed between stops (dwell excluded), as the
      // data states it: used as is, capped by each link's design speed. Without it, each link runs at
      // its design speed times the service mode's commercial-speed factor.
      out.push((v) => {
        const serviceKmh = service.speedKmh ? v.q(speedPointer, service.speedKmh.value) : undefined;
        const factor = serviceKmh === undefined ? v.p("commercialSpeedFactor", service.mode) : 1;
        let secs = 0;
        for (const i of path) {
          const link = network.links[i]!;
          if (link.minutes) {
            secs += v.q(`/links/${i}/minutes`, link.minutes.value) * 60;
            continue;
          }
          const km = link.lengthKm
            ? v.q(`/links/${i}/lengthKm`, link.lengthKm.value)
            : crowKm(this.#placeIndex.get(link.from)!, this.#placeIndex.get(link.to)!) *
              v.p("circuityFactor", circuity);
          const linkKmh = link.speedKmh
            ? v.q(`/links/${i}/speedKmh`, link.speedKmh.value)
            : v.p("designSpeedKmh", link.mode);
          secs += (km / (serviceKmh === undefined ? linkKmh * factor : Math.min(serviceKmh, linkKmh))) * 3600;
        }
        return secs;
      });
    }
    return out;
  }

  #computeCosts(overrides: ReadonlyMap<string, number>, record?: Map<string, number>): EdgeCosts {
    const params = this.parameters;
    const values: Values = {
      q(pointer, base) {
        record?.set(pointer, base);
        const o = overrides.get(pointer);
        return o === undefined ? base : o;
      },
      p(name, key) {
        const pointer = key === undefined ? `/parameters/${name}` : `/parameters/${name}/${key}`;
        const given = params.get(name, key);
        if (given === undefined) {
          throw new ModelError(
            `parameter ${name}${key === undefined ? "" : `.${key}`} has no value: add it to the network's parameters section (${PARAMETER_SPECS[name].unit})`,
          );
        }
        record?.set(pointer, given.value);
        const o = overrides.get(pointer);
        return o === undefined ? given.value : o;
      },
    };
    const E = this.#specs.length;
    const costsSecs = new Float64Array(E);
    const transferSecs = new Float64Array(E);
    for (let e = 0; e < E; e++) {
      const spec = this.#specs[e]!;
      costsSecs[e] = spec.cost(values);
      if (spec.transfer) transferSecs[e] = spec.transfer(values);
    }
    return { costsSecs, transferSecs };
  }

  /** Number of nodes and edges of the superset graph. */
  get nodeCount(): number {
    return this.compiled.nodeCount;
  }
  get edgeCount(): number {
    return this.compiled.edgeCount;
  }

  /** The project set of a scenario (cached; see `resolveScenario`). Throws `UnknownIdError` with a did-you-mean for an unknown id. */
  scenarioProjects(scenarioId: Id): ReadonlySet<Id> {
    let set = this.#scenarioSets.get(scenarioId);
    if (set === undefined) {
      set = resolveScenario(this.network, scenarioId).projects;
      this.#scenarioSets.set(scenarioId, set);
    }
    return set;
  }

  #projectsOf(selection: ProjectSelection): Iterable<Id> {
    return "scenario" in selection ? this.scenarioProjects(selection.scenario) : selection.projects;
  }

  /**
   * Entity activity for a project set: `out[i]` is 1 when entity i (links in network order, then
   * services) exists: every project it needs is in the set, and no entity that replaces it also has
   * every project it needs. Unknown project ids throw `UnknownIdError` with a did-you-mean.
   */
  activeEntities(projects: Iterable<Id>, out: Uint8Array = new Uint8Array(this.#entityCount)): Uint8Array {
    const W = this.#entityWords;
    const set = new Uint32Array(W);
    for (const p of projects) {
      const bit = this.#projectBit.get(p);
      if (bit === undefined) {
        const known = [...this.#projectBit.keys()];
        throw new UnknownIdError("project", p, closestMatch(p, known), known, "projects");
      }
      set[bit >>> 5]! |= 1 << (bit & 31);
    }
    const present = new Uint8Array(this.#entityCount);
    for (let i = 0; i < this.#entityCount; i++) {
      let ok = 1;
      for (let w = 0; w < W; w++) if ((this.#entityRequired[i * W + w]! & ~set[w]!) !== 0) ok = 0;
      present[i] = ok;
    }
    for (let i = 0; i < this.#entityCount; i++) {
      let active = present[i]!;
      if (active) for (const r of this.#entityReplacers[i]!) if (present[r]) active = 0;
      out[i] = active;
    }
    return out;
  }

  /**
   * Per-edge presence (1/0) for a project set: an edge is present iff its entity is active; an edge
   * without one is always present, except that a generated connector is absent while an explicit
   * connector between the same two places is active.
   */
  activeMask(projects: Iterable<Id>, out: Uint8Array = new Uint8Array(this.edgeCount)): Uint8Array {
    const active = this.activeEntities(projects);
    const groupOpen = this.#connectorGroups.map((group) => (group.some((link) => active[link] === 1) ? 0 : 1));
    const entity = this.#edgeEntity;
    const edgeGroup = this.#edgeGroup;
    for (let e = 0; e < out.length; e++) {
      const en = entity[e]!;
      if (en >= 0) out[e] = active[en]!;
      else {
        const g = edgeGroup[e]!;
        out[e] = g < 0 ? 1 : groupOpen[g]!;
      }
    }
    return out;
  }

  /** Per-edge admission (1/0) for a mode filter and measure (cached). */
  filterMask(filter: QueryFilter = {}): Uint8Array {
    const modes: ModeFilter = filter.modes ?? "multimodal";
    const measure: Measure = filter.measure ?? "door-to-door";
    const key = `${modes}|${measure}`;
    let mask = this.#filterMasks.get(key);
    if (mask !== undefined) return mask;
    mask = new Uint8Array(this.edgeCount);
    this.edges.forEach((edge, e) => {
      let ok: boolean;
      switch (edge.kind) {
        case "arrive":
          ok = true;
          break;
        case "board":
        case "ride":
        case "dwell":
        case "alight":
          ok = modes === "multimodal" || (modes === "rail" && RAIL.has(edge.mode));
          break;
        case "road":
          ok = measure === "station-to-station" ? modes === "road" : modes !== "rail";
          break;
        case "connector":
        case "access":
          ok = measure === "door-to-door";
          break;
      }
      mask[e] = ok ? 1 : 0;
    });
    this.#filterMasks.set(key, mask);
    return mask;
  }

  /**
   * Edge costs (s) for a project selection, mode filter and measure, with optional quantity overrides
   * (Monte Carlo draws): absent edges cost Infinity. Allocates a new array each call; pass `out` to reuse one.
   */
  costsFor(
    selection: ProjectSelection & QueryFilter & { readonly quantities?: QuantityOverrides },
    out: Float64Array = new Float64Array(this.edgeCount),
  ): Float64Array {
    const base = selection.quantities === undefined ? this.base : this.costsWith(selection.quantities);
    const active = this.activeMask(this.#projectsOf(selection));
    const filter = this.filterMask(selection);
    const costs = base.costsSecs;
    for (let e = 0; e < out.length; e++) out[e] = active[e]! & filter[e]! ? costs[e]! : Infinity;
    return out;
  }

  /**
   * Every edge present, costs recomputed with quantity overrides. Throws {@link ModelError} for a
   * pointer that names no quantity the model reads (with a did-you-mean).
   */
  costsWith(quantities: QuantityOverrides): EdgeCosts {
    const overrides = toOverrideMap(quantities);
    for (const pointer of overrides.keys()) {
      if (!this.quantityPointers.has(pointer) && !this.#isParameterPointer(pointer)) {
        throw new ModelError(
          `unknown quantity pointer "${pointer}": the model's costs read none such${didYouMean(pointer, this.quantityPointers.keys())} (see model.quantities())`,
        );
      }
    }
    return this.#computeCosts(overrides);
  }

  #isParameterPointer(pointer: string): boolean {
    const m = /^\/parameters\/([^/]+)(?:\/(.+))?$/.exec(pointer);
    return m !== null && m[1]! in PARAMETER_SPECS;
  }

  /**
   * Every quantity the edge costs read: its JSON Pointer, base value, and provenance (the network's
   * Quantity or the parameter's). This is what an uncertainty analysis can vary.
   */
  quantities(): Array<{ pointer: string; value: number; quantity: Quantity | undefined }> {
    const out: Array<{ pointer: string; value: number; quantity: Quantity | undefined }> = [];
    for (const [pointer, value] of this.quantityPointers) {
      out.push({ pointer, value, quantity: lookupQuantity(this.network, this.parameters, pointer) });
    }
    return out;
  }

  /**
   * The compiled graph for a selection and filter: the superset with a cost overlay. Scenario
   * overlays (without quantity overrides) are cached; project-set overlays are not.
   */
  overlay(
    selection: Id | ProjectSelection,
    filter: QueryFilter & { readonly quantities?: QuantityOverrides } = {},
  ): CompiledGraph {
    return this.overlayWithCosts(selection, filter).graph;
  }

  /**
   * Like {@link overlay}, also returning the edge costs behind it (used to split routes into legs).
   * `edgeCosts` (from {@link costsWith}) replaces the base costs, so that one quantity draw can serve
   * many queries without recomputing; it takes precedence over `quantities`.
   */
  overlayWithCosts(
    selection: Id | ProjectSelection,
    filter: QueryFilter & { readonly quantities?: QuantityOverrides; readonly edgeCosts?: EdgeCosts } = {},
  ): { graph: CompiledGraph; costs: EdgeCosts } {
    const sel: ProjectSelection = typeof selection === "string" ? { scenario: selection } : selection;
    const cacheKey =
      "scenario" in sel && filter.quantities === undefined && filter.edgeCosts === undefined
        ? `${sel.scenario}|${filter.modes ?? "multimodal"}|${filter.measure ?? "door-to-door"}`
        : undefined;
    if (cacheKey !== undefined) {
      const hit = this.#overlayCache.get(cacheKey);
      if (hit) return hit;
    }
    const components =
      filter.edgeCosts ?? (filter.quantities === undefined ? this.base : this.costsWith(filter.quantities));
    const costsSecs = new Float64Array(this.edgeCount);
    const active = this.activeMask(this.#projectsOf(sel));
    const mask = this.filterMask(filter);
    for (let e = 0; e < costsSecs.length; e++)
      costsSecs[e] = active[e]! & mask[e]! ? components.costsSecs[e]! : Infinity;
    const result = {
      graph: this.compiled.withCosts(costsSecs),
      costs: { costsSecs, transferSecs: components.transferSecs },
    };
    if (cacheKey !== undefined) this.#overlayCache.set(cacheKey, result);
    return result;
  }

  /** Place index of a place id; throws `UnknownIdError` with a did-you-mean for an unknown id. */
  placeIndex(placeId: Id): number {
    const i = this.#placeIndex.get(placeId);
    if (i === undefined) requirePlace(this.network, placeId);
    return i!;
  }
  /** Node where searches from a place start (layer 0: no ride yet). */
  originNode(placeId: Id): number {
    return this.placeIndex(placeId);
  }
  /** Sink node that a search reaches when it arrives at a place by any means. */
  destinationNode(placeId: Id): number {
    return 2 * this.#placeCount + this.placeIndex(placeId);
  }
  /**
   * Stations used by the station-to-station measure: the place's `stations`, or the place itself when it
   * is a station or some service stops there; empty otherwise.
   */
  stationsOf(placeId: Id): Id[] {
    const place = requirePlace(this.network, placeId);
    if (place.stations && place.stations.length > 0) return [...place.stations];
    return place.kind === "station" || this.#stopPlaces.has(placeId) ? [placeId] : [];
  }
  /** Whether some service (in any project) stops at the place. */
  isStop(placeId: Id): boolean {
    return this.#stopPlaces.has(placeId);
  }
}

/**
 * Shortest track path (by length) between two stops over links of the given modes that the service
 * may use: links needing only the service's projects, less those such a link replaces.
 */
function trackPath(
  links: readonly Link[],
  placeIndex: ReadonlyMap<Id, number>,
  a: number,
  b: number,
  modes: ReadonlySet<string>,
  allowedProjects: ReadonlySet<Id>,
  crowKm: (a: number, b: number) => number,
): number[] | null {
  if (modes.size === 0) return null;
  // Adjacency over usable links; the graphs are small (tens to hundreds of links), so a linear-scan Dijkstra is enough.
  const adjacency = new Map<number, Array<{ to: number; km: number; link: number }>>();
  const push = (u: number, w: number, km: number, link: number): void => {
    let list = adjacency.get(u);
    if (!list) adjacency.set(u, (list = []));
    list.push({ to: w, km, link });
  };
  // The usable links exist wherever the service runs, so a link one of them replaces never does.
  const usable = (link: Link): boolean => (link.projects ?? []).every((p) => allowedProjects.has(p));
  const replaced = new Set<Id>();
  for (const link of links) if (usable(link)) for (const r of link.replaces ?? []) replaced.add(r);
  links.forEach((link, i) => {
    if (!modes.has(link.mode) || !usable(link) || replaced.has(link.id)) return;
    const u = placeIndex.get(link.from);
    const w = placeIndex.get(link.to);
    if (u === undefined || w === undefined) return;
    const km = link.lengthKm?.value ?? crowKm(u, w);
    push(u, w, km, i);
    if (!link.oneway) push(w, u, km, i);
  });
  const dist = new Map<number, number>([[a, 0]]);
  const via = new Map<number, { prev: number; link: number }>();
  const done = new Set<number>();
  for (;;) {
    let u = -1;
    let best = Infinity;
    for (const [n, d] of dist) if (!done.has(n) && d < best) ((best = d), (u = n));
    if (u < 0) return null;
    if (u === b) break;
    done.add(u);
    for (const { to, km, link } of adjacency.get(u) ?? []) {
      const d = best + km;
      if (d < (dist.get(to) ?? Infinity)) {
        dist.set(to, d);
        via.set(to, { prev: u, link });
      }
    }
  }
  const path: number[] = [];
  for (let n = b; n !== a;) {
    const step = via.get(n)!;
    path.push(step.link);
    n = step.prev;
  }
  return path.reverse();
}

function baseAccessCircuity(params: ResolvedParameters): number {
  return params.get("circuityFactor", "access")?.value ?? 1;
}

function lookupQuantity(network: Network, params: ResolvedParameters, pointer: string): Quantity | undefined {
  const parts = pointer.split("/").slice(1);
  if (parts[0] === "parameters") {
    const v = params.get(parts[1] as ParameterName, parts[2]);
    return v as Quantity | undefined;
  }
  let node: unknown = network;
  for (const part of parts) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as Quantity | undefined;
}

/**
 * Build the travel-time model of a network: the superset graph of all projects (see
 * {@link TravelTimeModel}), compiled once. Throws {@link ModelError} for references the model cannot
 * resolve (unknown places, projects, replaced entities, malformed parameters).
 *
 * @example
 * const model = buildModel(network);
 * const graph = model.overlay("plan-2025");            // a scenario: cost overlay on the same topology
 * const rail = model.overlay("plan-2025", { modes: "rail" });
 */
export function buildModel(network: Network, options?: ModelOptions): TravelTimeModel {
  return new TravelTimeModel(network, options);
}
