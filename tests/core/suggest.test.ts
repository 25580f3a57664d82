import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestMatch, didYouMean } from "../../src/core/suggest.js";
import { runs } from "../util/property.js";

/** Optimal string alignment distance by plain recursion (the oracle; short strings only). */
function osa(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const i = a.length;
  const j = b.length;
  let d = Math.min(osa(a.slice(0, -1), b) + 1, osa(a, b.slice(0, -1)) + 1, osa(a.slice(0, -1), b.slice(0, -1)) + (a[i - 1] === b[j - 1] ? 0 : 1));
  if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, osa(a.slice(0, -2), b.slice(0, -2)) + 1);
  return d;
}

/** The documented rule, written out directly over the candidates. */
function bruteClosest(wanted: string, candidates: readonly string[]): string | undefined {
  const exact = candidates.find((c) => c !== wanted && c.toLowerCase() === wanted.toLowerCase());
  if (exact !== undefined) return exact;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === wanted) continue;
    const d = osa(wanted.toLowerCase(), c.toLowerCase());
    if (d <= limit && d < Math.max(c.length, wanted.length) && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

describe("closestMatch(wanted, candidates): the library's one did-you-mean rule", () => {
  it("agrees with the documented rule written out by brute force (fast-check)", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "A", "_", "1"), maxLength: 7 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (wanted, candidates) => {
        expect(closestMatch(wanted, candidates)).toBe(bruteClosest(wanted, candidates));
      }),
      runs(3000),
    );
  });

  it("suggests typos, transpositions and case slips; never a complete rewrite", () => {
    expect(closestMatch("QJ_EASTT", ["QJ_WEST", "QJ_EAST"])).toBe("QJ_EAST");
    expect(closestMatch("P_HRS", ["P_HSR", "P_RAIL"])).toBe("P_HSR"); // one transposition
    expect(closestMatch("plan-2052", ["baseline-2020", "plan-2025"])).toBe("plan-2025");
    expect(closestMatch("qj_east", ["QJ_EAST"])).toBe("QJ_EAST");
    expect(closestMatch("JJ", ["J", "A"])).toBe("J");
    expect(closestMatch("A", ["B", "C"])).toBeUndefined();
    expect(closestMatch("chongqing", ["guiyang", "chengdu"])).toBeUndefined();
    // max(1, floor(n / 3)): 6 characters allow 2 edits, not 3.
    expect(closestMatch("abcdef", ["abcxyf"])).toBe("abcxyf");
    expect(closestMatch("abcdef", ["axyzef"])).toBeUndefined();
  });

  it("didYouMean(wanted, candidates) formats the same match, or says nothing", () => {
    expect(didYouMean("P_HRS", ["P_HSR"])).toBe('; did you mean "P_HSR"?');
    expect(didYouMean("zzz", ["P_HSR"])).toBe("");
  });
});
