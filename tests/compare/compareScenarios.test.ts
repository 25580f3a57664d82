import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/compare/index.js";
import { buildModel } from "../../src/model/index.js";
import { checkTargets } from "../../src/targets/index.js";
import { networkFromFile } from "../fixtures/tinyNetwork.js";

const net = networkFromFile();
const model = buildModel(net);

describe("compareScenarios(network, a, b, options)", () => {
  it("a scenario compared with itself, or with an empty modification list, changes nothing", () => {
    for (const b of ["plan-2025", { base: "plan-2025", modifications: [] }] as const) {
      const c = compareScenarios(net, "plan-2025", b, { model, isochrones: { cutoffsMin: [30, 60] } });
      expect(c.odDeltaMin.flat().filter((d) => !Number.isNaN(d)).every((d) => d === 0)).toBe(true);
      expect(c.odSummary.faster + c.odSummary.slower).toBe(0);
      expect(c.targets.every((t) => t.change === "unchanged" && t.deltaMin === 0)).toBe(true);
      expect(c.isochrones!.every((i) => i.deltaKm2 === 0)).toBe(true);
      expect(c.accessibility.b.weighted).toEqual(c.accessibility.a.weighted);
    }
  });

  it("metamorphic: adding a fast link never slows any pair; removing a project never speeds any pair", () => {
    const add = compareScenarios(net, "plan-2025", { base: "plan-2025", modifications: [{ type: "add-link", link: { id: "AD", mode: "road", from: "A", to: "D", minutes: 20 } }] }, { model, isochrones: false });
    expect(add.odSummary.slower).toBe(0);
    expect(add.odSummary.faster).toBeGreaterThan(0);
    expect(add.b.id).toMatch(/^plan-2025:[0-9a-f]{12}$/);
    const drop = compareScenarios(net, "vision-2035", { base: "vision-2035", modifications: [{ type: "set-project", project: "P_HSR", in: false }] }, { model, isochrones: false });
    expect(drop.odSummary.faster).toBe(0);
    expect(drop.odSummary.slower).toBeGreaterThan(0);
    // Accessibility never rises when a project is removed.
    expect(drop.accessibility.b.weighted.gravityExponential).toBeLessThanOrEqual(drop.accessibility.a.weighted.gravityExponential);
  });

  it("target changes are consistent with the statuses on each side; OD counts add up", () => {
    const c = compareScenarios(net, "base-2020", "plan-2025", { model, isochrones: { cutoffsMin: [60] } });
    for (const t of c.targets) {
      if (t.change === "newly-met") expect([t.statusA, t.statusB]).toEqual([expect.not.stringMatching(/^met$/), "met"]);
    }
    // Oracle: per-side counts and the like-for-like worst-time delta from checkTargets' pair lists.
    const side = (scenario: string) => new Map(checkTargets(net, { scenarios: [scenario], model, routes: false }).map((r) => [`${r.targetId}|${r.measure}`, r]));
    const a = side("base-2020"), b = side("plan-2025");
    expect(c.targets.length).toBe(a.size);
    for (const t of c.targets) {
      const ra = a.get(`${t.targetId}|${t.measure}`)!, rb = b.get(`${t.targetId}|${t.measure}`)!;
      expect(t.pairs).toBe(ra.pairs.length);
      expect(t.pairsReachableA).toBe(ra.pairs.filter((p) => p.timeMin !== null).length);
      expect(t.pairsReachableB).toBe(rb.pairs.filter((p) => p.timeMin !== null).length);
      const both = ra.pairs.map((p, i) => [p.timeMin, rb.pairs[i]!.timeMin] as const).filter(([x, y]) => x !== null && y !== null);
      if (both.length === 0) expect(t.deltaMin).toBeNull();
      else expect(t.deltaMin).toBeCloseTo(Math.max(...both.map(([, y]) => y!)) - Math.max(...both.map(([x]) => x!)), 9);
      if (t.pairsReachableA === t.pairsReachableB && t.deltaMin !== null) expect(t.deltaMin).toBeCloseTo(t.worstTimeMinB! - t.worstTimeMinA!, 9);
    }
    const s = c.odSummary;
    expect(s.faster + s.slower + s.unchanged + s.newlyReachable + s.noLongerReachable).toBe(s.pairs);
    expect(c.isochrones![0]!.areaKm2B).toBeGreaterThanOrEqual(c.isochrones![0]!.areaKm2A);
  });
});
