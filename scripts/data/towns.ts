/**
 * Derives networks/qijiang-wansheng/towns.json (the `towns` section: town centres, county census
 * populations, terrain classes) from ../shared/data/china-population-2020/county_town_pop.csv.gz.
 * Called by scripts/data/build-network.ts, so `tests/data/reproducible.test.ts` regenerates it with
 * the rest of the folder; `npx tsx scripts/data/towns.ts` prints the study-area figures only.
 *
 * Study area: every town centre within STUDY_RADIUS_KM (great circle) of a place of the network
 * (see docs/design-choices.md, "towns"). Populations: county figures are the 2020 census (counts);
 * a town's figure is the source's estimate (its county's census total split evenly over the
 * county's towns) and is marked `populationEstimated`. A county with people but no town centre in
 * the source is represented by one row at its county centre holding the whole county (estimated
 * too: the people are spread over the county, not at its centre).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { greatCircleKm } from "./geo.js";
import { REPO_ROOT, SHARED_DIR } from "./rail-times.js";

type LonLat = [number, number];

/** The source file; its README states the licences quoted in the citations below. */
export const POPULATION_CSV = path.join(SHARED_DIR, "data/china-population-2020/county_town_pop.csv.gz");

/**
 * Towns farther than this from every place of the network are left out. 300 km is what the mesh
 * alone covers in 8 h on its fastest class (plain: 45 km/h over a detour of 1.2 = 37.5 km/h as the
 * crow flies), so no band up to 8 h from any place can reach the edge of the study area.
 */
export const STUDY_RADIUS_KM = 300;

const CENSUS =
  "2020 (seventh) national census, county tables: leiii/census data/census/census_county_2020_v1.xlsx (commit 0ba0f1e), MIT licence";
const CENTRES =
  "town and county centres: Vonng/adcode data/adcode/*.csv (commit b755d6e, data 2018, 2016 division codes), CC BY 4.0, Amap GCJ-02 converted to WGS84";
const FILE = "via qiwan shared data china-population-2020/county_town_pop.csv.gz";

const q = (value: number, range: [number, number], why: string) => ({ value, assumption: { why, range } });

const SPEED_WHY =
  "Local roads between neighbouring towns are county and township roads (三/四级公路). Their design speeds are 30–40 km/h in mountains and 40–60 km/h on flat land (JTG B01, summarised at us.ok.com/ask/what-is-the-design-speed-limit-for-county-roads), and outside towns a road without a centre line is limited to 40 km/h, one with a lane each way to 70 km/h (道路交通安全法实施条例 art. 45, quoted at us.ok.com/ask/what-is-the-speed-limit-on-rural-roads); averages sit below design speed through villages and on bends.";
const DETOUR_WHY =
  "Road length over the straight line: about 1.2 in street grids (Newell 1980; O'Sullivan 1.21–1.23, per en.wikibooks.org Transportation Geography and Network Science/Circuity) and 1.3 ± 0.1 over national road networks (Wang et al., npj Complexity 1:22, 2024, arXiv 2406.06490); circuity rises with relief (Yang et al., ISPRS IJGI 10(10):705, 2021, Chinese cities) and over short distances (danolner.github.io/2015/07/routeFactor, Great Britain).";

