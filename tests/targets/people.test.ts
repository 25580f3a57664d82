/**
 * People share of a target's origin area: a network small enough to count by hand, an oracle over
 * `Query.townTimesTo` + `peopleShareWithin` on the embedded network, monotonicity in the threshold,
 * and when checkTargets computes it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildModel,
  checkTargets,
  haversineKm,
  peopleShareWithin,
  Query,
  renderPeopleTable,
  renderTargetsMarkdown,
  verdictOf,
  targetPeople,
  type Network,
  type Target,
  type TargetPeopleShare,
} from "../../src/index.js";
import { embeddedNetworkPath, loadNetwork, loadNetworkSync } from "../../src/node.js";
import { originAreaTowns } from "../../src/network/index.js";
import { peopleSentence } from "../../src/targets/index.js";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

const D: [number, number] = [106.5, 29.5];
/** Town centres `km` due north or east of D. */
const north = (km: number): [number, number] => [D[0], D[1] + km / 111.195];
const east = (km: number): [number, number] => [D[0] + km / (111.195 * Math.cos((D[1] * Math.PI) / 180)), D[1]];
const TOWNS: Array<[string, [number, number], number, boolean, string | null]> = [
  ["T1", north(5), 1000, false, "C1"],
  ["T2", east(10), 2000, true, "C1"],
  ["T3", north(-20), 3000, false, "C1"],
  ["T9", east(150), 9000, false, "C9"],
];

/**
 * One destination place D, three towns of county C1 at 5, 10 and 20 km from it (all three are D's
 * mesh anchors), a far town of another county, an origin place 300 km away. Local roads run at
 * 60 km/h with detour factor 1, so a town's time to D is its great-circle distance in km, in
 * minutes (the direct anchor road; any path through another town is longer).
 */
function handNetworkJson() {
  const src = { source: "fixture" };
  return {
    schema: "qiwan-network",
    version: 1,
    id: "people-hand",
    name: { zh: "人口", en: "People by hand" },
    asOf: "2024-06-30",
    sources: [{ id: "fixture", citation: "Invented for tests." }],
    places: [
      { id: "D", name: { zh: "终", en: "Dest" }, kind: "city", coord: D, source: "fixture" },
      { id: "O", name: { zh: "始", en: "Origin" }, kind: "city", coord: [D[0] + 3, D[1]], source: "fixture" },
    ],
    links: [],
    projects: [],
    scenarios: [{ id: "s", name: { zh: "现状", en: "Now" }, year: 2024 }],
    targets: [
      {
        id: "T_D",
        name: { zh: "到终", en: "To D" },
        planText: "到终",
        origins: ["O"],
        destinations: ["D"],
        thresholdMin: { value: 15, ...src },
        comparison: "<=",
        originArea: { counties: ["C1"] },
        rationale: "Fixture target.",
      },
    ],
    towns: {
      source: "hand-made",
      terrain: {
        flat: { description: "flat", speedKmh: { value: 60, ...src }, detourFactor: { value: 1, ...src } },
      },
      counties: { source: "test census", columns: ["id", "name", "population"], rows: [["C1", "County one", 6000], ["C9", "Far county", 9000]] },
      columns: ["id", "name", "lon", "lat", "population", "populationEstimated", "county", "terrain"],
      rows: TOWNS.map(([id, coord, pop, est, county]) => [id, id, coord[0], coord[1], pop, est, county, "flat"]),
    },
  };
}
const handNetwork = (): Network => loadNetworkSync(handNetworkJson());

const withThreshold = (t: Target, value: number): Target => ({ ...t, thresholdMin: { value, source: "test" } });

