import fc from "fast-check";
import { dijkstra } from "graphology-shortest-path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/model/index.js";
import { buildModel, findRoute, resolveScenario, type Network, type TravelTimeModel } from "../../src/index.js";
import type { Measure } from "../../src/network/schema.js";
import type { ModeFilter, Reading } from "../../src/model/types.js";
import { scenarioOnlyNetwork } from "../fixtures/model/load.js";
import { randomNetwork } from "../fixtures/model/random.js";
import { runs } from "../util/property.js";

const SCENARIOS = ["s2020", "s2030", "s2040"];
const FILTERS: Array<{ measure: Measure; modes: ModeFilter }> = [
  { measure: "door-to-door", modes: "multimodal" },
  { measure: "door-to-door", modes: "rail" },
  { measure: "door-to-door", modes: "road" },
  { measure: "station-to-station", modes: "multimodal" },
];
const seeds = fc.integer({ min: 1, max: 1_000_000 });
const RUNS = runs(25);

/**
 * Every place-to-place time (min, Infinity when unreachable or without stations) in one scenario,
 * under the typical reading by default (the costs `buildGraph` gives the oracle).
 */
function times(
  model: TravelTimeModel,
  scenario: string,
  filter: { measure: Measure; modes: ModeFilter },
  quantities?: Record<string, number>,
  reading: Reading = "typical",
): number[][] {
  const ids = model.network.places.map((p) => p.id);
  return ids.map((o) =>
    ids.map(
      (d) => findRoute(model, o, d, { scenario, ...filter, reading, ...(quantities ? { quantities } : {}) }).timeMin ?? Infinity,
    ),
  );
}

function expectNoLonger(after: number[][], before: number[][]): void {
  after.forEach((row, i) => row.forEach((t, j) => expect(t).toBeLessThanOrEqual(before[i]![j]! + 1e-9)));
}

function expectSame(a: number[][], b: number[][]): void {
  a.forEach((row, i) =>
    row.forEach((t, j) => {
      if (t === Infinity) expect(b[i]![j]).toBe(Infinity);
      else expect(b[i]![j]).toBeCloseTo(t, 9);
    }),
  );
}

describe("travel-time model properties on random networks", () => {
  it("times equal graphology-shortest-path on buildGraph(network, scenario) (oracle)", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const network = randomNetwork(seed);
        const model = buildModel(network);
        for (const scenario of SCENARIOS) {
          const graph = buildGraph(model, scenario);
          const modelTimes = times(model, scenario, FILTERS[0]!);
          network.places.forEach((origin, i) => {
            const paths = dijkstra.singleSource(graph, `place:${origin.id}`, "costSecs");
            network.places.forEach((destination, j) => {
              const path = paths[`destination:${destination.id}`];
              let secs = Infinity;
              if (path) {
                secs = 0;
                for (let k = 1; k < path.length; k++) {
                  let best = Infinity;
                  graph.forEachOutEdge(path[k - 1]!, (_e, attrs, _s, t) => {
                    if (t === path[k] && attrs.costSecs < best) best = attrs.costSecs;
                  });
                  secs += best;
                }
              }
              if (secs === Infinity) expect(modelTimes[i]![j]).toBe(Infinity);
              else expect(modelTimes[i]![j]! * 60).toBeCloseTo(secs, 6);
            });
          });
        }
      }),
      RUNS,
    );
  });

  it("the superset overlay of a scenario equals a model built from only that scenario's links and services", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const network = randomNetwork(seed);
        const model = buildModel(network);
        for (const scenario of SCENARIOS) {
          const only = scenarioOnlyNetwork(network, scenario);
          const small = buildModel(only);
          for (const filter of FILTERS) expectSame(times(model, scenario, filter), times(small, scenario, filter));
        }
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it("the scenario's own project set, given explicitly, reproduces the scenario exactly", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const network = randomNetwork(seed);
        const model = buildModel(network);
        for (const scenario of SCENARIOS) {
          const projects = [...resolveScenario(network, scenario).projects];
          expect(model.costsFor({ projects })).toEqual(model.costsFor({ scenario }));
          expect(model.costsFor({ scenario, quantities: {} })).toEqual(model.costsFor({ scenario }));
        }
      }),
      RUNS,
    );
  });

  it("adding a service never makes any time longer", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 1000 }), (seed, pickSeed) => {
        const network = randomNetwork(seed);
        const stations = network.places.filter((p) => p.kind === "station");
        if (stations.length < 2) return;
        const a = stations[pickSeed % stations.length]!;
        const b = stations[(pickSeed + 1) % stations.length]!;
        const extra = {
          id: "extra",
          name: { zh: "加", en: "Extra" },
          mode: "hsr" as const,
          stops: [a.id, b.id],
          headwayMin: { value: 10 + (pickSeed % 50), source: "test" },
          runMinutes: [{ value: 5 + (pickSeed % 40), source: "test" }],
        };
        const services = [...network.services, extra];
        const more: Network = { ...network, services, serviceById: new Map(services.map((s) => [s.id, s])) };
        const before = buildModel(network);
        const after = buildModel(more);
        for (const scenario of SCENARIOS) {
          for (const filter of [FILTERS[0]!, FILTERS[3]!])
            expectNoLonger(times(after, scenario, filter), times(before, scenario, filter));
        }
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it("raising a speed (a link's, a default, or a commercial-speed factor) never makes any time longer", () => {
    fc.assert(
      fc.property(
        seeds,
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (seed, pick, factor) => {
          const network = randomNetwork(seed);
          const model = buildModel(network);
          const speedPointers = model
            .quantities()
            .map((q) => q.pointer)
            .filter((p) => /speedKmh$|\/designSpeedKmh\/|\/commercialSpeedFactor\//.test(p));
          const pointer = speedPointers[pick % speedPointers.length]!;
          const base = model.quantityPointers.get(pointer)!;
          for (const scenario of SCENARIOS) {
            expectNoLonger(
              times(model, scenario, FILTERS[0]!, { [pointer]: base * factor }),
              times(model, scenario, FILTERS[0]!),
            );
          }
        },
      ),
      RUNS,
    );
  });

  it("every route's legs sum to the route's time, and each leg's parts to the leg's time", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const network = randomNetwork(seed);
        const model = buildModel(network);
        let routes = 0;
        for (const scenario of SCENARIOS) {
          for (const filter of FILTERS) {
            for (const o of network.places) {
              for (const d of network.places) {
                const route = findRoute(model, o.id, d.id, { scenario, ...filter });
                if (route.status !== "ok") continue;
                routes++;
                expect(route.legs.reduce((s, l) => s + l.timeMin, 0)).toBeCloseTo(route.timeMin!, 9);
                for (const l of route.legs) {
                  expect(l.waitMin + l.transferMin + l.inVehicleMin + l.accessMin + l.egressMin).toBeCloseTo(l.timeMin, 9);
                }
              }
            }
          }
        }
        // The road spanning tree makes every network routable door to door, so the test never passes empty.
        expect(routes).toBeGreaterThan(0);
      }),
      { ...RUNS, numRuns: 15 },
    );
  });
});
