import { GtfsValidationError, TimetableError } from "../errors.js";
import { addGeneratedFootpaths, type FootpathOptions } from "../routing/footpaths.js";
import { DAY_SECS, formatSecs, parseGtfsTime, parseServiceDate, parseYyyymmdd } from "./time.js";
import { TimetableBuilder, type Timetable } from "../routing/timetable.js";
import { cut, openFeed, Problems, readTable } from "./gtfs-feed.js";
import { checkTrips, RowStore } from "./gtfs-trips.js";

/** Options of `loadGtfs`. */
export interface LoadGtfsOptions {
  /**
   * Service date `YYYYMMDD`: keep only trips whose service runs that day (calendar.txt weekday and
   * date range, then calendar_dates.txt additions/removals). Default: all trips, whatever their service.
   */
  readonly serviceDate?: string;
  /**
   * With `serviceDate`, also keep the previous day's trips that run past midnight (times ≥ 24:00:00),
   * shifted by −24 h onto this day's clock, with `@-1d` appended to their ids. Default true.
   */
  readonly previousDayOvernight?: boolean;
  /** Minimum transfer time at stops that transfers.txt does not set, seconds. Default 0. */
  readonly defaultMinTransferSecs?: number;
  /** Generate footpaths between nearby stops (in addition to transfers.txt); default: none. */
  readonly footpaths?: FootpathOptions;
  /**
   * Most trips that frequencies.txt may generate, over all its rows (default
   * {@link MAX_FREQUENCY_TRIPS}). A feed beyond it is rejected before any trip is generated.
   */
  readonly maxFrequencyTrips?: number;
}

/**
 * Default cap on the trips generated from frequencies.txt: 1,000,000, about 30 times the trips of a
 * large city's whole feed (a headway of 60 s for 20 h on 800 routes), and about 1 GB of memory for
 * two-stop trips. Each row generates ⌈(end_time − start_time) / headway_secs⌉ trips; without a cap
 * one row with `headway_secs` 1 over 999 h would generate 3.6 million.
 */
export const MAX_FREQUENCY_TRIPS = 1_000_000;


interface StopRec {
  id: string;
  /** Position in stops.txt; stop_times rows store this number rather than a string. */
  ord: number;
  name: string;
  lon: number;
  lat: number;
  locationType: number;
  parent: string;
}


const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/**
 * Loads a GTFS feed (a folder or a .zip) into a `Timetable`, streaming each file line by line.
 *
 * Reads stops, routes, trips, stop_times, calendar and/or calendar_dates (at least one), and when
 * present frequencies (each row expanded into trips `start_time + i·headway_secs < end_time`, at
 * most `maxFrequencyTrips` in all, named
 * `<trip_id>@<HH:MM:SS>`, for exact_times 0 and 1 alike) and transfers (type 2: `min_transfer_time`
 * becomes the stop's minimum transfer time when from = to, a footpath otherwise; a station id applies
 * to its child stops; other types are ignored). Times past 24:00:00 are kept as is (overnight trips).
 * Missing intermediate times are interpolated linearly by stop position. Only stops of
 * location_type 0 (or empty) become timetable stops. With `serviceDate`, the previous day's trips
 * that run past 24:00 are included shifted by −24 h (see `previousDayOvernight`).
 *
 * Throws one `GtfsValidationError` listing every problem found (file, line, column, value, fix):
 * a path that is not a folder or a zip archive, missing files or columns, a quoted field never
 * closed, malformed times or numbers, unknown or duplicate ids, times that go backwards along a
 * trip, stops without coordinates, a feed with no trips (or none with stop times), frequencies.txt
 * generating more than `maxFrequencyTrips` trips. `TimetableError` for a missing path or a bad
 * option. With `serviceDate`, a day on which no trip runs gives an empty timetable (not an error).
 *
 * Work is linear in the feed's size (bounded by the frequency cap for generated trips).
 */
