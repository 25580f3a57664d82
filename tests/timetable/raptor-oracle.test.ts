import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latestDepartures } from "../../src/timetable/index.js";
import { raptor, rangeRaptor, type Journey, type Timetable } from "../../src/index.js";
import { compile, oracleEarliestArrivals, rawTimetableArb } from "./random-timetable.js";
import { runs } from "../util/property.js";

const queryArb = (n: number) =>
  fc.record({
    access: fc.array(fc.record({ stop: fc.integer({ min: 0, max: n - 1 }), secs: fc.integer({ min: 0, max: 10 }).map((m) => m * 60) }), { minLength: 1, maxLength: 2 }),
    departureSecs: fc.integer({ min: 0, max: 180 }).map((m) => m * 60),
  });

const caseArb = rawTimetableArb.chain((raw) => fc.record({ raw: fc.constant(raw), q: queryArb(raw.n) }));

/** Checks that a journey is physically consistent with the timetable and the rules. */
function checkJourney(tt: Timetable, j: Journey, departureSecs: number): void {
  let clock = departureSecs;
  let afterRideAt = -1;
  for (const leg of j.legs) {
    if (leg.kind === "ride") {
      const o = tt.tripTimeOffsets[leg.trip]!;
      const p = tt.tripPattern[leg.trip]!;
      const stops = Array.from(tt.patternStops.subarray(tt.patternStopOffsets[p]!, tt.patternStopOffsets[p + 1]!));
      const ready = afterRideAt === leg.fromStop ? clock + tt.minTransferSecs[leg.fromStop]! : clock;
      expect(leg.departureSecs).toBeGreaterThanOrEqual(ready);
      const bi = stops.findIndex((x, i) => x === leg.fromStop && tt.departureSecs[o + i] === leg.departureSecs);
      expect(bi).toBeGreaterThanOrEqual(0);
      expect(leg.arrivalSecs).toBeGreaterThanOrEqual(leg.departureSecs);
      clock = leg.arrivalSecs;
      afterRideAt = leg.toStop;
    } else {
      expect(leg.departureSecs).toBeGreaterThanOrEqual(clock);
      clock = leg.arrivalSecs;
      afterRideAt = -1;
    }
  }
  expect(clock).toBe(j.arrivalSecs);
}

describe("raptor(tt, query) against a time-expanded oracle", () => {
  it("gives the oracle's earliest arrival at every stop for every ride bound 0..4", () => {
    fc.assert(
      fc.property(caseArb, ({ raw, q }) => {
        const tt = compile(raw);
        const K = 4;
        const res = raptor(tt, { access: q.access, departureSecs: q.departureSecs, maxRides: K });
        const oracle = oracleEarliestArrivals(raw, q.access, q.departureSecs, K);
        for (let k = 0; k <= K; k++) {
          for (let s = 0; s < raw.n; s++) expect(res.arrivalSecs(s, k)).toBe(oracle[k]![s]);
        }
        for (let s = 0; s < raw.n; s++) {
          const j = res.journey(s);
          if (res.arrivalSecs(s) === Infinity) expect(j).toBeUndefined();
          else {
            expect(j!.arrivalSecs).toBe(res.arrivalSecs(s));
            expect(j!.rides).toBeLessThanOrEqual(K);
            checkJourney(tt, j!, q.departureSecs);
          }
        }
      }),
      runs(300),
    );
  });

  it("rangeRaptor answers every departure minute exactly like a fresh raptor run", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 120 }), ({ raw, q }, startMin) => {
        const tt = compile(raw);
        const K = 3;
        const start = startMin * 60;
        const end = start + 60 * 60;
        const prof = rangeRaptor(tt, { access: q.access, windowStartSecs: start, windowEndSecs: end, maxRides: K });
        for (let tau = start; tau <= end; tau += 300) {
          const res = raptor(tt, { access: q.access, departureSecs: tau, maxRides: K });
          for (let s = 0; s < raw.n; s++) {
            for (let k = 0; k <= K; k++) expect(prof.earliestArrivalSecs(s, tau, k)).toBe(res.arrivalSecs(s, k));
          }
        }
        // Every profile is a Pareto set: no entry is dominated by another.
        for (let s = 0; s < raw.n; s++) {
          const es = prof.entries(s);
          for (const a of es) {
            for (const b of es) {
              if (a === b) continue;
              const dominates = b.departureSecs >= a.departureSecs && b.arrivalSecs <= a.arrivalSecs && b.rides <= a.rides;
              expect(dominates).toBe(false);
            }
          }
        }
      }),
      runs(150),
    );
  });

  it("latestDepartures(tt, {egress, arriveBySecs}) is the latest L such that raptor from the stop at L arrives in time", () => {
    fc.assert(
      fc.property(rawTimetableArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 30, max: 300 }), (raw, eg, byMin) => {
        const tt = compile(raw);
        const egress = [{ stop: eg % raw.n, secs: 120 }];
        const by = byMin * 60;
        const K = 3;
        const rev = latestDepartures(tt, { egress, arriveBySecs: by, maxRides: K });
        for (let s = 0; s < raw.n; s++) {
          const L = rev.latestDepartureSecs(s);
          const arriveAt = (t: number) => raptor(tt, { access: [{ stop: s, secs: 0 }], departureSecs: t, maxRides: K }).arrivalVia(egress).arrivalSecs;
          if (L === -Infinity) {
            expect(arriveAt(-100_000)).toBeGreaterThan(by);
          } else {
            expect(arriveAt(L)).toBeLessThanOrEqual(by);
            expect(arriveAt(L + 1)).toBeGreaterThan(by);
            const j = rev.journey(s)!;
            expect(j.departureSecs).toBe(L);
            expect(j.arrivalSecs).toBeLessThanOrEqual(by);
          }
        }
      }),
      runs(150),
    );
  });
});

describe("skipUnchangedBoardings (an exact optimisation)", () => {
  it("rangeRaptor gives identical profiles with it on and off", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 4 }), ({ raw, q }, startMin, K) => {
        const tt = compile(raw);
        const query = { access: q.access, windowStartSecs: startMin * 60, windowEndSecs: startMin * 60 + 7200, maxRides: K };
        const on = rangeRaptor(tt, { ...query, skipUnchangedBoardings: true });
        const off = rangeRaptor(tt, { ...query, skipUnchangedBoardings: false });
        for (let s = 0; s < raw.n; s++) expect(on.entries(s)).toEqual(off.entries(s));
        expect(Array.from(on.walkSecs)).toEqual(Array.from(off.walkSecs));
      }),
      runs(300),
    );
  });

  it("raptor gives identical arrivals for every ride bound with it on and off", () => {
    fc.assert(
      fc.property(caseArb, ({ raw, q }) => {
        const tt = compile(raw);
        const on = raptor(tt, { ...q, maxRides: 4, skipUnchangedBoardings: true });
        const off = raptor(tt, { ...q, maxRides: 4, skipUnchangedBoardings: false });
        for (let k = 0; k <= 4; k++) expect(Array.from(on.arrivals(k))).toEqual(Array.from(off.arrivals(k)));
      }),
      runs(300),
    );
  });
});
