import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { checkTargets } from "../../src/targets/check-targets.js";
import { fixturePath, loadFixture } from "../fixtures/model/load.js";

const NET = ["--network", fixturePath("exact.json")];

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run([...NET, ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe("qiwan check", () => {
  it("--format json prints every scenario × target × measure with the documented fields", async () => {
    const { code, out, err } = await cli("check", "--format", "json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      network: string;
      results: Array<Record<string, unknown> & { pairs: Array<Record<string, unknown>> }>;
    };
    expect(json.network).toBe("model-exact");
    // The same results, in the same order, as the library call (its order is pinned in check-targets.test.ts).
    expect(json.results).toEqual(JSON.parse(JSON.stringify(checkTargets(loadFixture("exact.json")))));
    for (const r of json.results) {
      expect(Object.keys(r).sort()).toEqual(
        [
          "comparison",
          "measure",
          "modes",
          "pairs",
          "reading",
          "readingFrom",
          "scenarioId",
          "scenarioYear",
          "summary",
          "targetId",
          "targetName",
          "thresholdMin",
        ].sort(),
      );
      for (const p of r.pairs) {
        expect(Object.keys(p).sort()).toEqual(
          [
            "bindingLeg",
            "destination",
            "fromStation",
            "initialWaitMin",
            "legs",
            "marginMin",
            "met",
            "origin",
            "scheduledMin",
            "status",
            "timeMin",
            "toStation",
            "typicalMin",
          ].sort(),
        );
      }
    }
  });

  it("the table is the verdict: a row per target × measure, a column per scenario; pair rows only with --detail", async () => {
    const { out } = await cli("check");
    const lines = out.trimEnd().split("\n");
    const head = lines.findIndex((l) => l.startsWith("promise"));
    expect(lines[head]).toMatch(/^promise\s+measure\s+reading\s+base\s+plan$/);
    expect(lines[head + 2]).toMatch(/^A to B within an hour\s+door\s+typical\s+0\/1 0% ✗\s+1\/1 100% ✓$/);
    expect(lines[head + 4]).toMatch(/^Half-hour circle\s+door\s+scheduled\s+4\/6 60% ~\s+4\/6 60% ~$/);
    expect(out).not.toMatch(/A → B/);
    const detail = await cli("check", "--detail");
    expect(detail.out.startsWith(out)).toBe(true);
    expect(detail.out).toMatch(/base\s+T_AB\s+door-to-door\s+typical\s+A → B\s+70\s+.*<= 60\s+-10\s+FAIL/);
  });

  it("--strict exits 1 when a target pair fails, 0 otherwise", async () => {
    expect((await cli("check", "--strict")).code).toBe(1);
    expect((await cli("check", "--strict", "--scenario", "plan", "--target", "T_AB")).code).toBe(0);
  });

  it("--format csv has a header and one row per pair", async () => {
    const { out } = await cli("check", "--format", "csv", "--scenario", "base", "--target", "T_circle");
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe(
      "scenario,target,measure,modes,reading,origin,destination,time_min,scheduled_min,typical_min,initial_wait_min,threshold_min,comparison,margin_min,status,from_station,to_station,binding_leg,route",
    );
    expect(lines).toHaveLength(1 + 6);
  });

  it("an unknown scenario, target or place exits 2 with one line and a did-you-mean", async () => {
    for (const argv of [
      ["check", "--scenario", "pln"],
      ["check", "--target", "T_A"],
      ["route", "--from", "AA", "--to", "B"],
      ["matrix", "--places", "A,Bx"],
    ]) {
      const { code, out, err } = await cli(...argv);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).toMatch(/did you mean/);
    }
  });

  it("a malformed network exits 3; a network the model cannot use exits 3 with one line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qiwan-model-"));
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    const io = memoryIo();
    expect(await run(["--network", broken, "check"], io)).toBe(3);
    expect(io.err()).not.toMatch(/\n\s+at /);
    const fixture = JSON.parse(readFileSync(fixturePath("exact.json"), "utf8")) as Record<string, unknown>;
    const badParams = path.join(dir, "params.json");
    writeFileSync(
      badParams,
      JSON.stringify({
        ...fixture,
        parameters: { commercialSpeedFactr: { hsr: { value: 0.8, source: "test value" } } },
      }),
    );
    const io2 = memoryIo();
    expect(await run(["--network", badParams, "check"], io2)).toBe(3);
    expect(io2.err().trim().split("\n")).toHaveLength(1);
    expect(io2.err()).toMatch(/did you mean "commercialSpeedFactor"/);
  });

  it("--out writes the whole output atomically, and a failed write leaves no file behind", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qiwan-model-"));
    const file = path.join(dir, "targets.json");
    const { code, out } = await cli("check", "--format", "json", "--out", file);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).results).toHaveLength(6);
    // A folder that does not exist is a usage error (a typo must not create folders).
    const missing = await cli("check", "--out", path.join(dir, "sub", "targets.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--out .*sub.*: folder .*sub does not exist/);
    // A directory in the way: refused before any work, nothing (not even a temporary file) is left.
    const blocked = path.join(dir, "blocked");
    mkdirSync(blocked);
    const failed = await cli("check", "--out", blocked);
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/--out .*blocked is a folder/);
    expect(readdirSync(dir).sort()).toEqual(["blocked", "targets.json"]);
    expect(readdirSync(blocked)).toEqual([]);
  });

  it("--report writes the Markdown report beside the table", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qiwan-model-"));
    const report = path.join(dir, "targets.md");
    const { code, out } = await cli("check", "--report", report);
    expect(code).toBe(0);
    expect(out).toMatch(/A to B within an hour/);
    const md = readFileSync(report, "utf8");
    expect(md).toMatch(/^# Plan targets/);
    // T_AB declares the typical reading: 70 min, of which 10 waiting for H1; scheduled 60.
    expect(md).toMatch(/\| base \| door-to-door \| A → B \| 70 \| 60 \| 70 \| 10 \| -10 \| ❌ fail \|/);
    expect(md).toContain("Reading: **typical** (declared by the target: fixture: its arithmetic counts the wait for the first train)");
    expect(md).toContain("Reading: **scheduled** (declared by the target: fixture: a target read as the fastest scheduled connection)");
    // --reading overrides every declaration, and the report says so.
    const over = path.join(dir, "over.md");
    expect((await cli("check", "--reading", "scheduled", "--report", over)).code).toBe(0);
    const overMd = readFileSync(over, "utf8");
    expect(overMd).toMatch(/\| base \| door-to-door \| A → B \| 60 \| 60 \| 70 \| 0 \| 0 \| ✅ pass \|/);
    expect(overMd).toContain("Reading: **scheduled** (the check's override (`--reading`); the target declares typical)");
    expect((await cli("check", "--reading", "sometimes")).code).toBe(2);
  });
});

