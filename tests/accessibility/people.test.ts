import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AccessibilityError, peopleShareWithin, peopleWithin, type PopulatedTown } from "../../src/index.js";
import { peopleInPolygon } from "../../src/accessibility/index.js";

/** Hand-made towns: a counted town, two estimates, one unknown. */
const TOWNS: PopulatedTown[] = [
  { coord: [106.1, 29.1], population: 1000, populationEstimated: false },
  { coord: [106.3, 29.3], population: 2000, populationEstimated: true },
  { coord: [106.5, 29.5], population: null, populationEstimated: false },
  { coord: [106.9, 29.9], population: 500, populationEstimated: true },
];
const TIMES = [600, 1800, 900, Infinity];

describe("peopleWithin(towns, timesSecs, cutoffMin, comparison)", () => {
  it("counts the towns reached within the cutoff, keeps estimates apart, and skips unknown populations", () => {
    expect(peopleWithin(TOWNS, TIMES, 15)).toEqual({ population: 1000, estimatedPopulation: 0, estimated: false, towns: 2, townsWithoutPopulation: 1 });
    expect(peopleWithin(TOWNS, TIMES, 15, "<")).toEqual({ population: 1000, estimatedPopulation: 0, estimated: false, towns: 1, townsWithoutPopulation: 0 });
    expect(peopleWithin(TOWNS, TIMES, 30)).toEqual({ population: 3000, estimatedPopulation: 2000, estimated: true, towns: 3, townsWithoutPopulation: 1 });
    expect(peopleWithin(TOWNS, TIMES, 10_000).population).toBe(3000); // Infinity is never within
    expect(peopleWithin([], [], 30)).toEqual({ population: 0, estimatedPopulation: 0, estimated: false, towns: 0, townsWithoutPopulation: 0 });
  });

  it("agrees with a brute-force sum and grows with the cutoff (random towns)", () => {
    const town = fc.record({
      coord: fc.constant([106, 29] as const),
      population: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      populationEstimated: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(town, fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constant(Infinity)))), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (rows, c1, c2) => {
        const towns = rows.map((r) => r[0]);
        const times = rows.map((r) => r[1]);
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const a = peopleWithin(towns, times, lo);
        const b = peopleWithin(towns, times, hi);
        const brute = rows.filter(([t, s]) => s <= lo * 60 && t.population !== null).reduce((n, [t]) => n + t.population!, 0);
        expect(a.population).toBe(brute);
        expect(b.population).toBeGreaterThanOrEqual(a.population);
        expect(b.towns).toBeGreaterThanOrEqual(a.towns);
        expect(a.estimated).toBe(a.estimatedPopulation > 0);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it("rejects a times array of the wrong length and a negative cutoff", () => {
    expect(() => peopleWithin(TOWNS, [1, 2], 30)).toThrow(AccessibilityError);
    expect(() => peopleWithin(TOWNS, [1, 2], 30)).toThrow(/2 entries for 4 towns/);
    expect(() => peopleWithin(TOWNS, TIMES, -1)).toThrow(/cutoffMin = -1/);
  });
});

describe("peopleInPolygon(towns, multiPolygon)", () => {
  // A 1° square around the first two towns with a hole around the second, and a small square around the fourth.
  const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const band = [
    [ring(106, 29, 107, 29.6), ring(106.25, 29.25, 106.35, 29.35)],
    [ring(106.85, 29.85, 106.95, 29.95)],
  ];

  it("counts towns inside an exterior ring and outside its holes, over several polygons", () => {
    // Town 1 inside, town 2 in the hole, town 3 inside (unknown population), town 4 in the second polygon.
    expect(peopleInPolygon(TOWNS, band)).toEqual({ population: 1500, estimatedPopulation: 500, estimated: true, towns: 3, townsWithoutPopulation: 1 });
    expect(peopleInPolygon(TOWNS, [band[0]!.slice(0, 1)]).population).toBe(3000);
    expect(peopleInPolygon(TOWNS, []).towns).toBe(0);
  });
});

describe("peopleShareWithin(towns, timesSecs, thresholdMin, comparison)", () => {
  // Three towns of one county, populations split evenly from a census total (estimates).
  const county: PopulatedTown[] = [
    { coord: [106.66, 29.0], population: 100, populationEstimated: true },
    { coord: [106.7, 28.95], population: 300, populationEstimated: true },
    { coord: [106.92, 28.96], population: 600, populationEstimated: true },
  ];

  it("gives the share of the people whose time meets the promise, flagged as an estimate", () => {
    const s = peopleShareWithin(county, [20 * 60, 35 * 60, Infinity], 30);
    expect(s.share).toBeCloseTo(0.1, 12);
    expect([s.met.population, s.total.population, s.unreachableTowns, s.estimated]).toEqual([100, 1000, 1, true]);
    expect(peopleShareWithin(county, [20 * 60, 30 * 60, Infinity], 30).share).toBeCloseTo(0.4, 12);
    expect(peopleShareWithin(county, [20 * 60, 30 * 60, Infinity], 30, "<").share).toBeCloseTo(0.1, 12);
    expect(peopleShareWithin(county, [0, 0, 0], 0).share).toBe(1);
  });

  it("a counted population gives a share that is not an estimate; no known population gives null", () => {
    const counted = county.map((t) => ({ ...t, populationEstimated: false }));
    expect(peopleShareWithin(counted, [60, 60, 60], 30).estimated).toBe(false);
    const unknown = county.map((t) => ({ ...t, population: null }));
    expect(peopleShareWithin(unknown, [60, 60, 60], 30).share).toBeNull();
    expect(peopleShareWithin([], [], 30).share).toBeNull();
  });

  it("rejects mismatched lengths and a negative threshold", () => {
    expect(() => peopleShareWithin(county, [1], 30)).toThrow(AccessibilityError);
    expect(() => peopleShareWithin(county, [1, 2, 3], -5)).toThrow(/thresholdMin = -5/);
  });
});
