/**
 * Metamorphic tests of the model on the embedded Qijiang–Wansheng network (shipped in networks/, so
 * always present).
 */
import { describe, expect, it } from "vitest";
import { buildModel, checkTargets, Query, resolveScenario, type Network, type TravelTimeModel } from "../../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import type { Measure } from "../../src/network/schema.js";
import { scenarioOnlyNetwork } from "../fixtures/model/load.js";
import type { ModeFilter } from "../../src/model/types.js";

const network = loadNetworkSync(embeddedNetworkPath());
const model = buildModel(network);
const SCENARIOS = network.scenarios.map((s) => s.id);
const ENDS = network.places.filter((p) => p.kind === "city").map((p) => p.id);

/** Door-to-door (or station-to-station) minutes between the city places (the query layer's matrix). */
function matrix(
  m: TravelTimeModel,
  scenario: string | { projects: Iterable<string> },
  filter: { measure: Measure; modes: ModeFilter } = { measure: "door-to-door", modes: "multimodal" },
  quantities?: Record<string, number>,
): number[][] {
  const { secs } = new Query(m).placeMatrix(ENDS, ENDS, { selection: scenario, ...filter, ...(quantities ? { quantities } : {}) });
  return ENDS.map((_, i) => Array.from(secs.subarray(i * ENDS.length, (i + 1) * ENDS.length), (s) => s / 60));
}

const noLonger = (after: number[][], before: number[][]) =>
  after.forEach((row, i) => row.forEach((t, j) => expect(t).toBeLessThanOrEqual(before[i]![j]! + 1e-9)));

describe("travel-time model on the embedded network", () => {
  it("builds without warnings about unreachable places", () => {
    expect(model.warnings.filter((w) => /unreachable/.test(w))).toEqual([]);
  });

  it("serviceEdges: every service's forward ride edge per segment and dwell edge per intermediate stop", () => {
    network.services.forEach((service, j) => {
      const { ride, dwell } = model.serviceEdges[j]!;
      expect(ride.length).toBe(service.stops.length - 1);
      expect(dwell.length).toBe(service.stops.length - 2);
      ride.forEach((e, k) =>
        expect(model.edges[e]).toMatchObject({ kind: "ride", direction: "forward", serviceId: service.id, fromPlaceId: service.stops[k], toPlaceId: service.stops[k + 1] }),
      );
      dwell.forEach((e, k) =>
        expect(model.edges[e]).toMatchObject({ kind: "dwell", direction: "forward", serviceId: service.id, fromPlaceId: service.stops[k + 1] }),
      );
    });
  });

  it("each scenario's explicit project set reproduces the scenario exactly", () => {
    for (const scenario of SCENARIOS) {
      const projects = [...resolveScenario(network, scenario).projects];
      expect(model.costsFor({ projects })).toEqual(model.costsFor({ scenario }));
    }
  });

  it("the superset overlay equals a model built from only the scenario's links and services", () => {
    for (const scenario of SCENARIOS) {
      const only = scenarioOnlyNetwork(network, scenario);
      const small = buildModel(only);
      for (const filter of [
        { measure: "door-to-door", modes: "multimodal" },
        { measure: "station-to-station", modes: "rail" },
      ] as const) {
        const a = matrix(model, scenario, filter);
        const b = matrix(small, scenario, filter);
        a.forEach((row, i) =>
          row.forEach((t, j) =>
            t === Infinity ? expect(b[i]![j]).toBe(Infinity) : expect(b[i]![j]).toBeCloseTo(t, 9),
          ),
        );
      }
    }
  });

  it("adding one project to the current network never makes a time longer, unless it replaces something", () => {
    const current = resolveScenario(network, "current").projects;
    const before = model.costsFor({ projects: current });
    const baseTimes = matrix(model, "current");
    let checked = 0;
    for (const project of network.projects) {
      if (current.has(project.id)) continue;
      const projects = [...current, project.id];
      const after = model.costsFor({ projects });
      if (after.some((c, e) => c === Infinity && before[e]! < Infinity)) continue;
      noLonger(matrix(model, { projects }), baseTimes);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("raising a road speed factor, the access speed or a planned service's speed never makes a time longer", () => {
    const serviceSpeed = [...model.quantityPointers.keys()].find((p) => /^\/services\/\d+\/speedKmh$/.test(p))!;
    const pointers = ["/parameters/commercialSpeedFactor/expressway", "/parameters/accessCarSpeedKmh", serviceSpeed];
    for (const pointer of pointers) {
      const base = model.quantityPointers.get(pointer);
      expect(base, pointer).toBeGreaterThan(0);
      for (const scenario of SCENARIOS) {
        noLonger(matrix(model, scenario, undefined, { [pointer]: base! * 1.2 }), matrix(model, scenario));
      }
    }
  });

  it("every reported target route's legs sum to its time", () => {
    for (const result of checkTargets(network, { model })) {
      for (const pair of result.pairs) {
        if (pair.timeMin === null) continue;
        expect(pair.legs.reduce((s, l) => s + l.timeMin, 0)).toBeCloseTo(pair.timeMin, 9);
      }
    }
  });
});
