/**
 * The land inside a triangle of local roads wider than the capped off-network leg is reached from
 * its roads: no hole in the band at its centre (a hole there showed as a speckle in every scenario
 * comparison), timed as the best road point plus an uncapped off-network leg.
 */
import { describe, expect, it } from "vitest";
import { buildModel, haversineKm, modelPolygonIsochrone, type LonLat } from "../../src/index.js";
import { pointInMultiPolygon } from "../../src/isochrone/index.js";
import { loadNetworkSync } from "../../src/node.js";

const KM = 111.195;
const O: LonLat = [106.5, 29.5];
const at = (eastKm: number, northKm: number): LonLat => [O[0] + eastKm / (KM * Math.cos((O[1] * Math.PI) / 180)), O[1] + northKm / KM];
/** An equilateral triangle of towns with 26 km sides (inradius 7.5 km: twice the 20-minute leg's 3.8 km). */
const TOWNS: LonLat[] = [at(0, 0), at(26, 0), at(13, 22.5)];

function network() {
  const src = { source: "fixture" };
  return loadNetworkSync({
    schema: "qiwan-network",
    version: 1,
    id: "triangle",
    name: { zh: "三角", en: "Triangle" },
    asOf: "2024-06-30",
    sources: [{ id: "fixture", citation: "Invented for tests." }],
    places: [{ id: "P", name: { zh: "甲", en: "P" }, kind: "city", coord: TOWNS[0]!, source: "fixture" }],
    links: [],
    projects: [],
    scenarios: [{ id: "s", name: { zh: "现状", en: "Now" }, year: 2024 }],
    towns: {
      source: "hand-made",
      terrain: { flat: { description: "flat", speedKmh: { value: 60, ...src }, detourFactor: { value: 1, ...src } } },
      columns: ["id", "name", "lon", "lat", "population", "populationEstimated", "county", "terrain"],
      rows: TOWNS.map((c, i) => [`T${i}`, `T${i}`, c[0], c[1], 100, false, null, "flat"]),
    },
  });
}

describe("bands over a triangle of local roads", () => {
  const model = buildModel(network());
  const centre: LonLat = at(13, 7.5);

  it("cover its centre, 7.5 km from every road, once the uncapped leg brings it within the cutoff", () => {
    // Roads at 60 km/h from P (town T0): the nearest road points to the centre are the feet of the
    // perpendiculars, about 13 min away (13 km along the base), then 7.5 km off-network at
    // 15 km/h / 1.3 circuity = 39 min: about 52 min. The capped 20-minute leg alone never gets there.
    const iso = modelPolygonIsochrone(model, { origins: "P", scenario: "s", cutoffsMin: [45, 60, 90] }, { cellSizeM: 250 });
    const band = (m: number) => iso.collection.features.find((f) => f.properties.cutoffMin === m)!.geometry.coordinates;
    expect(pointInMultiPolygon(centre, band(60))).toBe(true);
    expect(pointInMultiPolygon(centre, band(90))).toBe(true);
    expect(pointInMultiPolygon(centre, band(45))).toBe(false);
    // The surface at the centre: no faster than the straight leg from the base's midpoint.
    const g = iso.surface.grid;
    const k = Math.round((g.north - centre[1]) / g.dLat) * g.width + Math.round((centre[0] - g.west) / g.dLon);
    const legMin = (haversineKm(at(13, 0), centre) * 1.3 * 60) / 15;
    expect(iso.surface.timesSecs[k]! / 60).toBeGreaterThan(13 + legMin - 3);
    expect(iso.surface.timesSecs[k]! / 60).toBeLessThan(13 + legMin + 3);
  });

  it("every town is still inside each band its time meets", () => {
    const iso = modelPolygonIsochrone(model, { origins: "P", scenario: "s", cutoffsMin: [20, 30, 60] }, { cellSizeM: 250 });
    for (const f of iso.collection.features) {
      TOWNS.forEach((c, i) => {
        if (iso.times.townTimesSecs![i]! <= f.properties.cutoffMin * 60) expect(pointInMultiPolygon(c, f.geometry.coordinates)).toBe(true);
      });
    }
  });
});
