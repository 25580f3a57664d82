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
import type { Network } from "../network/types.js";
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
import { resolveModelOptions } from "./options.js";
import { admissionMask } from "./overlay.js";
import { resolveParameters, type ResolvedParameters } from "./parameters.js";
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
  /** The superset graph: node and edge attributes as documented in {@link ModelNodeAttributes}. */
  readonly graph: MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>;
  /** The superset compiled into the core, with base costs and every edge present. */
  readonly compiled: CompiledGraph;
  /** Edge costs with every quantity at its base value and every edge present. */
  readonly base: EdgeCosts;
  /** Non-fatal notes from the build (estimated lengths, isolated places). */
  readonly warnings: readonly string[];
  /** Node index by node key; edge attributes by edge index. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edges: readonly ModelEdgeAttributes[];
  /** Per service (network order): its forward ride edge of each segment and dwell edge of each intermediate stop. */
  readonly serviceEdges: readonly ServiceEdges[];
  /** Pointers of every quantity the edge costs read (typical reading), with their base values. */
  readonly quantityPointers: ReadonlyMap<string, number>;
  /** Pointers that only the scheduled reading's costs read (`connectionWaitMin`), with their base values. */
  readonly scheduledQuantityPointers: ReadonlyMap<string, number>;

  readonly #expansion: Expansion;
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
  readonly #filterMasks = new Map<string, Uint8Array>();
  readonly #overlayCache = new Map<string, { graph: CompiledGraph; costs: EdgeCosts }>();
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

    // Base costs, recording every quantity pointer the costs read.
    const pointers = new Map<string, number>();
    const scheduledPointers = new Map<string, number>();
    this.base = computeCosts(x.specs, this.parameters, new Map(), pointers, scheduledPointers);
    this.quantityPointers = pointers;
    for (const p of pointers.keys()) scheduledPointers.delete(p);
    this.scheduledQuantityPointers = scheduledPointers;

    const E = x.specs.length;
    this.#edgeEntity = new Int32Array(E);
    this.#edgeGroup = new Int32Array(E);
    const from = new Int32Array(E);
    const to = new Int32Array(E);
    const edges: ModelEdgeAttributes[] = [];
    const graph = new MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>();
    x.nodeKeys.forEach((key, i) => graph.addNode(key, x.nodeAttrs[i]!));
    x.specs.forEach((spec, e) => {
      this.#edgeEntity[e] = spec.entity;
      this.#edgeGroup[e] = spec.group ?? -1;
      from[e] = spec.from;
      to[e] = spec.to;
      const attrs: ModelEdgeAttributes = { ...spec.attrs, index: e, costSecs: this.base.costsSecs[e]! };
      edges.push(attrs);
      graph.addEdgeWithKey(`e${e}`, x.nodeKeys[spec.from]!, x.nodeKeys[spec.to]!, attrs);
    });
    this.graph = graph;
    this.edges = edges;
    this.#boardEdges = Int32Array.from(edges.filter((e) => e.kind === "board"), (e) => e.index);
    const aggregates = new Set(network.services.filter((s) => s.role === "frequency-aggregate").map((s) => s.id));
    this.#aggregateBoardEdges = Int32Array.from(
      edges.filter((e) => e.kind === "board" && e.serviceId !== undefined && aggregates.has(e.serviceId)),
      (e) => e.index,
    );
    this.nodeIndex = new Map(x.nodeKeys.map((k, i) => [k, i]));
    this.compiled = compileGraph(
      { nodeCount: x.nodeKeys.length, from, to, costSecs: this.base.costsSecs, directed: true, ids: [...x.nodeKeys] },
      // Overlays and quantity draws give fractional seconds, which the bucket queue does not take.
      { queue: "heap" },
    );
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
    if (mask === undefined) this.#filterMasks.set(key, (mask = admissionMask(this.edges, filter)));
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
    return computeCosts(this.#expansion.specs, this.parameters, overrides);
  }

  /**
   * Edge costs under a reading (see {@link Reading}): `costs` itself for `typical`; for `scheduled`,
   * board edges re-costed as transfer plus connection wait (cached for the base costs).
   */
  readingCosts(costs: EdgeCosts, reading: Reading = "typical"): EdgeCosts {
    if (reading === "typical") return costs;
    if (costs === this.base)
      return (this.#baseScheduled ??= readingCosts(costs, reading, this.#boardEdges, this.#aggregateBoardEdges));
    return readingCosts(costs, reading, this.#boardEdges, this.#aggregateBoardEdges);
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
    const cacheKey =
      "scenario" in sel && filter.quantities === undefined && filter.edgeCosts === undefined
        ? `${sel.scenario}|${filter.modes ?? "multimodal"}|${filter.measure ?? "door-to-door"}|${reading}`
        : undefined;
    if (cacheKey !== undefined) {
      const hit = this.#overlayCache.get(cacheKey);
      if (hit) return hit;
    }
    const components = this.readingCosts(
      filter.edgeCosts ?? (filter.quantities === undefined ? this.base : this.costsWith(filter.quantities)),
      reading,
    );
    const costsSecs = new Float64Array(this.edgeCount);
    const active = this.activeMask(this.#projectsOf(sel));
    const mask = this.filterMask(filter);
    for (let e = 0; e < costsSecs.length; e++)
      costsSecs[e] = active[e]! & mask[e]! ? components.costsSecs[e]! : Infinity;
    const result = { graph: this.compiled.withCosts(costsSecs), costs: { ...components, costsSecs } };
    if (cacheKey !== undefined) this.#overlayCache.set(cacheKey, result);
    return result;
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
  /** The place of a node: the place itself for place, after-ride and destination nodes; the stop for line-stop nodes. */
  placeOfNode(node: number): Id {
    const attrs = this.#expansion.nodeAttrs[node];
    if (attrs === undefined) throw new ModelError(`placeOfNode(node): ${node} is not a node of the model (0..${this.nodeCount - 1})`);
    return attrs.placeId;
  }
  /** Whether some service (in any project) stops at the place. */
  isStop(placeId: Id): boolean {
    return this.#expansion.stopPlaces.has(placeId);
  }
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