describe("targetPeople on a network counted by hand", () => {
  const network = handNetwork();
  const model = buildModel(network);
  const target = network.targetById.get("T_D")!;

  it("the towns' times are their distances in minutes (the premise of the hand count)", () => {
    const t = new Query(model).townTimesTo("D", { selection: "s" });
    TOWNS.slice(0, 3).forEach(([, coord], i) => expect(t[i]! / 60).toBeCloseTo(haversineKm(coord, D), 6));
  });

  it("counts the residents of the area's towns within the threshold", () => {
    // 5 and 10 km are within 15 min, 20 km is not: (1000 + 2000) / 6000; T2's figure is an estimate.
    const p = targetPeople(model, target, { selection: "s" }) as TargetPeopleShare;
    expect(p.kind).toBe("share");
    expect(p.area).toBe("County one");
    expect(p.share).toBe(0.5);
    expect(p.nearestShare).toBe(0.5);
    expect(p.total).toEqual({ population: 6000, estimatedPopulation: 2000, estimated: true, towns: 3, townsWithoutPopulation: 0 });
    expect(p.met).toEqual({ population: 3000, estimatedPopulation: 2000, estimated: true, towns: 2, townsWithoutPopulation: 0 });
    expect(p.estimated).toBe(true);
    expect(p.perDestination).toEqual([{ destination: "D", share: 0.5, met: p.met }]);
    const byThreshold = [4, 6, 11, 25].map((m) => (targetPeople(model, withThreshold(target, m), { selection: "s" }) as TargetPeopleShare).share);
    expect(byThreshold).toEqual([0, 1000 / 6000, 0.5, 1]);
    // With only counted towns inside (T1 alone, by a polygon around it), the share is not an estimate.
    const [lon, lat] = north(5);
    const ring: [number, number][] = [[lon - 0.01, lat - 0.01], [lon + 0.01, lat - 0.01], [lon + 0.01, lat + 0.01], [lon - 0.01, lat + 0.01]];
    const t1 = targetPeople(model, { ...target, originArea: { name: "T1 only", polygon: [ring] } }, { selection: "s" }) as TargetPeopleShare;
    expect([t1.area, t1.share, t1.estimated]).toEqual(["T1 only", 1, false]);
  });

  it("is n/a for station-to-station, and absent without an origin area", () => {
    expect(targetPeople(model, target, { selection: "s", measure: "station-to-station" })).toEqual({
      kind: "n/a",
      area: "County one",
      reason: "station-to-station trips start at a station, not at the residents' towns",
    });
    const { originArea: _, ...plain } = target;
    expect(targetPeople(model, plain as Target, { selection: "s" })).toBeUndefined();
  });

  it("checkTargets fills summary.people with routes or people: true, never on the routes-off path by default", () => {
    const find = (rs: ReturnType<typeof checkTargets>, m: string) => rs.find((r) => r.measure === m)!.summary.people;
    const withRoutes = checkTargets(network, { model });
    expect((find(withRoutes, "door-to-door") as TargetPeopleShare).share).toBe(0.5);
    expect(find(withRoutes, "station-to-station")?.kind).toBe("n/a");
    expect(find(checkTargets(network, { model, routes: false }), "door-to-door")).toBeUndefined();
    expect(find(checkTargets(network, { model, routes: false, people: true }), "door-to-door")).toEqual(find(withRoutes, "door-to-door"));
    expect(find(checkTargets(network, { model, people: false }), "door-to-door")).toBeUndefined();
  });
});

