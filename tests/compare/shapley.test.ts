import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AttributionError,
  coalitionTable,
  leaveOneOutFromTable,
  minimalCoalitions,
  shapleyFromTable,
  shapleySampled,
} from "../../src/attribution/index.js";
import { runs } from "../util/property.js";

/** Brute-force oracle: average marginal contribution over all k! orders. */
function shapleyByPermutations(k: number, v: (mask: number) => number): number[] {
  const phi = new Array<number>(k).fill(0);
  let count = 0;
  const perm = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) {
      count++;
      let mask = 0;
      for (const i of prefix) {
        phi[i]! += v(mask | (1 << i)) - v(mask);
        mask |= 1 << i;
      }
      return;
    }
    rest.forEach((x, j) => perm([...prefix, x], [...rest.slice(0, j), ...rest.slice(j + 1)]));
  };
  perm([], Array.from({ length: k }, (_, i) => i));
  return phi.map((x) => x / count);
}

/** Airport game v(S) = max_{i∈S} c_i, closed-form Shapley for ascending c: Σ_{j≤i} (c_j − c_{j−1}) / (k − j). */
function airportShapley(c: number[]): number[] {
  const k = c.length;
  return c.map((_, i) => {
    let s = 0;
    for (let j = 0; j <= i; j++) s += (c[j]! - (j > 0 ? c[j - 1]! : 0)) / (k - j);
    return s;
  });
}
const airport = (c: number[]) => (mask: number) => {
  let m = 0;
  c.forEach((x, i) => {
    if (mask & (1 << i)) m = Math.max(m, x);
  });
  return m;
};

describe("shapleyFromTable(k, coalitionTable(k, value))", () => {
  it("a 4-project game with a closed form: 3·[0 and 1 both in] + 2·[2 in], project 3 a dummy", () => {
    const v = (m: number) => 3 * ((m & 0b11) === 0b11 ? 1 : 0) + 2 * (m & 0b100 ? 1 : 0);
    const phi = shapleyFromTable(4, coalitionTable(4, v));
    expect([...phi]).toEqual([1.5, 1.5, 2, 0]);
    expect([...leaveOneOutFromTable(4, coalitionTable(4, v))]).toEqual([3, 3, 2, 0]);
  });

  it("the airport game matches its closed form (k = 8)", () => {
    const c = [1, 2, 2, 5, 7, 7, 7, 12];
    const phi = shapleyFromTable(8, coalitionTable(8, airport(c)));
    airportShapley(c).forEach((x, i) => expect(phi[i]).toBeCloseTo(x, 12));
  });

  it("agrees with the k!-permutation oracle, and is efficient, on random games (seeded)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((k) => fc.tuple(fc.constant(k), fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2 ** k, maxLength: 2 ** k }))), ([k, vals]) => {
        const table = coalitionTable(k, (m) => vals[m]!);
        const phi = shapleyFromTable(k, table);
        shapleyByPermutations(k, (m) => vals[m]!).forEach((x, i) => expect(phi[i]).toBeCloseTo(x, 9));
        expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(vals[2 ** k - 1]! - vals[0]!, 9);
      }),
      runs(150),
    );
  });

  it("dummy gets 0 and symmetric players get equal values (seeded random games)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 16, maxLength: 16 }), (base) => {
        // 5 players: player 4 is a dummy (ignored), players 0 and 1 are interchangeable.
        const canon = (m: number) => {
          const a = m & 1, b = (m >> 1) & 1;
          const swapped = (m & ~3) | (b ? 1 : 0) | (a ? 2 : 0);
          return Math.min(m & 15, swapped & 15);
        };
        const v = (m: number) => base[canon(m)]!;
        const phi = shapleyFromTable(5, coalitionTable(5, v));
        expect(phi[4]).toBeCloseTo(0, 12);
        expect(phi[0]).toBeCloseTo(phi[1]!, 12);
      }),
      runs(100),
    );
  });

  it("coalitionTable visits every coalition once in Gray-code order, reporting the flipped player", () => {
    const seen: number[] = [];
    let prev = -1;
    coalitionTable(5, (m, flipped) => {
      if (prev >= 0) expect(m ^ prev).toBe(1 << flipped);
      else expect(flipped).toBe(-1);
      prev = m;
      seen.push(m);
      return 0;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it("rejects k beyond the exact limit and NaN values, naming the fix", () => {
    expect(() => coalitionTable(21, () => 0)).toThrow(/use shapleySampled/);
    expect(() => coalitionTable(2, (m) => (m === 3 ? Number.NaN : 0))).toThrow(AttributionError);
  });
});

describe("minimalCoalitions(k, meets)", () => {
  it("agrees with a brute-force definition on random monotone and non-monotone predicates", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), (bits) => {
        const meets = (m: number) => bits[m]!;
        const got = minimalCoalitions(5, meets);
        const brute: number[] = [];
        for (let m = 0; m < 32; m++) {
          if (!meets(m)) continue;
          let minimal = true;
          for (let s = 0; s < 32; s++) if (s !== m && (s & m) === s && meets(s)) minimal = false;
          if (minimal) brute.push(m);
        }
        expect([...got].sort((a, b) => a - b)).toEqual(brute);
      }),
      runs(200),
    );
  });
  it("a threshold game: any 2 of 3 meet, so the minimal sets are the three pairs", () => {
    const pc = (m: number) => (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1);
    expect(minimalCoalitions(3, (m) => pc(m) >= 2)).toEqual([0b011, 0b101, 0b110]);
    expect(minimalCoalitions(3, () => false)).toEqual([]);
    expect(minimalCoalitions(3, () => true)).toEqual([0]);
  });
});

describe("shapleySampled(k, value, { permutations, seed })", () => {
  it("converges to the exact values within 4 standard errors (k = 18 airport game, seeded)", () => {
    const c = Array.from({ length: 18 }, (_, i) => 1 + ((i * 7) % 11) + i / 3).sort((a, b) => a - b);
    const exact = airportShapley(c);
    const r = shapleySampled(18, airport(c), { permutations: 2000, seed: 3 });
    exact.forEach((x, i) => expect(Math.abs(r.values[i]! - x)).toBeLessThanOrEqual(4 * r.standardErrors[i]! + 1e-12));
    // Efficiency holds exactly per permutation, hence for the mean.
    expect(r.values.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.max(...c), 9);
  });
  it("is reproducible with the same seed and additive games have zero standard error", () => {
    const a = shapleySampled(6, airport([1, 2, 3, 4, 5, 6]), { permutations: 50, seed: 9 });
    const b = shapleySampled(6, airport([1, 2, 3, 4, 5, 6]), { permutations: 50, seed: 9 });
    expect([...a.values]).toEqual([...b.values]);
    const add = shapleySampled(4, (m) => (m & 1 ? 1 : 0) + (m & 4 ? 5 : 0), { permutations: 20 });
    expect([...add.values]).toEqual([1, 0, 5, 0]);
    expect([...add.standardErrors]).toEqual([0, 0, 0, 0]);
  });
});
