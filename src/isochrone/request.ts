/**
 * Request plumbing shared by the frequency-model and timetable isochrones (internal: not re-exported
 * from the stage index), so both resolve origins and label their bands the same way.
 */
import type { TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter, ProjectSelection } from "../model/types.js";
import type { Id } from "../network/schema.js";
import { stationsOf } from "../query/stations.js";
import type { PopulatedPlace } from "./bands.js";
import { IsochroneError } from "./errors.js";
import type { IsochroneOrigin, PlaceTimes } from "./modelIsochrone.js";

/**
 * The request's origins as `{ placeId, startSecs }` (offset default 0).
 *
 * @throws IsochroneError for an empty list or a start offset that is not finite and `>= 0`.
 */
export function resolveOrigins(origins: Id | readonly (Id | IsochroneOrigin)[]): Required<IsochroneOrigin>[] {
  const list = typeof origins === "string" ? [origins] : origins;
  if (list.length === 0) {
    throw new IsochroneError('origins is empty; give at least one place id, e.g. "QJ_CITY"');
  }
  return list.map((o, i) => {
    const origin = typeof o === "string" ? { placeId: o, startSecs: 0 } : { placeId: o.placeId, startSecs: o.startSecs ?? 0 };
    if (!(origin.startSecs >= 0) || !Number.isFinite(origin.startSecs)) {
      throw new IsochroneError(`origins[${i}].startSecs = ${String(origin.startSecs)} must be a finite number of seconds >= 0`);
    }
    return origin;
  });
}

/** The scenario id of a selection, or `"custom"` for an explicit project set. */
export function scenarioLabel(selection: Id | ProjectSelection): string {
  return typeof selection === "string" ? selection : "scenario" in selection ? selection.scenario : "custom";
}

/** Band properties every model isochrone carries: `scenario`, `measure`, `reading`, `modes`, `origins` (`ID+600s` for an offset). */
export function bandProperties(times: PlaceTimes, modes: ModeFilter): Record<string, unknown> {
  return {
    scenario: times.scenario,
    measure: times.measure,
    reading: times.reading,
    modes,
    origins: times.origins.map((o) => (o.startSecs === 0 ? o.placeId : `${o.placeId}+${o.startSecs}s`)).join(","),
  };
}

/** Every place's coordinate and population (persons, when known), for `populationCovered`. */
export function placePopulations(model: TravelTimeModel): PopulatedPlace[] {
  return model.network.places.map((p) => ({ coord: p.coord, ...(p.population && { population: p.population.value }) }));
}

/**
 * The stations a `station-to-station` search starts from at `placeId` (`stationsOf`).
 *
 * @throws IsochroneError when the place has none.
 */
export function originStations(model: TravelTimeModel, placeId: Id): readonly Id[] {
  const stations = stationsOf(model, placeId);
  if (stations.length === 0) {
    throw new IsochroneError(
      `origin "${placeId}" has no station, so it has no station-to-station isochrone; use measure "door-to-door" or an origin served by a station`,
    );
  }
  return stations;
}