describe("qiwan check colour", () => {
  it("colours the result only when asked (TTY or FORCE_COLOR), never with NO_COLOR", async () => {
    const plain = memoryIo();
    await run([...NET, "check", "--detail"], plain);
    expect(plain.out()).not.toMatch(/\u001b\[/);
    const forced = memoryIo({ env: { FORCE_COLOR: "1" } });
    await run([...NET, "check", "--detail"], forced);
    expect(forced.out()).toMatch(/\u001b\[31mFAIL/);
    expect(forced.out()).toMatch(/\u001b\[31m✗/);
    // Colour never shifts the columns: without the escape codes the text is the plain table.
    // eslint-disable-next-line no-control-regex
    expect(forced.out().replace(/\u001b\[\d+m/g, "")).toBe(plain.out());
    const tty = memoryIo({ isTTY: true, env: { NO_COLOR: "1" } });
    await run([...NET, "check"], tty);
    expect(tty.out()).not.toMatch(/\u001b\[/);
  });
});

describe("qiwan route and qiwan matrix", () => {
  it("route prints the legs and the total", async () => {
    const { code, out } = await cli("route", "--from", "A", "--to", "S4", "--scenario", "base");
    expect(code).toBe(0);
    // The default reading is scheduled: no wait for H1, a 15-min connection wait (default
    // connectionWaitMin.rail, under R1's typical 15) before R1: 10 + 45 + (15 + 10 + 20).
    expect(out).toMatch(/A → S4 \(scheduled\) \(100 min\)/);
    expect(out).toMatch(/Rail 1/);
    const typical = await cli("route", "--from", "A", "--to", "S4", "--scenario", "base", "--reading", "typical");
    expect(typical.out).toMatch(/A → S4 \(typical\) \(110 min\)/);
  });

  it("route --format csv has one row per leg, and the legs add up to the JSON route's total", async () => {
    const csv = await cli("route", "--from", "A", "--to", "S4", "--format", "csv");
    const json = JSON.parse((await cli("route", "--from", "A", "--to", "S4", "--format", "json")).out) as { routes: { scenario: string; route: { timeMin: number | null; legs: unknown[] } }[] };
    const [head, ...rows] = csv.out.trimEnd().split("\n").map((l) => l.split(","));
    const col = (name: string) => head!.indexOf(name);
    for (const { scenario, route } of json.routes) {
      const mine = rows.filter((r) => r[col("scenario")] === scenario);
      expect(mine).toHaveLength(Math.max(1, route.legs.length));
      if (route.timeMin !== null) {
        const sum = mine.reduce((a, r) => a + Number(r[col("leg_min")]), 0);
        expect(sum).toBeCloseTo(route.timeMin, 2);
        expect(Number(mine[0]![col("total_min")])).toBeCloseTo(route.timeMin, 2);
      }
    }
  });

  it("matrix --format json gives places × places minutes, 0 on the diagonal, null when unreachable", async () => {
    const { code, out } = await cli(
      "matrix",
      "--scenario",
      "base",
      "--places",
      "A,B,D",
      "--modes",
      "rail",
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as { places: string[]; timesMin: Array<Array<number | null>> };
    expect(json.places).toEqual(["A", "B", "D"]);
    expect(json.timesMin[0]![0]).toBe(0);
    expect(json.timesMin[0]![1]).toBeCloseTo(60, 9); // scheduled (the default): no wait for H1
    expect((JSON.parse(out) as { reading: string }).reading).toBe("scheduled");
    const typical = await cli("matrix", "--scenario", "base", "--places", "A,B,D", "--modes", "rail", "--format", "json", "--reading", "typical");
    expect((JSON.parse(typical.out) as { timesMin: number[][] }).timesMin[0]![1]).toBeCloseTo(70, 9);
    expect(json.timesMin[0]![2]).toBeNull();
    const csv = await cli("matrix", "--scenario", "base", "--places", "A,B", "--modes", "rail", "--reading", "typical");
    expect(csv.out.split("\n")[0]).toBe("origin (typical minutes),A,B");
  });
});

describe("--wait", () => {
  it("changes the wait rule; a bad rule exits 2 before the network is read", async () => {
    const capped = await cli(
      "route",
      "--from",
      "S1",
      "--to",
      "S3",
      "--scenario",
      "base",
      "--measure",
      "station-to-station",
      "--wait",
      "cap:4",
      "--reading",
      "typical",
      "--format",
      "json",
    );
    expect(JSON.parse(capped.out).routes[0].route.timeMin).toBeCloseTo(4 + 45, 9);
    const io = memoryIo();
    expect(await run(["--network", "/nonexistent/network.json", "check", "--wait", "cap:x"], io)).toBe(2);
    expect(io.err()).toMatch(/--wait "cap:x" is not a wait rule/);
  });
});
