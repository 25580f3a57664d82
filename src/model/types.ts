/**
 * Types of the travel-time model: node and edge kinds of the expanded graph, options, filters.
 */
import type { Id, Measure, ReadingKind } from "../network/schema.js";

/**
 * Node kinds of the expanded graph (see docs/design-choices.md, "graph construction"):
 * - `place`: the place before any ride (layer 0): where every door-to-door search starts;
 * - `place-after-ride`: the same place reached after at least one ride (layer 1), so that boarding
 *   from here pays the transfer time;
 * - `destination`: a sink per place, entered at zero cost from both layers, where searches end;
 * - `departure` / `arrival`: a service direction at one of its stops (line-stop nodes).
 */
export type ModelNodeKind = "place" | "place-after-ride" | "destination" | "departure" | "arrival";

/**
 * Edge kinds:
 * - `road`: a road link (driven), in both layers;
 * - `connector`: an explicit connector link (access/egress), in both layers;
 * - `access`: a generated connector (car or walk) between a place and a nearby stop, in both layers;
 *   absent in a selection where an explicit connector joins the same two places;
 * - `board`: place → departure line-stop: the wait, plus the transfer time from layer 1;
 * - `ride`: departure line-stop → next arrival line-stop: running time;
 * - `dwell`: arrival → departure at an intermediate stop of the same service direction;
 * - `alight`: arrival line-stop → place-after-ride (0 s);
 * - `arrive`: place or place-after-ride → destination sink (0 s).
 */
export type ModelEdgeKind = "road" | "connector" | "access" | "board" | "ride" | "dwell" | "alight" | "arrive";

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
}

/** Attributes of an edge of the model's graphology graph. */
export interface ModelEdgeAttributes {
  /** Index of the edge in the compiled graph and in every cost array of the model. */
  readonly index: number;
  readonly kind: ModelEdgeKind;
  /** Link mode, service mode, "car" or "walk" (generated access), or "none" (arrive). */
  readonly mode: string;
  /** 0 before any ride, 1 after one; null for line-stop and destination edges. */
  readonly layer: 0 | 1 | null;
  readonly fromPlaceId: Id;
  readonly toPlaceId: Id;
  readonly linkId?: Id;
  readonly serviceId?: Id;
  readonly direction?: "forward" | "backward";
  /** Projects the edge's entity needs (empty: always present unless replaced). */
  readonly projects: readonly Id[];
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
