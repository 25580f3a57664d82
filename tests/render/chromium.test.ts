import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel, modelIsochroneDifference, networkLayers, renderPanelsSvg, resolveScenario } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { embeddedNetworkPath } from "../../src/node.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present) console.warn(`${CHROMIUM} is absent (Debian: apt-get install chromium); skipping the headless-browser SVG check`);

const dir = mkdtempSync(path.join(tmpdir(), "qiwan-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chromium(args: string[]): { status: number | null; stdout: string } {
  const profile = mkdtempSync(path.join(dir, "profile-"));
  const r = spawnSync(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  return { status: r.status, stdout: r.stdout };
}

describe.skipIf(!present)("a headless Chromium renders the comparison map SVG", () => {
  it("loads it as an SVG document without parse errors and takes a non-empty screenshot", async () => {
    const network = await loadNetwork(embeddedNetworkPath());
    const d = modelIsochroneDifference(buildModel(network), { origins: "QJ_CITY", scenarioA: "baseline-2020", scenarioB: "plan-2025", cutoffsMin: [30, 60] });
    const svg = renderPanelsSvg([
      { title: "基准 baseline-2020", layers: networkLayers(network, resolveScenario(network, "baseline-2020")), bands: d.a.collection },
      { title: "规划 plan-2025", layers: networkLayers(network, resolveScenario(network, "plan-2025")), bands: d.b.collection, gained: d.gained },
    ], { panelWidthPx: 500 });
    const file = path.join(dir, "map.svg");
    writeFileSync(file, svg);
    const dom = chromium(["--dump-dom", `file://${file}`]);
    expect(dom.status).toBe(0);
    expect(dom.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(dom.stdout).not.toContain("parsererror");
    const shot = path.join(dir, "shot.png");
    const r = chromium([`--screenshot=${shot}`, "--window-size=1000,800", `file://${file}`]);
    expect(r.status).toBe(0);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect([...readFileSync(shot).subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  });
});
