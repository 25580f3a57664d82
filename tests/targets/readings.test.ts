/**
 * Targets declare how their promise is read; results carry both readings and follow the declared one.
 */
import { describe, expect, it } from "vitest";
import {
  buildModel,
  checkTargets,
  findRoute,
  Query,
  TargetEvaluator,
} from "../../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { initialWaitMin } from "../../src/query/legs.js";

const network = loadNetworkSync(embeddedNetworkPath());
const model = buildModel(network);
const CITY = ["T_CQ_30", "T_GY_60", "T_ECON_120", "T_GZ_360", "T_SZ_360"];
const COMMUTE = ["T_COMMUTE_30", "T_COMMUTE_60_CQ"];

describe("the embedded network's targets declare their readings", () => {
  it("the city promises read as scheduled, the commuting circles as typical, each with the plan's words", () => {
    expect(network.targets.map((t) => t.id).sort()).toEqual([...CITY, ...COMMUTE].sort());
    for (const t of network.targets) {
      expect(t.reading, t.id).toBeDefined();
      expect(t.reading!.kind, t.id).toBe(CITY.includes(t.id) ? "scheduled" : "typical");
      // A rationale that quotes the plan (section and its words).
      expect(t.reading!.rationale, t.id).toMatch(/section [三四]\(一\).*“/);
    }
  });
});

describe("findRoute on the default model reads the scheduled connection (issue 10's acceptance call)", () => {
  it("station to station by rail in current: no initial wait, the scheduled time, below the typical one", () => {
    const q = new Query(model);
    for (const [a, b] of [["QJ_EAST", "CQ_WEST"], ["CQ_WEST", "GY_NORTH"], ["QJ_EAST", "CD_EAST"]] as const) {
      const r = findRoute(model, a, b, { scenario: "current", measure: "station-to-station", modes: "rail" });
      expect(r.status).toBe("ok");
      expect(r.reading).toBe("scheduled");
      expect(initialWaitMin(r.legs)).toBe(0);
      expect(r).toEqual(q.route(a, b, { selection: "current", measure: "station-to-station", modes: "rail", reading: "scheduled" }));
      const typical = q.route(a, b, { selection: "current", measure: "station-to-station", modes: "rail", reading: "typical" });
      expect(typical.timeMin! - r.timeMin!).toBeGreaterThanOrEqual(initialWaitMin(typical.legs) - 1e-9);
      expect(initialWaitMin(typical.legs)).toBeGreaterThan(0);
    }
  });
});

describe("TargetEvaluator results under declared readings", () => {
  const results = new TargetEvaluator(model).results("current");

  it("timeMin and the verdict follow the declared reading; both readings are reported", () => {
    for (const r of results) {
      const declared = network.targetById.get(r.targetId)!.reading!.kind;
      expect(r).toMatchObject({ reading: declared, readingFrom: "target" });
      for (const p of r.pairs) {
        expect(p.timeMin).toBe(declared === "scheduled" ? p.scheduledMin : p.typicalMin);
        if (p.scheduledMin !== null && p.typicalMin !== null) expect(p.scheduledMin).toBeLessThanOrEqual(p.typicalMin + 1e-9);
        if (p.timeMin !== null) expect(p.met).toBe(p.timeMin <= r.thresholdMin);
      }
    }
  });

  it("station to station never hides an initial wait: none under scheduled, reported as initialWaitMin under typical", () => {
    let typicalWaits = 0;
    for (const r of results.filter((x) => x.measure === "station-to-station")) {
      for (const p of r.pairs.filter((x) => x.status === "pass" || x.status === "fail")) {
        const firstRide = p.legs.find((l) => l.kind === "ride")!;
        expect(p.initialWaitMin).toBe(firstRide.waitMin);
        if (r.reading === "scheduled") expect(p.initialWaitMin).toBe(0);
        else if (p.initialWaitMin! > 0) typicalWaits++;
      }
    }
    expect(typicalWaits).toBeGreaterThan(0);
  });

  it("an override reads every target its way and says so", () => {
    const over = checkTargets(network, { model, scenarios: ["current"], targets: ["T_CQ_30", "T_COMMUTE_60_CQ"], reading: "typical", routes: false });
    for (const r of over) expect(r).toMatchObject({ reading: "typical", readingFrom: "override" });
    const declared = results.filter((r) => r.targetId === "T_CQ_30");
    over
      .filter((r) => r.targetId === "T_CQ_30")
      .forEach((r, i) => r.pairs.forEach((p, k) => expect(p.typicalMin).toBe(declared[i]!.pairs[k]!.typicalMin)));
  });
});
