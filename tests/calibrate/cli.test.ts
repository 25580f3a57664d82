import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit.js";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { CALIBRATION_FIXTURE, HEADER } from "./fixture.js";

const dir = mkdtempSync(path.join(tmpdir(), "qiwan-calibrate-"));
const NET = path.join(dir, "net.json");
writeFileSync(NET, JSON.stringify(CALIBRATION_FIXTURE));
const GOOD = path.join(dir, "good.csv");
writeFileSync(GOOD, `${HEADER}\nR1,rail,SA,SB,30,published,scheduled,2025-01-01,fixture,\nR2,road,A,B,60,published,typical,2025-01-01,"map, 2025",slow road\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const io = memoryIo({ env: {} });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("qiwan calibrate", () => {
  it("writes the Markdown report to stdout by default, JSON and CSV on request", async () => {
    const md = await cli(["--network", NET, "calibrate", "--calibration", GOOD]);
    expect(md.code).toBe(EXIT.OK);
    expect(md.out).toContain("# Calibration");
    expect(md.out).toMatch(/\| rail \| 1 \| 1 \| ±10 % \| 100\.0 %/);
    const json = await cli(["--network", NET, "calibrate", "--calibration", GOOD, "--format", "json"]);
    const report = JSON.parse(json.out) as { results: { row: { id: string }; modelMin: number; cause?: string }[] };
    expect(report.results.map((r) => [r.row.id, Math.round(r.modelMin * 10) / 10, r.cause])).toEqual([
      ["R1", 30, undefined],
      ["R2", 70.6, undefined], // 70.6 for 60 published: within the road tolerance, ±20 %
    ]);
    const csv = await cli(["--network", NET, "calibrate", "--calibration", GOOD, "--format", "csv"]);
    expect(csv.out.split("\n")[0]).toBe("id,mode,from,to,published_min,model_min,ratio,within,cause,cause_text,legs,kind,reading,as_of,source,note");
  });

  it("--out writes the file atomically and says so on stderr", async () => {
    const out = path.join(dir, "report.md");
    const r = await cli(["--network", NET, "calibrate", "--calibration", GOOD, "--out", out]);
    expect(r.code).toBe(EXIT.OK);
    expect(readFileSync(out, "utf8")).toContain("## Rail (station to station)");
    expect(r.err).toContain(`wrote ${out} (rail 1 rows, 100 % within ±10 %; road 1 rows, 100 % within ±20 %)`);
  });

  it("bad rows exit 3 with file, row, column, value and fix, and nothing is written", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, `${HEADER}\nR1,rail,SA,SBB,30,published,scheduled,2025-01-01,fixture,\nR2,tram,A,B,x,published,typical,2025-01-01,src,\n`);
    const out = path.join(dir, "never.md");
    const r = await cli(["--network", NET, "calibrate", "--calibration", bad, "--out", out]);
    expect(r.code).toBe(EXIT.BAD_DATA);
    expect(r.err).toContain(`${bad}: row 2, column mode: "tram"`);
    expect(r.err).not.toMatch(/^\s{4}at /m);
    expect(existsSync(out)).toBe(false);
    // Place ids are checked once the shape is right.
    writeFileSync(bad, `${HEADER}\nR1,rail,SA,SBB,30,published,scheduled,2025-01-01,fixture,\n`);
    const ids = await cli(["--network", NET, "calibrate", "--calibration", bad, "--out", out]);
    expect(ids.code).toBe(EXIT.BAD_DATA);
    expect(ids.err).toContain('row 1, column to: "SBB": no place "SBB"');
    expect(ids.err).toContain('did you mean "SB"?');
    expect(existsSync(out)).toBe(false);
  });

  it("a missing calibration set or an unknown scenario is a usage error (exit 2)", async () => {
    const none = await cli(["--network", NET, "calibrate"]);
    expect(none.code).toBe(EXIT.USAGE);
    expect(none.err).toContain("pass --calibration FILE");
    const missing = await cli(["--network", NET, "calibrate", "--calibration", path.join(dir, "nope.csv")]);
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.err).toContain("cannot read --calibration");
    const scenario = await cli(["--network", NET, "calibrate", "--calibration", GOOD, "--scenario", "curent"]);
    expect(scenario.code).toBe(EXIT.USAGE);
    expect(scenario.err).toContain("current");
  });
});
