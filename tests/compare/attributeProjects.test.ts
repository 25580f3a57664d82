import { describe, expect, it } from "vitest";
import { attributeProjects } from "../../src/attribution/index.js";
import { TargetEvaluator } from "../../src/targets/index.js";
import { buildModel } from "../../src/model/index.js";
import { evaluateTarget } from "../../src/targets/index.js";
import { TINY_FILE, networkFromFile } from "../fixtures/tinyNetwork.js";

// A second target D→A that the bridge (B–D) helps, and a dummy project that only gates an unused link.
const file = structuredClone(TINY_FILE);
file.projects.push({ id: "P_DUMMY", name: { zh: "无用", en: "Dummy" }, category: "road", status: "planned", openingYear: { value: 2030, source: "test" }, planText: "无用", source: "test" });
file.links.push({ id: "CD2", mode: "road", from: "C", to: "D", minutes: { value: 500, source: "test" }, projects: ["P_DUMMY"] });
file.targets!.push({ id: "D_A_90", name: { zh: "丁甲", en: "D–A" }, planText: "丁甲", origins: ["D"], destinations: ["A", "C"], thresholdMin: { value: 100, source: "test" }, comparison: "<=", measures: ["door-to-door"], rationale: "test" });
const net = networkFromFile(file);
const model = buildModel(net);

/** Oracle: mean pair time (min) of a target under a project set, by evaluateTarget. */
function meanTime(targetId: string, measure: "door-to-door" | "station-to-station", projects: string[]): number {
  const r = evaluateTarget(model, net.targetById.get(targetId)!, { selection: { projects }, measure, routes: false });
  return r.pairs.reduce((s, p) => s + Math.min(p.timeMin ?? 600, 600), 0) / r.pairs.length;
}

describe("attributeProjects(network, { scenario, method })", () => {
  const r = attributeProjects(net, { scenario: "vision-2035", model });

  it("attributes the network's last scenario by default, whatever the scenarios are called", () => {
    const last = net.scenarios[net.scenarios.length - 1]!.id;
    expect(attributeProjects(net, { model, method: "loo", accessibility: false }).scenarioId).toBe(last);
  });

  it("attributes the scenario's plan projects on one model (2^k coalitions)", () => {
    expect(r.projects).toEqual(["P_HSR", "P_BRIDGE", "P_DUMMY"]);
    expect(r.shapleyMethod).toBe("exact");
    expect(r.evaluations).toBe(8);
  });

  it("efficiency: Shapley values sum to the gain; the gain matches the oracle", () => {
    for (const t of r.targets) {
      const sum = t.shares.reduce((s, x) => s + x.shapley!, 0);
      expect(sum).toBeCloseTo(t.gainMin, 9);
      expect(t.gainMin).toBeCloseTo(meanTime(t.targetId, t.measure, []) - meanTime(t.targetId, t.measure, ["P_HSR", "P_BRIDGE", "P_DUMMY"]), 9);
    }
  });

  it("dummy: a project that changes nothing gets 0 Shapley and 0 leave-one-out", () => {
    for (const t of r.targets) {
      const d = t.shares.find((s) => s.project === "P_DUMMY")!;
      expect(d.shapley).toBeCloseTo(0, 12);
      expect(d.leaveOneOut).toBe(0);
      expect(t.marginLossMin!.P_DUMMY).toBe(0);
    }
    // The bridge does nothing for A→C.
    const ac = r.targets.find((t) => t.targetId === "A_C_60" && t.measure === "door-to-door")!;
    expect(ac.shares.find((s) => s.project === "P_BRIDGE")!.shapley).toBeCloseTo(0, 12);
    expect(ac.shares.find((s) => s.project === "P_HSR")!.shapley).toBeGreaterThan(1);
    const da = r.targets.find((t) => t.targetId === "D_A_90")!;
    expect(da.shares.find((s) => s.project === "P_BRIDGE")!.shapley).toBeGreaterThan(1);
  });

  it("matches a brute-force Shapley over the 3! orders computed with evaluateTarget", () => {
    const players = ["P_HSR", "P_BRIDGE", "P_DUMMY"];
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for (const t of r.targets) {
      const phi = [0, 0, 0];
      for (const o of orders) {
        const s: string[] = [];
        for (const i of o) {
          const before = meanTime(t.targetId, t.measure, s);
          s.push(players[i]!);
          phi[i]! += (before - meanTime(t.targetId, t.measure, s)) / 6;
        }
      }
      t.shares.forEach((x, i) => expect(x.shapley).toBeCloseTo(phi[i]!, 9));
    }
  });

  it("metamorphic: removing a project never improves any time (every coalition, every pair)", () => {
    const ev = new TargetEvaluator(model);
    const players = ["P_HSR", "P_BRIDGE", "P_DUMMY"];
    const times = (mask: number) => {
      ev.evaluate(players.filter((_, i) => mask & (1 << i)));
      return ev.pairSecs.map((a) => [...a]);
    };
    for (let mask = 0; mask < 8; mask++) {
      const t = times(mask);
      for (let i = 0; i < 3; i++) {
        if (!(mask & (1 << i))) continue;
        const without = times(mask ^ (1 << i));
        t.forEach((row, a) => row.forEach((s, b) => expect(without[a]![b]!).toBeGreaterThanOrEqual(s)));
      }
    }
  });

  it("minimal project sets that meet each target are minimal under inclusion", () => {
    for (const t of r.targets) {
      if (!t.withAll.met) expect(t.minimalSets).toEqual([]);
      for (const set of t.minimalSets!) {
        expect(meanTime(t.targetId, t.measure, [...set]) <= 600).toBe(true);
        for (const drop of set) {
          const smaller = set.filter((p) => p !== drop);
          const res = evaluateTarget(model, net.targetById.get(t.targetId)!, { selection: { projects: smaller }, measure: t.measure, routes: false });
          expect(res.summary.status).not.toBe("met");
        }
      }
    }
  });

  it("sampled Shapley (forced by exactMaxProjects 0) converges to exact within its standard error", () => {
    const s = attributeProjects(net, { scenario: "vision-2035", model, exactMaxProjects: 0, permutations: 400, seed: 5, method: "shapley", accessibility: false });
    expect(s.shapleyMethod).toBe("sampled");
    s.targets.forEach((t, i) =>
      t.shares.forEach((x, j) => expect(Math.abs(x.shapley! - r.targets[i]!.shares[j]!.shapley!)).toBeLessThanOrEqual(4 * x.shapleyStandardError! + 1e-9)),
    );
  });

  it("accessibility: Shapley sums to the gain in population-weighted gravity", () => {
    const a = r.accessibility!;
    expect(a.shares.reduce((s, x) => s + x.shapley!, 0)).toBeCloseTo(a.gain, 6);
    expect(a.shares.find((x) => x.project === "P_DUMMY")!.shapley).toBeCloseTo(0, 9);
    expect(a.gain).toBeGreaterThan(0);
  });
});
