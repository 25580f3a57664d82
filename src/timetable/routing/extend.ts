import { TimetableError } from "../errors.js";
import { TimetableBuilder, type StopInput, type Timetable } from "./timetable.js";

/**
 * Returns a new timetable with `tt`'s content plus the given stops, routes, trips and footpaths
 * (`tt` is not modified). Trips refer to stops and routes by id, so they may use both existing and new
 * ones. Used to merge planned lines (`synthesizeTrips`) into a real timetable.
 */
export function extendTimetable(
  tt: Timetable,
  extra: {
    stops?: readonly StopInput[];
    routes?: readonly { id: string; name?: string }[];
    trips?: readonly { id: string; routeId: string; stopIds: readonly string[]; arrivalSecs: ArrayLike<number>; departureSecs: ArrayLike<number> }[];
    footpaths?: readonly { fromId: string; toId: string; secs: number }[];
  },
): Timetable {
  const b = new TimetableBuilder();
  for (let s = 0; s < tt.stopCount; s++) {
    const lon = tt.stopLonLat[2 * s] as number;
    const lat = tt.stopLonLat[2 * s + 1] as number;
    b.addStop({ id: tt.stopIds[s] as string, name: tt.stopNames[s] as string, ...(Number.isNaN(lon) ? {} : { lonLat: [lon, lat] as const }), minTransferSecs: tt.minTransferSecs[s] as number });
  }
  for (const s of extra.stops ?? []) b.addStop(s);
  for (let r = 0; r < tt.routeCount; r++) b.addRoute({ id: tt.routeIds[r] as string, name: tt.routeNames[r] as string });
  for (const r of extra.routes ?? []) b.addRoute(r);
  for (let t = 0; t < tt.tripCount; t++) {
    const p = tt.tripPattern[t] as number;
    const a = tt.patternStopOffsets[p] as number;
    const len = (tt.patternStopOffsets[p + 1] as number) - a;
    const o = tt.tripTimeOffsets[t] as number;
    b.addTrip({
      id: tt.tripIds[t] as string,
      route: tt.patternRoute[p] as number,
      stops: tt.patternStops.subarray(a, a + len),
      arrivalSecs: tt.arrivalSecs.subarray(o, o + len),
      departureSecs: tt.departureSecs.subarray(o, o + len),
    });
  }
  const stopOf = (id: string, where: string): number => {
    const i = b.stopIndexOf(id);
    if (i === undefined) throw new TimetableError(`unknown stop id ${JSON.stringify(id)} in ${where}; add it to extra.stops`);
    return i;
  };
  for (const trip of extra.trips ?? []) {
    const route = b.routeIndexOf(trip.routeId);
    if (route === undefined) throw new TimetableError(`unknown route id ${JSON.stringify(trip.routeId)} in trip ${JSON.stringify(trip.id)}; add it to extra.routes`);
    b.addTrip({ id: trip.id, route, stops: trip.stopIds.map((id) => stopOf(id, `trip ${JSON.stringify(trip.id)}`)), arrivalSecs: trip.arrivalSecs, departureSecs: trip.departureSecs });
  }
  for (let s = 0; s < tt.stopCount; s++) {
    for (let k = tt.footpathOffsets[s] as number; k < (tt.footpathOffsets[s + 1] as number); k++) b.addFootpath(s, tt.footpathTargets[k] as number, tt.footpathSecs[k] as number);
  }
  for (const f of extra.footpaths ?? []) b.addFootpath(stopOf(f.fromId, "footpaths"), stopOf(f.toId, "footpaths"), f.secs);
  return b.finish();
}
