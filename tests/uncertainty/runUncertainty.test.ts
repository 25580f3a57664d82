import fc from "fast-check";
import { quantileSorted } from "d3-array";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.js";
import { evaluateTarget } from "../../src/targets/index.js";
import { distributionOf, mulberry32, quantileOf, runUncertainty, uncertainInputs, UncertaintyError } from "../../src/uncertainty/index.js";
import { networkFromFile } from "../fixtures/tinyNetwork.js";
import { runs } from "../util/property.js";

const net = networkFromFile();
const model = buildModel(net);

describe("mulberry32(seed) and distributions", () => {
  it("is reproducible, in [0, 1), and roughly uniform", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
  it("quantileOf inverts the CDF: uniform is linear, triangular puts F(mode) at the mode", () => {
    expect(quantileOf(distributionOf({ range: [10, 20] }), 0.25)).toBe(12.5);
    const tri = distributionOf({ range: [0, 10], mode: 2 });
    expect(quantileOf(tri, 0.2)).toBeCloseTo(2, 12);
    expect(quantileOf(tri, 0)).toBe(0);
    expect(quantileOf(distributionOf({ range: [5, 5], mode: 5 }), 0.7)).toBe(5);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u, v) => {
        if (u <= v) expect(quantileOf(tri, u)).toBeLessThanOrEqual(quantileOf(tri, v));
      }),
      runs(200),
    );
  });
});

describe("runUncertainty(network, { draws, seed })", () => {
  it("finds the assumed quantities the model reads (network and default parameters)", () => {
    const pointers = uncertainInputs(model).map((i) => i.pointer);
    expect(pointers).toContain("/services/0/headwayMin");
    expect(pointers).toContain("/services/1/speedKmh");
    expect(pointers).toContain("/links/1/speedKmh");
    expect(pointers.some((p) => p.startsWith("/parameters/commercialSpeedFactor/"))).toBe(true);
    const labels = new Map(uncertainInputs(model).map((i) => [i.pointer, i.label]));
    expect(labels.get("/services/1/speedKmh")).toBe("service S_HSR speedKmh");
    expect(labels.get("/links/1/speedKmh")).toBe("link BC speedKmh");
  });

  it("the same seed gives identical output; another seed differs", () => {
    const a = runUncertainty(net, { model, draws: 60, seed: 7 });
    const b = runUncertainty(net, { model, draws: 60, seed: 7 });
    const c = runUncertainty(net, { model, draws: 60, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.results)).not.toBe(JSON.stringify(c.results));
  });

  it("zero-width ranges give zero variance, equal to the base evaluation", () => {
    const inputs = uncertainInputs(model).map((i) => ({ ...i, distribution: { kind: "uniform" as const, low: i.value, high: i.value } }));
    const r = runUncertainty(net, { model, draws: 20, seed: 3, inputs });
    for (const x of r.results) {
      expect(x.worstTimeMin.p5).toBe(x.worstTimeMin.p95);
      expect(x.worstTimeMin.p50).toBe(x.base.worstTimeMin);
      expect(x.probabilityMet).toBe(x.base.met ? 1 : 0);
      expect(x.tornado).toEqual([]);
    }
  });

  it("percentiles and probability agree with a direct re-run of the draws through evaluateTarget", () => {
    const draws = 25;
    const r = runUncertainty(net, { model, draws, seed: 11, scenarios: ["plan-2025"], measures: ["door-to-door"], tornado: false });
    const inputs = uncertainInputs(model);
    const random = mulberry32(11);
    const times: number[] = [];
    let met = 0;
    for (let d = 0; d < draws; d++) {
      const q = new Map(inputs.map((i) => [i.pointer, quantileOf(i.distribution, random())]));
      const t = evaluateTarget(model, net.targetById.get("A_C_60")!, { selection: { scenario: "plan-2025" }, measure: "door-to-door", routes: false, quantities: q });
      times.push(t.summary.worstTimeMin ?? Infinity);
      if (t.summary.status === "met") met++;
    }
    times.sort((a, b) => a - b);
    const x = r.results[0]!;
    expect(x.probabilityMet).toBe(met / draws);
    expect(x.worstTimeMin.p50).toBeCloseTo(quantileSorted(times, 0.5)!, 9);
    expect(x.worstTimeMin.p95).toBeCloseTo(quantileSorted(times, 0.95)!, 9);
    expect(x.worstTimeMin.p5).toBeLessThanOrEqual(x.worstTimeMin.p95);
  });

  it("the tornado is sorted by swing and every swing is the low/high difference (plan-2025, A→C)", () => {
    const r = runUncertainty(net, { model, draws: 5, seed: 1, scenarios: ["plan-2025"], measures: ["door-to-door"] });
    const t = r.results[0]!.tornado;
    expect(t.length).toBeGreaterThan(0);
    for (let i = 1; i < t.length; i++) expect(t[i - 1]!.swingMin).toBeGreaterThanOrEqual(t[i]!.swingMin);
    for (const e of t) expect(e.swingMin).toBeCloseTo(Math.abs(e.timeAtHighMin - e.timeAtLowMin), 12);
    // Oracle: each bar's end times are evaluateTarget's worst time with that input alone at its end.
    const worstWith = (pointer: string, value: number) =>
      evaluateTarget(model, net.targetById.get("A_C_60")!, { selection: { scenario: "plan-2025" }, measure: "door-to-door", routes: false, quantities: new Map([[pointer, value]]) }).summary.worstTimeMin ?? Infinity;
    for (const e of t) {
      expect(e.timeAtLowMin).toBeCloseTo(worstWith(e.pointer, e.low), 9);
      expect(e.timeAtHighMin).toBeCloseTo(worstWith(e.pointer, e.high), 9);
    }
    expect(t[0]!.swingMin).toBeGreaterThan(0);
  });

  it("rejects a bad draw count", () => {
    expect(() => runUncertainty(net, { model, draws: 0 })).toThrow(UncertaintyError);
  });
});
