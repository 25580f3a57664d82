import { describe, expect, it } from "vitest";
import { buildModel, findRoute as findRouteAnyReading, type RouteOptions, type RouteResult, type TravelTimeModel } from "../../src/index.js";
import { greatCircleKm } from "../../src/model/index.js";
import { loadFixture, scenarioOnlyNetwork } from "../fixtures/model/load.js";

// Arithmetic of tests/fixtures/model/exact.json (default rail transfer time 10 min):
// - H1 S1→S3 skips S2: 150 km at its average running speed of 200 km/h = 45 min; headway 20 → wait 10.
// - H2 S1→S2→S3: run 30 + dwell 2 + run 15; headway 60 → wait 30.
// - R1 S3→S4: run 20, headway 30 → wait 15; boarding after a ride adds transferMin.rail = 10.
// - connectors: A–S1 10 min, B–S3 5 min. Expressway A–B (project P_ROAD, 2025): explicit 40 min.
// The arithmetic below is the typical reading's (the wait rule at every boarding);
// tests/query/readings.test.ts covers the scheduled reading on the same fixture.
const findRoute = (m: TravelTimeModel, from: string, to: string, options: RouteOptions = {}): RouteResult =>
  findRouteAnyReading(m, from, to, { reading: "typical", ...options });
const network = loadFixture("exact.json");
const model = buildModel(network, { generateAccess: false });
const time = (r: RouteResult): number | null => r.timeMin;

describe("buildModel(network) on the exact fixture", () => {
  it("charges half the headway as wait on boarding", () => {
    const r = findRoute(model, "S1", "S3", { scenario: "base", measure: "station-to-station" });
    expect(time(r)).toBeCloseTo(10 + 45, 9);
    expect(r.legs).toHaveLength(1);
    expect(r.legs[0]).toMatchObject({ kind: "ride", lineIds: ["H1"], waitMin: 10, transferMin: 0 });
    expect(r.legs[0]!.inVehicleMin).toBeCloseTo(45, 9);
  });

  it("{ wait: 'full-headway' } charges the whole headway", () => {
    const full = buildModel(network, { generateAccess: false, wait: "full-headway" });
    expect(time(findRoute(full, "S1", "S3", { scenario: "base", measure: "station-to-station" }))).toBeCloseTo(
      20 + 45,
      9,
    );
    const capped = buildModel(network, { generateAccess: false, wait: { capMin: 4 } });
    expect(time(findRoute(capped, "S1", "S3", { scenario: "base", measure: "station-to-station" }))).toBeCloseTo(
      4 + 45,
      9,
    );
  });

  it("charges the transfer time on ride→ride but not on access→ride", () => {
    const toS3 = findRoute(model, "A", "S3", { scenario: "base" });
    expect(time(toS3)).toBeCloseTo(10 + 10 + 45, 9);
    expect(toS3.legs.map((l) => l.kind)).toEqual(["access", "ride"]);
    expect(toS3.legs[1]!.transferMin).toBe(0);
    const toS4 = findRoute(model, "A", "S4", { scenario: "base" });
    expect(time(toS4)).toBeCloseTo(10 + 10 + 45 + (10 + 15 + 20), 9);
    expect(toS4.legs.map((l) => [l.kind, l.transferMin])).toEqual([
      ["access", 0],
      ["ride", 0],
      ["ride", 10],
    ]);
  });

  it("a service that skips a stop cannot be boarded there", () => {
    const r = findRoute(model, "S2", "S3", { scenario: "base", measure: "station-to-station" });
    expect(r.legs[0]!.lineIds).toEqual(["H2"]);
    expect(time(r)).toBeCloseTo(30 + 15, 9);
  });

  it("counts dwell at intermediate stops only", () => {
    // Without H1, S1→S3 rides H2 through S2: wait 30 + 30 + dwell 2 + 15.
    const noH1 = buildModel(
      {
        ...network,
        services: network.services.filter((s) => s.id !== "H1"),
        serviceById: new Map([...network.serviceById].filter(([k]) => k !== "H1")),
      },
      { generateAccess: false },
    );
    expect(time(findRoute(noH1, "S1", "S3", { scenario: "base", measure: "station-to-station" }))).toBeCloseTo(
      30 + 30 + 2 + 15,
      9,
    );
  });

  it("a link that opens only in a later scenario changes only that scenario", () => {
    const base = findRoute(model, "A", "B", { scenario: "base" });
    const plan = findRoute(model, "A", "B", { scenario: "plan" });
    expect(time(base)).toBeCloseTo(10 + 10 + 45 + 5, 9);
    expect(base.legs.map((l) => l.kind)).toEqual(["access", "ride", "egress"]);
    expect(time(plan)).toBeCloseTo(40, 9);
    expect(plan.legs).toMatchObject([{ kind: "drive", lineIds: ["xAB"], projects: ["P_ROAD"] }]);
  });

  it("mode filters: rail only ignores the new road, road only ignores the trains", () => {
    expect(time(findRoute(model, "A", "B", { scenario: "plan", modes: "rail" }))).toBeCloseTo(70, 9);
    expect(time(findRoute(model, "A", "B", { scenario: "plan", modes: "road" }))).toBeCloseTo(40, 9);
    expect(findRoute(model, "A", "B", { scenario: "base", modes: "road" }).status).toBe("no-route");
  });

  it("station-to-station excludes access and egress; door-to-door includes them", () => {
    const d2d = findRoute(model, "A", "B", { scenario: "base", measure: "door-to-door" });
    const s2s = findRoute(model, "A", "B", { scenario: "base", measure: "station-to-station" });
    expect(s2s).toMatchObject({ fromStation: "S1", toStation: "S3" });
    expect(d2d.timeMin! - s2s.timeMin!).toBeCloseTo(10 + 5, 9);
    expect(findRoute(model, "D", "B", { scenario: "base", measure: "station-to-station" }).status).toBe("no-station");
  });

  it("a generated car access leg: great-circle × circuity at the access speed", () => {
    const withAccess = buildModel(network);
    const r = findRoute(withAccess, "E", "S3", { scenario: "base" });
    const [lonE, latE] = network.placeById.get("E")!.coord;
    const [lonS, latS] = network.placeById.get("S1")!.coord;
    const accessMin = ((greatCircleKm([lonE, latE], [lonS, latS]) * 1.3) / 30) * 60;
    expect(r.legs[0]).toMatchObject({ kind: "access", mode: "car", from: "E", to: "S1" });
    expect(r.legs[0]!.accessMin).toBeCloseTo(accessMin, 9);
    expect(time(r)).toBeCloseTo(accessMin + 10 + 45, 9);
  });

  it("every route's legs sum to its time", () => {
    for (const scenario of ["base", "plan"]) {
      for (const from of network.places) {
        for (const to of network.places) {
          for (const measure of ["door-to-door", "station-to-station"] as const) {
            const r = findRoute(model, from.id, to.id, { scenario, measure });
            if (r.status !== "ok") continue;
            const sum = r.legs.reduce((s, l) => s + l.timeMin, 0);
            expect(sum).toBeCloseTo(r.timeMin!, 9);
            for (const l of r.legs) {
              expect(l.waitMin + l.transferMin + l.inVehicleMin + l.accessMin + l.egressMin).toBeCloseTo(l.timeMin, 9);
            }
          }
        }
      }
    }
  });
});

