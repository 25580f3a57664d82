/**
 * The travel-time model: one expanded graph holding the superset of every link and service of every
 * project, compiled once; scenarios, project subsets, mode filters and quantity draws are cost
 * overlays on it (inactive edges cost Infinity), so thousands of variants share one topology.
 *
 * The jobs live in their own files: `expand.ts` (network → nodes and edges), `track-path.ts`
 * (running times of service segments), `costs.ts` (edge costs from quantities and parameters),
 * `selection.ts` (which entities a project set has), `overlay.ts` (which edges a filter admits).
 */
import { MultiDirectedGraph } from "graphology";
import { compileGraph, type CompiledGraph } from "../core/index.js";
import type { Id, Quantity } from "../network/schema.js";
import type { Network, Town } from "../network/types.js";
import { resolveScenario } from "../network/resolve.js";
import { requirePlace } from "../network/lookup.js";
import {
  computeCosts,
  isParameterPointer,
  lookupQuantity,
  readingCosts,
  toOverrideMap,
  type EdgeCosts,
} from "./costs.js";
import { ModelError, didYouMean } from "./errors.js";
import { expandNetwork, type Expansion, type ServiceEdges } from "./expand.js";
import { meshCostsInto, meshEndpointsInto, type ModelMesh } from "./mesh-model.js";
import { resolveModelOptions } from "./options.js";
import { admissionMask } from "./overlay.js";
import { resolveParameters, type ResolvedParameters } from "./parameters.js";
import { PlaceGraph, type PlaceDraw } from "./place-graph.js";
import { edgePresence, ProjectIndex } from "./selection.js";
import type {
  ModelEdgeAttributes,
  ModelNodeAttributes,
  ModelOptions,
  ProjectSelection,
  QuantityOverrides,
  QueryFilter,
  Reading,
} from "./types.js";

