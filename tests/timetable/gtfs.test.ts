import { fileURLToPath } from "node:url";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { GtfsValidationError, raptor, type Timetable } from "../../src/index.js";
import { loadGtfs, MAX_FREQUENCY_TRIPS } from "../../src/node.js";
import { parseGtfsTime } from "../../src/timetable/index.js";
import { readCsv } from "../../src/timetable/formats/csv.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/gtfs/${name}`, import.meta.url));
const hms = (h: number, m: number, s = 0): number => h * 3600 + m * 60 + s;
const idx = (tt: Timetable, id: string): number => {
  const i = tt.stopIndexById.get(id);
  if (i === undefined) throw new Error(`no stop ${id}`);
  return i;
};

describe("readCsv(stream)", () => {
  it("handles BOM, CRLF, quotes, escaped quotes, quoted newlines and chunk boundaries anywhere", async () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\r\n"multi\nline",,\r\n\r\nlast,row,"q"';
    const expected = [
      { fields: ["a", "b", "c"], line: 1 },
      { fields: ["1", 'x, "y"', "3"], line: 2 },
      { fields: ["multi\nline", "", ""], line: 3 },
      { fields: ["last", "row", "q"], line: 6 },
    ];
    for (let cut = 1; cut < text.length; cut++) {
      const chunks = [text.slice(0, cut), text.slice(cut)];
      const got = [];
      for await (const r of readCsv(Readable.from(chunks.map((c) => Buffer.from(c, "utf8"))))) got.push(r);
      expect(got).toEqual(expected);
    }
  });
});

