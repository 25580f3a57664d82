import { describe, expect, it } from "vitest";
import { IsochroneError } from "../../src/index.js";
import { chooseCellSizeM, gridBBox, gridCellCentre, gridFromBBox, haversineM } from "../../src/isochrone/index.js";

describe("chooseCellSizeM(bbox)", () => {
  it("picks 250 m for a county-sized region and 2 km for a Chengdu–Shenzhen extent", () => {
    expect(chooseCellSizeM([106.3, 28.6, 107.3, 29.6])).toBe(250);
    expect(chooseCellSizeM([103.5, 22.0, 114.6, 31.2])).toBe(2000);
  });
  it("never exceeds targetCells by more than the rounding to a nice size", () => {
    for (const box of [[100, 20, 120, 40], [106, 29, 106.01, 29.01], [-10, -5, 30, 40]] as const) {
      const cell = chooseCellSizeM(box);
      const g = gridFromBBox(box, { cellSizeM: cell });
      expect(g.width * g.height).toBeLessThanOrEqual(400_000 * 1.05 + g.width + g.height);
    }
  });
});

describe("gridFromBBox(bbox, options)", () => {
  it("has square cells of cellSizeM at the centre latitude and covers the bbox", () => {
    const g = gridFromBBox([106, 28.5, 107, 29.5], { cellSizeM: 1000 });
    const a = gridCellCentre(g, 10, 50);
    expect(haversineM(a, gridCellCentre(g, 11, 50))).toBeCloseTo(1000, -1);
    expect(haversineM(a, gridCellCentre(g, 10, 51))).toBeCloseTo(1000, 0);
    const [w, s, e, n] = gridBBox(g);
    expect(w).toBe(106);
    expect(n).toBe(29.5);
    expect(e).toBeGreaterThanOrEqual(107);
    expect(s).toBeLessThanOrEqual(28.5);
  });
  it("rejects inverted boxes, the antimeridian, the poles and oversized grids, naming the fix", () => {
    expect(() => gridFromBBox([107, 28, 106, 29])).toThrow(IsochroneError);
    expect(() => gridFromBBox([170, 0, 190, 1])).toThrow(/antimeridian/);
    expect(() => gridFromBBox([0, 80, 1, 89])).toThrow(/85/);
    expect(() => gridFromBBox([100, 20, 120, 40], { cellSizeM: 100 })).toThrow(/maxCells 4000000; use a larger cellSizeM/);
    expect(() => gridFromBBox([100, 20, 101, 21], { cellSizeM: -5 })).toThrow(/cellSizeM -5/);
  });
});
