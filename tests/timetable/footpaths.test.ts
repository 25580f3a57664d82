import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addGeneratedFootpaths, walkAccess } from "../../src/timetable/index.js";
import { TimetableBuilder, TimetableError, type Timetable } from "../../src/index.js";
import { haversineLonLatM } from "../../src/util/geo.js";
import { runs } from "../util/property.js";

type LonLat = [number, number];

function withStops(points: readonly LonLat[]): TimetableBuilder {
  const b = new TimetableBuilder();
  points.forEach((lonLat, i) => b.addStop({ id: `s${i}`, lonLat }));
  return b;
}

function footpaths(tt: Timetable): Map<string, number> {
  const out = new Map<string, number>();
  for (let s = 0; s < tt.stopCount; s++) {
    for (let k = tt.footpathOffsets[s]!; k < tt.footpathOffsets[s + 1]!; k++) out.set(`${s}>${tt.footpathTargets[k]!}`, tt.footpathSecs[k]!);
  }
  return out;
}

/** Brute force over every ordered pair: the footpaths addGeneratedFootpaths must add. */
function bruteForce(points: readonly LonLat[], maxM: number, speedKmh: number, circuity: number): Map<string, number> {
  const out = new Map<string, number>();
  points.forEach(([x1, y1], s) =>
    points.forEach(([x2, y2], t) => {
      const d = haversineLonLatM(x1, y1, x2, y2);
      if (s !== t && d <= maxM) out.set(`${s}>${t}`, Math.ceil((d * circuity) / (speedKmh / 3.6)));
    }),
  );
  return out;
}

describe("addGeneratedFootpaths(builder, { maxDistanceM, walkSpeedKmh, circuity })", () => {
  it("adds exactly the brute-force pairs within maxDistanceM, both ways, with ceil(d · circuity / speed) seconds (seeded, any longitude and latitude)", () => {
    const cluster = fc.record({
      // Anywhere, or near the antimeridian at high latitude, where a longitude grid is easiest to get wrong.
      centre: fc.oneof(
        fc.tuple(fc.double({ min: -179.9, max: 179.9, noNaN: true }), fc.double({ min: -75, max: 75, noNaN: true })),
        fc.tuple(fc.double({ min: 170, max: 179.9, noNaN: true }), fc.double({ min: 55, max: 75, noNaN: true })),
      ),
      // Offsets in units of maxDistanceM (as degrees of latitude), so about half the pairs are in reach.
      offsets: fc.array(fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })), { minLength: 2, maxLength: 25 }),
      maxM: fc.integer({ min: 50, max: 1500 }),
    });
    fc.assert(
      fc.property(cluster, ({ centre, offsets, maxM }) => {
        const deg = maxM / 111_195;
        const points = offsets.map(([dx, dy]): LonLat => [centre[0] + (dx * deg) / Math.cos((centre[1] * Math.PI) / 180), centre[1] + dy * deg]);
        const b = withStops(points);
        const added = addGeneratedFootpaths(b, { maxDistanceM: maxM });
        const want = bruteForce(points, maxM, 4.8, 1.3);
        expect(added).toBe(want.size);
        expect(footpaths(b.finish())).toEqual(want);
      }),
      runs(300),
    );
  });

  it("finds a pair 390 m apart north–south near the antimeridian at 60°N (where cos(lat) changes fast per degree of longitude)", () => {
    const points: LonLat[] = [[179.5, 60], [179.5, 60.0035]];
    const b = withStops(points);
    expect(addGeneratedFootpaths(b, { maxDistanceM: 400 })).toBe(2);
    expect(footpaths(b.finish())).toEqual(bruteForce(points, 400, 4.8, 1.3));
  });

  it("skips stops without coordinates, and rejects a bad option with TimetableError", () => {
    const b = new TimetableBuilder();
    b.addStop({ id: "a", lonLat: [106, 29] });
    b.addStop({ id: "nowhere" });
    b.addStop({ id: "b", lonLat: [106.001, 29] });
    expect(addGeneratedFootpaths(b)).toBe(2);
    for (const bad of [{ maxDistanceM: -1 }, { walkSpeedKmh: 0 }, { circuity: 0.9 }, { maxDistanceM: Infinity }]) {
      expect(() => addGeneratedFootpaths(withStops([[106, 29]]), bad)).toThrow(TimetableError);
    }
  });
});

describe("walkAccess(tt, lonLat, options)", () => {
  it("lists the brute-force stops within maxDistanceM of the point, nearest first, with the same seconds as footpaths", () => {
    const points: LonLat[] = [[106, 29], [106.002, 29], [106.0005, 29.0005], [106.01, 29], [106.0001, 29]];
    const tt = withStops(points).finish();
    const got = walkAccess(tt, [106, 29], { maxDistanceM: 250 });
    const want = points
      .map(([x, y], stop) => ({ stop, d: haversineLonLatM(106, 29, x, y) }))
      .filter((p) => p.d <= 250)
      .sort((a, b) => a.d - b.d)
      .map(({ stop, d }) => ({ stop, secs: Math.ceil((d * 1.3) / (4.8 / 3.6)) }));
    expect(got).toEqual(want);
    expect(got.map((a) => a.stop)).toEqual([0, 4, 2, 1]); // 0 m, ≈ 10 m, ≈ 71 m, ≈ 195 m
    expect(walkAccess(tt, [107, 29])).toEqual([]);
    expect(() => walkAccess(tt, [29, 106])).toThrow(TimetableError);
  });
});
