/**
 * What every query takes: the selection (scenario or project set), the measure, the modes and the
 * costs (base, a quantity draw, or precomputed edge costs), with their defaults.
 */
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import { ModelError } from "../model/errors.js";
import type { ModeFilter, ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";

/**
 * The reading every query, matrix, route, isochrone and target check uses unless told otherwise:
 * `scheduled`, the fastest scheduled connection (how plans and timetables quote a travel time). A
 * target declares its own (`target.reading`); `typical` adds the waits a traveller meets.
 */
export const DEFAULT_READING: Reading = "scheduled";

/** Options of every {@link Query} method; each has a default. */
export interface QueryOptions {
  /** A scenario id or `{ scenario }` / `{ projects }` (default: the network's first scenario). */
  readonly selection?: Id | ProjectSelection;
  /**
   * `door-to-door` (default): from the origin place before any ride to the destination place by any
   * means. `station-to-station`: from every station of the origin at 0 s to the nearest station of
   * the destination, riding only (see `stationsOf`).
   */
  readonly measure?: Measure;
  /** Modes allowed (default `multimodal`). */
  readonly modes?: ModeFilter;
  /**
   * How waits are counted (default {@link DEFAULT_READING}, `scheduled`): `scheduled` reads the
   * fastest scheduled connection: no wait at the first boarding, a connection wait
   * (`connectionWaitMin`, at most the typical wait) after a ride; `typical` charges the model's wait
   * rule at every boarding. See {@link Reading}.
   */
  readonly reading?: Reading;
  /** Quantity overrides (a Monte Carlo draw), as `TravelTimeModel.costsWith` takes them. */
  readonly quantities?: QuantityOverrides;
  /** Precomputed typical edge costs (`model.costsWith(draw)`), shared by many queries; wins over `quantities`. */
  readonly edgeCosts?: EdgeCosts;
}

/** An origin place and when the traveller leaves it (seconds ≥ 0, default 0). */
export interface TimedOrigin {
  readonly placeId: Id;
  readonly startSecs?: number;
}

/** The project selection of a query: a scenario wins over projects; default the first scenario. */
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

/** The options' selection as a {@link ProjectSelection} (default: the first scenario). */
export function querySelection(model: TravelTimeModel, options: QueryOptions): ProjectSelection {
  const s = options.selection;
  if (s === undefined) return selectionOf(model, {});
  return typeof s === "string" ? { scenario: s } : s;
}

/** Origins as `{ placeId, startSecs }`; throws `ModelError` for a start offset that is not finite and ≥ 0. */
export function timedOrigins(origins: Id | readonly (Id | TimedOrigin)[]): Array<Required<TimedOrigin>> {
  const list = typeof origins === "string" ? [origins] : origins;
  return list.map((o, i) => {
    const r = typeof o === "string" ? { placeId: o, startSecs: 0 } : { placeId: o.placeId, startSecs: o.startSecs ?? 0 };
    if (!(r.startSecs >= 0 && Number.isFinite(r.startSecs)))
      throw new ModelError(`origins[${i}].startSecs = ${String(r.startSecs)} must be a finite number of seconds >= 0`);
    return r;
  });
}
