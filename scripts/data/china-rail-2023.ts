import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { addGeneratedFootpaths } from "../../src/timetable/index.js";
import { mulberry32 } from "../../src/uncertainty/index.js";
import { TimetableBuilder, TimetableError, type FootpathOptions, type Timetable } from "../../src/index.js";
import { readCsv } from "../../src/timetable/formats/csv.js";

/**
 * Dwell time per intermediate stop for the China 2023 data, which has running times only. An
 * assumption: 2 min is the usual scheduled stop of Chinese high-speed and express trains at
 * intermediate stations (1 min is the shortest scheduled stop; long-distance conventional trains stop
 * up to ~8 min at large stations for crew change, water and loading).
 */
export const CHINA_RAIL_DWELL_MIN = { value: 2, range: [1, 8] as const, source: "assumption" } as const;

/** One train of the China 2023 data: ordered stops with the running time of each segment. */
export interface ChinaTrain {
  /** Public train code as in `train_segments` (e.g. `"G1"`). */
  readonly code: string;
  /** Internal train number from `train_codes` (e.g. `"24000000G10I"`), `""` when not listed. */
  readonly trainNo: string;
  /** Station names in calling order. */
  readonly stops: readonly string[];
  /** Running time of each segment, minutes (length `stops.length − 1`); dwell not included. */
  readonly runMins: readonly number[];
}

/** Trains calling at the same stations in the same order, aggregated into a frequency. */
export interface ChinaPattern {
  readonly stops: readonly string[];
  /** Codes of the trains of this pattern. */
  readonly trainCodes: readonly string[];
  /** Trains per day (each train code runs once on the day it was checked). */
  readonly trainsPerDay: number;
  /** Frequency-based headway, minutes: `serviceSpanMin / trainsPerDay` (see `readChinaRail2023`). */
  readonly headwayMin: number;
  /** Median running time of each segment over the pattern's trains, minutes. */
  readonly runMins: readonly number[];
}

/** The China 2023 national running-time data, read by `readChinaRail2023`. */
export interface ChinaRail2023 {
  /** Station name → `[lon, lat]` (WGS84, from OpenStreetMap). */
  readonly stations: ReadonlyMap<string, readonly [number, number]>;
  readonly trains: readonly ChinaTrain[];
  readonly patterns: readonly ChinaPattern[];
  /** Stations that trains call at but that have no coordinates (e.g. 万盛 in this version). */
  readonly missingStations: readonly string[];
  /** Service span used for headways, minutes. */
  readonly serviceSpanMin: number;
}

/** Options of `readChinaRail2023`. */
export interface ReadChinaRailOptions {
  /**
   * Length of the service day over which a pattern's trains are spread, minutes; default 1020
   * (06:00–23:00). Headway = serviceSpanMin / trainsPerDay, so one train a day gets a headway of the
   * whole span.
   */
  readonly serviceSpanMin?: number;
}

async function* rows(path: string): AsyncGenerator<{ fields: string[]; line: number }> {
  const raw = createReadStream(path);
  const stream = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (e) => stream.destroy(e));
  yield* readCsv(stream);
}

/**
 * Reads `train_segments.csv.gz`, `train_codes.csv.gz` and `stations_osm_wgs84.csv` from `dir`
 * (format: /work/shared/data/README.md). Segments of one train are consecutive rows in stop order;
 * a segment that does not start where the previous one ended is rejected with a `TimetableError`, as
 * is a missing file or a non-positive running time.
 */
