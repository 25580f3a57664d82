import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { checkTargets, checkTargetsTimetable, parseWindow } from "../../src/index.js";
import { loadNetworkSync } from "../../src/node.js";
import { fixturePath } from "../fixtures/model/load.js";

const NET = ["--network", fixturePath("exact.json")];

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run([...NET, ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

const PAIR_TIMETABLE_KEYS = ["bestMin", "frequencyMin", "p5Min", "p50Min", "p95Min", "paretoSize", "roadMin", "statistic", "windowEnd", "windowStart"].sort();

describe("qiwan check --timetable", () => {
  it("--format json has the documented fields; timeMin is the chosen statistic and decides the status", async () => {
    for (const statistic of ["p50", "p95", "best"] as const) {
      const { code, out, err } = await cli("check", "--timetable", "--window", "07:00-08:00", "--statistic", statistic, "--format", "json");
      expect(err).toBe("");
      expect(code).toBe(0);
      const json = JSON.parse(out) as {
        network: string;
        timetable: { statistic: string; windowStart: string; windowEnd: string; stepSecs: number };
        results: Array<{ thresholdMin: number; comparison: string; timetable: Record<string, unknown>; pairs: Array<Record<string, unknown> & { timetable: Record<string, unknown> }> }>;
      };
      expect(json.network).toBe("model-exact");
      expect(json.timetable).toMatchObject({ statistic, windowStart: "07:00:00", windowEnd: "08:00:00", stepSecs: 60 });
      expect(json.results.length).toBeGreaterThan(0);
      for (const r of json.results) {
        expect(Object.keys(r.timetable).sort()).toEqual(["services", "statistic", "stepSecs", "windowEnd", "windowStart"]);
        for (const p of r.pairs) {
          expect(Object.keys(p.timetable).sort()).toEqual(PAIR_TIMETABLE_KEYS);
          if (p.status === "pass" || p.status === "fail") {
            const v = p.timetable[`${statistic}Min`] as number;
            expect(p.timeMin).toBe(v);
            expect(p.status).toBe((r.comparison === "<=" ? v <= r.thresholdMin : v < r.thresholdMin) ? "pass" : "fail");
            const t = p.timetable as { bestMin: number; p5Min: number; p50Min: number; p95Min: number };
            expect(t.bestMin).toBeLessThanOrEqual(t.p5Min);
            expect(t.p5Min).toBeLessThanOrEqual(t.p50Min);
            expect(t.p50Min).toBeLessThanOrEqual(t.p95Min);
          }
        }
      }
    }
  });

  it("--depart gives one sample: p5 = p50 = p95 = best", async () => {
    const { out } = await cli("check", "--timetable", "--depart", "08:00", "--format", "json");
    const json = JSON.parse(out) as { results: Array<{ pairs: Array<{ timetable: Record<string, number | null> }> }> };
    for (const r of json.results) {
      for (const p of r.pairs) {
        const t = p.timetable;
        if (t.p50Min === null) continue;
        expect([t.p5Min, t.p95Min, t.bestMin]).toEqual([t.p50Min, t.p50Min, t.p50Min]);
      }
    }
  });

  it("the JSON equals checkTargetsTimetable on the same network and window", async () => {
    const { out } = await cli("check", "--timetable", "--window", "07:30-08:30", "--format", "json");
    const network = loadNetworkSync(fixturePath("exact.json"));
    const results = checkTargetsTimetable(network, { window: parseWindow("07:30-08:30") });
    expect(JSON.parse(out).results).toEqual(JSON.parse(JSON.stringify(results)));
  });

  it("without --timetable the output is the frequency model's, unchanged (JSON = checkTargets)", async () => {
    const { out } = await cli("check", "--format", "json");
    const network = loadNetworkSync(fixturePath("exact.json"));
    expect(out).toBe(`${JSON.stringify({ network: network.id, results: checkTargets(network) }, null, 2)}\n`);
    expect(out).not.toMatch(/"timetable"/);
  });

  it("csv and table outputs carry the percentile columns", async () => {
    const csv = await cli("check", "--timetable", "--format", "csv");
    expect(csv.out.split("\n")[0]).toMatch(/,p5_min,p50_min,p95_min,best_min,frequency_min,statistic,window$/);
    const table = await cli("check", "--timetable");
    expect(table.out.split("\n")[0]).toMatch(/^VERDICT/);
    expect(table.out).toMatch(/timetable, p50 of departures/);
    const detail = await cli("check", "--timetable", "--detail");
    expect(detail.out).toMatch(/\nscenario +target +measure +from → to +p5 +p50 +p95 +best +frequency/);
  });

  it("timetable flags without --timetable, or a bad window, exit 2 with one line", async () => {
    for (const argv of [
      ["check", "--depart", "08:00"],
      ["check", "--timetable", "--window", "9:00-7:00"],
      ["check", "--timetable", "--window", "07:00"],
      ["check", "--timetable", "--depart", "8h"],
      ["check", "--timetable", "--depart", "08:00", "--window", "07:00-09:00"],
      ["isochrone", "--from", "A", "--scenario", "plan", "--window", "07:00-09:00"],
    ]) {
      const { code, out, err } = await cli(...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(out).toBe("");
      expect(err.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("qiwan isochrone --timetable", () => {
  it("--format json reports the statistic and window; without --timetable there is no timetable field", async () => {
    const tt = await cli("isochrone", "--from", "A", "--scenario", "plan", "--timetable", "--depart", "08:00", "--format", "json", "--minutes", "60,120");
    expect(tt.code).toBe(0);
    const json = JSON.parse(tt.out) as { timetable: Record<string, unknown>; bands: Array<{ reached: Array<{ id: string; timeMin: number }> }> };
    expect(json.timetable).toEqual({ statistic: "p50", windowStart: "08:00:00", windowEnd: "08:00:00", maxRides: 8, gtfs: false });
    expect(json.bands[0]!.reached.map((r) => r.id)).toContain("A");
    const plain = await cli("isochrone", "--from", "A", "--scenario", "plan", "--format", "json", "--minutes", "60,120");
    expect(JSON.parse(plain.out)).not.toHaveProperty("timetable");
  });
});