describe("buildModel on degenerate input", () => {
  it("an empty network gives an empty model and no target results", async () => {
    const { loadNetworkSync, checkTargets } = await import("../../src/node.js");
    const empty = loadNetworkSync({
      schema: "qiwan-network",
      version: 1,
      id: "empty",
      name: { zh: "空", en: "Empty" },
      asOf: "2021-01-01",
      places: [],
      links: [],
      projects: [],
      scenarios: [{ id: "s", name: { zh: "甲", en: "S" }, year: 2020 }],
    });
    const m = buildModel(empty);
    expect([m.nodeCount, m.edgeCount]).toEqual([0, 0]);
    expect(checkTargets(empty, { model: m })).toEqual([]);
  });
});

describe("buildModel options", () => {
  it("rejects invalid options with a ModelError naming the option and the fix", async () => {
    const { ModelError } = await import("../../src/index.js");
    expect(() => buildModel(network, { wait: { capMin: -1 } })).toThrow(ModelError);
    expect(() => buildModel(network, { wait: "quarter-headway" as never })).toThrow(
      /wait = "quarter-headway" is invalid/,
    );
    expect(() => buildModel(network, { accessRadiusKm: Number.NaN })).toThrow(/accessRadiusKm/);
  });
});

describe("network parameters override the defaults", () => {
  it("stationTransferMin at one station and commercialSpeedFactor.expressway from the network's parameters section", () => {
    const parameters = {
      stationTransferMin: { S3: { value: 3, source: "test value" } },
      commercialSpeedFactor: { expressway: { value: 0.5, source: "test value" } },
    };
    const m = buildModel({ ...network, parameters }, { generateAccess: false });
    // Transfer at S3 is 3 min instead of transferMin.rail = 10.
    expect(findRoute(m, "A", "S4", { scenario: "base" }).timeMin).toBeCloseTo(10 + 10 + 45 + (3 + 15 + 20), 9);
    // A–D: 85 km at 0.5 × 100 km/h.
    expect(findRoute(m, "A", "D", { scenario: "base" }).timeMin).toBeCloseTo((85 / 50) * 60, 9);
    expect(m.parameters.entries().find((e) => e.name === "stationTransferMin" && e.key === "S3")).toMatchObject({
      fromNetwork: true,
    });
  });
});