export async function readChinaRail2023(dir: string, options: ReadChinaRailOptions = {}): Promise<ChinaRail2023> {
  const span = options.serviceSpanMin ?? 1020;
  if (!(span > 0)) throw new TimetableError(`serviceSpanMin = ${span} must be > 0 minutes`);
  const files = ["train_segments.csv.gz", "train_codes.csv.gz", "stations_osm_wgs84.csv"];
  for (const f of files) {
    if (!existsSync(join(dir, f))) throw new TimetableError(`${join(dir, f)} is missing; give the china-rail-2023 folder (see the data README)`);
  }
  const stations = new Map<string, readonly [number, number]>();
  for await (const r of rows(join(dir, "stations_osm_wgs84.csv"))) {
    if (r.line === 1) continue;
    const [name, lon, lat] = r.fields;
    const x = Number(lon);
    // Some names carry padding spaces in one file and not the other ("三  亚"): keep both spellings.
    const y = Number(lat);
    if (name && Number.isFinite(x) && Number.isFinite(y)) {
      stations.set(name, [x, y]);
      const squeezed = name.replace(/\s+/g, "");
      if (squeezed !== name && !stations.has(squeezed)) stations.set(squeezed, [x, y]);
    }
  }
  const trainNo = new Map<string, string>();
  for await (const r of rows(join(dir, "train_codes.csv.gz"))) {
    if (r.line === 1) continue;
    const [code, no] = r.fields;
    if (code && no && !trainNo.has(code)) trainNo.set(code, no);
  }
  const trains: ChinaTrain[] = [];
  let cur: { code: string; stops: string[]; runMins: number[] } | undefined;
  const flush = (): void => {
    if (cur !== undefined) trains.push({ code: cur.code, trainNo: trainNo.get(cur.code) ?? "", stops: cur.stops, runMins: cur.runMins });
  };
  const seen = new Set<string>();
  for await (const r of rows(join(dir, "train_segments.csv.gz"))) {
    if (r.line === 1) continue;
    const [from = "", to = "", runText = "", code = ""] = r.fields;
    const run = Number(runText);
    if (!(Number.isFinite(run) && run > 0)) throw new TimetableError(`train_segments.csv.gz line ${r.line}: running_min ${JSON.stringify(runText)} must be a positive number of minutes`);
    if (cur === undefined || cur.code !== code) {
      flush();
      if (seen.has(code)) throw new TimetableError(`train_segments.csv.gz line ${r.line}: rows of train ${code} are not consecutive; sort the file by train`);
      seen.add(code);
      cur = { code, stops: [from], runMins: [] };
    } else if (cur.stops[cur.stops.length - 1] !== from) {
      throw new TimetableError(`train_segments.csv.gz line ${r.line}: train ${code} segment starts at ${from} but the previous one ended at ${cur.stops[cur.stops.length - 1]}; segments must be in stop order`);
    }
    cur.stops.push(to);
    cur.runMins.push(run);
  }
  flush();
  const missing = new Set<string>();
  for (const t of trains) {
    for (const s of t.stops) {
      if (stations.has(s)) continue;
      const ll = stations.get(s.replace(/\s+/g, ""));
      if (ll !== undefined) stations.set(s, ll);
      else missing.add(s);
    }
  }
  const groups = new Map<string, ChinaTrain[]>();
  for (const t of trains) {
    const key = t.stops.join("\u0001");
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(t);
  }
  const patterns: ChinaPattern[] = [];
  for (const g of groups.values()) {
    const first = g[0] as ChinaTrain;
    const runMins = first.runMins.map((_, i) => median(g.map((t) => t.runMins[i] as number)));
    patterns.push({ stops: first.stops, trainCodes: g.map((t) => t.code), trainsPerDay: g.length, headwayMin: span / g.length, runMins });
  }
  return { stations, trains, patterns, missingStations: [...missing].sort(), serviceSpanMin: span };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Result of `stationRunTimes`: in-vehicle minutes between two stations (running + modelled dwell). */
export interface StationRunTimes {
  /** Trains calling at `from` and later at `to`. */
  readonly trainCount: number;
  /** Fastest, median and slowest in-vehicle time, minutes (running + dwellMin × intermediate stops). */
  readonly minMin: number;
  readonly medianMin: number;
  readonly maxMin: number;
  /** Code of the fastest train and its number of intermediate stops. */
  readonly fastestTrain: string;
  readonly fastestIntermediateStops: number;
  /** Dwell per intermediate stop used, minutes. */
  readonly dwellMin: number;
}

/**
 * In-vehicle time between two stations over all trains that call at both (`from` before `to`):
 * running minutes plus `dwellMin` (default `CHINA_RAIL_DWELL_MIN.value`) per intermediate stop.
 * Returns `undefined` when no train serves the pair in that direction. A train calling at `from`
 * twice uses its last call before `to`.
 */
export function stationRunTimes(data: ChinaRail2023, fromStation: string, toStation: string, options: { dwellMin?: number } = {}): StationRunTimes | undefined {
  const dwell = options.dwellMin ?? CHINA_RAIL_DWELL_MIN.value;
  if (!(dwell >= 0)) throw new TimetableError(`dwellMin = ${dwell} must be ≥ 0 minutes`);
  const found: { code: string; mins: number; stops: number }[] = [];
  for (const t of data.trains) {
    const j = t.stops.indexOf(toStation);
    if (j <= 0) continue;
    const i = t.stops.lastIndexOf(fromStation, j - 1);
    if (i < 0) continue;
    let run = 0;
    for (let k = i; k < j; k++) run += t.runMins[k] as number;
    found.push({ code: t.code, mins: run + dwell * (j - i - 1), stops: j - i - 1 });
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.mins - b.mins || a.code.localeCompare(b.code));
  const f = found[0] as (typeof found)[number];
  return {
    trainCount: found.length,
    minMin: f.mins,
    medianMin: median(found.map((x) => x.mins)),
    maxMin: (found[found.length - 1] as (typeof found)[number]).mins,
    fastestTrain: f.code,
    fastestIntermediateStops: f.stops,
    dwellMin: dwell,
  };
}

/** Options of `chinaRailTimetable`. */
export interface ChinaTimetableOptions {
  /** Seed of the synthetic departure times. Default 1. */
  readonly seed?: number;
  /** Dwell per intermediate stop, minutes. Default `CHINA_RAIL_DWELL_MIN.value` (2). */
  readonly dwellMin?: number;
  /** Earliest and latest synthetic departure from a train's first station, seconds. Default 06:00 and 23:00. */
  readonly firstDepartureSecs?: number;
  readonly lastDepartureSecs?: number;
  /** Minimum transfer time at every station, seconds. Default 600 (an assumption: 12306 warns below ~10 min for same-station changes). */
  readonly minTransferSecs?: number;
  /** Generate footpaths between nearby stations (e.g. two stations of one city); default none. */
  readonly footpaths?: FootpathOptions;
}

/**
 * A timetable from the China 2023 data with synthetic departure times, for benchmarks and
 * what-if studies (not a real schedule: the data has no departure times). Each train runs once, leaving
 * its first station at a seeded uniform whole minute in [firstDepartureSecs, lastDepartureSecs];
 * arrival times follow from running times plus `dwellMin` at intermediate stops. Stations without
 * coordinates are kept with `NaN` coordinates. One route per stop pattern (id `P<i>`, index into
 * `data.patterns`, named `first–last` station); trip id = train code.
 */
export function chinaRailTimetable(data: ChinaRail2023, options: ChinaTimetableOptions = {}): Timetable {
  const rnd = mulberry32(options.seed ?? 1);
  const dwellSecs = Math.round((options.dwellMin ?? CHINA_RAIL_DWELL_MIN.value) * 60);
  const first = options.firstDepartureSecs ?? 6 * 3600;
  const last = options.lastDepartureSecs ?? 23 * 3600;
  if (!(last >= first)) throw new TimetableError(`lastDepartureSecs ${last} is before firstDepartureSecs ${first}`);
  const b = new TimetableBuilder({ defaultMinTransferSecs: options.minTransferSecs ?? 600 });
  const names = new Set<string>();
  for (const t of data.trains) for (const s of t.stops) names.add(s);
  for (const name of [...names].sort()) {
    const ll = data.stations.get(name);
    b.addStop({ id: name, name, ...(ll === undefined ? {} : { lonLat: ll }) });
  }
  const minutes = Math.floor((last - first) / 60);
  const byCode = new Map(data.trains.map((t) => [t.code, t] as const));
  // One route per stop pattern, so trains with the same stops share a RAPTOR pattern.
  const routeOf = new Map<string, number>();
  data.patterns.forEach((p, i) => {
    const r = b.addRoute({ id: `P${i}`, name: `${p.stops[0]}–${p.stops[p.stops.length - 1]}` });
    for (const c of p.trainCodes) routeOf.set(c, r);
  });
  for (const code of data.patterns.flatMap((p) => p.trainCodes)) {
    const t = byCode.get(code) as ChinaTrain;
    const route = routeOf.get(code) as number;
    const start = first + 60 * Math.floor(rnd() * (minutes + 1));
    const n = t.stops.length;
    const arr = new Array<number>(n);
    const dep = new Array<number>(n);
    arr[0] = dep[0] = start;
    let clock = start;
    for (let i = 1; i < n; i++) {
      clock += Math.round((t.runMins[i - 1] as number) * 60);
      arr[i] = clock;
      if (i < n - 1) clock += dwellSecs;
      dep[i] = clock;
    }
    b.addTrip({ id: t.code, route, stops: t.stops.map((s) => b.stopIndexOf(s) as number), arrivalSecs: arr, departureSecs: dep });
  }
  if (options.footpaths !== undefined) addGeneratedFootpaths(b, options.footpaths);
  return b.finish();
}
