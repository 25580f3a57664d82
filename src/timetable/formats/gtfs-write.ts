import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TimetableError } from "../errors.js";
import { formatSecs } from "./time.js";
import type { Timetable } from "../routing/timetable.js";

/** Options of `writeGtfs`. */
export interface WriteGtfsOptions {
  /** `[lon, lat]` written for stops without coordinates; default: throw, since GTFS requires them. */
  readonly placeholderLonLat?: readonly [number, number];
  /** calendar.txt date range `YYYYMMDD`; every trip runs every day in it. Default 20240101–20241231. */
  readonly startDate?: string;
  readonly endDate?: string;
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Writes a timetable as a GTFS feed folder (agency, stops, routes, trips, stop_times, calendar with
 * one all-days service `ALL`, transfers with type 2 for minimum transfer times and footpaths), so a
 * planned scenario can be opened in GTFS tools. `loadGtfs` of the result rebuilds the same
 * timetable. Throws `TimetableError` for negative times (GTFS cannot express them) or stops without
 * coordinates (unless `placeholderLonLat`).
 */
export function writeGtfs(tt: Timetable, dir: string, options: WriteGtfsOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const stops = ["stop_id,stop_name,stop_lat,stop_lon"];
  for (let s = 0; s < tt.stopCount; s++) {
    let lon = tt.stopLonLat[2 * s] as number;
    let lat = tt.stopLonLat[2 * s + 1] as number;
    if (Number.isNaN(lon) || Number.isNaN(lat)) {
      if (options.placeholderLonLat === undefined) throw new TimetableError(`stop ${JSON.stringify(tt.stopIds[s])} has no coordinates; GTFS requires them: pass placeholderLonLat or add coordinates`);
      [lon, lat] = options.placeholderLonLat;
    }
    stops.push([csvField(tt.stopIds[s] as string), csvField(tt.stopNames[s] as string), String(lat), String(lon)].join(","));
  }
  const routes = ["route_id,agency_id,route_short_name,route_type"];
  for (let r = 0; r < tt.routeCount; r++) routes.push([csvField(tt.routeIds[r] as string), "A", csvField(tt.routeNames[r] as string), "2"].join(","));
  const trips = ["route_id,service_id,trip_id"];
  const times = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"];
  for (let t = 0; t < tt.tripCount; t++) {
    const p = tt.tripPattern[t] as number;
    const a = tt.patternStopOffsets[p] as number;
    const len = (tt.patternStopOffsets[p + 1] as number) - a;
    const o = tt.tripTimeOffsets[t] as number;
    const id = csvField(tt.tripIds[t] as string);
    trips.push([csvField(tt.routeIds[tt.patternRoute[p] as number] as string), "ALL", id].join(","));
    for (let i = 0; i < len; i++) {
      const arr = tt.arrivalSecs[o + i] as number;
      const dep = tt.departureSecs[o + i] as number;
      if (arr < 0) throw new TimetableError(`trip ${id} has a negative time (${arr} s); GTFS times start at 00:00:00, so shift the timetable first`);
      times.push([id, formatSecs(arr), formatSecs(dep), csvField(tt.stopIds[tt.patternStops[a + i] as number] as string), String(i + 1)].join(","));
    }
  }
  const transfers = ["from_stop_id,to_stop_id,transfer_type,min_transfer_time"];
  for (let s = 0; s < tt.stopCount; s++) {
    const id = csvField(tt.stopIds[s] as string);
    if ((tt.minTransferSecs[s] as number) > 0) transfers.push([id, id, "2", String(tt.minTransferSecs[s])].join(","));
    for (let e = tt.footpathOffsets[s] as number; e < (tt.footpathOffsets[s + 1] as number); e++) {
      transfers.push([id, csvField(tt.stopIds[tt.footpathTargets[e] as number] as string), "2", String(tt.footpathSecs[e])].join(","));
    }
  }
  const write = (name: string, rows: string[]): void => writeFileSync(join(dir, name), rows.join("\n") + "\n");
  write("agency.txt", ["agency_id,agency_name,agency_url,agency_timezone", "A,qiwan-access export,https://example.org,UTC"]);
  write("stops.txt", stops);
  write("routes.txt", routes);
  write("trips.txt", trips);
  write("stop_times.txt", times);
  write("calendar.txt", ["service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date", `ALL,1,1,1,1,1,1,1,${options.startDate ?? "20240101"},${options.endDate ?? "20241231"}`]);
  write("transfers.txt", transfers);
}
