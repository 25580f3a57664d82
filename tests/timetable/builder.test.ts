import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { raptor, TimetableBuilder, TimetableError } from "../../src/index.js";
import { compile, rawTimetableArb } from "./random-timetable.js";
import { runs } from "../util/property.js";

describe("TimetableBuilder.finish()", () => {
  it("splits a trip that overtakes another into its own pattern, and RAPTOR still finds the faster one", () => {
    const b = new TimetableBuilder();
    for (const id of ["a", "b", "c"]) b.addStop({ id });
    const r = b.addRoute({ id: "R" });
    // slow leaves first, express leaves later and arrives earlier: not FIFO.
    b.addTrip({ id: "slow", route: r, stops: [0, 1, 2], arrivalSecs: [0, 1000, 2000], departureSecs: [0, 1000, 2000] });
    b.addTrip({ id: "express", route: r, stops: [0, 1, 2], arrivalSecs: [100, 400, 700], departureSecs: [100, 400, 700] });
    b.addTrip({ id: "slow2", route: r, stops: [0, 1, 2], arrivalSecs: [200, 1200, 2200], departureSecs: [200, 1200, 2200] });
    const tt = b.finish();
    expect(tt.patternCount).toBe(2);
    const groups = [0, 1].map((p) => tt.tripIds.slice(tt.patternTripOffsets[p]!, tt.patternTripOffsets[p + 1]!));
    expect(groups).toEqual([["slow", "slow2"], ["express"]]);
    expect(raptor(tt, { access: [{ stop: 0, secs: 0 }], departureSecs: 0 }).arrivalSecs(2)).toBe(700);
    expect(() => b.finish()).toThrow(TimetableError);
  });

  it("produces FIFO patterns sorted by departure, with consistent stop→pattern and CSR indexes", () => {
    fc.assert(
      fc.property(rawTimetableArb, (raw) => {
        const tt = compile(raw);
        expect(tt.tripCount).toBe(raw.trips.length);
        for (let p = 0; p < tt.patternCount; p++) {
          const a = tt.patternStopOffsets[p]!;
          const len = tt.patternStopOffsets[p + 1]! - a;
          for (let t = tt.patternTripOffsets[p]! + 1; t < tt.patternTripOffsets[p + 1]!; t++) {
            expect(tt.tripPattern[t]).toBe(p);
            for (let i = 0; i < len; i++) {
              expect(tt.departureSecs[tt.tripTimeOffsets[t]! + i]).toBeGreaterThanOrEqual(tt.departureSecs[tt.tripTimeOffsets[t - 1]! + i]!);
              expect(tt.arrivalSecs[tt.tripTimeOffsets[t]! + i]).toBeGreaterThanOrEqual(tt.arrivalSecs[tt.tripTimeOffsets[t - 1]! + i]!);
            }
          }
          for (let i = 0; i < len; i++) {
            const s = tt.patternStops[a + i]!;
            const found = [];
            for (let e = tt.stopPatternOffsets[s]!; e < tt.stopPatternOffsets[s + 1]!; e++) if (tt.stopPatterns[e] === p) found.push(tt.stopPatternPositions[e]);
            expect(found).toContain(i);
          }
        }
      }),
      runs(200),
    );
  });

  it("rejects times that go backwards and duplicate ids", () => {
    const b = new TimetableBuilder();
    b.addStop({ id: "a" });
    b.addStop({ id: "b" });
    const r = b.addRoute({ id: "R" });
    expect(() => b.addStop({ id: "a" })).toThrow(/duplicate stop id "a"/);
    expect(() => b.addTrip({ id: "t", route: r, stops: [0, 1], arrivalSecs: [100, 50], departureSecs: [100, 50] })).toThrow(/before departure 100/);
    expect(() => b.addTrip({ id: "t", route: r, stops: [0, 1], arrivalSecs: [0, 60], departureSecs: [10, 50] })).toThrow(/departure 50 before arrival 60/);
    b.addTrip({ id: "t", route: r, stops: [0, 1], arrivalSecs: [0, 60], departureSecs: [0, 60] });
    expect(() => b.addTrip({ id: "t", route: r, stops: [0, 1], arrivalSecs: [0, 60], departureSecs: [0, 60] })).toThrow(/duplicate trip id/);
  });
});
