/**
 * The street part of a selection (roads, connectors, generated access; no rides) and searches on it
 * addressed by place: what a timetable router needs for access, egress and road transfers, so that
 * it never reads the model's nodes or edges itself.
 */
import { ShortestPathSearch, type CompiledGraph } from "../core/index.js";
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection } from "../model/types.js";
import type { Id } from "../network/schema.js";
import type { TimedOrigin } from "./options.js";

/** The model's edge kinds that belong to rides; the street overlay sets them to Infinity. */
const RIDE_KINDS: ReadonlySet<string> = new Set(["board", "ride", "dwell", "alight"]);

/**
 * The street part of a selection: the model's door-to-door overlay for `modes` with every board,
 * ride, dwell and alight edge removed (cost `Infinity`). Roads (unless `modes` is `rail`), connectors,
 * generated access, the local road mesh (towns included) and the `arrive` edges into destination
 * sinks remain, in both layers.
 */
export function streetOverlay(
  model: TravelTimeModel,
  selection: Id | ProjectSelection,
  modes: ModeFilter = "multimodal",
  edgeCosts?: EdgeCosts,
): CompiledGraph {
  const { costs } = model.overlayWithCosts(selection, { modes, measure: "door-to-door", ...(edgeCosts && { edgeCosts }) });
  const c = Float64Array.from(costs.costsSecs);
  // Mesh edges (after the network's own) are never rides.
  model.networkEdges.forEach((e, i) => {
    if (RIDE_KINDS.has(e.kind)) c[i] = Infinity;
  });
  return model.compiled.withCosts(c);
}

/**
 * Searches on a street overlay (from {@link streetOverlay}), in places and seconds. Owns its search:
 * not re-entrant, and every call is self-contained.
 */
export class StreetSearch {
  readonly model: TravelTimeModel;
  readonly graph: CompiledGraph;
  readonly #search: ShortestPathSearch;

  constructor(model: TravelTimeModel, graph: CompiledGraph) {
    this.model = model;
    this.graph = graph;
    this.#search = new ShortestPathSearch(graph);
  }

  /**
   * Street seconds from the origins (before any ride, each at its start offset) to every node of
   * the model, and to every place before any ride (`network.places` order).
   */
  fromOrigins(origins: readonly Required<TimedOrigin>[]): { nodeSecs: Float64Array; placeSecs: Float64Array } {
    const model = this.model;
    const nodeSecs = this.#search.multiSource(
      origins.map((o) => model.originNode(o.placeId)),
      origins.map((o) => o.startSecs),
    );
    return { nodeSecs, placeSecs: this.#perPlace(nodeSecs, (id) => model.originNode(id)) };
  }

  /** Seconds to arrive at `placeId` by any means, read from {@link fromOrigins}' `nodeSecs`. */
  arrivalSecs(nodeSecs: Float64Array, placeId: Id): number {
    return nodeSecs[this.model.destinationNode(placeId)]!;
  }

  /** Street seconds from every place after a ride (`network.places` order) to arrival at `destination` (a reverse search). */
  toDestination(destination: Id): Float64Array {
    const model = this.model;
    const rev = this.#search.oneToAll(model.destinationNode(destination), { reverse: true });
    return this.#perPlace(rev, (id) => model.afterRideNode(id));
  }

  /** Street seconds from `placeId` after a ride to every place after a ride (`network.places` order), up to `cutoffSecs`. */
  afterRide(placeId: Id, cutoffSecs = Infinity): Float64Array {
    const model = this.model;
    const times = this.#search.oneToAll(model.afterRideNode(placeId), { cutoffSecs });
    return this.#perPlace(times, (id) => model.afterRideNode(id));
  }

  #perPlace(nodeSecs: Float64Array, node: (placeId: Id) => number): Float64Array {
    const places = this.model.network.places;
    const out = new Float64Array(places.length);
    places.forEach((p, k) => (out[k] = nodeSecs[node(p.id)]!));
    return out;
  }
}
