/**
 * The pictures in docs/img (deterministic: the same network gives byte-identical SVG; only the README
 * picture is also kept as SVG):
 * - isochrones-qijiang.svg/.png (the README picture): door-to-door isochrones from Qijiang in
 *   baseline-2020 and plan-2025 side by side, and the area newly within each cutoff, regional extent;
 * - map-regional-current.png: Qijiang in `current`, 30 min to 2 h, around 綦江/万盛 and central Chongqing;
 * - map-national-current.png: Qijiang in `current`, 1 h to 6 h, Chengdu–Guiyang–Guangzhou–Shenzhen;
 * - map-national-compare.png: current vs vision-2035 at the national extent, 2 h to 6 h.
 *
 *   npm run figures
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BBox, type MapPanel, type MapOptions, buildModel, modelIsochroneDifference, modelPolygonIsochrone, networkLayers, renderPanelsSvg, resolveScenario } from "../src/index.js";
import { loadNetwork } from "../src/node.js";
import { embeddedNetworkPath, readNetworkBoundaries, svgToPng } from "../src/node.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs", "img");
const ORIGIN = "QJ_CITY";
/** Around 綦江/万盛: central Chongqing in the north, Zunyi's edge in the south. */
const REGIONAL: BBox = [105.75, 28.25, 107.65, 29.95];
/** Chengdu, Guiyang, Guangzhou and Shenzhen with a margin. */
const NATIONAL: BBox = [103.2, 21.9, 115.0, 31.6];

const network = await loadNetwork(embeddedNetworkPath());
const model = buildModel(network);
const boundaries = await readNetworkBoundaries(network);
const origin = network.placeById.get(ORIGIN)!;
const sub = `door-to-door from ${origin.name.en} ${origin.name.zh}`;
const layersOf = (scenarioId: string) => networkLayers(network, resolveScenario(network, scenarioId), { boundaries });
const titleOf = (scenarioId: string) => {
  const s = resolveScenario(network, scenarioId).scenario;
  return `${s.name.en} ${s.name.zh}`;
};

/** Writes docs/img/NAME.png, and NAME.svg too when `svg` (only the README picture: the others would add ~0.5 MB of SVG per regeneration). */
async function write(name: string, panels: MapPanel[], options: MapOptions, svgToo = false): Promise<void> {
  const svg = renderPanelsSvg(panels, options);
  mkdirSync(outDir, { recursive: true });
  if (svgToo) writeFileSync(path.join(outDir, `${name}.svg`), svg);
  const png = await svgToPng(svg);
  for (const w of png.warnings) console.warn(`warning: ${w}`);
  writeFileSync(path.join(outDir, `${name}.png`), png.png);
  console.log(`wrote docs/img/${name}${svgToo ? ".svg and " : ""}.png (${png.png.length} bytes)`);
}

function comparison(a: string, b: string, cutoffsMin: number[]): MapPanel[] {
  const d = modelIsochroneDifference(model, { origins: ORIGIN, scenarioA: a, scenarioB: b, cutoffsMin });
  for (const f of [...d.a.collection.features, ...d.b.collection.features, ...d.gained.features].reverse()) {
    const p = f.properties;
    console.log(`  ${String(p["change"] ?? p["scenario"]).padEnd(14)} <= ${String(p.cutoffMin).padStart(3)} min: ${p.areaKm2.toFixed(1)} km²`);
  }
  return [
    { title: titleOf(a), subtitle: sub, layers: layersOf(a), bands: d.a.collection, origins: [origin.coord] },
    { title: titleOf(b), subtitle: sub, layers: layersOf(b), bands: d.b.collection, origins: [origin.coord] },
    {
      title: `Newly within reach in ${b}`,
      subtitle: `compared with ${a} (dashed outlines)`,
      layers: layersOf(b),
      gained: d.gained,
      lost: d.lost,
      outlineBands: d.a.collection,
      origins: [origin.coord],
      legendTitle: "Change",
    },
  ];
}

function single(scenarioId: string, cutoffsMin: number[]): MapPanel {
  const iso = modelPolygonIsochrone(model, { origins: ORIGIN, scenario: scenarioId, cutoffsMin });
  for (const f of iso.collection.features) console.log(`  ${scenarioId} <= ${String(f.properties.cutoffMin).padStart(3)} min: ${f.properties.areaKm2.toFixed(1)} km²`);
  return { title: `${titleOf(scenarioId)}: travel time from ${origin.name.en} ${origin.name.zh}`, subtitle: `door-to-door, ${scenarioId}`, layers: layersOf(scenarioId), bands: iso.collection, origins: [origin.coord] };
}

await write("isochrones-qijiang", comparison("baseline-2020", "plan-2025", [30, 60, 120]), { panelWidthPx: 620, extent: REGIONAL, labels: "cities" }, true);
await write("map-regional-current", [single("current", [30, 60, 120])], { panelWidthPx: 1000, extent: REGIONAL });
await write("map-national-current", [single("current", [60, 120, 240, 360])], { panelWidthPx: 1000, extent: NATIONAL, labels: "cities" });
await write("map-national-compare", comparison("current", "vision-2035", [120, 240, 360]), { panelWidthPx: 620, extent: NATIONAL, labels: "cities" });
