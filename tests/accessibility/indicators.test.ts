import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AccessibilityError,
  accessibilityIndicators,
  cumulativeOpportunities,
  gravityAccessibility,
  nearestCentreMin,
  weightedMean,
} from "../../src/accessibility/index.js";
import type { TravelTimeMatrix } from "../../src/query/index.js";
import { runs } from "../util/property.js";

const INF = Number.POSITIVE_INFINITY;
// Hand-drawn: A–B 30 min, A–C 90 min, B–C unreachable. Populations A 100, B 50, C 200.
const ids = ["A", "B", "C"];
const m: TravelTimeMatrix = {
  origins: ids,
  destinations: ids,
  secs: Float64Array.from([0, 30, 90, 30, 0, INF, 90, INF, 0], (t) => t * 60),
};
const pop = [100, 50, 200];

describe("cumulativeOpportunities(matrix, opportunities, { cutoffMin, comparison })", () => {
  it("counts opportunities within the cutoff, hand-computed", () => {
    expect([...cumulativeOpportunities(m, pop, { cutoffMin: 60 })]).toEqual([150, 150, 200]);
    expect([...cumulativeOpportunities(m, pop, { cutoffMin: 120 })]).toEqual([350, 150, 300]);
  });
  it("a time equal to the cutoff counts with <= and not with <", () => {
    expect([...cumulativeOpportunities(m, pop, { cutoffMin: 30 })]).toEqual([150, 150, 200]);
    expect([...cumulativeOpportunities(m, pop, { cutoffMin: 30, comparison: "<" })]).toEqual([100, 50, 200]);
  });
  it("rejects mismatched sizes and negative weights, naming the argument", () => {
    expect(() => cumulativeOpportunities(m, [1, 2])).toThrow(/opportunities has 2 entries but the matrix has 3 destinations/);
    expect(() => cumulativeOpportunities(m, [1, -2, 3])).toThrow(AccessibilityError);
    expect(() => cumulativeOpportunities({ ...m, secs: new Float64Array(4) }, pop)).toThrow(/matrix.secs has 4 entries/);
  });
});

describe("gravityAccessibility(matrix, opportunities, decay)", () => {
  it("exponential decay, hand-computed with beta = ln 2 / 60 (half weight at one hour)", () => {
    const g = gravityAccessibility(m, pop);
    expect(g[0]).toBeCloseTo(100 + 50 * 2 ** -0.5 + 200 * 2 ** -1.5, 10);
    expect(g[1]).toBeCloseTo(50 + 100 * 2 ** -0.5, 10);
    expect(g[2]).toBeCloseTo(200 + 100 * 2 ** -1.5, 10);
  });
  it("power decay with the 10-minute floor, hand-computed", () => {
    const g = gravityAccessibility(m, pop, { kind: "power", alpha: 1, minTimeMin: 10 });
    expect(g[0]).toBeCloseTo(100 / 10 + 50 / 30 + 200 / 90, 10);
    const g2 = gravityAccessibility(m, pop, { kind: "power", alpha: 2, minTimeMin: 5 });
    expect(g2[1]).toBeCloseTo(50 / 25 + 100 / 900, 10);
  });
  it("rejects a negative decay rate", () => {
    expect(() => gravityAccessibility(m, pop, { kind: "exponential", betaPerMin: -1 })).toThrow(/betaPerMin = -1/);
  });
});

describe("nearestCentreMin(matrix, centres) and weightedMean(values, weights)", () => {
  it("minimum time to a centre, Infinity when none is reachable", () => {
    expect([...nearestCentreMin(m, ["C"])]).toEqual([90, INF, 0]);
    expect([...nearestCentreMin(m, ["A", "C"])]).toEqual([0, 30, 0]);
    expect([...nearestCentreMin(m, [])]).toEqual([INF, INF, INF]);
    expect(() => nearestCentreMin(m, ["Z"])).toThrow(/centre "Z" is not a destination/);
  });
  it("population-weighted mean; zero weight ignores Infinity; zero total is NaN", () => {
    expect(weightedMean([0, 30, 0], pop)).toBeCloseTo(1500 / 350, 12);
    expect(weightedMean([90, INF, 0], pop)).toBe(INF);
    expect(weightedMean([90, INF, 0], [1, 0, 1])).toBe(45);
    expect(weightedMean([1, 2], [0, 0])).toBeNaN();
  });
});

describe("accessibilityIndicators(matrix, populations, options)", () => {
  it("per place and population-weighted, matching the single indicators", () => {
    const r = accessibilityIndicators(m, new Map(ids.map((id, i) => [id, pop[i]!])), { cutoffsMin: [60], centres: ["A", "C"] });
    expect(r.places[0]).toMatchObject({ id: "A", population: 100, cumulative: { 60: 150 }, nearestCentreMin: 0 });
    expect(r.weighted.cumulative[60]).toBeCloseTo((150 * 100 + 150 * 50 + 200 * 200) / 350, 10);
    expect(r.weighted.population).toBe(350);
    expect(r.weighted.nearestCentreMin).toBeCloseTo(1500 / 350, 10);
  });

  it("metamorphic: shortening any travel time never lowers any indicator (seeded)", () => {
    const n = 4;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(-1)), { minLength: n * n, maxLength: n * n }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }),
        fc.integer({ min: 0, max: n * n - 1 }),
        (times, w, k) => {
          const names = ["a", "b", "c", "d"];
          const secs = Float64Array.from(times, (t) => (t < 0 ? INF : t * 60));
          const faster = secs.slice();
          faster[k] = Number.isFinite(secs[k]!) ? secs[k]! * 0.5 : 600;
          const mm = { origins: names, destinations: names, secs };
          const mf = { origins: names, destinations: names, secs: faster };
          const before = [cumulativeOpportunities(mm, w), gravityAccessibility(mm, w), gravityAccessibility(mm, w, { kind: "power" })];
          const after = [cumulativeOpportunities(mf, w), gravityAccessibility(mf, w), gravityAccessibility(mf, w, { kind: "power" })];
          before.forEach((b, x) => b.forEach((v, i) => expect(after[x]![i]!).toBeGreaterThanOrEqual(v - 1e-9)));
        },
      ),
      runs(200),
    );
  });
});
