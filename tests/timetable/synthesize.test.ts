import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addPlannedLines, synthesizeTrips, walkAccess } from "../../src/timetable/index.js";
import { loadGtfs } from "../../src/node.js";
import { raptor, rangeRaptor, TimetableBuilder, TimetableError } from "../../src/index.js";

const hms = (h: number, m: number, s = 0): number => h * 3600 + m * 60 + s;

describe("synthesizeTrips(line)", () => {
  it("accumulates running and dwell times on a headway grid, both directions", () => {
    const trips = synthesizeTrips({ id: "X", stops: ["a", "b", "c"], runSecs: [300, 600], dwellSecs: 60, headwaySecs: 900, firstDepartureSecs: hms(6, 0), lastDepartureSecs: hms(6, 30) });
    expect(trips.map((t) => t.id)).toEqual(["X:0:06:00:00", "X:0:06:15:00", "X:0:06:30:00", "X:1:06:00:00", "X:1:06:15:00", "X:1:06:30:00"]);
    expect(trips[0]!.arrivalSecs).toEqual([hms(6, 0), hms(6, 5), hms(6, 16)]);
    expect(trips[0]!.departureSecs).toEqual([hms(6, 0), hms(6, 6), hms(6, 16)]);
    expect(trips[3]!.stopIds).toEqual(["c", "b", "a"]);
    expect(trips[3]!.arrivalSecs).toEqual([hms(6, 0), hms(6, 10), hms(6, 16)]);
  });

  it("rejects inconsistent input with TimetableError naming the argument", () => {
    expect(() => synthesizeTrips({ id: "X", stops: ["a", "b"], runSecs: [1, 2], headwaySecs: 60, firstDepartureSecs: 0, lastDepartureSecs: 0 })).toThrow(/runSecs has 2 entries/);
    expect(() => synthesizeTrips({ id: "X", stops: ["a", "b"], runSecs: [1], headwaySecs: 0, firstDepartureSecs: 0, lastDepartureSecs: 0 })).toThrow(TimetableError);
  });
});

describe("addPlannedLines(tt, lines, newStops)", () => {
  it("mixes a real GTFS line and a planned line in one journey, leaving the base untouched", async () => {
    const base = await loadGtfs(fileURLToPath(new URL("../fixtures/gtfs/two-rides", import.meta.url)));
    const tt = addPlannedLines(base, [{ id: "PLAN", stops: ["D", "E"], runSecs: [600], headwaySecs: 1800, firstDepartureSecs: hms(6, 0), lastDepartureSecs: hms(22, 0) }], [{ id: "E", lonLat: [106.2, 29.2] }]);
    expect(base.stopIndexById.has("E")).toBe(false);
    expect(tt.stopIndexById.get("D")).toBe(base.stopIndexById.get("D"));
    const res = raptor(tt, { access: [{ stop: tt.stopIndexById.get("A")!, secs: 0 }], departureSecs: hms(7, 55) });
    // D at 08:40 (3 rides), then the 09:00 planned departure → E at 09:10.
    expect(res.arrivalSecs(tt.stopIndexById.get("E")!)).toBe(hms(9, 10));
    const legs = res.journey(tt.stopIndexById.get("E")!)!.legs;
    expect(legs.map((l) => (l.kind === "ride" ? l.routeId : l.kind))).toEqual(["access", "L1", "L2", "L3", "PLAN"]);
  });

  it("frequency answer (ride + half headway) and timetable answer over every departure minute agree within half a headway", () => {
    for (const headwaySecs of [300, 600, 900, 1800]) {
      const b = new TimetableBuilder();
      for (const id of ["a", "b", "c", "d"]) b.addStop({ id });
      const tt = addPlannedLines(b.finish(), [{ id: "L", stops: ["a", "b", "c", "d"], runSecs: [300, 420, 600], dwellSecs: 60, headwaySecs, firstDepartureSecs: hms(5, 0), lastDepartureSecs: hms(23, 0) }]);
      const rideSecs = 300 + 60 + 420 + 60 + 600;
      const frequencySecs = rideSecs + headwaySecs / 2;
      const prof = rangeRaptor(tt, { access: [{ stop: 0, secs: 0 }], windowStartSecs: hms(7, 0), windowEndSecs: hms(9, 0) });
      const times = prof.travelTimes(3);
      const mean = times.reduce((s, x) => s + x, 0) / times.length;
      expect(Math.abs(mean - frequencySecs)).toBeLessThanOrEqual(headwaySecs / 2);
      const [p5, p50, p95] = prof.travelTimePercentiles(3);
      expect(Math.abs(p50! - frequencySecs)).toBeLessThanOrEqual(headwaySecs / 2);
      expect(p5).toBeGreaterThanOrEqual(rideSecs);
      expect(p95).toBeLessThanOrEqual(rideSecs + headwaySecs);
    }
  });
});