/** Terrain classes of the study area (the `towns.terrain` table). */
const TERRAIN = {
  mountain: {
    description:
      "Mountains and karst uplands: Guizhou, Chongqing outside its western hills, west Sichuan, Yunnan, west Hunan and Hubei, south Shaanxi, Guangxi and Guangdong outside the Pearl River Delta. Local roads climb and wind between towns.",
    speedKmh: q(35, [25, 45], `${SPEED_WHY} Mountain roads: 35 km/h.`),
    detourFactor: q(1.45, [1.25, 1.8], `${DETOUR_WHY} Mountain roads between towns 5–30 km apart: 1.45.`),
  },
  hill: {
    description:
      "The hilly Sichuan basin (central and eastern Sichuan) and the parallel-ridge valleys of western Chongqing, including the central city: low hills, dense towns, many roads.",
    speedKmh: q(40, [30, 50], `${SPEED_WHY} Basin hills: 40 km/h.`),
    detourFactor: q(1.3, [1.15, 1.5], `${DETOUR_WHY} Basin hills: 1.3, the national-network average.`),
  },
  plain: {
    description: "Flat land: the Chengdu plain (成都, 德阳) and the Pearl River Delta (广州, 深圳, 珠海, 佛山, 东莞, 中山).",
    speedKmh: q(45, [35, 60], `${SPEED_WHY} Plains: 45 km/h, limited by towns and traffic rather than by the road's geometry.`),
    detourFactor: q(1.2, [1.1, 1.35], `${DETOUR_WHY} Plains: 1.2, as in a street grid.`),
  },
} as const;
type TerrainId = keyof typeof TERRAIN;

/** Prefectures (4-digit code prefixes) on the plains. */
const PLAIN = ["5101", "5106", "4401", "4403", "4404", "4406", "4419", "4420"];
/** Sichuan basin prefectures classed as hills (their mountain counties are listed in MOUNTAIN_COUNTIES). */
const HILL_PREFECTURES = ["5103", "5105", "5107", "5109", "5110", "5111", "5113", "5114", "5115", "5116", "5117", "5119", "5120"];
/** Western Chongqing districts and counties in the parallel-ridge hills (central city included). */
const HILL_COUNTIES = [
  "500103", "500104", "500105", "500106", "500107", "500108", "500109", "500111", "500112", "500113",
  "500115", "500116", "500117", "500118", "500120", "500151", "500152", "500153", "500155", "500231",
];
/** Mountain counties inside the basin prefectures (the rims: 大凉山, 乌蒙山, 大巴山, 龙门山). */
const MOUNTAIN_COUNTIES = [
  "510524", "510525", "510726", "510727", "511113", "511132", "511133", "511526", "511527", "511528",
  "511529", "511722", "511781", "511921", "511922",
];

function terrainOf(countyCode: string): TerrainId {
  if (MOUNTAIN_COUNTIES.includes(countyCode)) return "mountain";
  if (HILL_COUNTIES.includes(countyCode)) return "hill";
  const prefecture = countyCode.slice(0, 4);
  if (PLAIN.includes(prefecture)) return "plain";
  if (HILL_PREFECTURES.includes(prefecture)) return "hill";
  return "mountain";
}

interface Row {
  readonly level: "county" | "town_est";
  readonly code: string;
  readonly name: string;
  readonly coord: LonLat;
  readonly pop: number;
}

/** Reads the source file (CRLF lines; the last field, `source`, may be quoted and hold commas). */
export function readPopulationCsv(file: string = POPULATION_CSV): Row[] {
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split(/\r?\n/);
  const header = lines[0]!.split(",");
  const expected = ["level", "code", "name", "province", "prefecture", "lon", "lat", "pop", "pop_urban", "source"];
  if (header.join() !== expected.join()) throw new Error(`${file}: unexpected header ${lines[0]}`);
  const rows: Row[] = [];
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const f = line.split(",");
    const [level, code, name] = f as [string, string, string];
    const lon = Number(f[5]);
    const lat = Number(f[6]);
    const pop = Number(f[7]);
    if ((level !== "county" && level !== "town_est") || !Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isInteger(pop))
      throw new Error(`${file}: cannot read line ${JSON.stringify(line)}`);
    rows.push({ level, code, name, coord: [lon, lat], pop });
  }
  return rows;
}

/** `万盛街道办事处` → `万盛街道`: the sub-district, not its office. */
const townName = (name: string) => name.replace(/办事处$/, "");

