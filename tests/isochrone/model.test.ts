import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { stationsOf } from "../../src/query/index.js";
import { type TravelTimeModel, IsochroneError, buildModel, modelIsochroneDifference, modelNodeIsochrone, modelPolygonIsochrone } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { embeddedNetworkPath } from "../../src/node.js";
import { gridCellCentre, isochroneDifference, multiPolygonAreaKm2, placeTimes, pointInMultiPolygon, surfaceNodes } from "../../src/isochrone/index.js";
import type { LonLat, Network } from "../../src/index.js";
import { rfc7946Problems } from "./helpers.js";
import { runs } from "../util/property.js";

let network: Network;
let model: TravelTimeModel;
beforeAll(async () => {
  network = await loadNetwork(embeddedNetworkPath());
  model = buildModel(network);
});

/** Bellman–Ford over the model's graph with the scenario's edge costs: an independent oracle. */
function oracleTimes(origins: { placeId: string; startSecs: number }[], scenario: string, horizonSecs: number): Map<string, number> {
  const costs = model.costsFor({ scenario });
  const dist = new Float64Array(model.nodeCount).fill(Infinity);
  for (const o of origins) dist[model.originNode(o.placeId)] = Math.min(dist[model.originNode(o.placeId)]!, o.startSecs);
  const edges: [number, number, number][] = [];
  model.graph.forEachEdge((_e, attrs, source, target) => {
    edges.push([model.nodeIndex.get(source)!, model.nodeIndex.get(target)!, costs[attrs.index]!]);
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const [u, v, c] of edges) {
      if (dist[u]! + c < dist[v]!) {
        dist[v] = dist[u]! + c;
        changed = true;
      }
    }
  }
  return new Map(network.places.map((p) => {
    const t = dist[model.destinationNode(p.id)]!;
    return [p.id, t <= horizonSecs ? t : Infinity];
  }));
}

describe("placeTimes(model, request, horizonSecs) on the embedded network", () => {
  it("agrees with a Bellman–Ford oracle, one origin and two origins with a start offset", () => {
    for (const origins of [[{ placeId: "QJ_CITY", startSecs: 0 }], [{ placeId: "QJ_CITY", startSecs: 0 }, { placeId: "WS_CITY", startSecs: 600 }]]) {
      for (const scenario of ["baseline-2020", "plan-2025"]) {
        // The oracle runs on the model's costs as computed: the typical reading.
        const got = placeTimes(model, { origins, scenario, reading: "typical" }, 8 * 3600);
        const want = oracleTimes(origins, scenario, 8 * 3600);
        network.places.forEach((p, k) => {
          const w = want.get(p.id)!;
          if (Number.isFinite(w)) expect(got.timesSecs[k]).toBeCloseTo(w, 6);
          else expect(got.timesSecs[k]).toBe(Infinity);
        });
      }
    }
  });

  it("rejects an unknown origin with a did-you-mean, and a station-to-station origin without a station", () => {
    expect(() => placeTimes(model, { origins: "QJ_CITYY", scenario: "plan-2025" }, 3600)).toThrow(/did you mean "QJ_CITY"/);
    const noStation = network.places.find((p) => stationsOf(model, p.id).length === 0);
    expect(noStation, "the fixture needs a place without a station").toBeDefined();
    expect(() => placeTimes(model, { origins: noStation!.id, scenario: "plan-2025", measure: "station-to-station" }, 3600)).toThrow(IsochroneError);
    expect(() => placeTimes(model, { origins: [], scenario: "plan-2025" }, 3600)).toThrow(IsochroneError);
  });
});

describe("modelNodeIsochrone(model, request)", () => {
  it("8-hour cutoffs: bands nest and every reached time is within its cutoff", () => {
    for (const measure of ["door-to-door", "station-to-station"] as const) {
      const bands = modelNodeIsochrone(model, { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [480, 30, 120], measure });
      expect(bands.map((b) => b.cutoffMin)).toEqual([30, 120, 480]);
      for (const b of bands) for (const r of b.reached) expect(r.timeSecs).toBeLessThanOrEqual(b.cutoffMin * 60);
      expect(bands[0]!.reached.length).toBeLessThanOrEqual(bands[1]!.reached.length);
      expect(bands[1]!.reached.length).toBeLessThanOrEqual(bands[2]!.reached.length);
      expect(bands[2]!.reached.length).toBeGreaterThan(bands[0]!.reached.length);
    }
  });
});

