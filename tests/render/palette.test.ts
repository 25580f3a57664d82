import { describe, expect, it } from "vitest";
import { LAND_COLOUR, ORANGES, PURPLES, YL_GN_BU, bandColour, darker, lightness, schemeColour, sequentialColours } from "../../src/render/index.js";

describe("lightness(hex)", () => {
  it("gives CIELAB L* 0 for black, 100 for white and 53.59 for mid grey #808080", () => {
    expect(lightness("#000000")).toBeCloseTo(0, 6);
    expect(lightness("#ffffff")).toBeCloseTo(100, 3);
    expect(lightness("#808080")).toBeCloseTo(53.59, 1);
  });
  it("rejects what is not #rrggbb", () => {
    expect(() => lightness("red")).toThrow(/#rrggbb/);
  });
});

describe("schemeColour(scheme, t)", () => {
  it("returns the published stops at t = k / 8 and clamps t to 0..1", () => {
    YL_GN_BU.forEach((c, k) => expect(schemeColour(YL_GN_BU, k / 8)).toBe(c));
    expect(schemeColour(YL_GN_BU, -1)).toBe(YL_GN_BU[0]);
    expect(schemeColour(YL_GN_BU, 2)).toBe(YL_GN_BU[8]);
  });
  it("darkens monotonically along every scheme (sampled every 1/200)", () => {
    for (const scheme of [YL_GN_BU, ORANGES, PURPLES]) {
      let prev = Infinity;
      for (let i = 0; i <= 200; i++) {
        const l = lightness(schemeColour(scheme, i / 200));
        expect(l).toBeLessThan(prev + 1e-9);
        prev = l;
      }
    }
  });
});

describe("sequentialColours(count) and bandColour(rank, count)", () => {
  it("orders 1..9 band colours from dark (shortest cutoff) to light, each step at least 4 L* apart", () => {
    for (let count = 1; count <= 9; count++) {
      const ls = sequentialColours(count).map(lightness);
      expect(ls).toHaveLength(count);
      for (let k = 1; k < count; k++) expect(ls[k]! - ls[k - 1]!, `count ${count} rank ${k}`).toBeGreaterThanOrEqual(4);
      for (let k = 0; k < count; k++) expect(bandColour(k, count)).toBe(sequentialColours(count)[k]);
    }
  });
  it("keeps every band visible on the map background and dark enough text stays legible: L* in [20, background − 4]", () => {
    const land = lightness(LAND_COLOUR);
    for (let count = 1; count <= 9; count++) {
      for (const c of sequentialColours(count)) {
        expect(lightness(c)).toBeLessThanOrEqual(land - 4);
        expect(lightness(c)).toBeGreaterThanOrEqual(20);
      }
    }
  });
  it("gives distinct colours for any band count up to 9 and clamps out-of-range ranks", () => {
    for (let count = 1; count <= 9; count++) expect(new Set(sequentialColours(count)).size).toBe(count);
    expect(bandColour(-3, 4)).toBe(bandColour(0, 4));
    expect(bandColour(10, 4)).toBe(bandColour(3, 4));
    expect(sequentialColours(0)).toEqual([]);
  });
  it("darker(hex) is darker", () => {
    for (const c of YL_GN_BU) expect(lightness(darker(c))).toBeLessThan(lightness(c));
  });
});
