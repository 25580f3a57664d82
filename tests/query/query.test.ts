/**
 * The query layer: answers independent of call order, methods that agree with each other, the
 * station rules, and `findRoute` as a thin wrapper.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel, findRoute, Query, type Measure, type ModeFilter, type QueryOptions } from "../../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { stationsOf } from "../../src/query/index.js";
import { randomNetwork } from "../fixtures/model/random.js";
import { runs } from "../util/property.js";

const network = loadNetworkSync(embeddedNetworkPath());
const model = buildModel(network);
const SCENARIOS = network.scenarios.map((s) => s.id);
const PLACES = network.places.filter((p) => p.kind !== "node").map((p) => p.id);
const MEASURES: Measure[] = ["door-to-door", "station-to-station"];
const MODES: ModeFilter[] = ["multimodal", "rail", "road"];

/** One call of a Query, as data, so that a sequence of calls can be replayed in any order. */
type Call =
  | { kind: "route"; from: string; to: string; options: QueryOptions }
  | { kind: "routes"; from: string; to: string[]; options: QueryOptions }
  | { kind: "placeTimes"; from: string[]; options: QueryOptions }
  | { kind: "placeMatrix"; from: string[]; to: string[]; options: QueryOptions };

const place = fc.constantFrom(...PLACES);
const options: fc.Arbitrary<QueryOptions> = fc.record({
  selection: fc.oneof(
    fc.constantFrom(...SCENARIOS),
    fc.subarray(network.projects.map((p) => p.id)).map((projects) => ({ projects })),
  ),
  measure: fc.constantFrom(...MEASURES),
  modes: fc.constantFrom(...MODES),
  reading: fc.constantFrom("typical" as const, "scheduled" as const),
  quantities: fc.option(
    fc.constantFrom<Record<string, number>>({ "/parameters/congestionFactor": 1.2 }, { "/parameters/accessCarSpeedKmh": 40 }),
    { nil: undefined },
  ),
}).map((o) => (o.quantities === undefined ? { selection: o.selection, measure: o.measure, modes: o.modes, reading: o.reading } : o));
const call: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ kind: fc.constant("route" as const), from: place, to: place, options }),
  fc.record({ kind: fc.constant("routes" as const), from: place, to: fc.array(place, { minLength: 1, maxLength: 4 }), options }),
  fc.record({ kind: fc.constant("placeTimes" as const), from: fc.array(place, { minLength: 1, maxLength: 3 }), options }),
  fc.record({
    kind: fc.constant("placeMatrix" as const),
    from: fc.array(place, { minLength: 1, maxLength: 3 }),
    to: fc.array(place, { minLength: 1, maxLength: 3 }),
    options,
  }),
);

function answer(q: Query, c: Call): unknown {
  switch (c.kind) {
    case "route":
      return q.route(c.from, c.to, c.options);
    case "routes":
      return q.routes(c.from, c.to, c.options);
    case "placeTimes":
      return [...q.placeTimes(c.from, c.options)];
    case "placeMatrix":
      return [...q.placeMatrix(c.from, c.to, c.options).secs];
  }
}

describe("Query(model): answers never depend on the order of calls", () => {
  it("a shuffled sequence of calls on one Query gives each call the answer of a fresh Query", () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 2, maxLength: 8 }).chain((calls) => fc.tuple(fc.constant(calls), fc.shuffledSubarray(calls, { minLength: calls.length }))), ([calls, shuffled]) => {
        const shared = new Query(model);
        const inOrder = calls.map((c) => answer(shared, c));
        const other = new Query(model);
        const reordered = new Map(shuffled.map((c) => [c, answer(other, c)]));
        calls.forEach((c, i) => {
          expect(inOrder[i]).toEqual(answer(new Query(model), c));
          expect(reordered.get(c)).toEqual(inOrder[i]);
        });
      }),
      runs(30),
    );
  });
});

