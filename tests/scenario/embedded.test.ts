import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { attributeProjects } from "../../src/attribution/index.js";
import { compareScenarios } from "../../src/compare/index.js";
import { buildModel } from "../../src/model/index.js";
import { embeddedNetworkPath } from "../../src/node.js";
import { loadNetwork } from "../../src/node.js";
import { applyScenario, scenarioJsonSchema } from "../../src/scenario/index.js";
import { loadScenarioFile } from "../../src/node.js";
import { checkTargets, evaluateTarget, TargetEvaluator } from "../../src/targets/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const network = await loadNetwork(embeddedNetworkPath());
const model = buildModel(network);

describe("scenarios on the embedded network", () => {
  it("an empty modification list reproduces every target result of the base exactly", () => {
    const r = applyScenario(network, { base: "plan-2025", modifications: [] });
    expect(r.network).toBe(network);
    const a = checkTargets(network, { scenarios: ["plan-2025"], model, routes: false });
    const b = checkTargets(r.network, { scenarios: [r.scenarioId], routes: false });
    expect(b).toEqual(a);
  });

  it("the example scenario file applies, and more frequent service with shorter transfers slows no pair", () => {
    const spec = loadScenarioFile(path.join(root, "notebooks/scenarios/plan-2025-frequent-commuter.json"));
    const c = compareScenarios(network, "plan-2025", spec, { model, isochrones: false });
    expect(c.odSummary.slower).toBe(0);
    expect(c.targets.every((t) => t.deltaMin === null || t.deltaMin <= 1e-9)).toBe(true);
  });

  it("baseline-2020 → plan-2025 (a superset of projects): no target's like-for-like worst time rises, reachable pairs never drop", () => {
    const base = model.scenarioProjects("baseline-2020");
    const plan = model.scenarioProjects("plan-2025");
    expect([...base].every((p) => plan.has(p))).toBe(true);
    const c = compareScenarios(network, "baseline-2020", "plan-2025", { model, isochrones: false });
    for (const t of c.targets) {
      expect(t.pairsReachableB).toBeGreaterThanOrEqual(t.pairsReachableA);
      expect(t.pairsMetB).toBeGreaterThanOrEqual(t.pairsMetA);
      if (t.deltaMin !== null) expect(t.deltaMin).toBeLessThanOrEqual(1e-9);
    }
    // The case that motivated the like-for-like delta: plan-2025 gives a pair its first route, and
    // that pair is the slowest, so the per-side worst time rises although no pair got slower.
    const gained = c.targets.filter((t) => t.pairsReachableB > t.pairsReachableA && t.worstTimeMinB! > t.worstTimeMinA!);
    expect(gained.map((t) => `${t.targetId} ${t.measure}`)).toContain("T_CQ_30 station-to-station");
  });

  it("docs/scenario.schema.json is the generated schema (regenerate: npx tsx scripts/scenario-schema.ts)", () => {
    expect(JSON.parse(readFileSync(path.join(root, "docs/scenario.schema.json"), "utf8"))).toEqual(scenarioJsonSchema());
  });

  it("plan-2025's default players: removing any one never shortens a pair time; Shapley values are >= 0 and sum to each gain", () => {
    const r = attributeProjects(network, { model, scenario: "plan-2025", accessibility: false });
    expect(r.shapleyMethod).toBe("exact");
    const ev = new TargetEvaluator(model);
    const all = [...r.fixedProjects, ...r.projects];
    ev.evaluate(all);
    const full = ev.pairSecs.map((a) => Float64Array.from(a));
    for (const p of r.projects) {
      ev.evaluate(all.filter((x) => x !== p));
      ev.pairSecs.forEach((a, i) => a.forEach((t, j) => expect(t).toBeGreaterThanOrEqual(full[i]![j]!)));
    }
    for (const t of r.targets) {
      for (const x of t.shares) expect(x.shapley!).toBeGreaterThanOrEqual(-1e-9);
      expect(t.shares.reduce((a, x) => a + x.shapley!, 0)).toBeCloseTo(t.gainMin, 9);
      // Removing a project never helps, so no project may show a negative margin loss, even one
      // that alone gives a pair its route (the worst time over reachable pairs would drop).
      for (const p of r.projects) expect(t.marginLossMin![p]!).toBeGreaterThanOrEqual(-1e-9);
    }
  });

  it("Shapley on 5 plan projects: efficiency and leave-one-out agree with the evaluations (exact)", () => {
    const projects = network.projects.filter((p) => p.planText && model.scenarioProjects("plan-2025").has(p.id)).slice(0, 5).map((p) => p.id);
    const r = attributeProjects(network, { model, scenario: "plan-2025", projects, accessibility: false });
    expect(r.evaluations).toBe(32);
    for (const t of r.targets) {
      const sum = t.shares.reduce((s, x) => s + x.shapley!, 0);
      expect(sum).toBeCloseTo(t.gainMin, 9);
    }
  });
});

describe("TargetEvaluator on the embedded network", () => {
  it("agrees with evaluateTarget's summaries in every scenario (stations shared, places without stations)", () => {
    const ev = new TargetEvaluator(model);
    for (const s of network.scenarios) {
      const out = ev.evaluate(model.scenarioProjects(s.id));
      ev.items.forEach((it, i) => {
        const ref = evaluateTarget(model, it.target, { selection: { scenario: s.id }, measure: it.measure, routes: false });
        expect([...ev.pairSecs[i]!].map((x) => x / 60)).toEqual(ref.pairs.map((p) => p.timeMin ?? Infinity));
        expect(out[i]!.worstTimeMin).toBe(ref.summary.worstTimeMin ?? Infinity);
        expect(out[i]!.pairsMet).toBe(ref.summary.pairsMet);
        expect(out[i]!.pairs).toBe(ref.pairs.length);
        expect(out[i]!.pairsReachable).toBe(ref.pairs.filter((p) => p.timeMin !== null).length);
        expect(out[i]!.met).toBe(ref.summary.status === "met");
      });
    }
  });
});