describe("boundary errors", () => {
  it("queries and results reject bad stop indices, ride bounds and windows with TimetableError", () => {
    const b = new TimetableBuilder();
    for (const id of ["a", "b"]) b.addStop({ id });
    const tt = addPlannedLines(b.finish(), [{ id: "L", stops: ["a", "b"], runSecs: [60], headwaySecs: 600, firstDepartureSecs: 0, lastDepartureSecs: 3600 }]);
    expect(() => raptor(tt, { access: [{ stop: 5, secs: 0 }], departureSecs: 0 })).toThrow(/query.access\[0\].stop = 5 is not a stop index/);
    expect(() => raptor(tt, { access: [], departureSecs: 0 })).toThrow(TimetableError);
    expect(() => raptor(tt, { access: [{ stop: 0, secs: -1 }], departureSecs: 0 })).toThrow(/secs = -1/);
    expect(() => raptor(tt, { access: [{ stop: 0, secs: 0 }], departureSecs: 0.5 })).toThrow(/departureSecs/);
    expect(() => raptor(tt, { access: [{ stop: 0, secs: 0 }], departureSecs: 0, maxRides: 101 })).toThrow(/maxRides = 101/);
    const res = raptor(tt, { access: [{ stop: 0, secs: 0.2 }], departureSecs: 0, maxRides: 2 });
    expect(res.arrivalSecs(0)).toBe(1); // access seconds are rounded up
    expect(() => res.arrivalSecs(2)).toThrow(/not a stop index/);
    expect(() => res.arrivalSecs(1, 3)).toThrow(/maxRides = 3/);
    const prof = rangeRaptor(tt, { access: [{ stop: 0, secs: 0 }], windowStartSecs: 0, windowEndSecs: 600 });
    expect(() => prof.entries(-1)).toThrow(/not a stop index/);
    expect(() => rangeRaptor(tt, { access: [{ stop: 0, secs: 0 }], windowStartSecs: 600, windowEndSecs: 0 })).toThrow(/after windowEndSecs/);
    expect(() => new TimetableBuilder().addTrip({ id: "t", route: 0, stops: [0, 1], arrivalSecs: [0, 1], departureSecs: [0, 1] })).toThrow(/not a route index/);
  });
});

describe("walkAccess(tt, lonLat, options) and rangeRaptor destinations", () => {
  it("lists stops in reach nearest first with walking seconds; a door-to-door query uses it as access", async () => {
    const tt = await loadGtfs(fileURLToPath(new URL("../fixtures/gtfs/footpath", import.meta.url)));
    // 0.001° of longitude east of P at latitude 29: 97.3 m; at 6 km/h and circuity 1 that is 59 s.
    const access = walkAccess(tt, [106.001, 29.0], { maxDistanceM: 200, walkSpeedKmh: 6, circuity: 1 });
    expect(access).toEqual([{ stop: tt.stopIndexById.get("P")!, secs: 59 }]);
    expect(walkAccess(tt, [120, 10])).toEqual([]);
    const res = raptor(tt, { access, departureSecs: hms(8, 58) });
    expect(res.arrivalSecs(tt.stopIndexById.get("Q")!)).toBe(hms(9, 57));
    expect(() => walkAccess(tt, [29.0, 206.0])).toThrow(/not a WGS84/);
  });

  it("rangeRaptor with destinations keeps entries only for those stops, identical to the full profile there", async () => {
    const tt = await loadGtfs(fileURLToPath(new URL("../fixtures/gtfs/two-rides", import.meta.url)));
    const q = { access: [{ stop: tt.stopIndexById.get("A")!, secs: 0 }], windowStartSecs: hms(7, 0), windowEndSecs: hms(9, 0) };
    const D = tt.stopIndexById.get("D")!;
    const full = rangeRaptor(tt, q);
    const some = rangeRaptor(tt, { ...q, destinations: [D] });
    expect(some.entries(D)).toEqual(full.entries(D));
    expect(full.entries(D).length).toBe(2); // 08:00 with 3 rides, 08:05 with 1 ride
    expect(some.entries(tt.stopIndexById.get("C")!)).toEqual([]);
    expect(Array.from(some.travelTimes(D, { stepSecs: 300 }))).toEqual(Array.from(full.travelTimes(D, { stepSecs: 300 })));
  });
});