describe("modelPolygonIsochrone(model, request) on the embedded network", () => {
  it("valid RFC 7946 bands; every reached grid sample inside, others outside; bands nest by sampling", () => {
    const { collection, surface } = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [30, 60] });
    collection.features.forEach((f, k) => expect(rfc7946Problems(f, `features[${k}]`)).toEqual([]));
    const [f60, f30] = collection.features;
    expect(f30!.properties.cutoffMin).toBe(30);
    expect(f30!.properties.scenario).toBe("plan-2025");
    const g = surface.grid;
    const rng = fc.sample(fc.tuple(fc.integer({ min: 0, max: g.width - 1 }), fc.integer({ min: 0, max: g.height - 1 })), { seed: 3, numRuns: 1500 });
    for (const [i, j] of rng) {
      const t = surface.timesSecs[i + j * g.width]!;
      const p = gridCellCentre(g, i, j);
      expect(pointInMultiPolygon(p, f30!.geometry.coordinates)).toBe(t <= 1800);
      expect(pointInMultiPolygon(p, f60!.geometry.coordinates)).toBe(t <= 3600);
    }
    // Containment of every grid sample of the 30-min band in the 60-min band.
    for (let k = 0; k < surface.timesSecs.length; k++) {
      if (surface.timesSecs[k]! <= 1800) {
        expect(pointInMultiPolygon(gridCellCentre(g, k % g.width, Math.floor(k / g.width)), f60!.geometry.coordinates)).toBe(true);
      }
    }
  });

  it("station-to-station: bands carry the measure and are drawn from the places reached (each at its best station's time)", () => {
    const r = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [60], measure: "station-to-station" });
    expect(r.collection.features[0]!.properties).toMatchObject({ measure: "station-to-station", cutoffMin: 60 });
    expect(rfc7946Problems(r.collection.features[0])).toEqual([]);
    const nodes = surfaceNodes(model, r.times);
    expect(nodes.length).toBe([...r.times.timesSecs].filter((t) => t < Infinity).length);
    expect(r.times.townTimesSecs).toBeUndefined();
  });

  // Issue 14: `qiwan isochrone --format json` listed a place reached in 45.5 min (station-to-station)
  // that the 60- and 120-minute polygons did not contain. One search gives both; this checks every node.
  it.each(["door-to-door", "station-to-station"] as const)("%s: every place and town whose time is within a cutoff lies inside that band", (measure) => {
    const cutoffsMin = [30, 60, 120];
    const r = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "current", cutoffsMin, measure });
    const nodes: { id: string; coord: LonLat; secs: number }[] = [
      ...network.places.map((p, k) => ({ id: p.id, coord: p.coord, secs: r.times.timesSecs[k]! })),
      ...(network.towns?.list ?? []).map((t, i) => ({ id: `town ${t.id}`, coord: t.coord, secs: r.times.townTimesSecs?.[i] ?? Infinity })),
    ];
    let inside = 0;
    for (const f of r.collection.features) {
      for (const n of nodes) {
        if (!(n.secs <= f.properties.cutoffMin * 60)) continue;
        inside++;
        if (!pointInMultiPolygon(n.coord, f.geometry.coordinates)) expect.fail(`${n.id} (${(n.secs / 60).toFixed(1)} min) is outside the ${f.properties.cutoffMin}-min band`);
      }
    }
    expect(inside).toBeGreaterThan(cutoffsMin.length);
  });

  it("an empty scenario change (the same project set given explicitly) gives byte-identical GeoJSON", () => {
    const props = { properties: { scenario: "same" } };
    const a = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [30, 60] }, props);
    const b = modelPolygonIsochrone(
      model,
      { origins: "QJ_CITY", scenario: { projects: [...model.scenarioProjects("plan-2025")] }, cutoffsMin: [30, 60] },
      props,
    );
    expect(JSON.stringify(b.collection)).toBe(JSON.stringify(a.collection));
  });

  it("a faster link (higher speedKmh) never slows a place and never shrinks a band", () => {
    // Link speeds the model's costs actually read (rail speeds behind timetabled runs are not).
    const fast = model.quantities().flatMap((q) => {
      const m = /^\/links\/(\d+)\/speedKmh$/.exec(q.pointer);
      return m ? [Number(m[1])] : [];
    });
    expect(fast.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...fast), fc.double({ min: 1, max: 3, noNaN: true }), (i, factor) => {
        const quantities = { [`/links/${i}/speedKmh`]: network.links[i]!.speedKmh!.value * factor };
        const request = { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [30, 60] };
        const before = placeTimes(model, request, 3600);
        const after = placeTimes(model, { ...request, quantities }, 3600);
        before.timesSecs.forEach((t, k) => expect(after.timesSecs[k]!).toBeLessThanOrEqual(t + 1e-6));
        const d = isochroneDifference(surfaceNodes(model, before), surfaceNodes(model, after), [30, 60]);
        for (const f of d.lost.features) expect(f.geometry.coordinates).toEqual([]);
        d.a.collection.features.forEach((fa, k) => {
          expect(d.b.collection.features[k]!.properties.areaKm2).toBeGreaterThanOrEqual(fa.properties.areaKm2 - 1e-9);
        });
      }),
      runs(8),
    );
  });

  // Found by the property above (seeds 5, 6 and 2044404310 before band edges took the most headroom
  // of the covering disks): a faster access road to 綦江站 shrank the 60-minute band by ~0.02 km².
  it("A_QJ_STN × 2.41 does not shrink the 60-minute band from QJ_CITY (plan-2025)", () => {
    const i = network.links.findIndex((l) => l.id === "A_QJ_STN");
    const quantities = { [`/links/${i}/speedKmh`]: network.links[i]!.speedKmh!.value * 2.40878606316974 };
    const request = { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [30, 60], reading: "typical" as const };
    const d = isochroneDifference(surfaceNodes(model, placeTimes(model, request, 3600)), surfaceNodes(model, placeTimes(model, { ...request, quantities }, 3600)), [30, 60]);
    d.a.collection.features.forEach((fa, k) => {
      expect(d.b.collection.features[k]!.properties.areaKm2).toBeGreaterThanOrEqual(fa.properties.areaKm2 - 1e-9);
    });
  });

  it("modelIsochroneDifference: gained areas are labelled with both scenarios and lie in B's band", () => {
    const d = modelIsochroneDifference(model, { origins: "QJ_CITY", scenarioA: "baseline-2020", scenarioB: "plan-2025", cutoffsMin: [60] }, { cellSizeM: 1000 });
    const gained = d.gained.features[0]!;
    expect(gained.properties).toMatchObject({ change: "gained", scenario: "plan-2025", baseline: "baseline-2020", cutoffMin: 60 });
    expect(gained.properties.areaKm2).toBeGreaterThan(0);
    // Grid samples: within 60 min in B and not in A ⇔ inside the gained area (and then inside B's band).
    const g = d.b.surface.grid;
    const bBand = d.b.collection.features[0]!.geometry.coordinates;
    let insideGained = 0;
    for (let k = 0; k < g.width * g.height; k++) {
      const p = gridCellCentre(g, k % g.width, Math.floor(k / g.width));
      const newlyWithin = d.b.surface.timesSecs[k]! <= 3600 && !(d.a.surface.timesSecs[k]! <= 3600);
      expect(pointInMultiPolygon(p, gained.geometry.coordinates), `sample ${k}`).toBe(newlyWithin);
      if (newlyWithin) {
        insideGained++;
        expect(pointInMultiPolygon(p, bBand)).toBe(true);
      }
    }
    expect(insideGained).toBeGreaterThan(0);
  });
});