describe("loadGtfs(path) + raptor: hand-made feeds with exact answers", () => {
  it("two-ride limit: D needs 3 rides at 08:40, otherwise the slow direct line at 09:30", async () => {
    for (const path of [fixture("two-rides"), fixture("two-rides-crlf-bom.zip")]) {
      const tt = await loadGtfs(path);
      const A = idx(tt, "A");
      const res = raptor(tt, { access: [{ stop: A, secs: 0 }], departureSecs: hms(7, 55), maxRides: 3 });
      expect(res.arrivalSecs(idx(tt, "D"), 3)).toBe(hms(8, 40));
      expect(res.arrivalSecs(idx(tt, "D"), 2)).toBe(hms(9, 30));
      expect(res.arrivalSecs(idx(tt, "D"), 1)).toBe(hms(9, 30));
      expect(res.arrivalSecs(idx(tt, "C"), 1)).toBe(Infinity);
      expect(res.arrivalSecs(idx(tt, "C"), 2)).toBe(hms(8, 25));
      const j = res.journey(idx(tt, "D"))!;
      expect(j.rides).toBe(3);
      expect(j.legs.map((l) => (l.kind === "ride" ? l.routeId : l.kind))).toEqual(["access", "L1", "L2", "L3"]);
      const j2 = res.journey(idx(tt, "D"), 2)!;
      expect(j2.legs.map((l) => (l.kind === "ride" ? l.tripId : l.kind))).toEqual(["access", "T4"]);
    }
  });

  it("reads a zipped feed (folder inside, BOM, CRLF, quoted names) like the folder", async () => {
    const tt = await loadGtfs(fixture("two-rides-crlf-bom.zip"));
    expect(tt.stopNames[idx(tt, "A")]).toBe('Alpha, "North" gate');
    expect(tt.stopNames[idx(tt, "D")]).toBe("Delta\r\nannex");
    const folder = await loadGtfs(fixture("two-rides"));
    expect(Array.from(tt.departureSecs)).toEqual(Array.from(folder.departureSecs));
    expect(tt.tripIds).toEqual(folder.tripIds);
  });

  it("transfer missed by one minute: ready at 08:13 for the 08:12, so the 08:40 arriving 09:00", async () => {
    const tt = await loadGtfs(fixture("transfer-missed"));
    const X = idx(tt, "X");
    const B = idx(tt, "B");
    expect(tt.minTransferSecs[X]).toBe(180);
    const res = raptor(tt, { access: [{ stop: idx(tt, "A"), secs: 0 }], departureSecs: hms(7, 59) });
    expect(res.arrivalSecs(B)).toBe(hms(9, 0));
    const j = res.journey(B)!;
    expect(j.legs.filter((l) => l.kind === "ride").map((l) => (l.kind === "ride" ? l.tripId : ""))).toEqual(["A1", "B2"]);
    // Starting at X (access, not a ride) needs no transfer time: the 08:12 is caught.
    const direct = raptor(tt, { access: [{ stop: X, secs: 0 }], departureSecs: hms(8, 12) });
    expect(direct.arrivalSecs(B)).toBe(hms(8, 32));
    // Ready exactly at the departure time counts (≤): 08:10 + 5 min catches the 08:15, + 6 min does not.
    for (const [mttSecs, expected] of [[300, hms(8, 25)], [360, Infinity]] as const) {
      const tt2 = await loadGtfs(fixture("two-rides"), { defaultMinTransferSecs: mttSecs });
      const r2 = raptor(tt2, { access: [{ stop: idx(tt2, "A"), secs: 0 }], departureSecs: hms(7, 55) });
      expect(r2.arrivalSecs(idx(tt2, "C"), 2)).toBe(expected);
    }
  });

  it("overnight trip: times past 24:00 kept, intermediate time interpolated, service date selection", async () => {
    const tt = await loadGtfs(fixture("overnight"), { serviceDate: "20240315" });
    const res = raptor(tt, { access: [{ stop: idx(tt, "N1"), secs: 0 }], departureSecs: hms(23, 0) });
    expect(res.arrivalSecs(idx(tt, "N3"))).toBe(hms(25, 10));
    expect(res.arrivalSecs(idx(tt, "N2"))).toBe(hms(24, 30));
    // Friday's trip also ran Thursday night: Thursday's copy arrives N3 at 01:10 on Friday's clock.
    expect(tt.tripIds).toEqual(expect.arrayContaining(["Z1", "Z1@-1d"]));
    const early = raptor(tt, { access: [{ stop: idx(tt, "N2"), secs: 0 }], departureSecs: 0 });
    expect(early.arrivalSecs(idx(tt, "N3"))).toBe(hms(1, 10));
    const count = async (serviceDate: string, previousDayOvernight = true): Promise<number> => (await loadGtfs(fixture("overnight"), { serviceDate, previousDayOvernight })).tripCount;
    expect(await count("20240315", false)).toBe(1);
    expect(await count("20240316")).toBe(2); // Saturday, added by calendar_dates, plus Friday night's trip
    expect(await count("20240317")).toBe(1); // Sunday: no service, only Saturday night's trip
    expect(await count("20240318")).toBe(0); // Monday, removed by calendar_dates; Sunday has no service
    expect(await count("20250101")).toBe(1); // after the range ends, but 20241231 (in range) runs into it
    expect(await count("20250102")).toBe(0); // outside the calendar range
    expect((await loadGtfs(fixture("overnight"))).tripCount).toBe(1);
  });

  it("frequency-based route: frequencies.txt expands into trips every headway", async () => {
    const tt = await loadGtfs(fixture("frequency"));
    expect(tt.tripCount).toBe(6 + 3);
    expect(tt.tripIds).toContain("S@06:50:00");
    expect(tt.tripIds).not.toContain("S@07:00:00@");
    const F1 = idx(tt, "F1");
    const F3 = idx(tt, "F3");
    expect(raptor(tt, { access: [{ stop: F1, secs: 0 }], departureSecs: hms(6, 5) }).arrivalSecs(F3)).toBe(hms(6, 22));
    expect(raptor(tt, { access: [{ stop: F1, secs: 0 }], departureSecs: hms(7, 1) }).arrivalSecs(F3)).toBe(hms(7, 32));
    expect(raptor(tt, { access: [{ stop: F1, secs: 0 }], departureSecs: hms(7, 41) }).arrivalSecs(F3)).toBe(Infinity);
  });

  it("footpath between two stations: transfers.txt station-to-station walk, or generated by distance", async () => {
    const tt = await loadGtfs(fixture("footpath"));
    const P = idx(tt, "P");
    const Q = idx(tt, "Q");
    expect(tt.stopIndexById.has("ST1")).toBe(false);
    const res = raptor(tt, { access: [{ stop: P, secs: 0 }], departureSecs: hms(8, 55) });
    expect(res.arrivalSecs(Q)).toBe(hms(9, 57));
    expect(res.journey(Q)!.legs.map((l) => l.kind)).toEqual(["access", "ride", "walk", "ride"]);
    const walk = res.journey(Q)!.legs[2]!;
    expect([walk.departureSecs, walk.arrivalSecs]).toEqual([hms(9, 20), hms(9, 25)]);
    // Generated: 291.6 m straight line at 6 km/h, circuity 1 → 175 s, catches the 09:23.
    const fast = await loadGtfs(fixture("footpath"), { footpaths: { maxDistanceM: 400, walkSpeedKmh: 6, circuity: 1 } });
    expect(raptor(fast, { access: [{ stop: P, secs: 0 }], departureSecs: hms(8, 55) }).arrivalSecs(Q)).toBe(hms(9, 50));
    // Defaults (4.8 km/h, circuity 1.3) → 285 s, misses it.
    const slow = await loadGtfs(fixture("footpath"), { footpaths: {} });
    expect(raptor(slow, { access: [{ stop: P, secs: 0 }], departureSecs: hms(8, 55) }).arrivalSecs(Q)).toBe(hms(9, 57));
    // Without any footpath Q cannot be reached.
    const noWalk = await loadGtfs(fixture("two-rides"));
    expect(noWalk.footpathTargets.length).toBe(0);
  });
});

