import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addPlannedLines, extendTimetable, latestDepartures, RaptorRouter } from "../../src/timetable/index.js";
import { raptor, type Journey, type Timetable } from "../../src/index.js";
import { compile, rawTimetableArb } from "./random-timetable.js";
import { runs } from "../util/property.js";

const arrivalsFrom = (tt: Timetable, stop: number, departureSecs: number, maxRides = 3): number[] => Array.from(raptor(tt, { access: [{ stop, secs: 0 }], departureSecs, maxRides }).arrivals());

describe("metamorphic relations of raptor", () => {
  it("an empty extension reproduces the baseline exactly; adding a planned line never makes any arrival later", () => {
    fc.assert(
      fc.property(
        rawTimetableArb,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 120 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 30 }),
        (raw, o, depMin, lineStops, headwayMin) => {
          const tt = compile(raw);
          const origin = o % raw.n;
          const base = arrivalsFrom(tt, origin, depMin * 60);
          expect(arrivalsFrom(extendTimetable(tt, {}), origin, depMin * 60)).toEqual(base);
          const stops = [...new Set(lineStops.map((s) => s % raw.n))];
          if (stops.length < 2) return;
          const more = addPlannedLines(tt, [{ id: "NEW", stops: stops.map((s) => `S${s}`), runSecs: stops.slice(1).map(() => 300), headwaySecs: headwayMin * 60, firstDepartureSecs: 0, lastDepartureSecs: 4 * 3600 }]);
          const after = arrivalsFrom(more, origin, depMin * 60);
          for (let s = 0; s < raw.n; s++) expect(after[s]).toBeLessThanOrEqual(base[s]!);
        },
      ),
      runs(200),
    );
  });

  it("shifting every time by a constant shifts every arrival by it; more rides never arrive later", () => {
    fc.assert(
      fc.property(rawTimetableArb, fc.integer({ min: -50, max: 50 }), (raw, shiftMin) => {
        const shift = shiftMin * 60;
        const shifted = { ...raw, trips: raw.trips.map((t) => ({ stops: t.stops, arr: t.arr.map((x) => x + shift), dep: t.dep.map((x) => x + shift) })) };
        const a = arrivalsFrom(compile(raw), 0, 600);
        const b = arrivalsFrom(compile(shifted), 0, 600 + shift);
        expect(b).toEqual(a.map((x) => x + shift));
        const res = raptor(compile(raw), { access: [{ stop: 0, secs: 0 }], departureSecs: 600, maxRides: 4 });
        for (let s = 0; s < raw.n; s++) for (let k = 1; k <= 4; k++) expect(res.arrivalSecs(s, k)).toBeLessThanOrEqual(res.arrivalSecs(s, k - 1));
      }),
      runs(200),
    );
  });

  it("a reused RaptorRouter gives the same answers as fresh raptor calls", () => {
    fc.assert(
      fc.property(rawTimetableArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 180 })), { minLength: 2, maxLength: 5 }), (raw, qs) => {
        const tt = compile(raw);
        const router = new RaptorRouter(tt, 3);
        for (const [o, m] of qs) {
          const q = { access: [{ stop: o % raw.n, secs: 0 }], departureSecs: m * 60 };
          expect(Array.from(router.route(q).arrivals())).toEqual(arrivalsFrom(tt, o % raw.n, m * 60));
        }
      }),
      runs(100),
    );
  });

  it("arrive-by journeys are consistent: legs chained in time, ending with the egress leg by the deadline", () => {
    fc.assert(
      fc.property(rawTimetableArb, fc.integer({ min: 60, max: 300 }), (raw, byMin) => {
        const tt = compile(raw);
        const res = latestDepartures(tt, { egress: [{ stop: 0, secs: 90 }], arriveBySecs: byMin * 60, maxRides: 3 });
        for (let s = 0; s < raw.n; s++) {
          const j: Journey | undefined = res.journey(s);
          if (j === undefined) {
            expect(res.latestDepartureSecs(s)).toBe(-Infinity);
            continue;
          }
          let clock = j.departureSecs;
          let lastRideTo = -1;
          for (const leg of j.legs) {
            const ready = leg.kind === "ride" && lastRideTo === leg.fromStop ? clock + tt.minTransferSecs[leg.fromStop]! : clock;
            expect(leg.departureSecs).toBeGreaterThanOrEqual(ready);
            clock = leg.arrivalSecs;
            lastRideTo = leg.kind === "ride" ? leg.toStop : -1;
          }
          expect(j.legs[j.legs.length - 1]!.kind).toBe("egress");
          expect(j.arrivalSecs).toBe(clock);
          expect(clock).toBeLessThanOrEqual(byMin * 60);
        }
      }),
      runs(150),
    );
  });
});