export async function loadGtfs(path: string, options: LoadGtfsOptions = {}): Promise<Timetable> {
  const date = options.serviceDate === undefined ? undefined : parseServiceDate(options.serviceDate, "options.serviceDate");
  const feed = await openFeed(path);
  const P = new Problems();
  for (const f of ["stops.txt", "routes.txt", "trips.txt", "stop_times.txt"]) {
    if (!feed.has(f)) P.add(f, 0, "", "", `required file ${f} is missing`, `add ${f} to the feed`);
  }
  if (!feed.has("calendar.txt") && !feed.has("calendar_dates.txt")) {
    P.add("calendar.txt", 0, "", "", "neither calendar.txt nor calendar_dates.txt is present", "add calendar.txt (weekly services) or calendar_dates.txt (service dates)");
  }
  if (P.list.length > 0) throw new GtfsValidationError(P.list);

  const num = (file: string, line: number, column: string, v: string, opts: { integer?: boolean; min?: number; max?: number; required?: boolean }): number => {
    if (v === "") {
      if (opts.required) P.add(file, line, column, v, `${column} is empty`, `give a ${opts.integer ? "whole " : ""}number`);
      return NaN;
    }
    const x = Number(v);
    const bad = !Number.isFinite(x) || (opts.integer === true && !Number.isInteger(x)) || (opts.min !== undefined && x < opts.min) || (opts.max !== undefined && x > opts.max);
    if (bad) {
      const range = opts.min !== undefined || opts.max !== undefined ? ` in ${opts.min ?? "-∞"}..${opts.max ?? "∞"}` : "";
      P.add(file, line, column, v, `${column} is not a valid ${opts.integer ? "integer" : "number"}${range}`, `write a ${opts.integer ? "whole " : ""}number${range}`);
      return NaN;
    }
    return x;
  };

  // stops.txt
  const stops = new Map<string, StopRec>();
  const stopList: string[] = [];
  await readTable(feed, "stops.txt", ["stop_id"], P, (row, line) => {
    const id = row("stop_id");
    if (id === "") return P.add("stops.txt", line, "stop_id", id, "stop_id is empty", "give every stop a unique stop_id");
    if (stops.has(id)) return P.add("stops.txt", line, "stop_id", id, `duplicate stop_id ${cut(id)}`, "make stop_id unique");
    const lt = row("location_type");
    const locationType = lt === "" ? 0 : num("stops.txt", line, "location_type", lt, { integer: true, min: 0, max: 4 });
    const latText = row("stop_lat");
    const lonText = row("stop_lon");
    let lat = NaN;
    let lon = NaN;
    if (locationType <= 2) {
      if (latText === "" || lonText === "") {
        P.add("stops.txt", line, latText === "" ? "stop_lat" : "stop_lon", latText === "" ? latText : lonText, `stop ${cut(id)} has no coordinates`, "give stop_lat and stop_lon in WGS84 degrees");
      } else {
        lat = num("stops.txt", line, "stop_lat", latText, { min: -90, max: 90 });
        lon = num("stops.txt", line, "stop_lon", lonText, { min: -180, max: 180 });
      }
    }
    stops.set(id, { id, ord: stopList.length, name: row("stop_name"), lon, lat, locationType, parent: row("parent_station") });
    stopList.push(id);
  });

  // routes.txt
  const routes = new Map<string, string>();
  await readTable(feed, "routes.txt", ["route_id", "route_type"], P, (row, line) => {
    const id = row("route_id");
    if (routes.has(id)) return P.add("routes.txt", line, "route_id", id, `duplicate route_id ${cut(id)}`, "make route_id unique");
    num("routes.txt", line, "route_type", row("route_type"), { integer: true, min: 0, required: true });
    routes.set(id, row("route_short_name") || row("route_long_name"));
  });

  // calendar.txt / calendar_dates.txt
  const services = new Set<string>();
  // Services running on the service date (day 0) and on the day before (day −1, for its overnight trips).
  const active = new Set<string>();
  const activePrev = new Set<string>();
  const prevDay = date === undefined ? undefined : { day: date.day - 1, weekday: (date.weekday + 6) % 7 };
  if (feed.has("calendar.txt")) {
    await readTable(feed, "calendar.txt", ["service_id", ...WEEKDAYS, "start_date", "end_date"], P, (row, line) => {
      const id = row("service_id");
      if (services.has(id)) return P.add("calendar.txt", line, "service_id", id, `duplicate service_id ${cut(id)}`, "give each service one calendar.txt row");
      services.add(id);
      const flags = WEEKDAYS.map((d) => {
        const v = row(d);
        if (v !== "0" && v !== "1") P.add("calendar.txt", line, d, v, `${d} must be 0 or 1`, "write 1 if the service runs that weekday, else 0");
        return v === "1";
      });
      const from = parseYyyymmdd(row("start_date"));
      const to = parseYyyymmdd(row("end_date"));
      if (from === undefined) P.add("calendar.txt", line, "start_date", row("start_date"), "start_date is not a date", "write YYYYMMDD");
      if (to === undefined) P.add("calendar.txt", line, "end_date", row("end_date"), "end_date is not a date", "write YYYYMMDD");
      for (const [d, set] of [[date, active], [prevDay, activePrev]] as const) {
        if (d !== undefined && from !== undefined && to !== undefined && d.day >= from.day && d.day <= to.day && flags[d.weekday]) set.add(id);
      }
    });
  }
  if (feed.has("calendar_dates.txt")) {
    const removed = new Set<string>();
    const removedPrev = new Set<string>();
    await readTable(feed, "calendar_dates.txt", ["service_id", "date", "exception_type"], P, (row, line) => {
      const id = row("service_id");
      services.add(id);
      const d = parseYyyymmdd(row("date"));
      if (d === undefined) P.add("calendar_dates.txt", line, "date", row("date"), "date is not a date", "write YYYYMMDD");
      const ex = row("exception_type");
      if (ex !== "1" && ex !== "2") P.add("calendar_dates.txt", line, "exception_type", ex, "exception_type must be 1 (added) or 2 (removed)", "write 1 or 2");
      if (date !== undefined && d !== undefined && d.day === date.day) {
        if (ex === "1") active.add(id);
        else if (ex === "2") removed.add(id);
      }
      if (prevDay !== undefined && d !== undefined && d.day === prevDay.day) {
        if (ex === "1") activePrev.add(id);
        else if (ex === "2") removedPrev.add(id);
      }
    });
    for (const id of removed) active.delete(id);
    for (const id of removedPrev) activePrev.delete(id);
  }

  // trips.txt
  const trips = new Map<string, { route: string; service: string; line: number; ord: number }>();
  const tripList: string[] = [];
  await readTable(feed, "trips.txt", ["route_id", "service_id", "trip_id"], P, (row, line) => {
    const id = row("trip_id");
    if (trips.has(id)) return P.add("trips.txt", line, "trip_id", id, `duplicate trip_id ${cut(id)}`, "make trip_id unique");
    const route = row("route_id");
    const service = row("service_id");
    if (!routes.has(route)) P.add("trips.txt", line, "route_id", route, `unknown route_id ${cut(route)}`, "use a route_id defined in routes.txt");
    if (!services.has(service)) P.add("trips.txt", line, "service_id", service, `unknown service_id ${cut(service)}`, "use a service_id defined in calendar.txt or calendar_dates.txt");
    trips.set(id, { route, service, line, ord: tripList.length });
    tripList.push(id);
  });

  // stop_times.txt, kept in flat typed arrays (millions of rows: no object per row).
  const rows = new RowStore();
  await readTable(feed, "stop_times.txt", ["trip_id", "stop_id", "stop_sequence", "arrival_time", "departure_time"], P, (row, line) => {
    const trip = row("trip_id");
    const stop = row("stop_id");
    const tripRec = trips.get(trip);
    if (tripRec === undefined) P.add("stop_times.txt", line, "trip_id", trip, `unknown trip_id ${cut(trip)}`, "use a trip_id defined in trips.txt");
    const st = stops.get(stop);
    if (st === undefined) P.add("stop_times.txt", line, "stop_id", stop, `unknown stop_id ${cut(stop)}`, "use a stop_id defined in stops.txt");
    else if (st.locationType !== 0) P.add("stop_times.txt", line, "stop_id", stop, `stop_id ${cut(stop)} has location_type ${st.locationType}, not a stop or platform`, "reference a stop with location_type 0");
    const seq = num("stop_times.txt", line, "stop_sequence", row("stop_sequence"), { integer: true, min: 0, required: true });
    const arrText = row("arrival_time");
    const depText = row("departure_time");
    let arr = arrText === "" ? -2 : parseGtfsTime(arrText);
    let dep = depText === "" ? -2 : parseGtfsTime(depText);
    if (arr === -1) P.add("stop_times.txt", line, "arrival_time", arrText, "malformed time", "write H:MM:SS with minutes and seconds below 60 (hours may exceed 24)");
    if (dep === -1) P.add("stop_times.txt", line, "departure_time", depText, "malformed time", "write H:MM:SS with minutes and seconds below 60 (hours may exceed 24)");
    if (arr === -2 && dep >= 0) arr = dep;
    if (dep === -2 && arr >= 0) dep = arr;
    if (tripRec !== undefined) rows.push(tripRec.ord, Number.isNaN(seq) ? -1 : seq, st?.ord ?? -1, arr, dep, line);
  });

  // frequencies.txt
  const freqs = new Map<string, { start: number; end: number; headway: number }[]>();
  const maxFrequencyTrips = options.maxFrequencyTrips ?? MAX_FREQUENCY_TRIPS;
  if (!(Number.isInteger(maxFrequencyTrips) && maxFrequencyTrips >= 0)) {
    throw new TimetableError(`options.maxFrequencyTrips ${maxFrequencyTrips} must be a whole number >= 0 (default ${MAX_FREQUENCY_TRIPS})`);
  }
  let frequencyTrips = 0;
  let overCap = false;
  if (feed.has("frequencies.txt")) {
    await readTable(feed, "frequencies.txt", ["trip_id", "start_time", "end_time", "headway_secs"], P, (row, line) => {
      const trip = row("trip_id");
      if (!trips.has(trip)) P.add("frequencies.txt", line, "trip_id", trip, `unknown trip_id ${cut(trip)}`, "use a trip_id defined in trips.txt");
      const start = parseGtfsTime(row("start_time"));
      const end = parseGtfsTime(row("end_time"));
      if (start < 0) P.add("frequencies.txt", line, "start_time", row("start_time"), "malformed time", "write H:MM:SS");
      if (end < 0) P.add("frequencies.txt", line, "end_time", row("end_time"), "malformed time", "write H:MM:SS");
      const headway = num("frequencies.txt", line, "headway_secs", row("headway_secs"), { integer: true, min: 1, required: true });
      const ex = row("exact_times");
      if (ex !== "" && ex !== "0" && ex !== "1") P.add("frequencies.txt", line, "exact_times", ex, "exact_times must be empty, 0 or 1", "write 0 (frequency-based) or 1 (exact schedule)");
      if (start >= 0 && end >= 0 && end < start) P.add("frequencies.txt", line, "end_time", row("end_time"), "end_time is before start_time", "swap start_time and end_time");
      let list = freqs.get(trip);
      if (list === undefined) freqs.set(trip, (list = []));
      if (!(start >= 0 && end >= start && headway > 0) || overCap) return;
      // Counted before anything is generated, so a hostile row fails here in microseconds.
      const count = Math.ceil((end - start) / headway);
      frequencyTrips += count;
      if (frequencyTrips > maxFrequencyTrips) {
        overCap = true;
        P.add("frequencies.txt", line, "headway_secs", row("headway_secs"), `this row generates ${count} trips (${cut(row("start_time"))} to ${cut(row("end_time"))} every ${headway} s), which takes the feed beyond the cap of ${maxFrequencyTrips} trips generated from frequencies.txt`, `use a realistic headway_secs or a shorter start_time..end_time, or raise options.maxFrequencyTrips (default ${MAX_FREQUENCY_TRIPS})`);
        return;
      }
      list.push({ start, end, headway });
    });
  }

  // transfers.txt
  const transfers: { from: string; to: string; secs: number }[] = [];
  if (feed.has("transfers.txt")) {
    await readTable(feed, "transfers.txt", ["from_stop_id", "to_stop_id", "transfer_type"], P, (row, line) => {
      const from = row("from_stop_id");
      const to = row("to_stop_id");
      const type = row("transfer_type");
      for (const [c, v] of [["from_stop_id", from], ["to_stop_id", to]] as const) {
        if (v !== "" && !stops.has(v)) P.add("transfers.txt", line, c, v, `unknown stop id ${cut(v)}`, "use a stop_id defined in stops.txt");
      }
      if (!["", "0", "1", "2", "3", "4", "5"].includes(type)) P.add("transfers.txt", line, "transfer_type", type, "transfer_type must be 0–5", "write 2 for a minimum transfer time");
      if (type === "2") {
        const secs = num("transfers.txt", line, "min_transfer_time", row("min_transfer_time"), { integer: true, min: 0, required: true });
        if (Number.isFinite(secs) && stops.has(from) && stops.has(to)) transfers.push({ from, to, secs });
      }
    });
  }

  const built = checkTrips(rows, trips, stopList, (id) => stops.get(id)?.locationType === 0, P);
  if (trips.size === 0) P.add("trips.txt", 0, "", "", "the feed has no trips (trips.txt has a header but no rows)", "add the feed's trips to trips.txt, with their stop times in stop_times.txt");
  else if (built.size === 0 && P.list.length === 0) P.add("stop_times.txt", 0, "", "", `none of the ${trips.size} trips of trips.txt has stop times in stop_times.txt`, "add each trip's stop times (at least two stops per trip)");
  if (P.list.length > 0) throw new GtfsValidationError(P.list);

  // Build.
  const b = new TimetableBuilder({ defaultMinTransferSecs: options.defaultMinTransferSecs ?? 0 });
  const children = new Map<string, string[]>();
  for (const [id, s] of stops) {
    if (s.locationType !== 0) continue;
    b.addStop({ id, name: s.name, lonLat: [s.lon, s.lat] });
    if (s.parent !== "") {
      let c = children.get(s.parent);
      if (c === undefined) children.set(s.parent, (c = []));
      c.push(id);
    }
  }
  const routeIndex = new Map<string, number>();
  for (const [id, name] of routes) routeIndex.set(id, b.addRoute({ id, name }));
  const addTrips = (tripId: string, t: { stops: string[]; arr: number[]; dep: number[] }, route: number, shiftSecs: number, suffix: string): void => {
    const stopIdx = t.stops.map((s) => b.stopIndexOf(s) as number);
    const fr = freqs.get(tripId);
    if (fr === undefined || fr.length === 0) {
      b.addTrip({ id: tripId + suffix, route, stops: stopIdx, arrivalSecs: t.arr.map((x) => x + shiftSecs), departureSecs: t.dep.map((x) => x + shiftSecs) });
      return;
    }
    const t0 = t.dep[0] as number;
    for (const f of fr) {
      for (let start = f.start; start < f.end; start += f.headway) {
        const shift = start - t0 + shiftSecs;
        if (shiftSecs !== 0 && (t.arr[t.arr.length - 1] as number) + start - t0 < DAY_SECS) continue;
        b.addTrip({ id: `${tripId}@${formatSecs(start)}${suffix}`, route, stops: stopIdx, arrivalSecs: t.arr.map((x) => x + shift), departureSecs: t.dep.map((x) => x + shift) });
      }
    }
  };
  for (const [tripId, t] of built) {
    const info = trips.get(tripId) as { route: string; service: string };
    const route = routeIndex.get(info.route) as number;
    if (date === undefined || active.has(info.service)) addTrips(tripId, t, route, 0, "");
    // Trips of the previous service day still running after midnight, on this day's clock (−24 h).
    const runsPastMidnight = (t.arr[t.arr.length - 1] as number) >= DAY_SECS || freqs.has(tripId);
    if (date !== undefined && (options.previousDayOvernight ?? true) && activePrev.has(info.service) && runsPastMidnight) addTrips(tripId, t, route, -DAY_SECS, "@-1d");
  }
  const expand = (id: string): string[] => (stops.get(id)?.locationType === 0 ? [id] : (children.get(id) ?? []));
  for (const tr of transfers) {
    for (const f of expand(tr.from)) {
      for (const t of expand(tr.to)) {
        const fi = b.stopIndexOf(f) as number;
        const ti = b.stopIndexOf(t) as number;
        if (fi === ti) b.setMinTransferSecs(fi, tr.secs);
        else b.addFootpath(fi, ti, tr.secs);
      }
    }
  }
  if (options.footpaths !== undefined) addGeneratedFootpaths(b, options.footpaths);
  const tt = b.finish();
  // With a service date, no trip running that day is a valid answer (an empty timetable); without
  // one, the only way left to get no trip is frequency windows that are all empty.
  if (tt.tripCount === 0 && date === undefined) {
    throw new GtfsValidationError([{ file: "frequencies.txt", line: 0, column: "", value: "", message: "the feed has no trips: every trip is generated from frequencies.txt, and every window is empty (end_time = start_time)", fix: "give each frequencies.txt row an end_time after its start_time" }]);
  }
  return tt;
}

