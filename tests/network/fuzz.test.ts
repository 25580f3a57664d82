import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadNetworkSync } from "../../src/node.js";
import { NetworkValidationError, resolveScenario } from "../../src/index.js";
import { tinyJson } from "./helpers.js";
import { runs } from "../util/property.js";

/** Every [path, container] pair in a JSON value, so a mutation can target any position. */
function positions(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => positions(x, [...path, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) positions(x, [...path, k], out);
  return out;
}

/** Outcome of a load: a network, or the problems; anything else thrown fails the property. */
function outcome(input: unknown) {
  try {
    return { network: loadNetworkSync(input as object) };
  } catch (e) {
    expect(e).toBeInstanceOf(NetworkValidationError);
    const problems = (e as NetworkValidationError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(typeof p.path).toBe("string");
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.fix.length).toBeGreaterThan(0);
    }
    return { problems };
  }
}

const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0, 1e12, "", "__proto__", null, [], {}, [null], { value: 1 }),
);

describe("loadNetwork robustness (fast-check)", () => {
  it("replacing or deleting any value of a valid network either loads or throws NetworkValidationError, never anything else", () => {
    const base = tinyJson();
    const all = positions(base).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.nat(), weird, fc.boolean(), (k, value, del) => {
        const raw = tinyJson();
        const path = all[k % all.length]!;
        let parent = raw;
        for (const seg of path.slice(0, -1)) parent = parent[seg];
        const last = path[path.length - 1]!;
        if (del && !Array.isArray(parent)) delete parent[last];
        else parent[last] = value;
        const r = outcome(raw);
        // Whatever loads must also resolve every scenario.
        if (r.network) for (const s of r.network.scenarios) resolveScenario(r.network, s.id);
      }),
      runs(400),
    );
  });

  it("arbitrary values are rejected with problems, never a crash", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), (v) => {
        expect(outcome(v).problems).toBeDefined();
      }),
      runs(300),
    );
  });
});
