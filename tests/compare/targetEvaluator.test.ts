import { describe, expect, it } from "vitest";
import { TargetEvaluator } from "../../src/compare/targetEvaluator.js";
import { buildModel } from "../../src/model/index.js";
import { evaluateTarget } from "../../src/targets/index.js";
import { networkFromFile } from "../fixtures/tinyNetwork.js";

const net = networkFromFile();
const model = buildModel(net);

describe("TargetEvaluator(model).evaluate(projects, quantities?)", () => {
  it("agrees exactly with evaluateTarget for every project subset and measure", () => {
    const ev = new TargetEvaluator(model);
    const subsets = [[], ["P_HSR"], ["P_BRIDGE"], ["P_HSR", "P_BRIDGE"]];
    for (const projects of subsets) {
      const out = ev.evaluate(projects);
      ev.items.forEach((it, i) => {
        const ref = evaluateTarget(model, it.target, { selection: { projects }, measure: it.measure, routes: false });
        expect([...ev.pairSecs[i]!].map((s) => s / 60)).toEqual(ref.pairs.map((p) => p.timeMin ?? Infinity));
        expect(out[i]!.met).toBe(ref.summary.status === "met");
        expect(out[i]!.pairsMet).toBe(ref.summary.pairsMet);
        expect(out[i]!.worstTimeMin).toBe(ref.summary.worstTimeMin ?? Infinity);
      });
    }
  });
  it("quantity overrides agree with evaluateTarget's", () => {
    const ev = new TargetEvaluator(model);
    const q = { "/services/1/speedKmh": 160 };
    ev.evaluate(["P_HSR"], q);
    ev.items.forEach((it, i) => {
      const ref = evaluateTarget(model, it.target, { selection: { projects: ["P_HSR"] }, measure: it.measure, routes: false, quantities: q });
      expect([...ev.pairSecs[i]!].map((s) => s / 60)).toEqual(ref.pairs.map((p) => p.timeMin ?? Infinity));
    });
  });
  it("matrix(projects, origins, destinations) has zero diagonal and matches pair times", () => {
    const ev = new TargetEvaluator(model);
    const ids = ["A", "B", "C", "D"];
    const m = ev.matrix(["P_HSR"], ids, ids);
    ids.forEach((_, i) => expect(m.secs[i * 4 + i]).toBe(0));
    ev.evaluate(["P_HSR"]);
    const d2d = ev.items.findIndex((it) => it.measure === "door-to-door");
    expect(m.secs[0 * 4 + 2]).toBe(ev.pairSecs[d2d]![0]);
  });
});

describe("TargetEvaluator.reuseUnchanged (skip searches when a group's overlay is unchanged)", () => {
  it("gives identical outcomes on and off over a Gray-code sequence of project sets and draws", () => {
    const on = new TargetEvaluator(model);
    const off = new TargetEvaluator(model);
    off.reuseUnchanged = false;
    const players = ["P_HSR", "P_BRIDGE"];
    const seq: [number, Record<string, number> | undefined][] = [[0, undefined], [1, undefined], [3, undefined], [2, undefined], [2, { "/links/1/speedKmh": 45 }], [2, undefined], [0, undefined]];
    for (const [mask, q] of seq) {
      const projects = players.filter((_, i) => mask & (1 << i));
      expect(on.evaluate(projects, q)).toEqual(off.evaluate(projects, q));
      on.pairSecs.forEach((a, i) => expect([...a]).toEqual([...off.pairSecs[i]!]));
    }
  });
});