describe("people in the outputs", () => {
  const network = handNetwork();
  const results = checkTargets(network);

  it("a sentence per result, a table line per target, the Markdown report", () => {
    const door = results.find((r) => r.measure === "door-to-door")!.summary.people!;
    expect(peopleSentence(door)).toBe("people of County one within 15 min: 50 % (estimate)");
    const station = results.find((r) => r.measure === "station-to-station")!.summary.people!;
    expect(peopleSentence(station)).toBe("people of County one: n/a (station-to-station trips start at a station, not at the residents' towns)");
    const table = renderPeopleTable(verdictOf(results)).split("\n");
    expect(table[2]).toMatch(/^To D\s+County one\s+scheduled\s+50%\*$/);
    expect(table.filter((l) => l !== "")).toHaveLength(3);
    const md = renderTargetsMarkdown(network, results);
    expect(md).toContain("### People");
    expect(md).toContain("| To D `T_D` | County one | door-to-door | scheduled | 50%\\* |");
    expect(md).toContain("people of County one within 15 min: 50 % (estimate)");
  });

  it("qiwan check prints the people line and its JSON carries summary.people", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qiwan-people-"));
    const file = path.join(dir, "net.json");
    writeFileSync(file, JSON.stringify(handNetworkJson()));
    const io = memoryIo();
    expect(await run(["--network", file, "check"], io)).toBe(0);
    expect(io.out()).toMatch(/^To D\s+County one\s+scheduled\s+50%\*$/m);
    const json = memoryIo();
    expect(await run(["--network", file, "check", "--format", "json"], json)).toBe(0);
    const parsed = JSON.parse(json.out()) as { results: Array<{ measure: string; summary: { people?: { share?: number; kind: string } } }> };
    expect(parsed.results.map((r) => [r.measure, r.summary.people?.kind, r.summary.people?.share])).toEqual([
      ["door-to-door", "share", 0.5],
      ["station-to-station", "n/a", undefined],
    ]);
  });
});

describe("targetPeople on the embedded network", async () => {
  const network = await loadNetwork(embeddedNetworkPath());
  const model = buildModel(network);
  const q = new Query(model);
  const area = originAreaTowns(network.towns!, network.targetById.get("T_ECON_120")!.originArea!);
  const towns = area.map((i) => network.towns!.list[i]!);

  it("every embedded target names 綦江/万盛 (census county 500110, 万盛 included)", () => {
    for (const t of network.targets) expect(t.originArea).toEqual({ name: "綦江/万盛", counties: ["500110"] });
    expect(towns.map((t) => t.name)).toContain("万盛街道");
  });

  it("agrees with townTimesTo (no cutoff) + peopleShareWithin for every destination, every one and the nearest", () => {
    for (const id of ["T_ECON_120", "T_COMMUTE_30"]) {
      const target = network.targetById.get(id)!;
      const reading = target.reading!.kind;
      const p = targetPeople(q, target, { selection: "current" }) as TargetPeopleShare;
      const dests = target.pairs === "all-pairs" ? target.origins : target.destinations!;
      const times = dests.map((d) => {
        const all = q.townTimesTo(d, { selection: "current", reading });
        return area.map((i) => all[i]!);
      });
      dests.forEach((d, k) => {
        const one = peopleShareWithin(towns, times[k]!, target.thresholdMin.value, target.comparison);
        expect(p.perDestination[k]).toEqual({ destination: d, share: one.share, met: one.met });
      });
      const every = area.map((_, j) => Math.max(...times.map((t) => t[j]!)));
      const nearest = area.map((_, j) => Math.min(...times.map((t) => t[j]!)));
      expect(p.share).toBe(peopleShareWithin(towns, every, target.thresholdMin.value).share);
      expect(p.nearestShare).toBe(peopleShareWithin(towns, nearest, target.thresholdMin.value).share);
      expect(p.reading).toBe(reading);
      expect(p.estimated).toBe(true);
      expect(p.nearestShare!).toBeGreaterThanOrEqual(p.share!);
    }
  });

  it("a larger threshold never lowers any share", () => {
    const target = network.targetById.get("T_COMMUTE_30")!;
    let previous: TargetPeopleShare | undefined;
    for (const m of [0, 10, 20, 30, 45, 60, 90, 120, 180]) {
      const p = targetPeople(q, withThreshold(target, m), { selection: "plan-2025" }) as TargetPeopleShare;
      if (previous) {
        expect(p.share!).toBeGreaterThanOrEqual(previous.share!);
        expect(p.nearestShare!).toBeGreaterThanOrEqual(previous.nearestShare!);
        p.perDestination.forEach((d, k) => expect(d.share!).toBeGreaterThanOrEqual(previous!.perDestination[k]!.share!));
      }
      previous = p;
    }
    expect(previous!.share).toBe(1);
  });
});
