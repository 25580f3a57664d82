import { describe, expect, it } from "vitest";
import {
  CalibrationFileError,
  buildModel,
  calibrationReportCsv,
  evaluateCalibration,
  renderCalibrationMarkdown,
  type CalibrationRow,
} from "../../src/index.js";
import { loadNetworkSync } from "../../src/network/load-files.js";
import { CALIBRATION_FIXTURE, calibrationFixture } from "./fixture.js";

const row = (id: string, mode: "rail" | "road", from: string, to: string, minutes: number, note?: string): CalibrationRow => ({
  id,
  mode,
  from,
  to,
  minutes,
  kind: "published",
  reading: "scheduled",
  asOf: "2025-01-01",
  source: "fixture",
  ...(note === undefined ? {} : { note }),
});

const ROWS: CalibrationRow[] = [
  row("exact", "rail", "SA", "SB", 30),
  row("city", "rail", "A", "B", 28),
  row("transfer", "rail", "SA", "SC", 45, "a through train runs today"),
  row("dwell", "rail", "SA", "SY", 21),
  row("fast", "rail", "SB", "SC", 25),
  row("none", "rail", "SA", "SD", 40),
  row("road", "road", "A", "B", 60),
];

describe("evaluateCalibration(model, rows, options)", () => {
  const network = calibrationFixture();
  const model = buildModel(network);
  const report = evaluateCalibration(model, ROWS);
  const byId = new Map(report.results.map((r) => [r.row.id, r]));

  it("times rail rows station to station by rail (scheduled: no initial wait) and road rows door to door by road", () => {
    expect(report.scenario).toBeNull(); // default: each row on the network of its date
    expect(report.waitRule).toBe("half-headway");
    expect(byId.get("exact")).toMatchObject({ modelMin: 30, ratio: 1, within: true });
    expect(byId.get("exact")?.cause).toBeUndefined();
    expect(byId.get("city")?.modelMin).toBe(30); // A and B are timed at their stations SA, SB
    expect(byId.get("transfer")?.modelMin).toBeCloseTo(70, 9);
    expect(byId.get("dwell")?.modelMin).toBeCloseTo(25, 9);
    expect(byId.get("road")?.modelMin).toBeCloseTo((100 / (100 * 0.85)) * 60, 9);
    for (const r of report.results) if (r.modelMin !== null) expect(r.ratio).toBeCloseTo(r.modelMin / r.row.minutes, 12);
  });

  it("names the cause of every miss, with the numbers behind it", () => {
    expect(byId.get("city")).toMatchObject({ within: true });
    expect(byId.get("transfer")).toMatchObject({ within: false, cause: "forced-transfer" });
    expect(byId.get("transfer")?.causeText).toMatch(/2 rides .*L1 SA→SB, L2 SB→SC.*20 min changing/);
    expect(byId.get("dwell")).toMatchObject({ within: false, cause: "dwell" });
    expect(byId.get("dwell")?.causeText).toContain("1 intermediate stops × 5 min");
    expect(byId.get("fast")).toMatchObject({ within: false, cause: "faster-run" });
    expect(byId.get("none")).toMatchObject({ within: false, cause: "no-service", modelMin: null, ratio: null });
    // Road rows match within ±20 % by default (ratio 1.2 here); at ±10 % the same row is a miss.
    expect(byId.get("road")).toMatchObject({ within: true });
    const strict = evaluateCalibration(model, ROWS, { tolerance: { road: 0.1 } });
    expect(strict.results.find((r) => r.row.id === "road")).toMatchObject({ within: false, cause: "road-slower" });
    expect(byId.get("transfer")?.legs.filter((l) => l.kind === "ride").length).toBe(2);
  });

  it("summarizes each mode: shares within ±10 % and ±20 %, median |error| over reached rows", () => {
    const rail = report.summaries.find((s) => s.mode === "rail")!;
    // ratios: 1, 30/28, 70/45, 25/21, 20/25; SA→SD has no route
    const errors = [0, 30 / 28 - 1, 70 / 45 - 1, 25 / 21 - 1, 1 - 20 / 25].sort((a, b) => a - b);
    expect(rail).toMatchObject({ rows: 6, reached: 5, within10: 2 / 6, within20: 4 / 6 });
    expect(rail.medianAbsError).toBeCloseTo(errors[2]!, 12);
    const road = report.summaries.find((s) => s.mode === "road")!;
    expect(road).toMatchObject({ rows: 1, reached: 1, within10: 0, within20: 1, tolerance: 0.2, withinTolerance: 1 });
    expect(rail).toMatchObject({ tolerance: 0.1, withinTolerance: 2 / 6 });
  });

  it("tolerance is an option per mode", () => {
    const loose = evaluateCalibration(model, ROWS, { tolerance: { rail: 0.2, road: 0.2 } });
    expect(loose.results.filter((r) => r.within).map((r) => r.row.id)).toEqual(["exact", "city", "dwell", "fast", "road"]);
  });

  it("lists the assumptions whose base value sits at an end of their range", () => {
    expect(report.rangeEnds.map((a) => [a.pointer, a.end])).toContainEqual(["/services/0/headwayMin", "low"]);
    const a = report.rangeEnds.find((x) => x.pointer === "/services/0/headwayMin")!;
    expect(a.description).toBe('service "L1" headwayMin');
    // Parameters count too: the default congestion factor (1, range 1–1.3) sits at its low end.
    expect(report.rangeEnds.map((x) => x.pointer)).toContain("/parameters/congestionFactor");
    for (const x of report.rangeEnds) expect(x.value === x.range[0] || x.value === x.range[1]).toBe(true);
  });

  it("each row is read under its own reading: a typical row pays the model's wait rule at the first boarding", () => {
    const typicalRow = { ...ROWS[0]!, reading: "typical" as const };
    const both = evaluateCalibration(model, [ROWS[0]!, typicalRow]);
    expect(both.results[0]?.modelMin).toBeCloseTo(30, 9);
    expect(both.results[1]?.modelMin).toBeCloseTo(30 + 30, 9);
    const full = evaluateCalibration(buildModel(network, { wait: "full-headway" }), [typicalRow]);
    expect(full.results[0]?.modelMin).toBeCloseTo(30 + 60, 9);
    expect(full.waitRule).toBe("full-headway");
    expect(renderCalibrationMarkdown(both)).toContain("typical: the wait rule half-headway");
  });

  it("unknown place ids throw one CalibrationFileError naming file, row, column, value and a did-you-mean", () => {
    const bad = [row("a", "rail", "SA", "SBB", 30), row("b", "road", "X9", "B", 10)];
    let error: unknown;
    try {
      evaluateCalibration(model, bad, { file: "mine.csv" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CalibrationFileError);
    const problems = (error as CalibrationFileError).problems;
    expect(problems.map((p) => [p.file, p.row, p.column, p.value])).toEqual([
      ["mine.csv", 1, "to", "SBB"],
      ["mine.csv", 2, "from", "X9"],
    ]);
    expect(problems[0]?.fix).toContain('"SB"');
  });

  it("reports as Markdown and CSV with every row, its legs and its cause", () => {
    const md = renderCalibrationMarkdown(report, "set.csv");
    expect(md).toContain("calibration set `set.csv`");
    expect(md).toMatch(/\| rail \| 6 \| 5 \| ±10 % \| 33\.3 % \| 33\.3 % \| 66\.7 % \|/);
    expect(md).toContain("| forced-transfer | 1: transfer |");
    expect(md).toContain("ride L1 SA→SB 30.0 › ride L2 SB→SC 40.0 (wait 10.0, transfer 10.0)");
    expect(md).toContain("a through train runs today");
    expect(md).toContain('service "L1" headwayMin');
    const csv = calibrationReportCsv(report).trim().split("\n");
    expect(csv).toHaveLength(ROWS.length + 1);
    expect(parseCsvLine(csv[3]!)[8]).toBe("forced-transfer");
  });
});

function parseCsvLine(line: string): string[] {
  return line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
}

describe("evaluateCalibration: each row on the network of its date", () => {
  // A faster A–B road gated by a project opened in 2022: 100 km at 200 km/h × 0.85 against 100 km/h × 0.85.
  const fixture = structuredClone(CALIBRATION_FIXTURE) as unknown as { links: unknown[]; projects: unknown[] };
  fixture.projects.push({ id: "P_FAST", name: { zh: "快", en: "Fast road" }, category: "road", status: "existing", openingYear: { value: 2022, source: "fixture" }, source: "fixture" });
  fixture.links.push({ id: "R_AB_FAST", name: { zh: "快路", en: "Fast road A–B" }, mode: "expressway", from: "A", to: "B", lengthKm: { value: 100, source: "fixture" }, speedKmh: { value: 200, source: "fixture" }, projects: ["P_FAST"] });
  const model = buildModel(loadNetworkSync(fixture));
  const dated = (asOf: string): CalibrationRow => ({ ...row(`road-${asOf}`, "road", "A", "B", 60), asOf });
  const slowMin = (100 / (100 * 0.85)) * 60;
  const fastMin = (100 / (200 * 0.85)) * 60;

  it("a row dated before a project opened meets the network without it; one dated after meets it with", () => {
    const report = evaluateCalibration(model, [dated("2020-12-31"), dated("2022-06-30"), dated("2024-01-01")]);
    expect(report.results.map((r) => r.modelMin)).toEqual([expect.closeTo(slowMin, 9), expect.closeTo(fastMin, 9), expect.closeTo(fastMin, 9)]);
    expect(renderCalibrationMarkdown(report)).toContain("each row on the network of its date");
  });

  it("options.scenario evaluates every row in that scenario, whatever its date", () => {
    const report = evaluateCalibration(model, [dated("2020-12-31"), dated("2024-01-01")], { scenario: "current" });
    expect(report.scenario).toBe("current");
    for (const r of report.results) expect(r.modelMin).toBeCloseTo(fastMin, 9);
  });
});