/** The `towns` section for a network whose places sit at `placeCoords`. */
export function townsSection(placeCoords: readonly LonLat[], rows: readonly Row[] = readPopulationCsv()) {
  const near = (c: LonLat) => placeCoords.some((p) => greatCircleKm(p, c) <= STUDY_RADIUS_KM);
  const counties = new Map(rows.filter((r) => r.level === "county").map((r) => [r.code, r]));
  const townsOf = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.level !== "town_est") continue;
    const county = r.code.slice(0, 6);
    if (!counties.has(county)) throw new Error(`town ${r.code} ${r.name}: no county ${county} in the source`);
    townsOf.set(county, [...(townsOf.get(county) ?? []), r]);
  }
  const townRows: unknown[][] = [];
  const used = new Set<string>();
  for (const [code, county] of counties) {
    const towns = townsOf.get(code);
    const terrain = terrainOf(code);
    if (towns === undefined) {
      if (!near(county.coord)) continue;
      townRows.push([code, county.name, county.coord[0], county.coord[1], county.pop, true, code, terrain]);
      used.add(code);
      continue;
    }
    for (const t of towns) {
      if (!near(t.coord)) continue;
      townRows.push([t.code.replace(/000$/, ""), townName(t.name), t.coord[0], t.coord[1], t.pop, true, code, terrain]);
      used.add(code);
    }
  }
  townRows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
  const countyRows = [...used].sort().map((code) => {
    const c = counties.get(code)!;
    return [code, c.name, c.pop];
  });
  return {
    source: `${CENTRES}; town populations estimated from the ${CENSUS}; ${FILE}; derived by scripts/data/towns.ts`,
    note:
      `Every town or township (镇/乡/街道) centre within ${STUDY_RADIUS_KM} km of a place of this network. A town's population is an ESTIMATE (populationEstimated true): its county's 2020 census total split evenly over the county's town centres in the source (counties cut by the source's extent, lon 103–117 and lat 21–32.5, were split over all their towns, so their towns add up to less than the county). Counties with people but no town centre in the source (renamed after 2016) have one row at the county centre holding the whole county, also an estimate. Ids are the 9-digit town codes of 2016 (6-digit county codes for county-centre rows). Wansheng (万盛经开区) is inside 綦江区 (500110). Terrain classes are assigned by prefecture and county (scripts/data/towns.ts).`,
    terrain: TERRAIN,
    counties: {
      source: `${CENSUS}; ${FILE}`,
      columns: ["id", "name", "population"],
      rows: countyRows,
    },
    columns: ["id", "name", "lon", "lat", "population", "populationEstimated", "county", "terrain"],
    rows: townRows,
  };
}

/**
 * JSON with two-space indentation, except that an array of scalars stays on one line: one table
 * row per line keeps the file short and its diffs readable.
 */
export function compactJson(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + compactJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(",\n")}\n${indent}}`;
}

/** Writes `towns.json` into `outDir`; returns one summary line for the builder's log. */
export function writeTowns(outDir: string, placeCoords: readonly LonLat[]): string {
  const section = townsSection(placeCoords);
  writeFileSync(path.join(outDir, "towns.json"), `${compactJson({ $schema: "../schema.json", towns: section })}\n`);
  const people = section.rows.reduce((s, r) => s + (r[4] as number), 0);
  return `towns ${section.rows.length} (within ${STUDY_RADIUS_KM} km of a place; ${(people / 1e6).toFixed(1)} M people, estimated), counties ${section.counties.rows.length}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const places = JSON.parse(readFileSync(path.join(REPO_ROOT, "networks/qijiang-wansheng/places.json"), "utf8")) as {
    places: { coord: LonLat }[];
  };
  const rows = readPopulationCsv();
  const section = townsSection(places.places.map((p) => p.coord), rows);
  const byTerrain = new Map<string, number>();
  for (const r of section.rows) byTerrain.set(r[7] as string, (byTerrain.get(r[7] as string) ?? 0) + 1);
  console.log(`source: ${rows.filter((r) => r.level === "town_est").length} towns, ${rows.filter((r) => r.level === "county").length} counties`);
  console.log(`study area: ${section.rows.length} towns, ${section.counties.rows.length} counties; by terrain ${JSON.stringify(Object.fromEntries(byTerrain))}`);
}
