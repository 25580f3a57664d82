/**
 * README pictures: isochrones from Qijiang in baseline-2020 and plan-2025, side by side, and the area
 * newly within each cutoff. Writes docs/img/isochrones-qijiang.svg and .png (deterministic: the same
 * network gives byte-identical SVG).
 *
 *   npm run figures
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildModel,
  embeddedNetworkPath,
  loadNetwork,
  modelIsochroneDifference,
  networkLayers,
  renderPanelsSvg,
  resolveScenario,
  svgToPng,
} from "../src/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs", "img");
const ORIGIN = "QJ_CITY";
const [A, B] = ["baseline-2020", "plan-2025"] as const;
const CUTOFFS_MIN = [30, 60, 120];

const network = await loadNetwork(embeddedNetworkPath());
const model = buildModel(network);
const d = modelIsochroneDifference(model, { origins: ORIGIN, scenarioA: A, scenarioB: B, cutoffsMin: CUTOFFS_MIN });
const origin = network.placeById.get(ORIGIN)!;
const sa = resolveScenario(network, A);
const sb = resolveScenario(network, B);
const sub = `door-to-door from ${origin.name.en} ${origin.name.zh}`;
const svg = renderPanelsSvg([
  { title: `${sa.scenario.name.en} ${sa.scenario.name.zh}`, subtitle: sub, layers: networkLayers(network, sa), bands: d.a.collection, origins: [origin.coord] },
  { title: `${sb.scenario.name.en} ${sb.scenario.name.zh}`, subtitle: sub, layers: networkLayers(network, sb), bands: d.b.collection, origins: [origin.coord] },
  {
    title: `Newly within reach in ${B}`,
    subtitle: `compared with ${A} (dashed outlines)`,
    layers: networkLayers(network, sb),
    gained: d.gained,
    lost: d.lost,
    outlineBands: d.a.collection,
    origins: [origin.coord],
  },
], { panelWidthPx: 620, labels: "cities" });

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "isochrones-qijiang.svg"), svg);
const png = await svgToPng(svg);
for (const w of png.warnings) console.warn(`warning: ${w}`);
writeFileSync(path.join(outDir, "isochrones-qijiang.png"), png.png);
for (const f of [...d.a.collection.features, ...d.b.collection.features, ...d.gained.features].reverse()) {
  const p = f.properties;
  console.log(`${String(p["change"] ?? p["scenario"]).padEnd(14)} <= ${String(p.cutoffMin).padStart(3)} min: ${p.areaKm2.toFixed(1)} km²`);
}
console.log(`wrote docs/img/isochrones-qijiang.svg and .png (${png.png.length} bytes)`);
