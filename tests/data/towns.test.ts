/**
 * networks/qijiang-wansheng/towns.json against its source, read here with its own parser (node:zlib
 * and string splitting, independent of scripts/data/towns.ts), plus checks that need only the
 * committed file. The source checks skip without ../shared.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { NETWORK_DIR, SHARED_DIR } from "./network-folder.js";

const CSV = path.join(SHARED_DIR, "data/china-population-2020/county_town_pop.csv.gz");
const haveShared = existsSync(CSV);
if (!haveShared) console.warn(`skipping the towns-vs-source checks: ${CSV} not found (fresh clone without ../shared)`);

type Row = [string, string, number, number, number | null, boolean, string | null, string | null];
const file = JSON.parse(readFileSync(path.join(NETWORK_DIR, "towns.json"), "utf8")) as {
  towns: { rows: Row[]; counties: { rows: [string, string, number][] }; note: string; source: string };
};
const rows = file.towns.rows;
const counties = new Map(file.towns.counties.rows.map((c) => [c[0], c]));
const places = (JSON.parse(readFileSync(path.join(NETWORK_DIR, "places.json"), "utf8")) as { places: { coord: [number, number] }[] }).places;

/** Haversine, km, written out here so the check does not share code with the builder. */
function km(a: readonly number[], b: readonly number[]): number {
  const r = Math.PI / 180;
  const s = Math.sin(((b[1]! - a[1]!) * r) / 2) ** 2 + Math.cos(a[1]! * r) * Math.cos(b[1]! * r) * Math.sin(((b[0]! - a[0]!) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(s));
}

describe("networks/qijiang-wansheng/towns.json", () => {
  it("cites both licences and marks every town population as an estimate", () => {
    expect(file.towns.source).toMatch(/MIT/);
    expect(file.towns.source).toMatch(/CC BY 4\.0/);
    expect(file.towns.note).toMatch(/ESTIMATE/);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.every((r) => r[5] === true && typeof r[4] === "number" && r[4] >= 0)).toBe(true);
  });

  it("綦江区 (with 万盛) holds its 2020 census count, split over its 28 towns", () => {
    const qj = rows.filter((r) => r[6] === "500110");
    expect(qj).toHaveLength(28);
    expect(counties.get("500110")![2]).toBe(1011334);
    const sum = qj.reduce((s, r) => s + r[4]!, 0);
    expect(Math.abs(sum - 1011334)).toBeLessThanOrEqual(28);
    expect(qj.map((r) => r[1])).toEqual(expect.arrayContaining(["古南街道", "万盛街道", "南桐镇", "永城镇"]));
  });

  it("no county's estimated towns add up to more than its census count", () => {
    const sums = new Map<string, { persons: number; towns: number }>();
    for (const r of rows) {
      const s = sums.get(r[6]!) ?? { persons: 0, towns: 0 };
      sums.set(r[6]!, { persons: s.persons + r[4]!, towns: s.towns + 1 });
    }
    for (const [county, s] of sums) expect(s.persons, county).toBeLessThanOrEqual(counties.get(county)![2] + s.towns);
  });
});

describe.skipIf(!haveShared)("towns.json against china-population-2020", () => {
  const source = haveShared
    ? gunzipSync(readFileSync(CSV))
        .toString("utf8")
        .split("\n")
        .slice(1)
        .filter((l) => l.trim() !== "")
        .map((l) => l.replace(/\r$/, "").split(","))
    : [];
  const sourceTowns = source.filter((f) => f[0] === "town_est");
  const sourceCounties = new Map(source.filter((f) => f[0] === "county").map((f) => [f[1]!, f]));

  it("every town and every county figure is the source's, at the source's coordinates", () => {
    const byId = new Map(rows.map((r) => [r[0], r]));
    let checked = 0;
    const wrong: string[] = [];
    for (const f of sourceTowns) {
      const r = byId.get(f[1]!.slice(0, 9));
      if (!r) continue;
      const same = r[2] === Number(f[5]) && r[3] === Number(f[6]) && r[4] === Number(f[7]) && r[6] === f[1]!.slice(0, 6);
      if (!same || !f[2]!.startsWith(r[1])) wrong.push(`${r.join(",")} vs ${f.slice(0, 8).join(",")}`);
      checked++;
    }
    expect(wrong).toEqual([]);
    for (const [id, name, pop] of counties.values()) expect([name, pop]).toEqual([sourceCounties.get(id)![2], Number(sourceCounties.get(id)![7])]);
    // The rest are county-centre rows for counties without towns in the source.
    const countyRows = rows.filter((r) => r[0].length === 6);
    expect(checked + countyRows.length).toBe(rows.length);
    for (const r of countyRows) {
      expect(sourceTowns.some((f) => f[1]!.startsWith(r[0]))).toBe(false);
      expect([r[2], r[3], r[4]]).toEqual([Number(sourceCounties.get(r[0])![5]), Number(sourceCounties.get(r[0])![6]), Number(sourceCounties.get(r[0])![7])]);
    }
  });

  it("the study area is exactly the towns within 300 km of a place of the network", () => {
    const inside = sourceTowns.filter((f) => places.some((p) => km(p.coord, [Number(f[5]), Number(f[6])]) <= 300));
    expect(rows.filter((r) => r[0].length === 9).map((r) => r[0]).sort()).toEqual(inside.map((f) => f[1]!.slice(0, 9)).sort());
  });
});