describe("running times of services without runMinutes", () => {
  it("a service's speedKmh is its average running speed, capped by the links' speeds", () => {
    const at = (speedKmh: number) => {
      const services = network.services.map((s) =>
        s.id === "H1" ? { ...s, speedKmh: { value: speedKmh, source: "test" } } : s,
      );
      const m = buildModel(
        { ...network, services, serviceById: new Map(services.map((s) => [s.id, s])) },
        { generateAccess: false },
      );
      return findRoute(m, "S1", "S3", { scenario: "base", measure: "station-to-station" }).legs[0]!.inVehicleMin;
    };
    expect(at(150)).toBeCloseTo(60, 9);
    expect(at(300)).toBeCloseTo((150 / 250) * 60, 9); // the 250 km/h track caps it
  });

  it("a service without a speed (built in code) runs at link speed × commercialSpeedFactor of its mode", () => {
    const services = network.services.map((s) => (s.id === "H1" ? { ...s, speedKmh: undefined } : s));
    const m = buildModel(
      { ...network, services, serviceById: new Map(services.map((s) => [s.id, s])) },
      { generateAccess: false },
    );
    const leg = findRoute(m, "S1", "S3", { scenario: "base", measure: "station-to-station" }).legs[0]!;
    expect(leg.inVehicleMin).toBeCloseTo((150 / (250 * 0.8)) * 60, 9);
  });
});

describe("generated access next to an explicit connector that a project brings", () => {
  // E lies 11 km from station S1, so generateAccess joins them. cE, a slow explicit E–S1 connector,
  // only comes with P_ROAD (2025): before it, the generated connector must serve E as it does in a
  // model of the baseline's links alone.
  const cE = { id: "cE", mode: "connector" as const, from: "E", to: "S1", minutes: { value: 90, source: "test" }, projects: ["P_ROAD"] };
  const links = [...network.links, cE];
  const withCE = { ...network, links, linkById: new Map(links.map((l) => [l.id, l])) };
  const superset = buildModel(withCE);

  it("the superset overlay equals a model of only the scenario's links, with and without the connector", () => {
    for (const scenario of ["base", "plan"]) {
      const alone = buildModel(scenarioOnlyNetwork(withCE, scenario));
      for (const [from, to] of [["E", "S1"], ["S1", "E"], ["E", "S4"]] as const) {
        const expected = findRoute(alone, from, to, { scenario }).timeMin;
        expect(expected, `${scenario} ${from}→${to} is reachable`).not.toBeNull();
        expect(findRoute(superset, from, to, { scenario }).timeMin, `${scenario} ${from}→${to}`).toBeCloseTo(expected!, 9);
      }
    }
    // With the project, the explicit connector replaces the generated one, although it is slower.
    expect(findRoute(superset, "E", "S1", { scenario: "plan" }).timeMin).toBeCloseTo(90, 9);
  });
});

describe("the track of a service without runMinutes", () => {
  // r34u upgrades r34 (same 60 km, 200 km/h instead of the 120 km/h rail design speed) with P_ROAD
  // (2025) and replaces it; R2 also comes with P_ROAD, so wherever R2 runs, r34 is gone.
  const r34u = {
    id: "r34u",
    mode: "rail" as const,
    from: "S3",
    to: "S4",
    lengthKm: { value: 60, source: "test" },
    speedKmh: { value: 200, source: "test" },
    projects: ["P_ROAD"],
    replaces: ["r34"],
  };
  const r2 = { ...network.serviceById.get("R1")!, id: "R2", runMinutes: undefined, projects: ["P_ROAD"] };
  const links = [...network.links, r34u];
  const services = [...network.services.filter((s) => s.id !== "R1"), r2];
  const upgraded = {
    ...network,
    links,
    services,
    linkById: new Map(links.map((l) => [l.id, l])),
    serviceById: new Map(services.map((s) => [s.id, s])),
  };

  it("never runs over a link that a link of the service's own projects replaces", () => {
    const alone = buildModel(scenarioOnlyNetwork(upgraded, "plan"), { generateAccess: false });
    const superset = buildModel(upgraded, { generateAccess: false });
    const ride = (m: typeof superset) =>
      findRoute(m, "S3", "S4", { scenario: "plan", measure: "station-to-station" }).legs[0]!.inVehicleMin;
    const railFactor = alone.parameters.get("commercialSpeedFactor", "rail")!.value;
    expect(ride(alone)).toBeCloseTo((60 / (200 * railFactor)) * 60, 9); // over r34u
    expect(ride(superset)).toBeCloseTo(ride(alone), 9);
  });
});