export { DEFAULT_MODEL_OPTIONS } from "./options.js";
export type { EdgeCosts } from "./costs.js";
export type { ServiceEdges } from "./expand.js";

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
  /** The superset compiled into the core, with base costs and every edge present. */
  readonly compiled: CompiledGraph;
  /** Edge costs with every quantity at its base value and every edge present. */
  readonly base: EdgeCosts;
  /** Non-fatal notes from the build (estimated lengths, isolated places). */
  readonly warnings: readonly string[];

  /** Tail and head node of every edge, by edge index (do not modify). */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /**
   * Attributes of the network's own edges (indices `0..networkEdgeCount-1`): every edge but the
   * local road mesh's, which follow them (see {@link meshEdges}).
   */
  readonly networkEdges: readonly ModelEdgeAttributes[];
  /** Per service (network order): its forward ride edge of each segment and dwell edge of each intermediate stop. */
  readonly serviceEdges: readonly ServiceEdges[];
  /** Pointers of every quantity the edge costs read (typical reading), with their base values. */
  readonly quantityPointers: ReadonlyMap<string, number>;
  /** Pointers that only the scheduled reading's costs read (`connectionWaitMin`), with their base values. */
  readonly scheduledQuantityPointers: ReadonlyMap<string, number>;

  readonly #expansion: Expansion;
  readonly #mesh: ModelMesh | undefined;
  #graph: MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes> | undefined;
  #nodeIndex: ReadonlyMap<string, number> | undefined;
  #edges: readonly ModelEdgeAttributes[] | undefined;
  readonly #projects: ProjectIndex;
  /** Per edge: its entity (links, then services), or -1. */
  readonly #edgeEntity: Int32Array;
  /** Per edge: its generated connector's group, or -1. */
  readonly #edgeGroup: Int32Array;
  /** Indices of the board edges, whose costs the readings recombine. */
  readonly #boardEdges: Int32Array;
  /** Board edges of frequency-aggregate services (closed under the scheduled reading). */
  readonly #aggregateBoardEdges: Int32Array;
  /** Scheduled costs of {@link base} (computed on first use). */
  #baseScheduled: EdgeCosts | undefined;
  /** Scheduled costs of other cost draws, by their typical cost array. */
  readonly #scheduledOf = new WeakMap<Float64Array, EdgeCosts>();
  readonly #filterMasks = new Map<string, Uint8Array>();
  readonly #overlayCache = new Map<string, { graph: CompiledGraph; costs: EdgeCosts }>();
  readonly #placeOverlayCache = new Map<string, PlaceOverlay>();
  #placeGraph: PlaceGraph | undefined;
  readonly #scenarioSets = new Map<Id, ReadonlySet<Id>>();

  /** @internal use {@link buildModel}. */
  constructor(network: Network, options: ModelOptions = {}) {
    this.network = network;
    this.options = resolveModelOptions(options);
    this.parameters = resolveParameters(network.parameters);
    this.#projects = new ProjectIndex(network);
    const x = expandNetwork(network, this.options, this.parameters, this.#projects.replacers);
    this.#expansion = x;
    this.warnings = x.warnings;
    this.serviceEdges = x.serviceEdges;

    const mesh = x.mesh;
    this.#mesh = mesh;

    // Base costs, recording every quantity pointer the costs read.
    const pointers = new Map<string, number>();
    const scheduledPointers = new Map<string, number>();
    this.base = this.#computeCosts(new Map(), pointers, scheduledPointers);
    this.quantityPointers = pointers;
    for (const p of pointers.keys()) scheduledPointers.delete(p);
    this.scheduledQuantityPointers = scheduledPointers;

    const E0 = x.specs.length;
    const E = E0 + (mesh?.edgeCount ?? 0);
    this.#edgeEntity = new Int32Array(E).fill(-1);
    this.#edgeGroup = new Int32Array(E).fill(-1);
    const from = new Int32Array(E);
    const to = new Int32Array(E);
    const edges: ModelEdgeAttributes[] = [];
    x.specs.forEach((spec, e) => {
      this.#edgeEntity[e] = spec.entity;
      this.#edgeGroup[e] = spec.group ?? -1;
      from[e] = spec.from;
      to[e] = spec.to;
      edges.push({ ...spec.attrs, index: e, costSecs: this.base.costsSecs[e]! });
    });
    if (mesh) meshEndpointsInto(mesh, network.places.length, from, to);
    this.edgeFrom = from;
    this.edgeTo = to;
    this.networkEdges = edges;
    this.#boardEdges = Int32Array.from(edges.filter((e) => e.kind === "board"), (e) => e.index);
    const aggregates = new Set(network.services.filter((s) => s.role === "frequency-aggregate").map((s) => s.id));
    this.#aggregateBoardEdges = Int32Array.from(
      edges.filter((e) => e.kind === "board" && e.serviceId !== undefined && aggregates.has(e.serviceId)),
      (e) => e.index,
    );
    // No node ids in the compiled graph: 22,000 keys and their index map cost more than a small
    // model's whole build. `nodeKey` and `nodeIndex` name nodes instead.
    this.compiled = compileGraph(
      { nodeCount: x.nodeKeys.length + 2 * (mesh?.mesh.townCount ?? 0), from, to, costSecs: this.base.costsSecs, directed: true },
      // Overlays and quantity draws give fractional seconds, which the bucket queue does not take.
      { queue: "heap" },
    );
  }

  /** Edge costs of every edge (recipes, then the mesh in bulk) under quantity overrides. */
  #computeCosts(overrides: ReadonlyMap<string, number>, record?: Map<string, number>, recordScheduled?: Map<string, number>): EdgeCosts {
    const mesh = this.#mesh;
    const network = this.network;
    return computeCosts(
      this.#expansion.specs,
      this.parameters,
      overrides,
      record,
      recordScheduled,
      mesh && { edgeCount: mesh.edgeCount, fill: (values, costsSecs) => meshCostsInto(network, mesh, values, costsSecs) },
    );
  }

  /**
   * The superset as a graphology graph (node and edge attributes as documented in
   * {@link ModelNodeAttributes} and {@link ModelEdgeAttributes}), mesh edges included. Built on first
   * access, because adding ~100,000 mesh edges one by one takes about a second: the library's
   * searches never read it (they run on {@link compiled}); it is a view for inspection, export and
   * tests.
   */
  get graph(): MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes> {
    if (this.#graph !== undefined) return this.#graph;
    const graph = new MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>();
    for (let i = 0; i < this.nodeCount; i++) graph.addNode(this.nodeKey(i), this.nodeAttributes(i));
    this.edges.forEach((attrs, e) => {
      graph.addEdgeWithKey(`e${e}`, this.nodeKey(this.edgeFrom[e]!), this.nodeKey(this.edgeTo[e]!), attrs);
    });
    return (this.#graph = graph);
  }

  /**
   * Key of node `i`: `place:<id>`, `after-ride:<id>`, `destination:<id>`,
   * `departure:<service>:<direction>:<position>`, `arrival:…`, `town:<town id>`, `town-after-ride:<town id>`.
   */
  nodeKey(i: number): string {
    const keys = this.#expansion.nodeKeys;
    if (i >= 0 && i < keys.length) return keys[i]!;
    const t = this.#townOfNode(i);
    return `${t.layer === 0 ? "town" : "town-after-ride"}:${t.town.id}`;
  }

  /** Attributes of node `i` (see {@link ModelNodeAttributes}). */
  nodeAttributes(i: number): ModelNodeAttributes {
    const attrs = this.#expansion.nodeAttrs;
    if (i >= 0 && i < attrs.length) return attrs[i]!;
    const t = this.#townOfNode(i);
    return { kind: t.layer === 0 ? "town" : "town-after-ride", placeId: "", townId: t.town.id };
  }

  #townOfNode(i: number): { town: Town; layer: 0 | 1 } {
    const mesh = this.#mesh;
    const k = i - (mesh?.firstNode ?? 0);
    if (mesh === undefined || !(Number.isInteger(i) && k >= 0 && k < 2 * mesh.mesh.townCount))
      throw new ModelError(`node ${i} is not a node of the model (0..${this.nodeCount - 1})`);
    const T = mesh.mesh.townCount;
    return k < T ? { town: mesh.towns[k]!, layer: 0 } : { town: mesh.towns[k - T]!, layer: 1 };
  }

  /** Node index by node key (see {@link nodeKey}); built on first access. */
  get nodeIndex(): ReadonlyMap<string, number> {
    if (this.#nodeIndex !== undefined) return this.#nodeIndex;
    const index = new Map<string, number>();
    for (let i = 0; i < this.nodeCount; i++) index.set(this.nodeKey(i), i);
    return (this.#nodeIndex = index);
  }

  /**
   * Attributes of every edge by edge index: {@link networkEdges}, then the mesh's edges (built on
   * first access; the library's own code reads `networkEdges` and {@link meshEdges}).
   */
  get edges(): readonly ModelEdgeAttributes[] {
    if (this.#edges !== undefined) return this.#edges;
    if (this.#mesh === undefined) return (this.#edges = this.networkEdges);
    const out = [...this.networkEdges];
    for (let e = out.length; e < this.edgeCount; e++) out.push(this.edgeAttributes(e));
    return (this.#edges = out);
  }

  /** Attributes of edge `e` (a mesh edge's are made on each call; see {@link edges}). */
  edgeAttributes(e: number): ModelEdgeAttributes {
    const own = this.networkEdges[e];
    if (own !== undefined) return own;
    const mesh = this.#mesh;
    const k = e - this.networkEdges.length;
    if (mesh === undefined || !(Number.isInteger(e) && k >= 0 && k < mesh.edgeCount))
      throw new ModelError(`edge ${e} is not an edge of the model (0..${this.edgeCount - 1})`);
    const m = k >> 2;
    const layer = (k & 2) === 0 ? 0 : 1;
    const forward = (k & 1) === 0;
    const T = mesh.mesh.townCount;
    const end = (i: number) => (i < T ? { placeId: "", townId: mesh.towns[i]!.id } : { placeId: this.network.places[i - T]!.id });
    const u = end(forward ? mesh.mesh.from[m]! : mesh.mesh.to[m]!);
    const v = end(forward ? mesh.mesh.to[m]! : mesh.mesh.from[m]!);
    return {
      index: e,
      kind: "mesh",
      mode: "local-road",
      layer,
      fromPlaceId: u.placeId,
      toPlaceId: v.placeId,
      ...(u.townId !== undefined && { fromTownId: u.townId }),
      ...(v.townId !== undefined && { toTownId: v.townId }),
      projects: [],
      costSecs: this.base.costsSecs[e]!,
    };
  }

  /** Number of the network's own edges (the mesh's edges have the indices after them). */
  get networkEdgeCount(): number {
    return this.networkEdges.length;
  }

  /**
   * The local road mesh in the model, or undefined without one: its towns (in `network.towns`
   * order), its edge list (`mesh`, see `buildMesh`), the index of its first model node and edge,
   * and the places left unattached. Town i is node `firstNode + i` before a ride and
   * `firstNode + townCount + i` after one; mesh edge m is the model edges `firstEdge + 4m .. +3`.
   */
  get meshEdges(): ModelMesh | undefined {
    return this.#mesh;
  }

  /** Number of towns on the mesh (0 without one). */
  get townCount(): number {
    return this.#mesh?.mesh.townCount ?? 0;
  }

  /** Node of town `i` (index in `network.towns.list`) before a ride (layer 0) or after one (layer 1). */
  townNode(i: number, layer: 0 | 1 = 0): number {
    const mesh = this.#mesh;
    if (mesh === undefined || !(Number.isInteger(i) && i >= 0 && i < mesh.mesh.townCount))
      throw new ModelError(`townNode(i): ${i} is not a town of the model's mesh (0..${this.townCount - 1})`);
    return mesh.firstNode + layer * mesh.mesh.townCount + i;
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
  activeEntities(projects: Iterable<Id>, out?: Uint8Array): Uint8Array {
    return this.#projects.activeEntities(projects, out);
  }

  /**
   * Per-edge presence (1/0) for a project set: an edge is present iff its entity is active; an edge
   * without one is always present, except that a generated connector is absent while an explicit
   * connector between the same two places is active.
   */
  activeMask(projects: Iterable<Id>, out: Uint8Array = new Uint8Array(this.edgeCount)): Uint8Array {
    const active = this.#projects.activeEntities(projects);
    return edgePresence(active, this.#edgeEntity, this.#edgeGroup, this.#expansion.connectorGroups, out);
  }

  /** Per-edge admission (1/0) for a mode filter and measure (cached). */
  filterMask(filter: QueryFilter = {}): Uint8Array {
    const key = `${filter.modes ?? "multimodal"}|${filter.measure ?? "door-to-door"}`;
    let mask = this.#filterMasks.get(key);
    if (mask === undefined) {
      this.#filterMasks.set(key, (mask = new Uint8Array(this.edgeCount)));
      admissionMask(this.networkEdges, filter, this.#mesh !== undefined, mask);
    }
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
      if (!this.quantityPointers.has(pointer) && !isParameterPointer(pointer)) {
        throw new ModelError(
          `unknown quantity pointer "${pointer}": the model's costs read none such${didYouMean(pointer, this.quantityPointers.keys())} (see model.quantities())`,
        );
      }
    }
    return this.#computeCosts(overrides);
  }

  /**
   * Edge costs under a reading (see {@link Reading}): `costs` itself for `typical`; for `scheduled`,
   * board edges re-costed as transfer plus connection wait (cached for the base costs).
   */
  readingCosts(costs: EdgeCosts, reading: Reading = "typical"): EdgeCosts {
    if (reading === "typical") return costs;
    if (costs === this.base)
      return (this.#baseScheduled ??= readingCosts(costs, reading, this.#boardEdges, this.#aggregateBoardEdges));
    // Cached per draw (while its cost array lives): the scenarios and groups of one Monte Carlo
    // draw share one copy, and the place graph's per-reading tables keyed by it.
    let out = this.#scheduledOf.get(costs.costsSecs);
    if (out === undefined) this.#scheduledOf.set(costs.costsSecs, (out = readingCosts(costs, reading, this.#boardEdges, this.#aggregateBoardEdges)));
    return out;
  }

  /**
   * Every quantity the edge costs read: its JSON Pointer, base value, and provenance (the network's
   * Quantity or the parameter's). This is what an uncertainty analysis can vary. `reading:
   * "scheduled"` adds the quantities only that reading reads (default `typical`).
   */
  quantities(options: { readonly reading?: Reading } = {}): Array<{ pointer: string; value: number; quantity: Quantity | undefined }> {
    const out: Array<{ pointer: string; value: number; quantity: Quantity | undefined }> = [];
    const lists = options.reading === "scheduled" ? [this.quantityPointers, this.scheduledQuantityPointers] : [this.quantityPointers];
    for (const list of lists) {
      for (const [pointer, value] of list) {
        out.push({ pointer, value, quantity: lookupQuantity(this.network, this.parameters, pointer) });
      }
    }
    return out;
  }

  /**
   * The compiled graph for a selection and filter: the superset with a cost overlay. Scenario
   * overlays (without quantity overrides) are cached; project-set overlays are not.
   */
  overlay(
    selection: Id | ProjectSelection,
    filter: QueryFilter & { readonly quantities?: QuantityOverrides; readonly reading?: Reading } = {},
  ): CompiledGraph {
    return this.overlayWithCosts(selection, filter).graph;
  }

  /**
   * Like {@link overlay}, also returning the edge costs behind it (used to split routes into legs).
   * `edgeCosts` (from {@link costsWith}) replaces the base costs, so that one quantity draw can serve
   * many queries without recomputing; it takes precedence over `quantities`. `reading` (default
   * `typical`) recombines the board edges' cost components (see {@link readingCosts}).
   */
  overlayWithCosts(
    selection: Id | ProjectSelection,
    filter: QueryFilter & {
      readonly quantities?: QuantityOverrides;
      readonly edgeCosts?: EdgeCosts;
      readonly reading?: Reading;
    } = {},
  ): { graph: CompiledGraph; costs: EdgeCosts } {
    const sel: ProjectSelection = typeof selection === "string" ? { scenario: selection } : selection;
    const reading = filter.reading ?? "typical";
    const cacheKey = overlayCacheKey(sel, filter, reading);
    if (cacheKey !== undefined) {
      const hit = this.#overlayCache.get(cacheKey);
      if (hit) return hit;
    }
    const components = this.readingCosts(this.#drawCosts(filter), reading);
    const costsSecs = new Float64Array(this.edgeCount);
    const active = this.activeMask(this.#projectsOf(sel));
    const mask = this.filterMask(filter);
    for (let e = 0; e < costsSecs.length; e++)
      costsSecs[e] = active[e]! & mask[e]! ? components.costsSecs[e]! : Infinity;
    const result = { graph: this.compiled.withCosts(costsSecs), costs: { ...components, costsSecs } };
    if (cacheKey !== undefined) this.#overlayCache.set(cacheKey, result);
    return result;
  }

  /** The edge costs (typical reading) a filter asks for: its `edgeCosts`, its `quantities` drawn, else the base costs. */
  #drawCosts(filter: { readonly quantities?: QuantityOverrides; readonly edgeCosts?: EdgeCosts }): EdgeCosts {
    return filter.edgeCosts ?? (filter.quantities === undefined ? this.base : this.costsWith(filter.quantities));
  }

  /**
   * The place graph (see `place-graph.ts`): the model contracted onto its place nodes, for
   * place-to-place searches; built on first use.
   */
  get placeGraph(): PlaceGraph {
    return (this.#placeGraph ??= new PlaceGraph({
      placeCount: this.network.places.length,
      placeCoords: this.network.places.map((p) => p.coord),
      networkEdges: this.networkEdges,
      nodeAttrs: this.#expansion.nodeAttrs,
      edgeFrom: this.edgeFrom,
      edgeTo: this.edgeTo,
      edgeEntity: this.#edgeEntity,
      edgeGroup: this.#edgeGroup,
      connectorGroups: this.#expansion.connectorGroups,
      projects: this.#projects,
      mesh: this.#mesh,
    }));
  }

  /**
   * The place graph under a selection and filter, like {@link overlayWithCosts} for the full graph:
   * its compiled overlay (`graph`, over place nodes, same indices as the model's), the model edge
   * costs under the reading (`costs`, what route legs read), and `expand` to turn a path of the
   * place graph into model edges. Scenario overlays on the base costs are cached.
   */
  placeOverlay(
    selection: Id | ProjectSelection,
    filter: QueryFilter & { readonly quantities?: QuantityOverrides; readonly edgeCosts?: EdgeCosts; readonly reading?: Reading } = {},
  ): PlaceOverlay {
    const sel: ProjectSelection = typeof selection === "string" ? { scenario: selection } : selection;
    const reading = filter.reading ?? "typical";
    const cacheKey = overlayCacheKey(sel, filter, reading);
    if (cacheKey !== undefined) {
      const hit = this.#placeOverlayCache.get(cacheKey);
      if (hit) return hit;
    }
    const typical = this.#drawCosts(filter);
    const costs = this.readingCosts(typical, reading);
    const projects = [...this.#projectsOf(sel)];
    const draw = this.placeGraph.draw(typical, this.#floorOf(sel, projects));
    const active = this.activeEntities(projects);
    const mask = this.filterMask(filter);
    const edgeCosts = draw.overlayInto(new Float64Array(draw.edgeCount), active, filter, mask, costs.costsSecs);
    const result: PlaceOverlay = {
      draw,
      graph: draw.overlayGraph(edgeCosts),
      costs,
      expand: (path) => draw.expand(path, active, mask, costs.costsSecs),
    };
    if (cacheKey !== undefined) this.#placeOverlayCache.set(cacheKey, result);
    return result;
  }

  /**
   * The floor a selection's place graph is drawn for (see `PlaceGraph.draw`): a scenario's own
   * projects; for a project set, the largest scenario it contains (few distinct floors, so few
   * draws), else none.
   */
  #floorOf(sel: ProjectSelection, projects: readonly Id[]): readonly Id[] {
    if ("scenario" in sel) return projects;
    const chosen = new Set(projects);
    let best: ReadonlySet<Id> = new Set();
    for (const s of this.network.scenarios) {
      const set = this.scenarioProjects(s.id);
      if (set.size > best.size && [...set].every((p) => chosen.has(p))) best = set;
    }
    return [...best];
  }

  /** Place index of a place id; throws `UnknownIdError` with a did-you-mean for an unknown id. */
  placeIndex(placeId: Id): number {
    const i = this.#expansion.placeIndex.get(placeId);
    if (i === undefined) requirePlace(this.network, placeId);
    return i!;
  }
  /** Node where searches from a place start (layer 0: no ride yet). */
  originNode(placeId: Id): number {
    return this.placeIndex(placeId);
  }
  /** Node of a place after a ride (layer 1): boarding from here pays the transfer time. */
  afterRideNode(placeId: Id): number {
    return this.network.places.length + this.placeIndex(placeId);
  }
  /** Sink node that a search reaches when it arrives at a place by any means. */
  destinationNode(placeId: Id): number {
    return 2 * this.network.places.length + this.placeIndex(placeId);
  }
  /**
   * The place of a node: the place itself for place, after-ride and destination nodes; the stop for
   * line-stop nodes; the empty string for town nodes.
   */
  placeOfNode(node: number): Id {
    const attrs = this.#expansion.nodeAttrs[node];
    if (attrs !== undefined) return attrs.placeId;
    if (node >= 0 && node < this.nodeCount && Number.isInteger(node)) return "";
    throw new ModelError(`placeOfNode(node): ${node} is not a node of the model (0..${this.nodeCount - 1})`);
  }
  /** Whether some service (in any project) stops at the place. */
  isStop(placeId: Id): boolean {
    return this.#expansion.stopPlaces.has(placeId);
  }
}

/** The place graph under one selection, filter, reading and draw (see {@link TravelTimeModel.placeOverlay}). */
export interface PlaceOverlay {
  readonly draw: PlaceDraw;
  /** The draw's place graph with this overlay's costs (nodes: the model's place nodes `0..3P-1`). */
  readonly graph: CompiledGraph;
  /** Model edge costs of the draw under the reading (route legs read them). */
  readonly costs: EdgeCosts;
  /** Model edges (travel order) behind a path of `graph` (its edge indices, travel order). */
  expand(path: readonly number[]): number[];
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

/** The cache key of a scenario overlay on the base costs; undefined for project sets and cost draws (not cached). */
function overlayCacheKey(
  sel: ProjectSelection,
  filter: QueryFilter & { readonly quantities?: QuantityOverrides; readonly edgeCosts?: EdgeCosts },
  reading: Reading,
): string | undefined {
  return "scenario" in sel && filter.quantities === undefined && filter.edgeCosts === undefined
    ? `${sel.scenario}|${filter.modes ?? "multimodal"}|${filter.measure ?? "door-to-door"}|${reading}`
    : undefined;
}