// Issue 11's done-when numbers, on the embedded network with its towns.
describe("door-to-door bands from QJ_CITY in current (issue 11)", () => {
  it("grow strictly from 30 min to 6 h; the 2-hour band is one piece (>= 90 % of its area) of >= 10,000 km²; 6 h >= 100,000 km²", () => {
    if (network.towns === undefined) return expect.fail("the embedded network has no towns section");
    const cutoffsMin = [30, 60, 120, 240, 360];
    const r = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "current", cutoffsMin });
    const byCutoff = new Map(r.collection.features.map((f) => [f.properties.cutoffMin, f]));
    const areas = cutoffsMin.map((c) => byCutoff.get(c)!.properties.areaKm2);
    for (let k = 1; k < areas.length; k++) expect(areas[k]!).toBeGreaterThan(areas[k - 1]!);
    expect(byCutoff.get(120)!.properties.areaKm2).toBeGreaterThanOrEqual(10_000);
    expect(byCutoff.get(360)!.properties.areaKm2).toBeGreaterThanOrEqual(100_000);
    // One piece where a car drives: the road-only band, and the typical reading's multimodal band (the
    // issue's reading when it was written). Under the scheduled reading (the default), trains reach
    // distant stations within 2 h with no first wait, and the areas around them are real islands
    // (about 10 % of that band's area), so that band is not held to one piece.
    const share = (options: { reading?: "typical"; modes?: "road" }) => {
      const two = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "current", cutoffsMin: [120], ...options }).collection.features[0]!;
      const largest = Math.max(...two.geometry.coordinates.map((polygon) => multiPolygonAreaKm2([polygon])));
      expect(two.properties.areaKm2).toBeGreaterThanOrEqual(10_000);
      return largest / two.properties.areaKm2;
    };
    expect(share({ modes: "road" })).toBeGreaterThanOrEqual(0.9);
    expect(share({ reading: "typical" })).toBeGreaterThanOrEqual(0.9);
  });
});

describe("populationCovered over a town mesh (issue 11 item 3)", () => {
  it("counts the residents of the towns within each cutoff (by brute force), flagged as estimates, and grows with the cutoff", () => {
    const towns = network.towns?.list;
    if (towns === undefined) return expect.fail("the embedded network has no towns section");
    const r = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario: "current", cutoffsMin: [30, 120] });
    const secs = r.times.townTimesSecs!;
    const pops = [...r.collection.features].reverse().map((f) => {
      let want = 0;
      let estimated = false;
      towns.forEach((t, i) => {
        if (secs[i]! <= f.properties.cutoffMin * 60 && t.population !== null) ((want += t.population), (estimated ||= t.populationEstimated));
      });
      expect(f.properties.populationCovered).toBe(want);
      expect(f.properties["populationEstimated"]).toBe(estimated);
      return want;
    });
    expect(pops[1]!).toBeGreaterThan(pops[0]!);
  });
});