interface BadCase {
  dir: string;
  file: string;
  line: number;
  column: string;
  value: string;
}

const badCases: BadCase[] = [
  { dir: "missing-stops-file", file: "stops.txt", line: 0, column: "", value: "" },
  { dir: "missing-column", file: "stop_times.txt", line: 1, column: "departure_time", value: "" },
  { dir: "bad-time", file: "stop_times.txt", line: 3, column: "arrival_time", value: "25:61:00" },
  { dir: "unknown-stop", file: "stop_times.txt", line: 5, column: "stop_id", value: "Z9" },
  { dir: "unknown-trip", file: "stop_times.txt", line: 7, column: "trip_id", value: "T99" },
  { dir: "unknown-route", file: "trips.txt", line: 4, column: "route_id", value: "L9" },
  { dir: "unknown-service", file: "trips.txt", line: 3, column: "service_id", value: "NOPE" },
  { dir: "decreasing-times", file: "stop_times.txt", line: 9, column: "arrival_time", value: "07:30:00" },
  { dir: "no-coordinates", file: "stops.txt", line: 4, column: "stop_lat", value: "" },
  { dir: "duplicate-stop-id", file: "stops.txt", line: 5, column: "stop_id", value: "B" },
  { dir: "bad-number", file: "stops.txt", line: 3, column: "stop_lat", value: "north" },
  { dir: "bad-sequence", file: "stop_times.txt", line: 6, column: "stop_sequence", value: "first" },
  { dir: "duplicate-trip-id", file: "trips.txt", line: 5, column: "trip_id", value: "T1" },
  { dir: "bad-calendar-flag", file: "calendar.txt", line: 2, column: "monday", value: "yes" },
  { dir: "no-calendar", file: "calendar.txt", line: 0, column: "", value: "" },
  { dir: "bad-headway", file: "frequencies.txt", line: 2, column: "headway_secs", value: "0" },
  { dir: "out-of-range-lat", file: "stops.txt", line: 2, column: "stop_lat", value: "129.00" },
  { dir: "frequency-flood", file: "frequencies.txt", line: 3, column: "headway_secs", value: "1" },
  { dir: "no-trips", file: "trips.txt", line: 0, column: "", value: "" },
  { dir: "no-stop-times", file: "stop_times.txt", line: 0, column: "", value: "" },
  { dir: "empty-frequency-windows", file: "frequencies.txt", line: 0, column: "", value: "" },
];

