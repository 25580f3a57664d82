import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestMatch, NetworkValidationError, formatProblem } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { editDistance } from "../../src/network/index.js";
import { tinyJson } from "./helpers.js";
import { runs } from "../util/property.js";

async function problemMap(raw: object) {
  const err = (await loadNetwork(raw).catch((e: unknown) => e)) as NetworkValidationError;
  expect(err).toBeInstanceOf(NetworkValidationError);
  return new Map(err.problems.map((p) => [p.path, p]));
}

describe("zod issues translated into problems", () => {
  it("parameters: the closest union branch is reported (quantity vs. group of quantities)", async () => {
    const raw = tinyJson();
    raw.parameters.a = { value: 1 };
    raw.parameters.b = { hsr: { value: 2, source: "fixture", extra: 1 }, rail: 3 };
    raw.parameters.c = "fast";
    const ps = await problemMap(raw);
    expect([...ps.keys()].sort()).toEqual([
      "parameters.a",
      "parameters.b.hsr.extra",
      "parameters.b.rail",
      "parameters.c",
    ]);
    expect(ps.get("parameters.a")!.message).toContain("the number 1 has no provenance");
    expect(ps.get("parameters.b.rail")!.value).toBe(3);
  });

  it("formats, empty strings, empty lists, both source and assumption, range order", async () => {
    const raw = tinyJson();
    raw.asOf = "2024/06/30";
    raw.places[0].name.zh = "";
    raw.targets[0].measures = [];
    raw.links[0].lengthKm.assumption = { why: "a long enough reason", range: [10, 20] };
    raw.links[3].minutes.assumption.range = [60, 30];
    const ps = await problemMap(raw);
    expect(ps.get("asOf")!.value).toBe("2024/06/30");
    expect(ps.get("places[0].name.zh")!.message).toBe('"zh" is empty');
    expect(ps.get("targets[0].measures")!.message).toContain("0 items");
    expect(ps.get("links[0].lengthKm")!.message).toBe('the number 15 has both "source" and "assumption"');
    expect(ps.get("links[3].minutes.assumption.range")!.fix).toBe("swap the range ends");
  });

  it("unknown keys get the closest allowed key; paths with odd keys are quoted", async () => {
    const raw = tinyJson();
    raw.links[0].lenghtKm = raw.links[0].lengthKm;
    raw["bad key"] = 1;
    const ps = await problemMap(raw);
    expect(ps.get("links[0].lenghtKm")!.fix).toContain('did you mean "lengthKm"?');
    expect(ps.get('["bad key"]')!.message).toBe('unknown field "bad key"');
  });

  it("formatProblem renders one line with file, path, message and fix", () => {
    expect(
      formatProblem({ file: "a.json", path: "links[1].to", value: "X", message: 'unknown place "X"', fix: "add it" }),
    ).toBe('a.json: links[1].to: unknown place "X" (fix: add it)');
  });
});

describe("editDistance(a, b) and closestMatch(wanted, candidates)", () => {
  it("editDistance is a metric and matches a brute-force recursion on short strings (fast-check)", () => {
    const brute = (a: string, b: string): number =>
      a.length === 0
        ? b.length
        : b.length === 0
          ? a.length
          : Math.min(
              brute(a.slice(1), b) + 1,
              brute(a, b.slice(1)) + 1,
              brute(a.slice(1), b.slice(1)) + (a[0] === b[0] ? 0 : 1),
            );
    const s = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 6 });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        const ab = editDistance(a, b);
        expect(ab).toBe(brute(a, b));
        expect(editDistance(b, a)).toBe(ab);
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, c)).toBeLessThanOrEqual(ab + editDistance(b, c));
      }),
      runs(300),
    );
  });

  it("suggests plausible typos only", () => {
    expect(closestMatch("QJ_EASTT", ["QJ_EAST", "QJ_WEST"])).toBe("QJ_EAST");
    expect(closestMatch("qj_east", ["QJ_EAST"])).toBe("QJ_EAST");
    expect(closestMatch("JJ", ["J", "A"])).toBe("J");
    expect(closestMatch("A", ["B", "C"])).toBeUndefined();
    expect(closestMatch("chongqing", ["guiyang", "chengdu"])).toBeUndefined();
    expect(closestMatch("x", [])).toBeUndefined();
  });
});
