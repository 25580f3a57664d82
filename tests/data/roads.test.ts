/**
 * The road data of the embedded network: every length has provenance and respects geometry, the
 * regional circuity agrees with the sourced sections it was measured on, and the model's door-to-door
 * road times stay within ±20 % of the published drive times for at least 80 % of the road
 * calibration rows (scripts/data/tables/calibration-road.ts).
 */
import { describe, expect, it } from "vitest";
import { buildModel, findRoute, type Network } from "../../src/index.js";
import { greatCircleKm } from "../../src/model/index.js";
import { loadNetworkSync } from "../../src/node.js";
import { CALIBRATION_ROAD } from "../../scripts/data/tables/calibration-road.js";
import { CIRCUITY, CIRCUITY_EVIDENCE } from "../../scripts/data/tables/roads.js";
import { NETWORK_DIR } from "./network-folder.js";

const ROAD = new Set(["expressway", "road", "urban-road"]);
const net: Network = loadNetworkSync(NETWORK_DIR);
const coordOf = new Map(net.places.map((p) => [p.id, p.coord as [number, number]]));
const gc = (a: string, b: string): number => greatCircleKm(coordOf.get(a)!, coordOf.get(b)!);
/** Lengths are rounded to 0.1 km in the data. */
const ROUNDING_KM = 0.05;

describe("road links of networks/qijiang-wansheng", () => {
  const roads = net.links.filter((l) => ROAD.has(l.mode));

  it("exist (the checks below are not vacuous)", () => {
    expect(roads.length).toBeGreaterThan(50);
  });

  it("every road link's length is sourced, or an assumption whose range holds its value", () => {
    const bad = roads
      .filter((l) => {
        const q = l.lengthKm;
        if (q === undefined) return true;
        if (q.source !== undefined) return q.assumption !== undefined;
        const r = q.assumption?.range;
        return r === undefined || !(r[0] <= q.value && q.value <= r[1]);
      })
      .map((l) => l.id);
    expect(bad).toEqual([]);
  });

  it("no road link (nor the low end of its range) is shorter than the great-circle distance between its places", () => {
    const bad: string[] = [];
    for (const l of roads) {
      const d = gc(l.from, l.to);
      const q = l.lengthKm!;
      if (q.value < d - ROUNDING_KM) bad.push(`${l.id}: ${q.value} km < great-circle ${d.toFixed(2)} km`);
      const low = q.assumption?.range[0];
      if (low !== undefined && low < d - ROUNDING_KM) bad.push(`${l.id}: range starts at ${low} km < great-circle ${d.toFixed(2)} km`);
    }
    expect(bad).toEqual([]);
  });

  it("sections split from a sourced total add up to it (渝黔复线 99.9 km, 绕城 187.96 km)", () => {
    const sum = (prefix: string): number =>
      net.links.filter((l) => l.id.startsWith(prefix)).reduce((s, l) => s + l.lengthKm!.value, 0);
    expect(sum("R_YUQIAN2_")).toBeCloseTo(99.9, 0);
    expect(sum("R_RING_")).toBeCloseTo(187.96, 0);
  });

  it("the regional expressway circuity is where its evidence puts it", () => {
    const ratios = CIRCUITY_EVIDENCE.map((e) => e.km / gc(e.from, e.to)).sort((a, b) => a - b);
    const median = (ratios[(ratios.length - 1) >> 1]! + ratios[ratios.length >> 1]!) / 2;
    const { mode, range } = CIRCUITY.expressway;
    expect(ratios.length).toBeGreaterThanOrEqual(5);
    expect(range[0]).toBeLessThanOrEqual(ratios[0]!);
    expect(range[1]).toBeGreaterThanOrEqual(ratios[ratios.length - 1]!);
    expect(Math.abs(mode - median)).toBeLessThanOrEqual(0.02);
  });

  it("the network's road parameters override the library defaults with their regional values", () => {
    const p = net.parameters as Record<string, Record<string, { value: number }>>;
    expect(p.commercialSpeedFactor?.expressway?.value).toBeGreaterThan(0);
    expect(p.commercialSpeedFactor?.["urban-road"]?.value).toBeGreaterThan(0);
    expect(p.circuityFactor?.road?.value).toBe(CIRCUITY.expressway.mode);
  });
});

/** The scenario a calibration row is compared in: its network state by date (see calibration-road.ts). */
function scenarioOf(asOf: string): string {
  return Number(asOf.slice(0, 4)) <= 2020 ? "baseline-2020" : "current";
}

describe("road calibration set", () => {
  it("has at least 15 rows with unique ids, known places, road mode and real dates", () => {
    expect(CALIBRATION_ROAD.length).toBeGreaterThanOrEqual(15);
    const ids = CALIBRATION_ROAD.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CALIBRATION_ROAD) {
      expect(coordOf.has(r.from) && coordOf.has(r.to), r.id).toBe(true);
      expect(r.mode, r.id).toBe("road");
      expect(r.minutes, r.id).toBeGreaterThan(0);
      expect(new Date(`${r.asOf}T00:00:00Z`).toISOString().slice(0, 10), r.id).toBe(r.asOf);
      expect(r.source.length, r.id).toBeGreaterThan(20);
    }
  });

  it("≥ 80 % of the rows are within ±20 % of the model's door-to-door road-only time", () => {
    const model = buildModel(net);
    const rows = CALIBRATION_ROAD.map((r) => {
      const route = findRoute(model, r.from, r.to, { scenario: scenarioOf(r.asOf), measure: "door-to-door", modes: "road" });
      expect(route.status, r.id).toBe("ok");
      return { id: r.id, ratio: route.timeMin! / r.minutes };
    });
    const within = rows.filter((x) => Math.abs(x.ratio - 1) <= 0.2);
    expect(within.length / rows.length, JSON.stringify(rows.filter((x) => !within.includes(x)))).toBeGreaterThanOrEqual(0.8);
  });
});