async function problemsOf(dir: string): Promise<GtfsValidationError> {
  try {
    await loadGtfs(fixture(`bad/${dir}`));
  } catch (e) {
    if (e instanceof GtfsValidationError) return e;
    throw e;
  }
  throw new Error(`bad/${dir} loaded without error`);
}

describe("loadGtfs(badFeed) throws one GtfsValidationError naming file, line, column and value", () => {
  it.each(badCases)("bad/$dir → $file:$line $column $value", async (c) => {
    const err = await problemsOf(c.dir);
    expect(err.name).toBe("GtfsValidationError");
    const hit = err.problems.find((p) => p.file === c.file && p.line === c.line && p.column === c.column && p.value === c.value);
    expect(hit, JSON.stringify(err.problems)).toBeDefined();
    expect(hit!.fix.length).toBeGreaterThan(0);
    expect(err.message).toContain(c.file);
  });

  it("bad/stray-quote: the record whose quote never closes is reported on its line, its value cut in the message", async () => {
    const err = await problemsOf("stray-quote");
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: "stop_times.txt", line: 4, column: "", message: expect.stringMatching(/quoted field opened on line 4 is never closed/) });
    expect(err.problems[0]!.value).toMatch(/^T2,08:15:00,08:15:00,B,1\nT2,08:25:00/);
    // 57 characters of the value, then "...": the newlines inside are shown escaped.
    expect(err.message).toContain('(value "T2,08:15:00,08:15:00,B,1\\nT2,08:25:00,08:25:00,C,2\\nT3,08:3...")');
  });

  it("bad/frequency-flood: the cap on generated trips names the row, the count and the cap; a raised cap is honoured, a lower one applies", async () => {
    const err = await problemsOf("frequency-flood");
    const p = err.problems.find((x) => x.file === "frequencies.txt")!;
    expect(p.message).toContain(`this row generates ${999 * 3600} trips`);
    expect(p.message).toContain(`cap of ${MAX_FREQUENCY_TRIPS} trips`);
    // The valid fixture "frequency": line 2 generates 6 trips, line 3 three more; the cap counts both.
    const atCap = await loadGtfs(fixture("frequency"), { maxFrequencyTrips: 9 });
    expect(atCap.tripCount).toBe(9);
    const rowOf = async (cap: number) => (await loadGtfs(fixture("frequency"), { maxFrequencyTrips: cap }).then(() => undefined, (e: GtfsValidationError) => e.problems.map((x) => `${x.file}:${x.line}`)));
    expect(await rowOf(8)).toEqual(["frequencies.txt:3"]);
    expect(await rowOf(5)).toEqual(["frequencies.txt:2"]);
  });

  it("lists every problem of a feed at once, not only the first", async () => {
    const err = await problemsOf("many-problems");
    const keys = err.problems.map((p) => `${p.file}:${p.line}:${p.column}:${p.value}`);
    expect(keys).toEqual(expect.arrayContaining(["stop_times.txt:3:departure_time:08:99:00", "stop_times.txt:5:stop_id:Q", "trips.txt:5:service_id:NOPE"]));
  });
});

describe("parseGtfsTime(text)", () => {
  it("parses H:MM:SS and HH:MM:SS past 24:00, rejects minutes or seconds ≥ 60", () => {
    const cases: [string, number][] = [
      ["08:00:00", 28_800],
      ["8:00:00", 28_800],
      [" 8:00:01 ", 28_801],
      ["25:10:00", 90_600],
      ["125:00:00", 450_000],
      ["00:00:00", 0],
      ["25:61:00", -1],
      ["08:00:60", -1],
      ["8:0:00", -1],
      ["aa:00:00", -1],
      ["", -1],
    ];
    for (const [text, secs] of cases) expect([text, parseGtfsTime(text)]).toEqual([text, secs]);
  });
});
