/**
 * Types of the travel-time model: node and edge kinds of the expanded graph, options, filters.
 */
import type { Id, Measure, ReadingKind } from "../network/schema.js";
import type { MeshOptions } from "./mesh.js";

/**
 * Node kinds of the expanded graph (see docs/design-choices.md, "graph construction"):
 * - `place`: the place before any ride (layer 0): where every door-to-door search starts;
 * - `place-after-ride`: the same place reached after at least one ride (layer 1), so that boarding
 *   from here pays the transfer time;
 * - `destination`: a sink per place, entered at zero cost from both layers, where searches end;
 * - `departure` / `arrival`: a service direction at one of its stops (line-stop nodes);
 * - `town` / `town-after-ride`: a town centre of the local road mesh before / after a ride (only
 *   when the network has a `towns` section; `placeId` is empty and `townId` names the town).
 */
export type ModelNodeKind = "place" | "place-after-ride" | "destination" | "departure" | "arrival" | "town" | "town-after-ride";

/**
 * Edge kinds:
 * - `road`: a road link (driven), in both layers;
 * - `connector`: an explicit connector link (access/egress), in both layers;
 * - `access`: a generated connector (car or walk) between a place and a nearby stop, in both layers;
 *   absent in a selection where an explicit connector joins the same two places (`accessRule` says
 *   whether the place lists the station or the station is only within `accessRadiusKm`);
 * - `mesh`: a local road of the town mesh (town–town, or a place's anchor road to a town), in both
 *   layers and both directions; present in every selection (see docs/network-format-towns.md);
 * - `board`: place → departure line-stop: the wait, plus the transfer time from layer 1;
 * - `ride`: departure line-stop → next arrival line-stop: running time;
 * - `dwell`: arrival → departure at an intermediate stop of the same service direction;
 * - `alight`: arrival line-stop → place-after-ride (0 s);
 * - `arrive`: place or place-after-ride → destination sink (0 s).
 */
export type ModelEdgeKind = "road" | "connector" | "access" | "board" | "ride" | "dwell" | "alight" | "arrive" | "mesh";

/** Which modes a trip may use. */
export type ModeFilter = "multimodal" | "rail" | "road";

/**
 * How long a passenger waits when boarding a service of headway `h`:
 * - `"half-headway"` (default): h/2, random arrivals at the stop;
 * - `"full-headway"`: h, a pessimistic bound;
 * - `{ fixedMin }`: the same wait for every service (minutes);
 * - `{ capMin }`: h/2 but at most `capMin` minutes (travellers who time their arrival on long headways).
 */
export type WaitRule = "half-headway" | "full-headway" | { readonly fixedMin: number } | { readonly capMin: number };

/** Options of {@link buildModel}: structural choices, not quantities (these are in parameters). */
export interface ModelOptions {
  /** Wait rule at boarding (default `"half-headway"`). */
  readonly wait?: WaitRule;
  /** Generate access/egress connectors between places and stops (default true). */
  readonly generateAccess?: boolean;
  /**
   * Generated connectors join a place to every station (a place of kind `station`, or one some place
   * lists in `stations`) at a great-circle distance `<=` this (km; default 30), besides the stations
   * the place lists in `stations` (joined at any distance). Other places where services stop get no
   * generated connector by distance.
   */
  readonly accessRadiusKm?: number;
  /**
   * Generated connectors whose street distance (great-circle × the base `circuityFactor.access`) is
   * `<=` this (km; default 1.5) are walked, longer ones driven. Decided once at build: a quantity draw
   * of the circuity changes the connector's time, not its mode.
   */
  readonly walkMaxKm?: number;
  /**
   * The local road mesh of the network's `towns` (default true: built when the network has towns;
   * false: no mesh; an object: {@link MeshOptions} for `buildMesh`, terrain excepted, which comes
   * from the network). With a mesh, door-to-door road and multimodal trips drive the mesh, and the
   * generated connectors that exist only by `accessRadiusKm` are left to rail-only trips.
   */
  readonly mesh?: boolean | Omit<MeshOptions, "terrain" | "defaultTerrain">;
}

/** Attributes of a node of the model's graphology graph. */
export interface ModelNodeAttributes {
  readonly kind: ModelNodeKind;
  /** The place (for line-stop nodes: the stop's place). */
  readonly placeId: Id;
  readonly serviceId?: Id;
  readonly direction?: "forward" | "backward";
  /** Index of the stop in the direction's running order. */
  readonly stopIndex?: number;
  /** Town nodes: the town's id in `network.towns`. */
  readonly townId?: Id;
}

/** Attributes of an edge of the model's graphology graph. */
export interface ModelEdgeAttributes {
  /** Index of the edge in the compiled graph and in every cost array of the model. */
  readonly index: number;
  readonly kind: ModelEdgeKind;
  /** Link mode, service mode, "car" or "walk" (generated access), "local-road" (mesh), or "none" (arrive). */
  readonly mode: string;
  /** 0 before any ride, 1 after one; null for line-stop and destination edges. */
  readonly layer: 0 | 1 | null;
  /** The place at each end; empty at a town's end of a mesh edge (see `fromTownId` / `toTownId`). */
  readonly fromPlaceId: Id;
  readonly toPlaceId: Id;
  readonly linkId?: Id;
  readonly serviceId?: Id;
  readonly direction?: "forward" | "backward";
  /** Projects the edge's entity needs (empty: always present unless replaced). */
  readonly projects: readonly Id[];
  /**
   * Generated connectors (`access`): `listed` when one place lists the other among its `stations`,
   * `radius` when the station is only within `accessRadiusKm` (admitted door-to-door only where the
   * mesh is not, i.e. rail-only trips, when the model has a mesh).
   */
  readonly accessRule?: "listed" | "radius";
  /** Mesh edges: the towns at the ends (absent at a place's end, which `fromPlaceId` / `toPlaceId` name). */
  readonly fromTownId?: Id;
  readonly toTownId?: Id;
  /** Travel time with every quantity at its base value (s). */
  readonly costSecs: number;
}

/** What a query ranges over: a scenario id or an explicit set of project ids. */
export type ProjectSelection = { readonly scenario: Id } | { readonly projects: Iterable<Id> };

/**
 * Quantity overrides for Monte Carlo draws, keyed by JSON Pointer into the network (by array index,
 * as in the file: `/links/3/speedKmh`, `/services/0/runMinutes/2`, `/services/0/headwayMin`) or into
 * the model's parameters (`/parameters/commercialSpeedFactor/hsr`, `/parameters/congestionFactor`). A
 * trailing `/value` is accepted.
 */
export type QuantityOverrides = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * How a promise's travel time is read (the waits counted), each a cost overlay of the same graph:
 * - `"scheduled"` (the query layer's default, `DEFAULT_READING`): the fastest scheduled connection:
 *   no wait at the first boarding; at every later one the transfer time plus `connectionWaitMin` of
 *   the boarded mode, at most the typical wait;
 * - `"typical"`: the model's wait rule at every boarding (half the headway by default), plus the
 *   transfer time at every boarding after a ride. These are the edge costs as computed, so the
 *   model's own cost functions (`overlay`, `readingCosts`, `costsFor`) default to it.
 */
export type Reading = ReadingKind;

/** Mode filter and measure of a query (defaults: multimodal, door-to-door). */
export interface QueryFilter {
  readonly modes?: ModeFilter;
  readonly measure?: Measure;
}