describe("Query methods agree with each other", () => {
  it("placeTimes, placeMatrix and routes give the same times for every origin, scenario and measure", () => {
    const q = new Query(model);
    const ends = network.places.filter((p) => p.kind === "city").map((p) => p.id);
    for (const selection of SCENARIOS) {
      for (const measure of MEASURES) {
        const opts = { selection, measure };
        const m = q.placeMatrix(ends, ends, opts);
        ends.forEach((o, i) => {
          const all = q.placeTimes(o, opts);
          const routes = q.routes(o, ends, { ...opts, legs: false });
          ends.forEach((d, j) => {
            const fromMatrix = m.secs[i * ends.length + j]!;
            if (o === d) {
              expect(fromMatrix).toBe(0);
              return;
            }
            expect(fromMatrix).toBe(all[model.placeIndex(d)]);
            const r = routes[j]!;
            expect(r.timeMin === null ? Infinity : r.timeMin * 60).toBeCloseTo(fromMatrix, 6);
          });
        });
      }
    }
  });

  it("the legs of a route sum to its time, and routes without legs have the same times", () => {
    const q = new Query(model);
    for (const selection of SCENARIOS) {
      for (const measure of MEASURES) {
        const withLegs = q.routes("QJ_CITY", PLACES, { selection, measure });
        const without = q.routes("QJ_CITY", PLACES, { selection, measure, legs: false });
        withLegs.forEach((r, i) => {
          expect(without[i]!.status).toBe(r.status);
          expect(without[i]!.timeMin).toBe(r.timeMin);
          expect(without[i]!.toStation).toBe(r.toStation);
          if (r.status === "ok") expect(r.legs.reduce((s, l) => s + l.timeMin, 0)).toBeCloseTo(r.timeMin!, 6);
        });
      }
    }
  });
});

describe("station-to-station rules (query/stations)", () => {
  const q = new Query(model);
  it("no-station when a place has no station; same-station (0 min) when they share one; the matrix says the same", () => {
    const noStation = network.places.filter((p) => stationsOf(model, p.id).length === 0).map((p) => p.id);
    expect(noStation.length).toBeGreaterThan(0);
    const r = q.route(noStation[0]!, "QJ_CITY", { selection: "plan-2025", measure: "station-to-station" });
    expect(r).toEqual({ status: "no-station", from: noStation[0], to: "QJ_CITY", timeMin: null, legs: [], reading: "scheduled" });
    const m = q.placeMatrix([noStation[0]!], ["QJ_CITY"], { selection: "plan-2025", measure: "station-to-station" });
    expect(m.secs[0]).toBe(Infinity);
    // 綦江城区 lists 綦江站 among its stations.
    const same = q.route("QJ_CITY", "QJ_STN", { selection: "plan-2025", measure: "station-to-station" });
    expect(same).toMatchObject({ status: "same-station", timeMin: 0, fromStation: "QJ_STN", toStation: "QJ_STN" });
    expect(q.placeMatrix(["QJ_CITY"], ["QJ_STN"], { selection: "plan-2025", measure: "station-to-station" }).secs[0]).toBe(0);
  });

  it("stationsOf(place): the listed stations, else the place itself when it is a station or a stop", () => {
    for (const p of network.places) {
      const s = stationsOf(model, p.id);
      if (p.stations?.length) expect(s).toEqual(p.stations);
      else if (p.kind === "station" || model.isStop(p.id)) expect(s).toEqual([p.id]);
      else expect(s).toEqual([]);
    }
  });
});

describe("findRoute(model, from, to, options) is Query.route", () => {
  it("gives exactly the Query's answer (the calibration call of issue 10 included)", () => {
    const q = new Query(model);
    for (const [from, to] of [["QJ_CITY", "CQ_CBD"], ["QJ_STN", "CQ_WEST"], ["WS_CITY", "GUIYANG"]] as const) {
      expect(findRoute(model, from, to, { scenario: "current", measure: "station-to-station", modes: "rail" })).toEqual(
        q.route(from, to, { selection: "current", measure: "station-to-station", modes: "rail" }),
      );
      expect(findRoute(model, from, to)).toEqual(q.route(from, to, { selection: network.scenarios[0]!.id }));
    }
  });

  it("on random networks, a Query shared across networks' calls agrees with findRoute for every pair", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const net = randomNetwork(seed);
        const m = buildModel(net);
        const q = new Query(m);
        const ids = net.places.map((p) => p.id);
        for (const measure of MEASURES) {
          const routes = q.routes(ids[0]!, ids, { selection: net.scenarios[0]!.id, measure });
          ids.forEach((d, j) => expect(routes[j]).toEqual(findRoute(m, ids[0]!, d, { measure })));
        }
      }),
      runs(15),
    );
  });
});
