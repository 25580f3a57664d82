import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { raptor } from "../../src/index.js";
import { chinaRailTimetable, readChinaRail2023, stationRunTimes, type ChinaRail2023 } from "../../scripts/data/china-rail-2023.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dir = resolve(repoRoot, "../shared/data/china-rail-2023");
const present = existsSync(dir);
if (!present) console.warn(`china-rail-2023 tests skipped: ${dir} is absent (it lives in ../shared, outside the repository)`);

describe.skipIf(!present)("readChinaRail2023(dir) on the 2023 national data", () => {
  let data: ChinaRail2023;
  beforeAll(async () => {
    data = await readChinaRail2023(dir);
  });

  it("reads every train as an ordered stop list with one running time per segment", () => {
    expect(data.trains.length).toBe(10_484);
    expect(data.trains.reduce((s, t) => s + t.runMins.length, 0)).toBe(84_939);
    for (const t of data.trains) expect(t.runMins.length).toBe(t.stops.length - 1);
    const c101 = data.trains.find((t) => t.code === "C101")!;
    expect(c101.stops).toEqual(["佳木斯", "鹤立", "鹤岗"]);
    expect(c101.runMins).toEqual([25, 26]);
    expect(c101.trainNo).toBe("020000C10101");
  });

  it("aggregates trains with the same stop pattern; headway = service span / trains per day", () => {
    expect(data.patterns.reduce((s, p) => s + p.trainsPerDay, 0)).toBe(data.trains.length);
    for (const p of data.patterns) expect(p.headwayMin * p.trainsPerDay).toBeCloseTo(1020);
    for (const s of data.missingStations) expect(data.stations.has(s)).toBe(false);
    // Names padded with spaces in one file ("三  亚") are matched to the unpadded spelling.
    expect(data.missingStations.some((s) => /\s/.test(s))).toBe(false);
  });

  it("stationRunTimes(data, from, to) is the min/median over trains calling at both, running + 2 min per intermediate stop", () => {
    const r = stationRunTimes(data, "重庆西", "贵阳北")!;
    // Brute force over the raw trains as an oracle.
    const mins: number[] = [];
    for (const t of data.trains) {
      const j = t.stops.indexOf("贵阳北");
      const i = t.stops.indexOf("重庆西");
      if (i >= 0 && j > i) mins.push(t.runMins.slice(i, j).reduce((s, x) => s + x, 0) + 2 * (j - i - 1));
    }
    mins.sort((a, b) => a - b);
    expect(r.trainCount).toBe(mins.length);
    expect(r.minMin).toBe(mins[0]);
    expect(r.maxMin).toBe(mins[mins.length - 1]);
    expect(stationRunTimes(data, "贵阳北", "不存在的站")).toBeUndefined();
    const more = stationRunTimes(data, "重庆西", "贵阳北", { dwellMin: 8 })!;
    expect(more.medianMin).toBeGreaterThanOrEqual(r.medianMin);
  });

  it("chinaRailTimetable(data, {seed}) is reproducible and lets RAPTOR reach Guiyang from Chongqing", () => {
    const a = chinaRailTimetable(data, { seed: 7 });
    const b = chinaRailTimetable(data, { seed: 7 });
    expect(Array.from(a.departureSecs.subarray(0, 500))).toEqual(Array.from(b.departureSecs.subarray(0, 500)));
    for (let t = 0; t < a.tripCount; t++) {
      const d0 = a.departureSecs[a.tripTimeOffsets[t]!]!;
      expect(d0).toBeGreaterThanOrEqual(6 * 3600);
      expect(d0).toBeLessThanOrEqual(23 * 3600);
    }
    const res = raptor(a, { access: [{ stop: a.stopIndexById.get("重庆西")!, secs: 0 }], departureSecs: 6 * 3600, maxRides: 1 });
    const t = res.arrivalSecs(a.stopIndexById.get("贵阳北")!);
    expect(t).toBeLessThan(Infinity);
    expect(res.journey(a.stopIndexById.get("贵阳北")!)!.rides).toBe(1);
  });
});
