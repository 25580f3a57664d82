import { describe, expect, it } from "vitest";
import { buildModel, checkTargets, evaluateTarget, targetSensitivity, UnknownIdError } from "../../src/index.js";
import { loadFixture } from "../fixtures/model/load.js";

// See tests/model/exact.test.ts for the fixture's arithmetic.
const network = loadFixture("exact.json");
const model = buildModel(network, { generateAccess: false });

describe("checkTargets(network, options)", () => {
  const results = checkTargets(network, { model });

  it("returns every scenario × target × measure, in network order", () => {
    expect(results.map((r) => `${r.scenarioId}/${r.targetId}/${r.measure}`)).toEqual([
      "base/T_AB/door-to-door",
      "base/T_AB/station-to-station",
      "base/T_circle/door-to-door",
      "plan/T_AB/door-to-door",
      "plan/T_AB/station-to-station",
      "plan/T_circle/door-to-door",
    ]);
  });

  it("the two interpretations differ by access plus egress", () => {
    const [d2d, s2s] = results.filter((r) => r.scenarioId === "base" && r.targetId === "T_AB");
    expect(d2d!.pairs[0]).toMatchObject({ origin: "A", destination: "B", status: "fail", met: false });
    expect(d2d!.pairs[0]!.timeMin).toBeCloseTo(70, 9);
    expect(d2d!.pairs[0]!.marginMin).toBeCloseTo(-10, 9);
    expect(s2s!.pairs[0]).toMatchObject({ status: "pass", fromStation: "S1", toStation: "S3" });
    expect(s2s!.pairs[0]!.marginMin).toBeCloseTo(5, 9);
    expect(d2d!.pairs[0]!.timeMin! - s2s!.pairs[0]!.timeMin!).toBeCloseTo(10 + 5, 9);
  });

  it("the binding leg is the first longest leg of every pair, null without legs", () => {
    const d2d = results.find((r) => r.scenarioId === "base" && r.targetId === "T_AB")!;
    expect(d2d.pairs[0]!.bindingLeg).toMatchObject({ index: 1, kind: "ride", line: "HSR 1" });
    let checked = 0;
    for (const p of results.flatMap((r) => r.pairs)) {
      if (p.legs.length === 0) {
        expect(p.bindingLeg).toBeNull();
        continue;
      }
      const longest = Math.max(...p.legs.map((l) => l.timeMin));
      const b = p.bindingLeg!;
      expect(b.timeMin).toBe(longest);
      expect(p.legs.findIndex((l) => l.timeMin === longest)).toBe(b.index);
      expect(b).toMatchObject({ kind: p.legs[b.index]!.kind, from: p.legs[b.index]!.from, to: p.legs[b.index]!.to });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("a multi-destination target reports each pair, unreachable ones as no-route, and a population-weighted summary", () => {
    const circle = results.find((r) => r.scenarioId === "base" && r.targetId === "T_circle")!;
    expect(circle.pairs.map((p) => `${p.origin}>${p.destination}:${p.status}`)).toEqual([
      "A>B:pass", // 70 < 75
      "A>D:pass", // 60 by expressway
      "B>A:pass",
      "B>D:fail", // B→A 70, then A→D 60
      "D>A:pass",
      "D>B:fail",
    ]);
    // Destinations' populations: A 1000, B 3000, D 1000 (met pairs: A>B 3000, A>D 1000, B>A 1000, D>A 1000).
    expect(circle.summary).toMatchObject({ pairs: 6, pairsMet: 4, pairsReachable: 6, status: "partly-met" });
    expect(circle.summary.populationShareMet).toBeCloseTo(6000 / 10000, 12);
  });

  it("every summary counts the pairs that have a time and takes the worst time over exactly those", () => {
    for (const r of results) {
      const timed = r.pairs.filter((p) => p.timeMin !== null).map((p) => p.timeMin!);
      expect(r.summary.pairsReachable).toBe(timed.length);
      expect(r.summary.worstTimeMin).toBe(timed.length ? Math.max(...timed) : null);
      expect(r.summary.pairsMet).toBe(r.pairs.filter((p) => p.met).length);
    }
  });

  it("uses the comparison: '<' fails a time equal to the threshold", () => {
    const target = { ...network.targetById.get("T_AB")!, thresholdMin: { value: 70, source: "test" } };
    // 70 is computed in floating point; use the exact time the model reports as the threshold.
    const t = evaluateTarget(model, target, { selection: { scenario: "base" }, measure: "door-to-door" }).pairs[0]!
      .timeMin!;
    const exact = evaluateTarget(
      model,
      { ...target, thresholdMin: { value: t, source: "test" } },
      { selection: { scenario: "base" }, measure: "door-to-door" },
    );
    const strict = evaluateTarget(
      model,
      { ...target, comparison: "<" as const, thresholdMin: { value: t, source: "test" } },
      { selection: { scenario: "base" }, measure: "door-to-door" },
    );
    expect(exact.pairs[0]!.met).toBe(true);
    expect(strict.pairs[0]!.met).toBe(false);
  });

  it("unreachable pairs are results, not errors", () => {
    const r = checkTargets(network, { model, scenarios: ["base"], targets: ["T_AB"], measures: ["door-to-door"] });
    const roadOnly = evaluateTarget(
      model,
      { ...network.targetById.get("T_AB")!, modes: "road" },
      { selection: { scenario: "base" }, measure: "door-to-door" },
    );
    expect(r).toHaveLength(1);
    expect(roadOnly.pairs[0]).toMatchObject({
      status: "no-route",
      met: false,
      timeMin: null,
      marginMin: null,
      legs: [],
    });
    expect(roadOnly.summary.status).toBe("not-met");
  });

  it("unknown scenario or target ids throw UnknownIdError with a did-you-mean", () => {
    expect(() => checkTargets(network, { model, scenarios: ["pln"] })).toThrow(UnknownIdError);
    expect(() => checkTargets(network, { model, scenarios: ["pln"] })).toThrow(/did you mean "plan"/);
    expect(() => checkTargets(network, { model, targets: ["T_A"] })).toThrow(/unknown target "T_A"/);
  });

  it("routes: false gives the same times without legs", () => {
    const fast = checkTargets(network, { model, routes: false });
    expect(fast.map((r) => r.pairs.map((p) => p.timeMin))).toEqual(results.map((r) => r.pairs.map((p) => p.timeMin)));
    expect(fast.every((r) => r.pairs.every((p) => p.legs.length === 0))).toBe(true);
  });
});

describe("evaluateTarget(model, target, { edgeCosts | quantities })", () => {
  it("a precomputed draw (model.costsWith) gives the same result as passing the quantities", () => {
    const target = network.targetById.get("T_AB")!;
    const quantities = { "/services/0/speedKmh": 175, "/services/0/headwayMin": 30 };
    const a = evaluateTarget(model, target, { selection: { scenario: "base" }, measure: "door-to-door", quantities });
    const b = evaluateTarget(model, target, {
      selection: { scenario: "base" },
      measure: "door-to-door",
      edgeCosts: model.costsWith(quantities),
    });
    expect(b).toEqual(a);
    // H1 at an average 175 km/h over 150 km, wait 15: 10 + 15 + 150 / 175 × 60 + 5.
    expect(a.pairs[0]!.timeMin).toBeCloseTo(10 + 15 + (150 / 175) * 60 + 5, 9);
  });

  it("an unknown quantity pointer throws ModelError with a did-you-mean", () => {
    expect(() => model.costsWith({ "/parameters/comercialSpeedFactor/hsr": 1 })).toThrow(/unknown quantity pointer/);
    expect(() => model.costsWith({ "/services/0/headwayMn": 1 })).toThrow(/did you mean "\/services\/0\/headwayMin"/);
  });
});

describe("targetSensitivity(model, target, { scenario, measure })", () => {
  it("ranks the assumption that moves the time most first, with its swing", () => {
    const entries = targetSensitivity(model, network.targetById.get("T_AB")!, {
      scenario: "base",
      measure: "door-to-door",
    });
    // H1's average speed is the fixture's one assumed quantity on the route: 150 km at 150 or 250 km/h.
    expect(entries[0]).toMatchObject({
      pointer: "/services/0/speedKmh",
      label: 'service "H1" speedKmh',
      range: [150, 250],
    });
    expect(entries[0]!.swingMin).toBeCloseTo(150 * 60 * (1 / 150 - 1 / 250), 9);

    expect(entries.every((e, i) => i === 0 || e.swingMin <= entries[i - 1]!.swingMin)).toBe(true);
  });
});

describe("station-to-station between places that share a station", () => {
  it("is a flagged 'same-station' pair: time 0, met, counted in pairsSameStation", () => {
    const target = { ...network.targetById.get("T_AB")!, destinations: ["F"] };
    const r = evaluateTarget(model, target, { selection: { scenario: "base" }, measure: "station-to-station" });
    expect(r.pairs[0]).toMatchObject({
      status: "same-station",
      met: true,
      timeMin: 0,
      fromStation: "S1",
      toStation: "S1",
    });
    expect(r.summary).toMatchObject({ pairsMet: 1, pairsSameStation: 1 });
    const d2d = evaluateTarget(model, target, { selection: { scenario: "base" }, measure: "door-to-door" });
    expect(d2d.pairs[0]!.status).toBe("no-route"); // F has no connector and generated access is off in this model
  });
});

describe("report helpers", () => {
  it("csvCell quotes commas, quotes and line breaks (RFC 4180) and leaves null empty", async () => {
    const { csvCell, formatMinutes } = await import("../../src/targets/report.js");
    expect(csvCell('G75, "old" road')).toBe('"G75, ""old"" road"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(1.23456)).toBe("1.235");
    expect([formatMinutes(null), formatMinutes(3.04), formatMinutes(59.6), formatMinutes(-0.01)]).toEqual([
      "–",
      "3",
      "60",
      "0",
    ]);
  });
});
