/**
 * The station rules of the station-to-station measure: which stations serve a place, and the pairs
 * decided without a search (no station at one end, a station shared by both ends).
 */
import type { TravelTimeModel } from "../model/build-model.js";
import { requirePlace } from "../network/lookup.js";
import type { Id } from "../network/schema.js";

/**
 * Stations used by the station-to-station measure: the place's `stations`, or the place itself when
 * it is a station or some service stops there; empty otherwise. Throws `UnknownIdError` for an
 * unknown place.
 */
export function stationsOf(model: TravelTimeModel, placeId: Id): Id[] {
  const place = requirePlace(model.network, placeId);
  if (place.stations && place.stations.length > 0) return [...place.stations];
  return place.kind === "station" || model.isStop(placeId) ? [placeId] : [];
}

/**
 * A station-to-station pair before any search: `no-station` when either place has none;
 * `same-station` (time 0 by definition) when the places share one (the first of the destination's
 * stations that the origin also has); else `search` with both station lists.
 */
export type StationPair =
  | { readonly kind: "no-station" }
  | { readonly kind: "same-station"; readonly station: Id }
  | { readonly kind: "search"; readonly from: readonly Id[]; readonly to: readonly Id[] };

/** See {@link StationPair}. */
export function stationPair(fromStations: readonly Id[], toStations: readonly Id[]): StationPair {
  if (fromStations.length === 0 || toStations.length === 0) return { kind: "no-station" };
  const shared = toStations.find((s) => fromStations.includes(s));
  return shared !== undefined ? { kind: "same-station", station: shared } : { kind: "search", from: fromStations, to: toStations };
}
