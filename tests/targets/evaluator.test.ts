import { describe, expect, it } from "vitest";
import {
  buildModel,
  checkTargetsTimetable,
  evaluateTarget,
  Query,
  TargetEvaluator,
  timetableTimes,
  type PairReading,
  type TargetTimeSource,
} from "../../src/index.js";
import { networkFromFile } from "../fixtures/tinyNetwork.js";
import { loadFixture } from "../fixtures/model/load.js";

const net = networkFromFile();
const model = buildModel(net);
const SUBSETS = [[], ["P_HSR"], ["P_BRIDGE"], ["P_HSR", "P_BRIDGE"]];

describe("TargetEvaluator(model).evaluate(projects, costs?) (the fast path)", () => {
  it("agrees exactly with evaluateTarget (the detailed path) for every project subset, measure and reading", () => {
    for (const reading of ["typical", "scheduled"] as const) {
      const ev = new TargetEvaluator(model, { reading });
      for (const projects of SUBSETS) {
        const out = ev.evaluate(projects);
        ev.items.forEach((it, i) => {
          const ref = evaluateTarget(model, it.target, { selection: { projects }, measure: it.measure, reading, routes: false });
          expect([...ev.pairSecs[i]!].map((s) => s / 60)).toEqual(ref.pairs.map((p) => p.timeMin ?? Infinity));
          expect(out[i]!.met).toBe(ref.summary.status === "met");
          expect(out[i]!.pairsMet).toBe(ref.summary.pairsMet);
          expect(out[i]!.worstTimeMin).toBe(ref.summary.worstTimeMin ?? Infinity);
        });
      }
    }
  });

  it("results(selection) and evaluate(selection) give the same times, and scheduled <= typical", () => {
    const typical = new TargetEvaluator(model, { reading: "typical" });
    const scheduled = new TargetEvaluator(model);
    for (const s of net.scenarios) {
      const results = typical.results(s.id, { routes: false });
      const defaults = scheduled.results(s.id, { routes: false });
      typical.evaluate({ scenario: s.id });
      scheduled.evaluate({ scenario: s.id });
      results.forEach((r, i) => {
        expect(r).toMatchObject({ reading: "typical", readingFrom: "override" });
        // The tiny network's targets declare no reading: the default is scheduled.
        expect(defaults[i]).toMatchObject({ reading: "scheduled", readingFrom: "default" });
        expect([...typical.pairSecs[i]!].map((x) => x / 60)).toEqual(r.pairs.map((p) => p.timeMin ?? Infinity));
        typical.pairSecs[i]!.forEach((t, k) => expect(scheduled.pairSecs[i]![k]!).toBeLessThanOrEqual(t));
        // Every pair carries both readings, whichever decides the verdict.
        r.pairs.forEach((p, k) => {
          const d = defaults[i]!.pairs[k]!;
          expect(p.typicalMin).toBe(p.timeMin);
          expect(d.scheduledMin).toBe(d.timeMin);
          expect(p.scheduledMin).toBe(d.timeMin);
          expect(d.typicalMin).toBe(p.timeMin);
        });
      });
    }
  });

  it("quantity overrides and precomputed edge costs agree with evaluateTarget's", () => {
    const ev = new TargetEvaluator(model);
    const q = { "/services/1/speedKmh": 160 };
    for (const costs of [q, model.costsWith(q)]) {
      ev.evaluate(["P_HSR"], costs);
      ev.items.forEach((it, i) => {
        const ref = evaluateTarget(model, it.target, { selection: { projects: ["P_HSR"] }, measure: it.measure, routes: false, quantities: q });
        expect([...ev.pairSecs[i]!].map((s) => s / 60)).toEqual(ref.pairs.map((p) => p.timeMin ?? Infinity));
      });
    }
  });

  it("Query.placeMatrix(places, places) has a zero diagonal and matches the evaluator's door-to-door pair times", () => {
    const ids = ["A", "B", "C", "D"];
    const m = new Query(model).placeMatrix(ids, ids, { selection: { projects: ["P_HSR"] } });
    ids.forEach((_, i) => expect(m.secs[i * 4 + i]).toBe(0));
    const ev = new TargetEvaluator(model);
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

describe("TargetEvaluator with a pluggable time source", () => {
  it("judges any source's readings by the target's threshold and comparison", () => {
    // A stub source: every pair takes exactly the threshold (met with "<=", not with "<"), except
    // the first pair of each item, which has no route.
    const stub: TargetTimeSource = {
      name: "stub",
      model,
      bind: (items) => ({
        readings: (i) =>
          items[i]!.pairs.map((_, k): PairReading => (k === 0 ? { status: "no-route", timeMin: null, legs: [] } : { status: "ok", timeMin: items[i]!.thresholdMin, legs: [] })),
        seconds: (_, __, out) => items.forEach((it, i) => it.pairs.forEach((_p, k) => (out[i]![k] = k === 0 ? Infinity : it.thresholdMin * 60))),
      }),
    };
    const ev = new TargetEvaluator(model, { source: stub });
    expect(ev.items.length).toBeGreaterThan(0);
    const results = ev.results(net.scenarios[0]!.id);
    const outcomes = ev.evaluate([]);
    results.forEach((r, i) => {
      const meets = r.comparison === "<=";
      expect(r.pairs[0]).toMatchObject({ status: "no-route", met: false, timeMin: null, marginMin: null });
      for (const p of r.pairs.slice(1)) expect(p).toMatchObject({ status: meets ? "pass" : "fail", met: meets, marginMin: 0 });
      expect(outcomes[i]!.pairsMet).toBe(r.summary.pairsMet);
      expect(outcomes[i]!.pairsReachable).toBe(r.pairs.length - 1);
    });
  });

  it("the timetable source gives checkTargetsTimetable's times through evaluate()", () => {
    const exact = loadFixture("exact.json");
    const m = buildModel(exact);
    const window = { windowStartSecs: 8 * 3600, windowEndSecs: 8 * 3600 + 600 };
    const ev = new TargetEvaluator(m, { source: timetableTimes(m, { window }) });
    expect(ev.items.length).toBeGreaterThan(2);
    let reached = 0;
    for (const s of exact.scenarios) {
      const check = checkTargetsTimetable(exact, { model: m, scenarios: [s.id], window });
      ev.evaluate({ scenario: s.id });
      check.forEach((r, i) => {
        expect([...ev.pairSecs[i]!].map((x) => x / 60)).toEqual(r.pairs.map((p) => p.timeMin ?? Infinity));
        reached += r.pairs.filter((p) => p.timeMin !== null).length;
      });
    }
    expect(reached).toBeGreaterThan(0);
    expect(() => ev.evaluate({ scenario: exact.scenarios[0]!.id }, { "/services/0/headwayMin": 5 })).toThrow(/quantity draws/);
  });
});
