/**
 * Verdict first: `npm start` (its command line read from package.json) shows the verdict table within
 * its first 25 lines, no line wider than 120 columns; the verdict's cells are the results' summaries.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { checkTargets, renderVerdictTable, verdictCell, verdictOf, type TargetResult } from "../../src/index.js";
import { loadFixture } from "../fixtures/model/load.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Terminal columns: CJK characters take two. */
function columns(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

describe("npm start: verdict first", () => {
  it("shows the whole verdict table in the first 25 lines, every line at most 120 columns", async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; scripts: Record<string, string> };
    const start = pkg.scripts.start!;
    const m = /^tsx src\/cli\/main\.ts (.*)$/.exec(start);
    expect(m, `npm start is "${start}"`).not.toBeNull();
    const report = path.join(mkdtempSync(path.join(tmpdir(), "qiwan-start-")), "targets.md");
    const argv = m![1]!.split(" ").map((a) => (a === "reports/targets.md" ? report : a));
    const io = memoryIo();
    expect(await run(argv, io)).toBe(0);
    // What a terminal shows: npm's own four lines, then the command's stderr (model warnings) and stdout.
    const npmHeader = ["", `> ${pkg.name}@${pkg.version} start`, `> ${start}`, ""];
    const stderrBefore = io.err().split("\n").filter((l) => l !== "" && !l.startsWith("qiwan: wrote"));
    const lines = [...npmHeader, ...stderrBefore, ...io.out().split("\n")];
    const title = lines.findIndex((l) => l.startsWith("VERDICT"));
    const head = lines.findIndex((l) => l.startsWith("promise"));
    const end = lines.findIndex((l, i) => i > head + 1 && l === "");
    expect(title).toBeGreaterThanOrEqual(0);
    expect(head).toBeGreaterThan(title);
    expect(end, lines.slice(0, 30).join("\n")).toBeLessThanOrEqual(25);
    // Every target of the network has its row in the table.
    const network = loadFixtureFree();
    const table = lines.slice(head, end).join("\n");
    for (const t of network) expect(table).toContain(t.slice(0, 12));
    const wide = lines.filter((l) => columns(l) > 120);
    expect(wide).toEqual([]);
    // The report opens with the verdict too, before any target's section.
    const md = readFileSync(report, "utf8");
    expect(md.indexOf("## Verdict")).toBeGreaterThan(0);
    expect(md.indexOf("## Verdict")).toBeLessThan(md.indexOf("## Detail"));
  });
});

/** The embedded network's target names (read from the file, not from the code under test). */
function loadFixtureFree(): string[] {
  const targets = JSON.parse(readFileSync(path.join(ROOT, "networks/qijiang-wansheng/targets.json"), "utf8")) as {
    targets: Array<{ name: { en: string } }>;
  };
  return targets.targets.map((t) => t.name.en);
}

describe("verdictOf and its table", () => {
  const results = checkTargets(loadFixture("exact.json"));

  it("has one row per target × measure and each cell is that result's summary", () => {
    const verdict = verdictOf(results);
    const keys = new Set(results.map((r) => `${r.targetId}/${r.measure}`));
    expect(verdict.rows).toHaveLength(keys.size);
    expect(verdict.scenarios).toEqual([...new Set(results.map((r) => r.scenarioId))]);
    for (const r of results) {
      const row = verdict.rows.find((v) => v.targetId === r.targetId && v.measure === r.measure)!;
      expect(row.cells.get(r.scenarioId)).toBe(r.summary);
      const cell = verdictCell(r.summary);
      expect(cell.startsWith(`${r.summary.pairsMet}/${r.summary.pairs}`)).toBe(true);
      expect(cell.endsWith({ met: "✓", "partly-met": "~", "not-met": "✗" }[r.summary.status])).toBe(true);
    }
  });

  it("shortens promise names to keep within the width it is given", () => {
    const long: TargetResult[] = results.map((r) => ({ ...r, targetName: `${r.targetName} ${"and much more ".repeat(10)}` }));
    const text = renderVerdictTable(verdictOf(long), 70);
    for (const line of text.trimEnd().split("\n")) expect(columns(line)).toBeLessThanOrEqual(70);
    expect(text).toContain("…");
  });
});
