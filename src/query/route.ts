/**
 * `findRoute`: the one-call form of {@link Query.route}, kept for scripts and calibration.
 */
import type { TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, QuantityOverrides, Reading } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";
import type { RouteResult } from "./legs.js";
import { selectionOf } from "./options.js";
import { Query } from "./query.js";

/** Options of {@link findRoute}. */
export interface RouteOptions {
  /** Scenario id or project selection (default: the network's first scenario). */
  readonly scenario?: Id;
  readonly projects?: Iterable<Id>;
  readonly measure?: Measure;
  readonly modes?: ModeFilter;
  /** `scheduled` (default, `DEFAULT_READING`) or `typical`; see {@link Reading}. */
  readonly reading?: Reading;
  readonly quantities?: QuantityOverrides;
}

/** One query object per model for the one-call wrappers; a Query's answers never depend on call order. */
const queries = new WeakMap<TravelTimeModel, Query>();

/** The model's shared {@link Query} for one-call wrappers (created on first use). */
export function queryOf(model: TravelTimeModel): Query {
  let q = queries.get(model);
  if (q === undefined) queries.set(model, (q = new Query(model)));
  return q;
}

/**
 * The fastest route between two places. Door-to-door starts before any ride at `from` and ends on
 * arrival at `to` by any means; station-to-station is the best pair of stations of the two places
 * (see `stationsOf`), riding only. Read as `scheduled` unless `reading` says otherwise (no wait
 * before the first boarding). Same as `new Query(model).route(from, to, …)`.
 *
 * @example
 * findRoute(model, "QJ_EAST", "CQ_WEST", { scenario: "current", measure: "station-to-station", modes: "rail" }).timeMin;
 */
export function findRoute(model: TravelTimeModel, from: Id, to: Id, options: RouteOptions = {}): RouteResult {
  return queryOf(model).route(from, to, {
    selection: selectionOf(model, options),
    ...(options.measure && { measure: options.measure }),
    ...(options.modes && { modes: options.modes }),
    ...(options.reading && { reading: options.reading }),
    ...(options.quantities && { quantities: options.quantities }),
  });
}
