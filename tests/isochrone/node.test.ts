import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsochroneError, nodeIsochrone } from "../../src/isochrone/index.js";
import { runs } from "../util/property.js";

describe("nodeIsochrone(timesSecs, nodePlace, cutoffsMin)", () => {
  it("hand fixture: inclusive cutoffs, least time per place, unreachable and non-place nodes left out", () => {
    const times = [0, 1800, 1801, 600, Infinity, 60];
    const places = ["A", "B", "C", "B", "D", undefined];
    const bands = nodeIsochrone(times, places, [30, 10]);
    expect(bands.map((b) => b.cutoffMin)).toEqual([10, 30]);
    expect(bands[0]!.reached).toEqual([{ id: "A", timeSecs: 0 }, { id: "B", timeSecs: 600 }]);
    expect(bands[1]!.reached.map((r) => r.id)).toEqual(["A", "B"]);
    expect(nodeIsochrone(times, places, [30.02])[0]!.reached.map((r) => r.id)).toEqual(["A", "B", "C"]);
  });

  it("handles 8-hour cutoffs and ids such as __proto__", () => {
    const bands = nodeIsochrone([7 * 3600, 8 * 3600], ["__proto__", "constructor"], [480]);
    expect(bands[0]!.reached.map((r) => r.id)).toEqual(["__proto__", "constructor"]);
  });

  it("agrees with a brute-force filter and nests, on random inputs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.constant(Infinity)), fc.option(fc.constantFrom("a", "b", "c", "d", "e"), { nil: undefined })), { maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 5 }),
        (pairs, cutoffs) => {
          const bands = nodeIsochrone(pairs.map((p) => p[0]), pairs.map((p) => p[1]), cutoffs);
          for (const band of bands) {
            const want = new Map<string, number>();
            for (const [t, id] of pairs) {
              if (id !== undefined && t <= band.cutoffMin * 60) want.set(id, Math.min(t, want.get(id) ?? Infinity));
            }
            expect(new Map(band.reached.map((r) => [r.id, r.timeSecs]))).toEqual(want);
            for (let k = 1; k < band.reached.length; k++) {
              expect(band.reached[k - 1]!.timeSecs).toBeLessThanOrEqual(band.reached[k]!.timeSecs);
            }
          }
          for (let k = 1; k < bands.length; k++) {
            const inner = new Set(bands[k - 1]!.reached.map((r) => r.id));
            const outer = new Set(bands[k]!.reached.map((r) => r.id));
            for (const id of inner) expect(outer.has(id)).toBe(true);
          }
        },
      ),
      runs(200),
    );
  });

  it("rejects mismatched arrays and bad cutoffs with IsochroneError", () => {
    expect(() => nodeIsochrone([0], [], [30])).toThrow(IsochroneError);
    expect(() => nodeIsochrone([0], ["a"], [Number.NaN])).toThrow(/cutoffsMin\[0\]/);
  });
});
