import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { TINY_FILE } from "../fixtures/tinyNetwork.js";

const dir = mkdtempSync(join(tmpdir(), "qiwan-cli-analysis-"));
const networkPath = join(dir, "tiny.json");
writeFileSync(networkPath, JSON.stringify(TINY_FILE));

async function qiwan(...args: string[]) {
  const io = memoryIo();
  const code = await run(["--network", networkPath, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("qiwan attribute | uncertainty | compare", () => {
  it("attribute --format json gives Shapley values that sum to each gain", async () => {
    const r = await qiwan("attribute", "--scenario", "vision-2035", "--format", "json");
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    for (const t of json.targets) {
      expect(t.shares.reduce((s: number, x: { shapley: number }) => s + x.shapley, 0)).toBeCloseTo(t.gainMin, 9);
    }
    const table = await qiwan("attribute", "--scenario", "vision-2035", "--method", "loo");
    expect(table.out).toContain("LOO min");
    expect(table.out).not.toContain("Shapley min");
  });

  it("uncertainty: the same seed prints the same numbers; --draws 0 is a usage error", async () => {
    const a = await qiwan("uncertainty", "--draws", "30", "--seed", "4");
    const b = await qiwan("uncertainty", "--draws", "30", "--seed", "4");
    expect(a.code, a.err).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain("P(all met)");
    expect(a.out).toMatch(/base met\/reach\/pairs[\s\S]*\b\d+\/\d+\/\d+\b/);
    expect(a.err).toBe(""); // no progress bar off a TTY
    const tty = memoryIo({ isTTY: true });
    expect(await run(["--network", networkPath, "uncertainty", "--draws", "30", "--seed", "4"], tty)).toBe(0);
    expect(tty.err()).toContain("draws"); // the bar is drawn on a terminal, on stderr
    expect(tty.out()).toBe(a.out.replace(/\n$/, "") + "\n");
    const bad = await qiwan("uncertainty", "--draws", "0");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--draws 0: give an integer >= 1/);
  });

  it("compare accepts a scenario file and writes --out atomically; a bad file exits 3 naming each problem", async () => {
    const good = join(dir, "faster.json");
    writeFileSync(good, JSON.stringify({ base: "plan-2025", modifications: [{ type: "adjust-speed", links: ["AB"], factor: 1.5 }] }));
    const out = join(dir, "cmp.md");
    const r = await qiwan("compare", "plan-2025", good, "--format", "md", "--out", out, "--no-isochrones");
    expect(r.code, r.err).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toMatch(/## Compare `plan-2025` \(A\) → `plan-2025:[0-9a-f]{12}` \(B\)/);
    // Every worst time is shown beside its pair counts (met/reachable/pairs) on both sides.
    expect(md).toContain("| A met/reach/pairs |");
    expect(md).toMatch(/\| A_C_60 \| door-to-door \|[^\n]*\| \d+\/\d+\/\d+ \|[^\n]*\| \d+\/\d+\/\d+ \|/);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ base: "plan-2025", modifications: [{ type: "adjust-speed", links: ["ABX"], factor: -1 }] }));
    const e = await qiwan("compare", "plan-2025", bad);
    expect(e.code).toBe(3);
    expect(e.err).toContain('modifications[0] (adjust-speed) links[0] = "ABX"');
    expect(e.err).toContain("modifications[0] (adjust-speed) factor = -1");
    const unknown = await qiwan("compare", "plan-2025", "plan-2052", "--no-isochrones");
    expect(unknown.code).toBe(2);
  });

  it("compare --map writes an SVG with one panel per side plus the gained area (same network), two for a modified side", async () => {
    const svg = join(dir, "cmp.svg");
    const r = await qiwan("compare", "base-2020", "plan-2025", "--no-isochrones", "--map", svg, "--from", "A", "--minutes", "30,60");
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    expect(text).toContain("plan-2025 vs base-2020");
    const svg2 = join(dir, "cmp2.svg");
    const good = join(dir, "faster.json");
    const r2 = await qiwan("compare", "plan-2025", good, "--no-isochrones", "--map", svg2, "--from", "A", "--minutes", "30,60");
    expect(r2.code, r2.err).toBe(0);
    expect(readFileSync(svg2, "utf8")).not.toContain(" vs ");
  });

  it.each([
    [["attribute", "--projects", "P_HSRR"], 2, /unknown project "P_HSRR" in --projects; did you mean "P_HSR"/],
    [["attribute", "--target", "A_C_6"], 2, /unknown target "A_C_6" in --target; did you mean "A_C_60"/],
    [["uncertainty", "--draws", "5", "--target", "A_C_6"], 2, /unknown target "A_C_6" in --target/],
    [["uncertainty", "--draws", "5", "--scenario", "plan-2052"], 2, /unknown scenario "plan-2052" in --scenario; did you mean "plan-2025"/],
    [["compare", "plan-2025", "vision-2035", "--places", "AA"], 2, /unknown place "AA" in --places\[0\]/],
    [["compare", "plan-2025", "plan-2026"], 2, /unknown scenario "plan-2026" in argument B; did you mean "plan-2025"/],
    [["compare", "plan-2025", "vision-2035", "--top", "-1"], 2, /--top -1: give an integer >= 0/],
    [["compare", "plan-2025", "vision-2035", "--map", "/nonexistent-dir/x.svg"], 2, /^qiwan: --map \/nonexistent-dir\/x.svg: folder .* does not exist/],
    [["compare", "plan-2025", "/nonexistent-dir/s.json"], 3, /cannot read the file/],
  ])("bad input %j: one line on stderr, the documented exit code, no stack", async (args, code, message) => {
    const r = await qiwan(...(args as string[]));
    expect(r.code, r.err).toBe(code);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
