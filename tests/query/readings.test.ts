/**
 * Readings of a promise: `typical` (the wait rule at every boarding) and `scheduled` (no wait at
 * the first boarding, a connection wait after a ride; the default), as cost overlays of one
 * compiled model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel, findRoute, Query, type Measure, type ModeFilter, type Network, type RouteLeg } from "../../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { loadFixture } from "../fixtures/model/load.js";
import { randomNetwork } from "../fixtures/model/random.js";
import { runs } from "../util/property.js";

const MEASURES: Measure[] = ["door-to-door", "station-to-station"];
const MODES: ModeFilter[] = ["multimodal", "rail", "road"];

// tests/fixtures/model/exact.json (see tests/model/exact.test.ts): A–S1 connector 10 min; H1 (hsr)
// S1→S3 45 min, headway 20 (typical wait 10); R1 (rail) S3→S4 20 min, headway 30 (typical wait 15);
// transferMin.rail 10. Here connectionWaitMin.rail is 4 min.
const exact: Network = {
  ...loadFixture("exact.json"),
  parameters: { connectionWaitMin: { rail: { value: 4, source: "test" } } },
};
const exactModel = buildModel(exact, { generateAccess: false });

const parts = (legs: readonly RouteLeg[]) =>
  legs.map((l) => [l.kind, l.lineIds.join(), l.waitMin, l.transferMin, Math.round(l.inVehicleMin * 1e6) / 1e6]);

describe("readings on the exact fixture (hand-computed)", () => {
  const q = new Query(exactModel);
  it("A → S4 with one transfer: typical 10 + (10 + 45) + (15 + 10 + 20) = 110 min; scheduled 10 + 45 + (4 + 10 + 20) = 89 min", () => {
    const typical = q.route("A", "S4", { selection: "base", reading: "typical" });
    const scheduled = q.route("A", "S4", { selection: "base", reading: "scheduled" });
    expect(q.route("A", "S4", { selection: "base" })).toEqual(scheduled); // the default
    expect([typical.reading, scheduled.reading]).toEqual(["typical", "scheduled"]);
    expect(typical.timeMin).toBeCloseTo(110, 9);
    expect(scheduled.timeMin).toBeCloseTo(89, 9);
    expect(parts(typical.legs)).toEqual([
      ["access", "cA", 0, 0, 0],
      ["ride", "H1", 10, 0, 45],
      ["ride", "R1", 15, 10, 20],
    ]);
    expect(parts(scheduled.legs)).toEqual([
      ["access", "cA", 0, 0, 0],
      ["ride", "H1", 0, 0, 45],
      ["ride", "R1", 4, 10, 20],
    ]);
    for (const r of [typical, scheduled]) expect(r.legs.reduce((s, l) => s + l.timeMin, 0)).toBeCloseTo(r.timeMin!, 9);
  });

  it("station-to-station S1 → S3: typical 10 + 45, scheduled 45 (no initial wait)", () => {
    expect(q.route("S1", "S3", { selection: "base", measure: "station-to-station", reading: "typical" }).timeMin).toBeCloseTo(55, 9);
    expect(q.route("S1", "S3", { selection: "base", measure: "station-to-station", reading: "scheduled" }).timeMin).toBeCloseTo(45, 9);
  });

  it("the connection wait is capped at the typical wait: connectionWaitMin.rail 40 min waits 15 min (half of R1's 30)", () => {
    const m = buildModel({ ...exact, parameters: { connectionWaitMin: { rail: { value: 40, source: "test" } } } }, { generateAccess: false });
    const r = findRoute(m, "A", "S4", { scenario: "base", reading: "scheduled" });
    expect(r.timeMin).toBeCloseTo(10 + 45 + 15 + 10 + 20, 9);
    expect(r.legs[2]!.waitMin).toBeCloseTo(15, 9);
  });

  it("a connectionWaitMin override (a quantity draw) changes only the scheduled reading", () => {
    const quantities = { "/parameters/connectionWaitMin/rail": 0 };
    expect(q.route("A", "S4", { selection: "base", quantities, reading: "typical" }).timeMin).toBeCloseTo(110, 9);
    expect(q.route("A", "S4", { selection: "base", quantities, reading: "scheduled" }).timeMin).toBeCloseTo(85, 9);
  });

  it("model.quantities() lists connectionWaitMin only for the scheduled reading", () => {
    const typical = exactModel.quantities().map((x) => x.pointer);
    const scheduled = exactModel.quantities({ reading: "scheduled" }).map((x) => x.pointer);
    expect(typical.some((p) => p.includes("connectionWaitMin"))).toBe(false);
    expect(scheduled).toEqual(expect.arrayContaining([...typical, "/parameters/connectionWaitMin/rail"]));
  });
});

/** Every pair's time under both readings, for every measure and mode filter of a scenario. */
function bothReadings(q: Query, ids: string[], selection: string) {
  return MEASURES.flatMap((measure) =>
    MODES.map((modes) => ({
      typical: q.placeMatrix(ids, ids, { selection, measure, modes, reading: "typical" }).secs,
      scheduled: q.placeMatrix(ids, ids, { selection, measure, modes, reading: "scheduled" }).secs,
    })),
  );
}

describe("scheduled <= typical (property)", () => {
  it("on random networks, for every pair, measure and mode filter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const net = randomNetwork(seed);
        const q = new Query(buildModel(net));
        const ids = net.places.map((p) => p.id);
        for (const s of net.scenarios) {
          for (const { typical, scheduled } of bothReadings(q, ids, s.id)) {
            typical.forEach((t, k) => expect(scheduled[k]!).toBeLessThanOrEqual(t + 1e-9));
          }
        }
      }),
      runs(20),
    );
  });

  it("on the embedded network, in every scenario, and strictly less for some pair with a ride", () => {
    const net = loadNetworkSync(embeddedNetworkPath());
    const q = new Query(buildModel(net));
    const ids = net.places.filter((p) => p.kind === "city").map((p) => p.id);
    let strictly = 0;
    for (const s of net.scenarios) {
      for (const { typical, scheduled } of bothReadings(q, ids, s.id)) {
        typical.forEach((t, k) => {
          expect(scheduled[k]!).toBeLessThanOrEqual(t + 1e-9);
          if (scheduled[k]! < t - 1) strictly++;
        });
      }
    }
    expect(strictly).toBeGreaterThan(0);
  });
});

describe("scheduled == typical when waits are zero", () => {
  it("with { wait: { fixedMin: 0 } } every pair has the same time under both readings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const net = randomNetwork(seed);
        const q = new Query(buildModel(net, { wait: { fixedMin: 0 } }));
        const ids = net.places.map((p) => p.id);
        for (const s of net.scenarios) {
          for (const { typical, scheduled } of bothReadings(q, ids, s.id)) expect([...scheduled]).toEqual([...typical]);
        }
      }),
      runs(20),
    );
  });
});
