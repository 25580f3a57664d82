/**
 * Builds networks/qijiang-wansheng/*.json from the tables below and the shared reference data
 * (../shared/reference/places-verified.csv, ../shared/data/china-rail-2023/*). The JSON files are the
 * data of record and are committed; this script is how they were produced, so that every coordinate
 * and derived running time can be regenerated and checked. Edit the tables here, then run
 * `npx tsx scripts/data/build-network.ts` (needs ../shared) and commit the JSON. A test regenerates
 * the folder into a temporary directory and requires it to equal the committed files.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import {
  CHINA_RAIL_CITATION,
  REPO_ROOT,
  SHARED_DIR,
  pairStats,
  readTrains,
  type PairStats,
  type Train,
} from "./rail-times.js";
import { gcjToWgs, greatCircleKm } from "./geo.js";
import { CIRCUITY, ROAD_PLACES, SPEED_URBAN, roadLinks } from "./tables/roads.js";
import { REGIONAL_PARAMETERS } from "./tables/parameters.js";
import { writeTowns } from "./towns.js";
import { fittedRunMinutes, patternServices } from "./rail-services.js";
import { pairTimes } from "./rail-patterns.js";
import { formatCalibrationCsv } from "../../src/calibrate/csv.js";
import type { CalibrationRow } from "./tables/calibration-types.js";
import { CALIBRATION_RAIL_DATA, CALIBRATION_RAIL_PUBLISHED } from "./tables/calibration-rail.js";
import { CALIBRATION_ROAD } from "./tables/calibration-road.js";
import {
  AFTER_SCRAPE,
  CHENGZIYI_FIX,
  DWELL_SKIPPED,
  DWELL_STOP,
  EXTRA_STATIONS_OF,
  PUBLISHED_SERVICES,
  RAIL_PLACES,
  RAIL_PROJECTS,
  RAIL_TRACKS,
  STATION_TRANSFER,
  TIMETABLE_NAME,
  type LonLat,
  type Q,
} from "./tables/rail-network.js";


/** Output folder: networks/qijiang-wansheng, or the folder after `--out` (used by the reproducibility test). */
const OUT_DIR = (() => {
  const i = process.argv.indexOf("--out");
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1] as string) : path.join(REPO_ROOT, "networks/qijiang-wansheng");
})();
const VERIFIED_CSV = path.join(SHARED_DIR, "reference/places-verified.csv");
const OSM_CSV = path.join(SHARED_DIR, "data/china-rail-2023/stations_osm_wgs84.csv");

// ---------------------------------------------------------------------------------------------
// Citations
// ---------------------------------------------------------------------------------------------
const OSM_STATIONS =
  "OpenStreetMap station node via wensimehrp/chinese-railway-gtfs out.csv @3f527cf (file stations_osm_wgs84.csv)";
const ADCODE = "Vonng/adcode data/adcode (Amap district centres, CC BY 4.0, commit 294c4ef)";
const FACTS = "qiwan reference fact sheet network-facts.md";
const PLAN =
  "《綦江—万盛一体化发展规划》渝府办〔2021〕8号 (2021-06-25), section 四(一)";
const RAIL_SCRIPT = "script scripts/data/rail-times.ts";
const CALIBRATION_SCRIPT = "scripts/data/build-network.ts (calibrationRows)";

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------------------------------------
// Coordinates
// ---------------------------------------------------------------------------------------------
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function readVerified(): Map<string, { coord: LonLat; source: string; name: string }> {
  const lines = readFileSync(VERIFIED_CSV, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  const m = new Map<string, { coord: LonLat; source: string; name: string }>();
  for (const line of lines.slice(1)) {
    const [id, name, lat, lon, source] = parseCsvLine(line);
    if (id === undefined || lat === undefined || lon === undefined || source === undefined) continue;
    m.set(id, { coord: [Number(lon), Number(lat)], source, name: name ?? id });
  }
  return m;
}

function readOsm(): Map<string, LonLat> {
  const m = new Map<string, LonLat>();
  for (const line of readFileSync(OSM_CSV, "utf8").split(/\r?\n/).slice(1)) {
    const [name, lon, lat] = line.split(",");
    if (name && lon && lat) m.set(name, [Number(lon), Number(lat)]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------
type Kind = "city" | "town" | "station" | "airport" | "port" | "node";
type CoordSpec =
  | { verified: string }
  | { osm: string }
  | { gcj: LonLat; adcode: string }
  | { derived: LonLat; why: string };

interface PlaceSpec {
  id: string;
  zh: string;
  en: string;
  kind: Kind;
  at: CoordSpec;
  region: string;
  stations?: string[];
  population?: Q;
  tags?: string[];
  note?: string;
}

const CENSUS_QJ =
  "2020 census (七普): 綦江区 775,509 residents excluding 万盛经开区 (cqqj.gov.cn 七普公报, 2022-11-29; fact sheet §4)";
const CENSUS_WS =
  "DERIVED: 綦江区 incl. 万盛 1,011,334 (hongheiku.com citing 重庆市七普主要数据) minus 綦江区 excl. 万盛 775,509 (cqqj.gov.cn); fact sheet §4";

const SC_CENSUS_BINS =
  "Sichuan 2020 census release (四川在线 2021-05-26, sc.sina.com.cn detail-ikmxzfmm4732078) groups the prefectures into size bands";
/** 2020 census bands of the Sichuan prefectures (whole prefecture, counties included). */
const SC_BAND: Record<string, [number, number]> = {
  NANCHONG: [5e6, 6e6], DAZHOU: [5e6, 6e6],
  MIANYANG: [3e6, 5e6], YIBIN: [3e6, 5e6], LUZHOU: [3e6, 5e6], DEYANG: [3e6, 5e6], GUANGAN: [3e6, 5e6], LESHAN: [3e6, 5e6], NEIJIANG: [3e6, 5e6],
  MEISHAN: [1e6, 3e6], SUINING: [1e6, 3e6], ZIGONG: [1e6, 3e6], ZIYANG: [1e6, 3e6], YAAN: [1e6, 3e6],
};
const PLACES: PlaceSpec[] = [
  // --- Central Chongqing ---
  {
    id: "CQ_CBD", zh: "重庆中心城区(解放碑)", en: "Central Chongqing (Jiefangbei CBD)", kind: "city",
    at: { verified: "JFB" }, region: "Chongqing",
    stations: ["CQ_WEST", "CQ_NORTH", "SPB_STN", "CQ_STN", "CQ_EAST_STN"],
    tags: ["target-destination"],
    note: "Represents 重庆中心城区 by the 解放碑 sub-district centre. 重庆站 (菜园坝) is listed as a station but has no service after its 2022-06 closure.",
  },
  { id: "CQ_WEST", zh: "重庆西站", en: "Chongqing West station", kind: "station", at: { verified: "CQ_WEST" }, region: "Chongqing", note: "Opened 2018-01-25 (fact sheet §1)." },
  { id: "CQ_NORTH", zh: "重庆北站", en: "Chongqing North station", kind: "station", at: { verified: "CQ_NORTH" }, region: "Chongqing" },
  { id: "SPB_STN", zh: "沙坪坝站", en: "Shapingba station", kind: "station", at: { verified: "SPB_STN" }, region: "Chongqing" },
  { id: "CQ_STN", zh: "重庆站(菜园坝)", en: "Chongqing station (Caiyuanba)", kind: "station", at: { verified: "CQ_STN" }, region: "Chongqing", note: "Closed to passengers 2022-06-20 for reconstruction (fact sheet §1); no service stops here." },
  { id: "CQ_EAST_STN", zh: "重庆东站", en: "Chongqing East station", kind: "station", at: { verified: "CQ_EAST_STN" }, region: "Chongqing", note: "Terminus assumed for the planned 渝贵高铁 and the 綦万 city express rail (C5); no 2023 service." },
  // --- The plan area: three urban areas ---
  {
    id: "QJ_CITY", zh: "綦江城区(古南/文龙)", en: "Qijiang urban area", kind: "city", at: { verified: "QJ_CITY" }, region: "Chongqing",
    stations: ["QJ_EAST", "QJ_STN", "QJ_HSR"], tags: ["plan-area", "urban-area"],
    population: { value: 775509, source: CENSUS_QJ, note: "Whole district (excluding 万盛), not the urban area alone." },
  },
  {
    id: "WS_CITY", zh: "万盛城区(万盛街道)", en: "Wansheng urban area", kind: "city", at: { verified: "WS_CITY" }, region: "Chongqing",
    stations: ["WS_STN", "WS_HSR"], tags: ["plan-area", "urban-area"],
    population: { value: 235825, source: CENSUS_WS, note: "Whole 万盛经开区, not the urban area alone." },
  },
  {
    id: "YONGTONG", zh: "永桐新城(永城—南桐)", en: "Yongtong new town (Yongcheng–Nantong)", kind: "city",
    at: {
      derived: [(106.819765 + 106.8785) / 2, (29.025667 + 28.946742) / 2],
      why: "DERIVED midpoint of 永城镇 and 南桐镇 centres (places-verified.csv rows YONGCHENG and NANTONG, Amap via Vonng/adcode @294c4ef, GCJ-02 converted). The plan names the new town (规划建设永桐新城) but gives no location; the point may be off by up to ~5 km.",
    },
    region: "Chongqing", stations: [], tags: ["plan-area", "urban-area"],
    note: "A planned new town with no station of its own: station-to-station results report 'no station'.",
  },
  // --- Plan-area towns ---
  { id: "YONGCHENG", zh: "永城镇", en: "Yongcheng town", kind: "town", at: { verified: "YONGCHENG" }, region: "Chongqing" },
  { id: "NANTONG", zh: "南桐镇", en: "Nantong town", kind: "town", at: { verified: "NANTONG" }, region: "Chongqing" },
  { id: "DONGXI", zh: "东溪镇", en: "Dongxi town", kind: "town", at: { verified: "DONGXI" }, region: "Chongqing" },
  { id: "GANSHUI", zh: "赶水镇", en: "Ganshui town", kind: "town", at: { verified: "GANSHUI" }, region: "Chongqing", stations: ["GANSHUI_EAST", "GANSHUI_STN"] },
  { id: "FUHUAN", zh: "扶欢镇", en: "Fuhuan town", kind: "town", at: { verified: "FUHUAN" }, region: "Chongqing" },
  { id: "ANWEN", zh: "安稳镇", en: "Anwen town", kind: "town", at: { verified: "ANWEN" }, region: "Chongqing" },
  { id: "GUANBA", zh: "关坝镇", en: "Guanba town", kind: "town", at: { verified: "GUANBA" }, region: "Chongqing" },
  { id: "JIELONG", zh: "接龙镇(巴南)", en: "Jielong town (Banan)", kind: "town", at: { verified: "JIELONG" }, region: "Chongqing" },
  // --- Plan-area stations ---
  { id: "QJ_EAST", zh: "綦江东站", en: "Qijiang East station", kind: "station", at: { verified: "QJ_EAST" }, region: "Chongqing", note: "渝贵铁路, opened 2018-01-25." },
  { id: "QJ_STN", zh: "綦江站", en: "Qijiang station", kind: "station", at: { verified: "QJ_STN" }, region: "Chongqing", note: "川黔铁路 (conventional); no passenger train in the 2023 data (only numeric-code local trains, absent from the data)." },
  { id: "SANJIANG_STN", zh: "三江站", en: "Sanjiang station", kind: "station", at: { verified: "SANJIANG_STN" }, region: "Chongqing", note: "Junction of 川黔 and 三南/涪三." },
  { id: "GANSHUI_EAST", zh: "赶水东站", en: "Ganshui East station", kind: "station", at: { verified: "GANSHUI_EAST" }, region: "Chongqing" },
  { id: "GANSHUI_STN", zh: "赶水站", en: "Ganshui station", kind: "station", at: { verified: "GANSHUI_STN" }, region: "Chongqing" },
  { id: "WS_STN", zh: "万盛站", en: "Wansheng station", kind: "station", at: { verified: "WS_STN" }, region: "Chongqing", note: "On the 三江—万盛—南川 line; freight only (fact sheet §1). Coordinate from an early out.csv version, flagged 'verify on a map' in places-verified.csv." },
  { id: "LUOHUANG_S", zh: "珞璜南站", en: "Luohuang South station", kind: "station", at: { osm: "珞璜南" }, region: "Chongqing" },
  // --- Guizhou ---
  {
    id: "GUIYANG", zh: "贵阳(云岩区)", en: "Guiyang (Yunyan district centre)", kind: "city",
    at: { gcj: [106.724494, 26.604688], adcode: "520103 云岩区" }, region: "Guizhou",
    stations: ["GY_NORTH", "GY_EAST", "GY_STN"], tags: ["target-destination"],
    note: "云岩区 (old core) chosen over Amap's 贵阳市 centre (the new city hall in 观山湖区, ~10 km west) as the centre of gravity of the city.",
  },
  { id: "GY_NORTH", zh: "贵阳北站", en: "Guiyang North station", kind: "station", at: { verified: "GY_NORTH" }, region: "Guizhou" },
  { id: "GY_EAST", zh: "贵阳东站", en: "Guiyang East station", kind: "station", at: { verified: "GY_EAST" }, region: "Guizhou" },
  { id: "GY_STN", zh: "贵阳站", en: "Guiyang station", kind: "station", at: { verified: "GY_STN" }, region: "Guizhou" },
  { id: "ZUNYI", zh: "遵义", en: "Zunyi", kind: "city", at: { verified: "ZUNYI" }, region: "Guizhou", stations: ["ZUNYI_STN"] },
  { id: "ZUNYI_STN", zh: "遵义站", en: "Zunyi station", kind: "station", at: { osm: "遵义" }, region: "Guizhou" },
  { id: "TONGZI", zh: "桐梓县城", en: "Tongzi", kind: "town", at: { verified: "TONGZI" }, region: "Guizhou", stations: ["TONGZI_N", "TONGZI_STN"] },
  { id: "TONGZI_STN", zh: "桐梓站", en: "Tongzi station (川黔铁路)", kind: "station", at: { osm: "桐梓" }, region: "Guizhou" },
  { id: "TONGZI_N", zh: "桐梓北站", en: "Tongzi North station", kind: "station", at: { osm: "桐梓北" }, region: "Guizhou" },
  { id: "ZHENGAN", zh: "正安县城", en: "Zheng'an", kind: "town", at: { verified: "ZHENGAN" }, region: "Guizhou" },
  { id: "XISHUI", zh: "习水县城", en: "Xishui", kind: "town", at: { verified: "XISHUI" }, region: "Guizhou" },
  { id: "CHISHUI", zh: "赤水市", en: "Chishui", kind: "town", at: { verified: "CHISHUI" }, region: "Guizhou" },
  { id: "XUYONG", zh: "叙永县城", en: "Xuyong", kind: "town", at: { verified: "XUYONG" }, region: "Sichuan" },
  // --- Guangdong, Guangxi ---
  { id: "GUANGZHOU", zh: "广州(市政府)", en: "Guangzhou (city hall)", kind: "city", at: { gcj: [113.264385, 23.12911], adcode: "440100 广州市" }, region: "Guangdong", stations: ["GZ_SOUTH"], tags: ["target-destination"] },
  { id: "GZ_SOUTH", zh: "广州南站", en: "Guangzhou South station", kind: "station", at: { verified: "GZ_SOUTH" }, region: "Guangdong" },
  { id: "SHENZHEN", zh: "深圳(市政府)", en: "Shenzhen (city hall)", kind: "city", at: { gcj: [114.057939, 22.543527], adcode: "440300 深圳市" }, region: "Guangdong", stations: ["SZ_NORTH"], tags: ["target-destination"] },
  { id: "SZ_NORTH", zh: "深圳北站", en: "Shenzhen North station", kind: "station", at: { verified: "SZ_NORTH" }, region: "Guangdong" },
  { id: "QINZHOU_PORT", zh: "钦州港", en: "Qinzhou Port (Beibu Gulf)", kind: "port", at: { verified: "QINZHOU_PORT" }, region: "Guangxi", note: "Freight destination of the 西部陆海新通道; no passenger target." },
  // --- Chengdu and the Sichuan cities of the economic circle ---
  { id: "CHENGDU", zh: "成都(天府广场)", en: "Chengdu (Tianfu Square)", kind: "city", at: { verified: "CHENGDU" }, region: "Sichuan", stations: ["CD_EAST", "CD_STN"], tags: ["econ-circle", "target-destination"], population: sichuanPopulation("CHENGDU") },
  { id: "CD_EAST", zh: "成都东站", en: "Chengdu East station", kind: "station", at: { verified: "CD_EAST" }, region: "Sichuan" },
  { id: "CD_STN", zh: "成都站", en: "Chengdu station", kind: "station", at: { verified: "CD_STN" }, region: "Sichuan", note: "No train in the 2023 data; terminus of the 成渝中线 (under construction)." },
  ...sichuanCity("ZIGONG", "自贡", "Zigong", "ZIGONG_STN", "自贡", "自贡站"),
  ...sichuanCity("LUZHOU", "泸州", "Luzhou", "LUZHOU_STN", "泸州", "泸州站"),
  ...sichuanCity("DEYANG", "德阳", "Deyang", "DEYANG_STN", "德阳", "德阳站"),
  ...sichuanCity("MIANYANG", "绵阳", "Mianyang", "MIANYANG_STN", "绵阳", "绵阳站"),
  ...sichuanCity("SUINING", "遂宁", "Suining", "SUINING_STN", "遂宁", "遂宁站"),
  ...sichuanCity("NEIJIANG", "内江", "Neijiang", "NEIJIANG_N", "内江北", "内江北站"),
  ...sichuanCity("LESHAN", "乐山", "Leshan", "LESHAN_STN", "乐山", "乐山站"),
  ...sichuanCity("NANCHONG", "南充", "Nanchong", "NANCHONG_N", "南充北", "南充北站"),
  ...sichuanCity("MEISHAN", "眉山", "Meishan", "MEISHAN_E", "眉山东", "眉山东站"),
  ...sichuanCity("YIBIN", "宜宾", "Yibin", "YIBIN_W", "宜宾西", "宜宾西站"),
  ...sichuanCity("GUANGAN", "广安", "Guang'an", "GUANGAN_STN", "广安", "广安站"),
  ...sichuanCity("DAZHOU", "达州", "Dazhou", "DAZHOU_STN", "达州", "达州站"),
  ...sichuanCity("YAAN", "雅安", "Ya'an", "YAAN_STN", "雅安", "雅安站"),
  ...sichuanCity("ZIYANG", "资阳", "Ziyang", "ZIYANG_N", "资阳北", "资阳北站"),
  // --- Chongqing districts of the economic circle ---
  { id: "WANZHOU", zh: "万州", en: "Wanzhou", kind: "city", at: { gcj: [108.408661, 30.807667], adcode: "500101 万州区" }, region: "Chongqing", stations: ["WANZHOU_N"], population: cqDistrictPopulation(1563050), tags: ["econ-circle"] },
  { id: "WANZHOU_N", zh: "万州北站", en: "Wanzhou North station", kind: "station", at: { verified: "WANZHOU_N" }, region: "Chongqing" },
  { id: "FULING", zh: "涪陵", en: "Fuling", kind: "city", at: { gcj: [107.38977, 29.703022], adcode: "500102 涪陵区" }, region: "Chongqing", stations: ["FULING_N"], population: cqDistrictPopulation(1066714), tags: ["econ-circle"] },
  { id: "FULING_N", zh: "涪陵北站", en: "Fuling North station", kind: "station", at: { osm: "涪陵北" }, region: "Chongqing" },
  { id: "JIANGJIN", zh: "江津城区(几江)", en: "Jiangjin", kind: "city", at: { verified: "JIANGJIN" }, region: "Chongqing", stations: [], population: cqDistrictPopulation(1233149), tags: ["econ-circle"], note: "江津站 (川黔) has only numeric-code local trains, absent from the data; 江跳线 (2022) ends at 圣泉寺, not modelled. Reached by road here." },
  { id: "YONGCHUAN", zh: "永川", en: "Yongchuan", kind: "city", at: { gcj: [105.927001, 29.356311], adcode: "500118 永川区" }, region: "Chongqing", stations: ["YONGCHUAN_E"], population: cqDistrictPopulation(1024708), tags: ["econ-circle"] },
  { id: "YONGCHUAN_E", zh: "永川东站", en: "Yongchuan East station", kind: "station", at: { osm: "永川东" }, region: "Chongqing" },
  { id: "HECHUAN", zh: "合川", en: "Hechuan", kind: "city", at: { gcj: [106.27613, 29.972084], adcode: "500117 合川区" }, region: "Chongqing", stations: ["HECHUAN_STN"], population: cqDistrictPopulation(1293028), tags: ["econ-circle"] },
  { id: "HECHUAN_STN", zh: "合川站", en: "Hechuan station", kind: "station", at: { osm: "合川" }, region: "Chongqing" },
  { id: "NANCHUAN", zh: "南川城区", en: "Nanchuan", kind: "city", at: { verified: "NANCHUAN" }, region: "Chongqing", stations: ["NANCHUAN_STN"], population: cqDistrictPopulation(534329), tags: ["econ-circle"], note: "南川站 (南涪/三南) is freight only today; reached by road unless the 三江—万盛—南川 公交化 service runs." },
  { id: "NANCHUAN_STN", zh: "南川站", en: "Nanchuan station", kind: "station", at: { osm: "南川" }, region: "Chongqing", note: "三南/南涪 lines; freight only (fact sheet §2a)." },
  { id: "CHANGSHOU_N", zh: "长寿北站", en: "Changshou North station", kind: "station", at: { osm: "长寿北" }, region: "Chongqing", note: "Intermediate stop of the 渝万/渝利 services." },
];

function sichuanPopulation(id: string): Q | undefined {
  if (id === "CHENGDU") return { value: 20938000, source: "2020 census: 成都市 2093.8万 (成都商报 2021-05-27, repost whstyn.com; 四川在线 2021-05-26)", note: "Whole municipality." };
  const band = SC_BAND[id];
  if (!band) return undefined;
  const mid = (band[0] + band[1]) / 2;
  return { value: mid, assumption: { why: `${SC_CENSUS_BINS}: this one is in the ${band[0] / 1e4}–${band[1] / 1e4}万 band; exact figure not in the sources, so the band midpoint is used. Whole prefecture, not the urban area.`, range: band, mode: mid } };
}

/** Chongqing districts: 2010 census (tjj.cq.gov.cn table A0106) as the mode; 2020 values not in the sources. */
function cqDistrictPopulation(value2010: number): Q {
  return { value: value2010, assumption: { why: `2010 census resident population ${value2010} (重庆市统计局, 六普 table 1-6, tjj.cq.gov.cn A0106); the 2020 figure is not in the sources. Chongqing districts changed by roughly −15% to +20% over 2010–2020 (綦江 −3.19%, fact sheet §4), hence the range. Whole district.`, range: [Math.round(value2010 * 0.85), Math.round(value2010 * 1.2)], mode: value2010 } };
}

function sichuanCity(id: string, zh: string, en: string, stnId: string, osmName: string, stnZh: string): PlaceSpec[] {
  const population = sichuanPopulation(id);
  return [
    { id, zh, en, kind: "city", at: { verified: id }, region: "Sichuan", stations: [stnId], tags: ["econ-circle"], ...(population ? { population } : {}) },
    { id: stnId, zh: stnZh, en: `${en} ${osmName.endsWith("北") ? "North " : osmName.endsWith("东") ? "East " : osmName.endsWith("西") ? "West " : ""}station`, kind: "station", at: { osm: osmName }, region: "Sichuan" },
  ];
}

// ---------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------
const PT = {
  rail1:
    "新建万盛—关坝铁路，续建关坝—赶水铁路，改扩建川黔铁路，加快推进渝贵、渝桂高铁和铁路二环线等前期工作，研究新建广安—涪陵—柳州铁路、改造三江—万盛—南川铁路。",
  rail2:
    "推动渝贵铁路、三江—万盛—南川铁路开行城市公交化列车，研究论证重庆中心城区—綦江—万盛城轨快线，加快融入重庆主城都市区“1小时通勤圈”。",
  road1:
    "完成渝黔高速公路扩能，加快建设綦江—万盛—正安、安稳—习水、重庆—赤水—叙永、万盛—桐梓羊蹬、綦江绕城高速公路，改扩建綦江—万盛高速公路。",
  road2: "积极推进渝黔高速南环至綦江段高速公路、重庆中心城区—綦江—万盛快速通道等前期工作。",
  road3: "加快建设南桐—接龙、永城—庆江省道公路。",
  road4: "开展江津—綦江—万盛高速公路规划研究，新（扩）建一批快速路、产业路、旅游路等骨干公路。",
  air: "开展万盛支线机场布局研究，规划建设一批直升机起降点，提升航空运输服务能力。",
  water: "研究推动綦河航道综合开发利用。",
  freight: "研究开行西部陆海新通道铁海联运（綦江—万盛至北部湾）班列",
  targets: "加快实现“半小时重庆中心城区、1小时贵阳、2小时成渝地区双城经济圈主要城市、6小时广州深圳”。",
  hub: "建设重庆南向铁路枢纽，加快实现“半小时重庆中心城区、1小时贵阳、2小时成渝地区双城经济圈主要城市、6小时广州深圳”。",
  spurs: "推进铁路专用线进大型工矿企业和物流园区，一体化构建铁、公、水、空多式联运交通物流枢纽，实现货运“零换装”。",
  ptHubs: "研究建立城乡客运一体化建设运营机制，统筹推进综合客运站和公交枢纽布局建设，加快实施公共交通“一卡通”。",
  commute30: "构建便捷畅通的“半小时通勤圈”",
  commute60: "加快融入重庆主城都市区“1小时通勤圈”",
} as const;

function yearSourced(value: number, source: string): Q {
  return { value, source };
}
function yearAssumed(value: number, range: [number, number], why: string): Q {
  return { value, assumption: { why, range, mode: value } };
}

interface ProjectSpec {
  id: string;
  zh: string;
  en: string;
  category: "rail" | "rail-service" | "urban-rail" | "road" | "airport" | "waterway" | "logistics";
  status: "existing" | "under-construction" | "planned" | "study";
  openingYear?: Q;
  planText?: string;
  /** Name of the plan item exactly as the plan writes it (checked by tests/data). */
  planItem?: string;
  source: string;
  note?: string;
}

const PROJECTS: ProjectSpec[] = [
  // ---- Existing lines and roads (no plan text) ----
  { id: "P_CHUANQIAN", zh: "川黔铁路", en: "Sichuan–Guizhou railway (conventional)", category: "rail", status: "existing", openingYear: yearSourced(1965, "eda-rhinos.com 2018-01-23 (opened 1965-10-01); fact sheet §2a"), source: `${FACTS} §2a; links.csv R_CHUANQIAN`, note: "Chongqing section becoming freight-only since 2018; no passenger service in the 2023 data." },
  { id: "P_YUGUI_RAIL", zh: "渝贵铁路", en: "Chongqing–Guiyang railway", category: "rail", status: "existing", openingYear: yearSourced(2018, "Xinhua 2018-01-25 (opened 2018-01-25); fact sheet §2a"), source: `${FACTS} §2a; links.csv R_YUGUI` },
  { id: "P_SANNAN", zh: "三南铁路(三江—万盛—南川)改造(2016)", en: "Sanjiang–Wansheng–Nanchuan railway (2016 upgrade)", category: "rail", status: "existing", openingYear: yearSourced(2016, "cqtitle.com 2016-12-12; 重庆綦江网 2016-12-07 (upgrade opened 2016-12-05, freight)"), source: `${FACTS} §2a; links.csv R_SANNAN`, note: "Freight only; 120 km/h single track." },
  { id: "P_NANFU", zh: "南涪铁路", en: "Nanchuan–Fuling railway", category: "rail", status: "existing", openingYear: yearSourced(2012, "华龙网 2024-07-12 (opened 2012-09); fact sheet §2a"), source: `${FACTS} §2a`, note: "Freight; context for the 涪三 south-east loop." },
  { id: "P_CHENGYU_HSR", zh: "成渝高铁", en: "Chengdu–Chongqing high-speed railway", category: "rail", status: "existing", openingYear: yearSourced(2015, "重庆晨报 2015 (opened 2015-12); fact sheet §2a"), source: `${FACTS} §2a` },
  { id: "P_CHENGYU_350", zh: "成渝高铁提速至350km/h", en: "Chengdu–Chongqing HSR raised to 350 km/h", category: "rail", status: "existing", openingYear: yearSourced(2020, "新华社 2020-12-24 (350 km/h from 2020-12-24)"), source: `${FACTS} §2a`, note: "In force from 2020-12-24, so inside baseline-2020 (a year-end baseline). The 2023 data already reflects it; no separate pre-upgrade service is modelled." },
  { id: "P_GUIGUANG", zh: "贵广高铁", en: "Guiyang–Guangzhou high-speed railway", category: "rail", status: "existing", openingYear: yearSourced(2014, "人民网 2023-10-11 (opened 2014-12-26); fact sheet §2a"), source: `${FACTS} §2a` },
  { id: "P_GUIGUANG_300", zh: "贵广高铁提速至300km/h", en: "Guiyang–Guangzhou HSR raised to 300 km/h", category: "rail", status: "existing", openingYear: yearSourced(2023, "人民网 2023-10-11 (300 km/h from 2023-10-11, 250 before)"), source: `${FACTS} §2a`, note: "After the 2023-09-25 data scrape: its services carry the published post-upgrade fastest times (scripts/data/tables/rail-network.ts); the 2023 stop patterns on 贵广 keep their 2023 times." },
  { id: "P_CHENGYU_MID", zh: "成渝中线高铁", en: "Chengdu–Chongqing central-line HSR", category: "rail", status: "under-construction", openingYear: yearAssumed(2027, [2026, 2030], "Construction started 2022-11-28; ~2027 expected (zgjiaodian.com 国铁集团 2022-11-28; jttl.com.cn 2025-07). Range covers a one-to-three-year slip."), source: `${FACTS} §2a (links.csv R_CHENGYU_MID)`, note: "Not a plan item; context for vision-2035 (enters by year)." },
  { id: "P_JIANGTIAO", zh: "江跳线", en: "Jiangjin–Tiaodeng suburban railway", category: "urban-rail", status: "existing", openingYear: yearSourced(2022, "人民日报 2022-08-08 (opened 2022-08-06)"), source: `${FACTS} §2a`, note: "Context only, no link: its stations (跳磴, 圣泉寺) have no sourced coordinates and it serves no modelled place directly. Excluded from baseline-2020 by its year." },
  { id: "P_G75_OLD", zh: "渝黔高速(G75兰海高速重庆段, 既有)", en: "Chongqing–Guizhou expressway G75 (original)", category: "road", status: "existing", openingYear: yearAssumed(2004, [1995, 2010], "Opening year not found (fact sheet links.csv E_G75_OLD: UNVERIFIED ~2004); it existed before the plan (named in the plan's baseline), so any year up to 2010 keeps it in baseline-2020."), source: `${FACTS} §2b; existence: the plan's baseline (渝黔高速) and cqqj.gov.cn` },
  { id: "P_G75_GZ_OLD", zh: "兰海高速崇溪河—遵义—贵阳段(既有)", en: "G75 expressway Chongxihe–Zunyi–Guiyang (original)", category: "road", status: "existing", openingYear: yearAssumed(2005, [1995, 2012], "Opening year not in the sources; the road predates the 2018 渝贵铁路 and the 2023 重遵扩容 (fact sheet §2b), so any year up to 2012 keeps it in baseline-2020."), source: "UNVERIFIED existence of the original G75 Guizhou section, implied by 重遵扩容 being an expansion (fact sheet §2b)" },
  { id: "P_QIWAN_EXP", zh: "綦万高速", en: "Qijiang–Wansheng expressway", category: "road", status: "existing", openingYear: yearAssumed(2010, [2000, 2019], "Opening year not found; 'pre-2020' per the fact sheet (czkjst.org encyclopedia copy), so the range ends at 2019."), source: `${FACTS} §2b (links.csv E_QIWAN)` },
  { id: "P_JIANGQI_EXP", zh: "江綦高速", en: "Jiangjin–Qijiang expressway", category: "road", status: "existing", openingYear: yearAssumed(2016, [2016, 2017], "cnbridge.cn 2016-01-12 gives 2016 as the planned opening year; the exact date was not found."), source: `${FACTS} §2b` },
  { id: "P_NANWAN_EXP", zh: "南万高速", en: "Nanchuan–Wansheng expressway", category: "road", status: "existing", openingYear: yearSourced(2013, "重庆晚报 2013-01 (opened 2013)"), source: `${FACTS} §2b` },
  { id: "P_JIANGXI_EXP", zh: "江习高速", en: "Jiangjin–Xishui expressway", category: "road", status: "existing", openingYear: yearSourced(2018, "cqcb.com 2018-06-28 (CQ section opened 2018-06-29)"), source: `${FACTS} §2b` },
  { id: "P_CHONGZUN_EXPANSION", zh: "重遵扩容(兰海高速重庆至遵义段贵州境扩容)", en: "Chongqing–Zunyi expressway expansion (Guizhou)", category: "road", status: "existing", openingYear: yearSourced(2023, "oflu.cn 2023-10-07 (opened 2023-09-29)"), source: `${FACTS} §2b` },
  // ---- Plan items: rail ----
  { id: "P_WS_GUANBA_RAIL", planItem: "新建万盛—关坝铁路", zh: "新建万盛—关坝铁路", en: "Wansheng–Guanba railway (new)", category: "rail", status: "planned", openingYear: yearAssumed(2028, [2024, 2035], "No source on its status (fact sheet §3); a plan item for 2021–2025 that had not been reported started by the latest source."), planText: PT.rail1, source: `${PLAN}; status: ${FACTS} §3 (no source found)`, note: "Freight link (probably an extension of the 关坝 industrial spur): no passenger effect, so no links." },
  { id: "P_GUANBA_GANSHUI_RAIL", planItem: "续建关坝—赶水铁路", zh: "续建关坝—赶水铁路", en: "Guanba–Ganshui railway (industrial spur, continued)", category: "rail", status: "under-construction", openingYear: yearAssumed(2024, [2023, 2026], "Passed 成都局 preliminary acceptance 2023-04 and was 'finishing' (cqnews.net 2023-04-12); opening date not found."), planText: PT.rail1, source: `${PLAN}; status: cqnews.net 2023-04-12, ${FACTS} §3`, note: "= 关坝铁路专用线 (13.375 km, 80 km/h, 国铁III级), coal for 国能重庆电厂: freight only, so no links." },
  { id: "P_CHUANQIAN_UPGRADE", planItem: "改扩建川黔铁路", zh: "改扩建川黔铁路", en: "Sichuan–Guizhou railway upgrade", category: "rail", status: "study", openingYear: yearAssumed(2032, [2026, 2040], "Listed as 前期 in the CQ action plan 2020–2022; nothing later found (fact sheet §3). Scope unknown."), planText: PT.rail1, source: `${PLAN}; status: hongfangfood.com (CQ 行动方案 2020–2022), ${FACTS} §3`, note: "No sourced scope or speed, and the line carries no passenger trains in the data: no links." },
  { id: "P_YUGUI_HSR", planItem: "渝贵", zh: "渝贵高铁", en: "Chongqing–Guiyang high-speed railway (350 km/h)", category: "rail", status: "study", openingYear: yearAssumed(2033, [2030, 2040], "前期 only: CQ 2023 work conference (2023-03-06) still sought inclusion in the national plan; no construction start found (fact sheet §3). A 5–6 year build after a start in the late 2020s."), planText: PT.rail1, source: `${PLAN}; status: wanbao.yzbytv.com (2023全市交通工作会 2023-03-06), ${FACTS} §3`, note: "Modelled via 重庆东 – 綦江 – 万盛 – 贵阳东 (self-media station list; the east/west alignment is undecided). Included in vision-2035 only." },
  { id: "P_YUGUI_HSR_GX", planItem: "渝桂高铁", zh: "渝桂高铁", en: "Chongqing–Guilin/Guangxi high-speed railway", category: "rail", status: "study", planText: PT.rail1, source: `${PLAN}; status: ${FACTS} §3 (no source found; project not identified)`, note: "Not identified in any source (route unknown), so no links; no opening year." },
  { id: "P_RING2", planItem: "铁路二环线", zh: "铁路二环线", en: "Chongqing railway 2nd ring", category: "rail", status: "planned", openingYear: yearAssumed(2032, [2027, 2040], "In the 重庆市中长期铁路网规划 (2016–2030); no construction start found (fact sheet §3)."), planText: PT.rail1, source: `${PLAN}; tus8.com 2017-02-20; ${FACTS} §3`, note: "400 km ring (~200 km new, 160 km/h) reusing 川黔/三南 between 綦江 and 万盛; its 綦江–万盛 passenger effect is represented by the 三江—万盛—南川 公交化 service, so it carries no links of its own." },
  { id: "P_GUANGFULIU", planItem: "广安—涪陵—柳州铁路", zh: "研究新建广安—涪陵—柳州铁路", en: "Guang'an–Fuling–Liuzhou railway (study)", category: "rail", status: "study", planText: PT.rail1, source: `${PLAN}; tus8.com 2016-03-18; ${FACTS} §3`, note: "Sourced routes do not pass 綦江 or 万盛: no effect on the targets, so no links and no year." },
  { id: "P_SANNAN_UPGRADE", planItem: "改造三江—万盛—南川铁路", zh: "改造三江—万盛—南川铁路", en: "Sanjiang–Wansheng–Nanchuan railway upgrade", category: "rail", status: "planned", openingYear: yearAssumed(2028, [2025, 2035], "Local company took control 2022-01 and planned 公交化 trains on the 涪三 line; self-operation started 2024-07 with freight only (fact sheet §3). No upgrade works reported."), planText: PT.rail1, source: `${PLAN}; 重庆发布 2022-01-06; 华龙网 2024-07-12; ${FACTS} §3`, note: "The line is already 120 km/h; no sourced speed change, so no links of its own. It enables passenger stations for the 公交化 service." },
  { id: "P_YUGUI_COMMUTER", planItem: "推动渝贵铁路", zh: "渝贵铁路开行城市公交化列车", en: "Commuter (公交化) trains on the Chongqing–Guiyang railway", category: "rail-service", status: "planned", openingYear: yearAssumed(2025, [2022, 2030], "No evidence of a launched service (fact sheet §3: by 2020 公交化 trains ran only 重庆北–重庆西 and 重庆北–复盛). The plan pushes it for 2021–2025."), planText: PT.rail2, source: `${PLAN}; zh-wiki 重庆公交化列车; ${FACTS} §3` },
  { id: "P_SANNAN_COMMUTER", planItem: "三江—万盛—南川铁路开行城市公交化列车", zh: "三江—万盛—南川铁路开行城市公交化列车", en: "Commuter trains on the Sanjiang–Wansheng–Nanchuan railway", category: "rail-service", status: "planned", openingYear: yearAssumed(2027, [2024, 2035], "Planned since 2022-01 (SE loop 公交化, 133 km, 3 passenger stations); as of 2024-07 freight only (fact sheet §3)."), planText: PT.rail2, source: `${PLAN}; 重庆发布 2022-01-06; 华龙网 2024-07-12; ${FACTS} §3` },
  { id: "P_C5_CITY_EXPRESS", planItem: "研究论证重庆中心城区—綦江—万盛城轨快线", zh: "重庆中心城区—綦江—万盛城轨快线(市域铁路C5/綦万线)", en: "Central Chongqing–Qijiang–Wansheng city express rail (C5)", category: "urban-rail", status: "planned", openingYear: yearAssumed(2030, [2027, 2035], "Survey/design tender 2022; CQ 住建委 reported national approval (probably 2022) but no construction start is confirmed (fact sheet §3). 79 km with a 4–5 year build."), planText: PT.rail2, source: `${PLAN}; m.studyofnet.com (2022 tender notice); diaocn.com (重庆市住建委); ${FACTS} §3`, note: "Stops from an unofficial 2020 draft (重庆东–跳石–新盛–綦江东–万盛); intermediate stops outside the plan area omitted." },
  { id: "P_ILSTC_TRAIN", planItem: "研究开行西部陆海新通道铁海联运（綦江—万盛至北部湾）班列", zh: "西部陆海新通道铁海联运(綦江—万盛至北部湾)班列", en: "New Western Land–Sea Corridor rail–sea freight train (Qijiang–Wansheng to Beibu Gulf)", category: "logistics", status: "study", planText: PT.freight, source: `${PLAN} section 九(一); ${FACTS} §3 (no 綦江/万盛-originating service found)`, note: "Freight: no passenger effect, so no links." },
  // ---- Plan items: roads ----
  { id: "P_YUQIAN_EXPANSION", planItem: "完成渝黔高速公路扩能", zh: "渝黔高速公路扩能(渝黔复线)", en: "Chongqing–Guizhou expressway expansion (second line)", category: "road", status: "existing", openingYear: yearSourced(2021, "中新网 2021-12-24 (opened 2021-12-24); fact sheet §2b"), planText: PT.road1, source: `${PLAN}; cq.gov.cn 2021-08-17; ${FACTS} §2b`, note: "99.9 km, 6 lanes, 100 km/h: 忠兴 – 接龙 – 万盛 – 关坝 – 安稳 – border." },
  { id: "P_QWZ_EXP", planItem: "綦江—万盛—正安", zh: "綦江—万盛—正安高速公路", en: "Qijiang–Wansheng–Zheng'an expressway", category: "road", status: "planned", openingYear: yearAssumed(2027, [2024, 2032], "Aimed to start by end-2020 (self-media citing the 万盛 site); later status not found (fact sheet §3)."), planText: PT.road1, source: `${PLAN}; zixundingzhi.com; ${FACTS} §3`, note: "Modelled 万盛 – 正安 (4 lanes, 80 km/h); the 綦江–万盛 part is the existing 綦万." },
  { id: "P_ANXI_EXP", planItem: "安稳—习水", zh: "安稳—习水高速公路", en: "Anwen–Xishui expressway", category: "road", status: "planned", openingYear: yearAssumed(2030, [2025, 2035], "No source on status (fact sheet §3)."), planText: PT.road1, source: `${PLAN}; ${FACTS} §3 (no source found)` },
  { id: "P_YUCHIXU_EXP", planItem: "重庆—赤水—叙永", zh: "重庆—赤水—叙永高速公路(渝赤叙)", en: "Chongqing–Chishui–Xuyong expressway", category: "road", status: "under-construction", openingYear: yearAssumed(2026, [2025, 2028], "Under construction (CQ section) as of 2024-03 (中新网 2024-03-11); BOT tender 2020-11; opening not announced."), planText: PT.road1, source: `${PLAN}; 中新网 2024-03-11; ${FACTS} §3`, note: "巴南百节 – 珞璜 – 綦江 – 江津中山 – 赤水 – 叙永; 100 km/h." },
  { id: "P_WANTONG_EXP", planItem: "万盛—桐梓羊蹬", zh: "万盛—桐梓羊蹬高速公路", en: "Wansheng–Tongzi (Yangdeng) expressway", category: "road", status: "planned", openingYear: yearAssumed(2030, [2025, 2035], "No source on status (fact sheet §3)."), planText: PT.road1, source: `${PLAN}; ${FACTS} §3 (no source found)`, note: "羊蹬 has no sourced coordinate; the link ends at 桐梓县城 (an over-length approximation, see the link)." },
  { id: "P_QJ_RING_EXP", planItem: "綦江绕城", zh: "綦江绕城高速公路", en: "Qijiang ring expressway", category: "road", status: "planned", openingYear: yearAssumed(2028, [2025, 2035], "No source on status (fact sheet §3)."), planText: PT.road1, source: `${PLAN}; ${FACTS} §3 (no source found)`, note: "A bypass around 綦江城区: no alignment known and it does not shorten trips between modelled places, so no links." },
  { id: "P_QIWAN_UPGRADE", planItem: "改扩建綦江—万盛高速公路", zh: "改扩建綦江—万盛高速公路", en: "Qijiang–Wansheng expressway reconstruction", category: "road", status: "planned", openingYear: yearAssumed(2028, [2025, 2033], "No source on status (fact sheet §3)."), planText: PT.road1, source: `${PLAN}; ${FACTS} §3 (no source found)` },
  { id: "P_YUQIAN_NANHUAN", planItem: "渝黔高速南环至綦江段高速公路", zh: "渝黔高速南环至綦江段高速公路(扩能)", en: "G75 Nanhuan–Qijiang section expansion", category: "road", status: "study", openingYear: yearAssumed(2032, [2027, 2040], "前期 (preparatory) item in the plan; no later source (fact sheet §3)."), planText: PT.road2, source: `${PLAN}; ${FACTS} §3 (no source found)` },
  { id: "P_CQ_QW_FASTWAY", planItem: "重庆中心城区—綦江—万盛快速通道", zh: "重庆中心城区—綦江—万盛快速通道", en: "Central Chongqing–Qijiang–Wansheng express road", category: "road", status: "study", openingYear: yearAssumed(2032, [2027, 2040], "前期 item in the plan; no later source (fact sheet §3)."), planText: PT.road2, source: `${PLAN}; ${FACTS} §3 (no source found)` },
  { id: "P_NT_JL_ROAD", planItem: "南桐—接龙", zh: "南桐—接龙省道公路", en: "Nantong–Jielong provincial road", category: "road", status: "planned", openingYear: yearAssumed(2025, [2022, 2030], "'加快建设' item for 2021–2025; no source on status (fact sheet §3)."), planText: PT.road3, source: `${PLAN}; ${FACTS} §3 (no source found)` },
  { id: "P_YC_QJ_ROAD", planItem: "永城—庆江", zh: "永城—庆江省道公路", en: "Yongcheng–Qingjiang provincial road", category: "road", status: "planned", openingYear: yearAssumed(2025, [2022, 2030], "'加快建设' item for 2021–2025; no source on status (fact sheet §3)."), planText: PT.road3, source: `${PLAN}; ${FACTS} §3 (no source found)`, note: "庆江 could not be located in the sources: no link." },
  { id: "P_JQW_EXP_STUDY", planItem: "开展江津—綦江—万盛高速公路规划研究", zh: "江津—綦江—万盛高速公路(规划研究)", en: "Jiangjin–Qijiang–Wansheng expressway (planning study)", category: "road", status: "study", planText: PT.road4, source: `${PLAN}; ${FACTS} §3 (no source found)`, note: "Planning study only, parallel to the existing 江綦 + 綦万 expressways; no alignment, so no links and no year." },
  // ---- Plan items: general measures (no single alignment) ----
  { id: "P_SOUTH_RAIL_HUB", planItem: "建设重庆南向铁路枢纽", zh: "重庆南向铁路枢纽", en: "Chongqing southern railway hub", category: "rail", status: "planned", planText: PT.hub, source: `${PLAN}`, note: "An umbrella for the rail projects listed after it; no links of its own (its content is the other rail projects)." },
  { id: "P_TRUNK_ROADS", planItem: "新（扩）建一批快速路、产业路、旅游路等骨干公路", zh: "新(扩)建一批快速路、产业路、旅游路等骨干公路", en: "New and widened express, industrial and tourist trunk roads", category: "road", status: "planned", planText: PT.road4, source: `${PLAN}`, note: "Unspecified roads: no links." },
  { id: "P_HELIPADS", planItem: "规划建设一批直升机起降点", zh: "规划建设一批直升机起降点", en: "Helipads", category: "airport", status: "planned", planText: PT.air, source: `${PLAN}`, note: "No passenger effect on the targets: no links." },
  { id: "P_PT_HUBS", planItem: "统筹推进综合客运站和公交枢纽布局建设", zh: "综合客运站和公交枢纽、公共交通“一卡通”", en: "Passenger terminals, bus hubs and a common transit card", category: "road", status: "planned", planText: PT.ptHubs, source: `${PLAN}`, note: "Organisational and terminal measures with no network geometry: no links (a smaller transfer penalty could represent them; not modelled)." },
  { id: "P_RAIL_SPURS", planItem: "推进铁路专用线进大型工矿企业和物流园区", zh: "铁路专用线进大型工矿企业和物流园区", en: "Industrial railway spurs into large plants and logistics parks", category: "logistics", status: "planned", planText: PT.spurs, source: `${PLAN}`, note: "Freight: no passenger effect, so no links." },
  // ---- Plan items: air, water ----
  { id: "P_WS_AIRPORT_STUDY", planItem: "开展万盛支线机场布局研究", zh: "万盛支线机场布局研究", en: "Wansheng regional airport siting study", category: "airport", status: "study", planText: PT.air, source: `${PLAN}; cq.china.com.cn 2021-11-12 (CQ 民航十四五 draft lists 万盛 for a 支线或通用机场); ${FACTS} §3`, note: "A siting study; no air services are modelled (targets are surface trips), so no links." },
  { id: "P_QIHE_WATERWAY", planItem: "研究推动綦河航道综合开发利用", zh: "綦河航道综合开发利用", en: "Qi River waterway development (study)", category: "waterway", status: "study", planText: PT.water, source: `${PLAN}; ${FACTS} §3`, note: "Freight-oriented study: no passenger effect, so no links." },
];

// ---------------------------------------------------------------------------------------------
// Roads: links, interchange places and regional road parameters live in tables/roads.ts
// ---------------------------------------------------------------------------------------------
PLACES.push(...ROAD_PLACES);

// ---------------------------------------------------------------------------------------------
// Rail track (for drawing and lengths)
// ---------------------------------------------------------------------------------------------
interface TrackSpec { id: string; zh: string; en: string; mode: "hsr" | "rail" | "suburban"; stops: string[]; projects?: string[]; speedKmh?: Q; totalKm?: { value: number; source?: string; why?: string; range?: [number, number] }; note?: string; }

const TRACKS: TrackSpec[] = [
  { id: "T_YUGUI", zh: "渝贵铁路", en: "Chongqing–Guiyang railway", mode: "hsr", stops: ["CQ_WEST", "LUOHUANG_S", "QJ_EAST", "GANSHUI_EAST", "TONGZI_N", "ZUNYI_STN", "GY_NORTH"], projects: ["P_YUGUI_RAIL"], speedKmh: { value: 200, source: "渝贵铁路 operating speed 200 km/h (zh-wiki; Xinhua 2018-01-25; fact sheet §2a)" }, totalKm: { value: 345, source: "345 km 重庆西–贵阳北 (zh-wiki mirror; Xinhua 2018-01-25; reported 345–347, once 367: fact sheet §6)" } },
  { id: "T_YUGUI_GYE", zh: "渝贵铁路—贵阳东联络", en: "Zunyi – Guiyang East (through trains to the 贵广 line)", mode: "hsr", stops: ["ZUNYI_STN", "GY_EAST"], projects: ["P_YUGUI_RAIL"] },
  { id: "T_CHUANQIAN", zh: "川黔铁路", en: "Sichuan–Guizhou railway", mode: "rail", stops: ["CQ_STN", "QJ_STN", "SANJIANG_STN", "GANSHUI_STN", "TONGZI_STN", "ZUNYI_STN", "GY_STN"], projects: ["P_CHUANQIAN"], totalKm: { value: 423.6, source: "423.6 km 重庆站→贵阳站 chainage (ja-wiki 貴陽駅 copy; fact sheet §2a)" } },
  { id: "T_SANNAN", zh: "三南铁路(三江—万盛—南川)", en: "Sanjiang–Wansheng–Nanchuan railway", mode: "rail", stops: ["SANJIANG_STN", "WS_STN", "NANCHUAN_STN"], projects: ["P_SANNAN"], speedKmh: { value: 120, source: "cqtitle.com 2016-12-12 (120 km/h, single track); fact sheet §2a" }, totalKm: { value: 55.55, source: "55.55 km (cqtitle.com 2016-12-12; fact sheet §2a)" } },
  { id: "T_CHENGYU", zh: "成渝高铁", en: "Chengdu–Chongqing HSR", mode: "hsr", stops: ["CQ_WEST", "SPB_STN", "YONGCHUAN_E", "NEIJIANG_N", "ZIYANG_N", "CD_EAST"], projects: ["P_CHENGYU_HSR"], speedKmh: { value: 350, source: "新华社 2020-12-24 (350 km/h from 2020-12-24)" }, totalKm: { value: 308, source: "299.8 km (新华社 2020) to 308 km (2015 press), fact sheet §6; 308 used because the track here starts at 重庆西, not 沙坪坝" } },
  { id: "T_GUIGUANG", zh: "贵广高铁", en: "Guiyang–Guangzhou HSR", mode: "hsr", stops: ["GY_EAST", "GZ_SOUTH"], projects: ["P_GUIGUANG"], totalKm: { value: 857, source: "857 km 贵阳东–广州南 (fact sheet §2a)" } },
  { id: "T_GYN_GYE", zh: "贵阳北—贵阳东(枢纽联络)", en: "Guiyang North – Guiyang East (junction)", mode: "hsr", stops: ["GY_NORTH", "GY_EAST"], projects: ["P_GUIGUANG"] },
  { id: "T_CQN_CQW", zh: "重庆北—重庆西(枢纽联络)", en: "Chongqing North – Chongqing West (junction line)", mode: "hsr", stops: ["CQ_NORTH", "CQ_WEST"] },
  { id: "T_GZ_SZ", zh: "广深港高铁", en: "Guangzhou–Shenzhen HSR", mode: "hsr", stops: ["GZ_SOUTH", "SZ_NORTH"], projects: ["P_GUANGSHEN"] },
  { id: "T_SUIYU", zh: "遂渝/达成铁路", en: "Suining–Chongqing / Dazhou–Chengdu railways", mode: "hsr", stops: ["CQ_NORTH", "HECHUAN_STN", "SUINING_STN", "CD_EAST"], projects: ["P_SUIYU"] },
  { id: "T_LANYU", zh: "兰渝铁路(重庆—南充)", en: "Lanzhou–Chongqing railway (Chongqing – Nanchong)", mode: "rail", stops: ["HECHUAN_STN", "NANCHONG_N"], projects: ["P_LANYU"] },
  { id: "T_XIANGYU", zh: "襄渝铁路(重庆—广安—达州)", en: "Xiangyang–Chongqing railway (Chongqing – Guang'an – Dazhou)", mode: "rail", stops: ["CQ_NORTH", "GUANGAN_STN", "DAZHOU_STN"], projects: ["P_XIANGYU"] },
  { id: "T_YUWAN", zh: "渝万高铁", en: "Chongqing–Wanzhou HSR", mode: "hsr", stops: ["CQ_NORTH", "CHANGSHOU_N", "WANZHOU_N"], projects: ["P_YUWAN"] },
  { id: "T_YULI", zh: "渝利铁路(重庆—涪陵)", en: "Chongqing–Lichuan railway (Chongqing – Fuling)", mode: "hsr", stops: ["CHANGSHOU_N", "FULING_N"], projects: ["P_YULI"] },
  { id: "T_CHENGMIAN", zh: "成绵乐城际(成都—德阳—绵阳)", en: "Chengdu–Mianyang–Leshan intercity (north)", mode: "hsr", stops: ["CD_EAST", "DEYANG_STN", "MIANYANG_STN"], projects: ["P_CHENGMIANLE"] },
  { id: "T_CHENGLE", zh: "成绵乐城际(成都—眉山—乐山)", en: "Chengdu–Mianyang–Leshan intercity (south)", mode: "hsr", stops: ["CD_EAST", "MEISHAN_E", "LESHAN_STN"], projects: ["P_CHENGMIANLE"] },
  { id: "T_CHENGYA", zh: "成雅铁路", en: "Chengdu–Ya'an railway", mode: "rail", stops: ["CD_EAST", "YAAN_STN"], projects: ["P_CHENGYA"] },
  { id: "T_NEIZILU", zh: "绵泸高铁内自泸段(内江北—自贡—泸州)", en: "Neijiang – Zigong – Luzhou (Mianyang–Luzhou HSR)", mode: "hsr", stops: ["NEIJIANG_N", "ZIGONG_STN", "LUZHOU_STN"], projects: ["P_NEIZILU"] },
  // Planned
  { id: "T_YUGUI_HSR", zh: "渝贵高铁(规划)", en: "Chongqing–Guiyang HSR (planned)", mode: "hsr", stops: ["CQ_EAST_STN", "QJ_HSR", "WS_HSR", "GY_EAST"], projects: ["P_YUGUI_HSR"], speedKmh: { value: 350, source: "350 km/h design (fact sheet §3: 渝贵高铁 350 km/h)" }, totalKm: { value: 345, why: "~345 km total (self-media m.shadafang.com 2021-02-09, fact sheet §3); the alignment (east via 万盛 or west via 綦江–桐梓) is undecided, so the range covers a ±10% longer or shorter line.", range: [310, 390] } },
  { id: "T_C5", zh: "中心城区—綦江—万盛城轨快线(C5)", en: "City express rail C5 (central Chongqing – Qijiang – Wansheng)", mode: "suburban", stops: ["CQ_EAST_STN", "QJ_EAST", "WS_STN"], projects: ["P_C5_CITY_EXPRESS"], speedKmh: { value: 140, source: "140–160 km/h design max (m.studyofnet.com 2022 tender notice; fact sheet §3)" }, totalKm: { value: 79, why: "~79 km (2022 tender notice, fact sheet §3); the route from 重庆东 is from an unofficial draft, so ±10%.", range: [70, 90] } },
  { id: "T_QJ_SANJIANG", zh: "川黔铁路 綦江—三江(公交化列车使用)", en: "Qijiang – Sanjiang on the Sichuan–Guizhou railway (commuter)", mode: "rail", stops: ["QJ_EAST", "QJ_STN"], projects: ["P_SANNAN_COMMUTER"], note: "Short connector track: the commuter service is assumed to start at 綦江东 (interchange with 渝贵铁路) and join the 川黔 line at 綦江站; an assumption, no source." },
];

// Planned station places referenced by the planned track.
PLACES.push(
  { id: "QJ_HSR", zh: "渝贵高铁綦江站(规划)", en: "Qijiang station on the planned Chongqing–Guiyang HSR", kind: "station", at: { derived: [0, 0], why: "ASSUMED co-located with 綦江东站 (places-verified.csv QJ_EAST, OSM node 3695373142): the HSR station site is not published; reported stations are self-media only (fact sheet §3)." }, region: "Chongqing", note: "Planned; position assumed." },
  { id: "WS_HSR", zh: "渝贵高铁万盛站(规划)", en: "Wansheng station on the planned Chongqing–Guiyang HSR", kind: "station", at: { derived: [0, 0], why: "ASSUMED co-located with 万盛站 (places-verified.csv WS_STN, OSM node 8059179211), 5.4 km west of the 万盛 urban-area centre: the station site is not published (fact sheet §3); a new high-speed station is usually 2–6 km out of a town centre, and 万盛站 is where the C5 city express rail and the 三江—万盛—南川 commuter trains of the plan end, as 綦江东 is for QJ_HSR. Audit 2026-12: it was at the centre itself (0 km, access 0 min), outside its own stated 2–6 km." }, region: "Chongqing", note: "Planned; position assumed." },
);

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------
// The 2023 stop patterns become services in main() (scripts/data/rail-services.ts); the lines
// opened after the 2023 scrape carry published times (scripts/data/tables/rail-network.ts).
PLACES.push(...RAIL_PLACES);
for (const p of PLACES) {
  const extra = EXTRA_STATIONS_OF[p.id];
  if (extra) p.stations = [...(p.stations ?? []), ...extra];
}
for (const r of RAIL_PROJECTS) PROJECTS.push({ ...r, category: "rail", status: "existing" });
PROJECTS.push({ id: "P_CHENGZIYI", zh: "成宜高铁(成自宜)", en: "Chengdu–Zigong–Yibin HSR", category: "rail", status: "existing", ...CHENGZIYI_FIX });
TRACKS.push(...RAIL_TRACKS);

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------
function segmentSource(s: PairStats): string {
  return `${CHINA_RAIL_CITATION}; median of ${s.n} trains calling at both (${s.nForward} one way, ${s.nBackward} the other; min ${s.minMin}, max ${s.maxMin}); ${RAIL_SCRIPT}`;
}

const DWELL_HSR: Q = DWELL_STOP;

async function main(): Promise<void> {
  if (!existsSync(VERIFIED_CSV)) throw new Error(`missing ${VERIFIED_CSV}: the builder needs ../shared`);
  const verified = readVerified();
  const osm = readOsm();
  const trains: Map<string, Train[]> = await readTrains();

  // Places
  const coordOf = new Map<string, LonLat>();
  const places = PLACES.map((p) => {
    let coord: LonLat;
    let source: string;
    const at = p.at;
    if ("verified" in at) {
      const v = verified.get(at.verified);
      if (!v) throw new Error(`place ${p.id}: no row ${at.verified} in places-verified.csv`);
      coord = v.coord;
      source = `places-verified.csv row ${at.verified}: ${v.source}`;
    } else if ("osm" in at) {
      const c = osm.get(at.osm);
      if (!c) throw new Error(`place ${p.id}: no station ${at.osm} in stations_osm_wgs84.csv`);
      coord = c;
      source = `${OSM_STATIONS}, name ${at.osm}`;
    } else if ("gcj" in at) {
      coord = gcjToWgs(at.gcj);
      source = `${ADCODE} row ${at.adcode}, GCJ-02 ${at.gcj[0]},${at.gcj[1]} converted to WGS84 (scripts/data/geo.ts)`;
    } else {
      coord = at.derived;
      if (p.id === "QJ_HSR") coord = coordOf.get("QJ_EAST") as LonLat;
      if (p.id === "WS_HSR") coord = coordOf.get("WS_STN") as LonLat;
      source = at.why;
    }
    coord = [round(coord[0], 6), round(coord[1], 6)];
    coordOf.set(p.id, coord);
    const out: Record<string, unknown> = { id: p.id, name: { zh: p.zh, en: p.en }, kind: p.kind, coord, source };
    if (p.population) out.population = p.population;
    if (p.stations) out.stations = p.stations;
    out.region = p.region;
    if (p.tags) out.tags = p.tags;
    if (p.note) out.note = p.note;
    return out;
  });

  const gc = (a: string, b: string): number => {
    const ca = coordOf.get(a);
    const cb = coordOf.get(b);
    if (!ca || !cb) throw new Error(`unknown place ${ca ? b : a}`);
    return greatCircleKm(ca, cb);
  };

  // Road links (tables/roads.ts)
  const links: Record<string, unknown>[] = roadLinks(gc);

  // Station access roads: every station reachable by road from its place (or nearest city).
  const stationHome = new Map<string, string>();
  for (const p of PLACES) for (const s of p.stations ?? []) if (!stationHome.has(s)) stationHome.set(s, p.id);
  stationHome.set("LUOHUANG_S", "QJ_CITY");
  stationHome.set("SANJIANG_STN", "QJ_CITY");
  stationHome.set("CHANGSHOU_N", "CQ_CBD");
  stationHome.set("QJ_HSR", "QJ_CITY");
  stationHome.set("WS_HSR", "WS_CITY");
  for (const p of PLACES) {
    if (p.kind !== "station") continue;
    const home = stationHome.get(p.id);
    if (!home) throw new Error(`station ${p.id} has no home place`);
    if (links.some((l) => (l.from === home && l.to === p.id) || (l.from === p.id && l.to === home))) continue;
    const d = gc(home, p.id);
    const c = CIRCUITY["urban-road"];
    const km = Math.max(0.5, d * c.mode);
    links.push({
      id: `A_${p.id}`,
      name: { zh: `${p.zh}接驳道路`, en: `Access road to ${p.en}` },
      mode: "urban-road",
      from: home,
      to: p.id,
      lengthKm: { value: round(km, 1), assumption: { why: `Great-circle ${round(d, 2)} km from ${home} × urban circuity ${c.mode} (range ${c.range[0]}–${c.range[1]}), at least 0.5 km; no sourced access distance.`, range: [round(Math.max(0.3, d * c.range[0]), 1), round(Math.max(1, d * c.range[1]), 1)], mode: round(km, 1) } },
      speedKmh: SPEED_URBAN,
      note: "Road access so that every station is reachable by road; the travel-time model may apply its own access defaults instead.",
    });
  }

  // Rail track links
  for (const t of TRACKS) {
    const gcs = t.stops.slice(1).map((s, i) => gc(t.stops[i] as string, s));
    const gcTotal = gcs.reduce((a, b) => a + b, 0);
    for (let i = 0; i + 1 < t.stops.length; i++) {
      const from = t.stops[i] as string;
      const to = t.stops[i + 1] as string;
      const d = gcs[i] as number;
      let lengthKm: Q;
      if (t.totalKm) {
        const share = d / gcTotal;
        const v = round(t.totalKm.value * share, 1);
        if (t.totalKm.source && !t.totalKm.range) {
          lengthKm = { value: v, assumption: { why: `Share of the sourced line length (${t.totalKm.source}) in proportion to the great-circle length of this section (${round(d, 1)} of ${round(gcTotal, 1)} km); the true split between stations is not in the sources (±15%).`, range: [round(v * 0.85, 1), round(v * 1.15, 1)], mode: v } };
        } else {
          const [lo, hi] = t.totalKm.range ?? [t.totalKm.value, t.totalKm.value];
          lengthKm = { value: v, assumption: { why: `${t.totalKm.why ?? ""} Split between sections in proportion to great-circle length (${round(d, 1)} of ${round(gcTotal, 1)} km).`, range: [round(lo * share, 1), round(hi * share, 1)], mode: v } };
        }
      } else {
        const v = round(d * 1.2, 1);
        lengthKm = { value: v, assumption: { why: `Great-circle ${round(d, 1)} km × rail circuity 1.2 (range 1.05–1.4); no sourced length for this section. Services on it carry sourced running times, so this length is only used for drawing and speed checks.`, range: [round(d * 1.05, 1), round(d * 1.4, 1)], mode: v } };
      }
      const out: Record<string, unknown> = { id: `${t.id}_${i + 1}`, name: { zh: t.zh, en: t.en }, mode: t.mode, from, to, lengthKm };
      if (t.speedKmh) out.speedKmh = t.speedKmh;
      if (t.projects) out.projects = t.projects;
      if (t.note) out.note = t.note;
      links.push(out);
    }
  }

  // Services: the 2023 stop patterns, then the lines opened or upgraded after the scrape.
  const placeName = new Map(PLACES.map((p) => [p.id, { zh: p.zh, en: p.en }]));
  const stationOf = new Map<string, string>();
  for (const p of PLACES) {
    const name = TIMETABLE_NAME[p.id];
    if (p.kind === "station" && name !== undefined) stationOf.set(name, p.id);
  }
  const projectById = new Map(PROJECTS.map((p) => [p.id, p]));
  const rail = patternServices({
    trains,
    stationOf,
    nameOf: (id) => placeName.get(id) ?? { zh: id, en: id },
    greatCircleKm: gc,
    tracks: TRACKS.map((t) => ({ id: t.id, stops: t.stops, projects: t.projects ?? [] })),
    openIn2023: (id) => {
      const p = projectById.get(id);
      return p !== undefined && p.status === "existing" && (p.openingYear?.value ?? Infinity) <= 2023 && !AFTER_SCRAPE.has(id);
    },
  });
  const services: Record<string, unknown>[] = [...rail.services];
  const printed: string[] = [...rail.printed];
  for (const s of PUBLISHED_SERVICES) {
    const out: Record<string, unknown> = { id: s.id, name: { zh: s.zh, en: s.en }, mode: "hsr", stops: s.stops, headwayMin: s.headwayMin };
    if (s.stops.length > 2) out.dwellMin = s.dwellMin ?? DWELL_HSR;
    if (s.runMinutes) out.runMinutes = s.runMinutes;
    if (s.fit) out.runMinutes = fittedRunMinutes(s.stops, s.projects, s.fit, links as unknown as Parameters<typeof fittedRunMinutes>[3]);
    out.projects = s.projects;
    if (s.note) out.note = s.note;
    services.push(out);
  }

  // Planned services
  const yuguiHsrLinks = links.filter((l) => String(l.id).startsWith("T_YUGUI_HSR_"));
  const YUGUI_HSR_V = 285;
  const YUGUI_HSR_P = 6.9;
  services.push({
    id: "S_YUGUI_HSR", name: { zh: "渝贵高铁(重庆东—綦江—万盛—贵阳东)", en: "Chongqing–Guiyang HSR service (planned)" }, mode: "hsr",
    stops: ["CQ_EAST_STN", "QJ_HSR", "WS_HSR", "GY_EAST"],
    headwayMin: { value: 30, assumption: { why: "No timetable exists. A new 350 km/h trunk line between two provincial capitals: 2 trains/hour calling at 綦江/万盛 typical, 1–4 per hour.", range: [15, 60], mode: 30 } },
    dwellMin: DWELL_HSR,
    // Audit 2026-12: a flat 250 km/h average gave 5.4 min for the 22 km 綦江—万盛 hop and 12.9 min for the 54 km
    // 重庆东—綦江 hop, which no train stopping at both ends can run. Segment times now follow the network's own
    // model of stopping trains on the 350 km/h lines out of Chongqing, d / V + P (SOURCES.md).
    runMinutes: yuguiHsrLinks.map((l) => {
      const km = (l.lengthKm as { value: number }).value;
      const value = round((km / YUGUI_HSR_V) * 60 + YUGUI_HSR_P, 1);
      return {
        value,
        assumption: {
          why: `${km} km ${String(l.from)}→${String(l.to)} at V = ${YUGUI_HSR_V} km/h plus P = ${YUGUI_HSR_P} min lost starting and stopping: V midway between the fitted V of the stopping trains on 渝厦 (268, out of 重庆东) and 渝昆 (302), the two 350 km/h lines out of Chongqing in the network; P of the 渝昆 fit (成宜 gives 5.5). Range: V 268–302 with P 5.5–8.`,
          range: [round((km / 302) * 60 + 5.5, 1), round((km / 268) * 60 + 8, 1)],
          mode: value,
        },
      };
    }),
    projects: ["P_YUGUI_HSR"],
    note: `Runs over ${yuguiHsrLinks.map((l) => l.id).join(", ")}; stops from self-media reports (fact sheet §3); intermediate Guizhou stops (遵义东, 开阳) folded into the speed assumption.`,
  });
  services.push({
    id: "S_C5", name: { zh: "城轨快线C5(重庆东—綦江东—万盛)", en: "City express rail C5 (Chongqing East – Qijiang East – Wansheng)" }, mode: "suburban",
    stops: ["CQ_EAST_STN", "QJ_EAST", "WS_STN"],
    headwayMin: { value: 15, assumption: { why: "No timetable exists. A 市域铁路 for commuting: 10–15 min peak, 20–30 min off-peak; 15 typical over the day.", range: [8, 30], mode: 15 } },
    dwellMin: { value: 1, assumption: { why: "Suburban/metro-style dwell at intermediate stops: 1 min typical, 0.5–2.", range: [0.5, 2], mode: 1 } },
    speedKmh: { value: 100, assumption: { why: "Average running speed between stops for a 140–160 km/h 市域铁路 (design max, 2022 tender notice) with intermediate stops (跳石, 新盛) not modelled as stops: 100 typical, 80–130.", range: [80, 130], mode: 100 } },
    projects: ["P_C5_CITY_EXPRESS"],
  });
  // 渝贵铁路 公交化: existing track, more frequent stopping trains; run times from the data.
  const commuterSegs: [string, string, string, string][] = [["重庆西", "CQ_WEST", "珞璜南", "LUOHUANG_S"], ["珞璜南", "LUOHUANG_S", "綦江东", "QJ_EAST"], ["綦江东", "QJ_EAST", "赶水东", "GANSHUI_EAST"]];
  services.push({
    id: "S_YUGUI_COMMUTER", name: { zh: "渝贵铁路公交化列车(重庆西—珞璜南—綦江东—赶水东)", en: "Chongqing–Guiyang railway commuter trains (planned)" }, mode: "suburban",
    stops: ["CQ_WEST", "LUOHUANG_S", "QJ_EAST", "GANSHUI_EAST"],
    headwayMin: { value: 30, assumption: { why: "No timetable exists; 公交化 (bus-like) operation on a mixed-traffic trunk line shared with long-distance trains: every 30 min typical, 20–60.", range: [20, 60], mode: 30 } },
    dwellMin: { value: 1.5, assumption: { why: "Commuter dwell 1–3 min at small stations.", range: [1, 3], mode: 1.5 } },
    runMinutes: commuterSegs.map(([a, , b]) => {
      const st = pairStats(trains, a, b);
      if (!st) throw new Error(`commuter ${a}-${b}`);
      printed.push(`S_YUGUI_COMMUTER ${a}→${b}: n=${st.n} min ${st.minMin} median ${st.medianMin}`);
      return { value: st.medianMin, source: segmentSource(st) };
    }),
    projects: ["P_YUGUI_RAIL", "P_YUGUI_COMMUTER"],
    note: "Running times of today's stopping trains on the same sections (the commuter trains use the same track).",
  });
  services.push({
    id: "S_SANNAN_COMMUTER", name: { zh: "三江—万盛—南川公交化列车(綦江东—綦江—三江—万盛—南川)", en: "Qijiang – Sanjiang – Wansheng – Nanchuan commuter trains (planned)" }, mode: "suburban",
    stops: ["QJ_EAST", "QJ_STN", "SANJIANG_STN", "WS_STN", "NANCHUAN_STN"],
    headwayMin: { value: 60, assumption: { why: "No timetable exists; the SE-loop plan (2022-01) has 3 passenger stations on 133 km of single-track freight line: hourly typical, 30–120 min.", range: [30, 120], mode: 60 } },
    dwellMin: { value: 1.5, assumption: { why: "Commuter dwell 1–3 min at small stations.", range: [1, 3], mode: 1.5 } },
    speedKmh: { value: 70, assumption: { why: "Average running speed on a 120 km/h single-track line (三南, fact sheet §2a) and the conventional 川黔 line, with passing loops: 70 typical, 50–90.", range: [50, 90], mode: 70 } },
    links: ["T_QJ_SANJIANG_1", "T_CHUANQIAN_2", "T_SANNAN_1", "T_SANNAN_2"],
    projects: ["P_SANNAN", "P_CHUANQIAN", "P_SANNAN_COMMUTER"],
    note: "Runs over T_QJ_SANJIANG_1, T_CHUANQIAN (綦江–三江) and T_SANNAN (conventional rail track, listed in links); the 川黔 section 綦江–三江 is an assumption about the route (the SE-loop concept uses 川黔 + 涪三).",
  });
  services.push({
    id: "S_CHENGYU_MID", name: { zh: "成渝中线高铁(重庆北—成都站)", en: "Chengdu–Chongqing central-line HSR (under construction)" }, mode: "hsr",
    stops: ["CQ_NORTH", "CD_STN"],
    headwayMin: { value: 20, assumption: { why: "No timetable exists; the main Chengdu–Chongqing express line: 3 trains/hour typical, 2–6.", range: [10, 30], mode: 20 } },
    runMinutes: [{ value: 55, assumption: { why: "292 km at 350 km/h design (400 planned operation) (zgjiaodian.com 2022-11-28; fact sheet §2a): 50 min non-stop at 350 plus acceleration; widely announced as ~50 min, range 45–75 for stopping patterns.", range: [45, 75], mode: 55 } }],
    projects: ["P_CHENGYU_MID"],
  });
  links.push({ id: "T_CHENGYU_MID_1", name: { zh: "成渝中线高铁", en: "Chengdu–Chongqing central-line HSR" }, mode: "hsr", from: "CQ_NORTH", to: "CD_STN", lengthKm: { value: 292, source: "292 km (zgjiaodian.com 国铁集团 2022-11-28; fact sheet §2a)" }, speedKmh: { value: 350, source: "350 km/h design (fact sheet §2a)" }, projects: ["P_CHENGYU_MID"] });

  // Projects
  const projects = PROJECTS.map((p) => {
    const out: Record<string, unknown> = { id: p.id, name: { zh: p.zh, en: p.en }, category: p.category, status: p.status };
    if (p.openingYear) out.openingYear = p.openingYear;
    if (p.planText) out.planText = p.planText;
    out.source = p.source;
    const note = [p.planItem ? `Plan item: ${p.planItem}.` : "", p.note ?? ""].filter((x) => x).join(" ");
    if (note) out.note = note;
    return out;
  });

  const scenarios = [
    { id: "baseline-2020", name: { zh: "2020年基准", en: "Baseline 2020" }, year: 2020, description: "What existed at the end of 2020, before the plan (published 2021-07): every project with status existing and opening year ≤ 2020. Excludes 渝黔复线 (2021-12-24), 内自泸 (2021-06-28), 江跳线 (2022-08-06), 重遵扩容 (2023-09-29), the 贵广 300 km/h upgrade (2023-10-11), 成宜 (2023-12-26), 渝昆 重庆西—宜宾东 (2024-09-29) and 渝厦 重庆东—黔江 (2025-06-27). Rail services are the stop patterns of the 2023 timetable on lines that existed in 2020 (the nearest available timetable).", projects: { byYear: true, statuses: ["existing"] } },
    { id: "current", name: { zh: "现状(最新资料)", en: "Current (latest sources)" }, year: 2025, description: "As of asOf 2025-07-01: every project with status existing. Rail: the stop patterns of the 2023 timetable, plus the lines opened or upgraded after that scrape with their published times: 贵广 at 300 km/h (2023-10-11), 成宜 (2023-12-26), 渝昆 重庆西—宜宾东 (2024-09-29), 渝厦 重庆东—黔江 (2025-06-27). Under-construction items (渝赤叙, 关坝专用线, 成渝中线) are not yet in.", projects: { byYear: true, statuses: ["existing"] } },
    { id: "plan-2025", name: { zh: "规划2025", en: "Plan 2025" }, year: 2025, extends: "current", description: "current + every item the plan sets for 2021–2025 with construction verbs (完成/新建/续建/加快建设/改扩建/推动开行), regardless of their real status: 渝黔复线 (done), 万盛—关坝 and 关坝—赶水 railways, 渝贵 and 三江—万盛—南川 公交化 trains (the latter on the existing line), 綦江—万盛—正安, 安稳—习水, 渝赤叙, 万盛—桐梓羊蹬, 綦江绕城 and 改扩建綦万 expressways, 南桐—接龙 and 永城—庆江 provincial roads, and the general measures without links (南向铁路枢纽, 骨干公路, 直升机起降点, 客运枢纽, 铁路专用线). Items introduced with 前期工作/研究/研究论证/规划研究 are left to vision-2035.", projects: { byYear: false, include: ["P_YUQIAN_EXPANSION", "P_WS_GUANBA_RAIL", "P_GUANBA_GANSHUI_RAIL", "P_YUGUI_COMMUTER", "P_SANNAN_COMMUTER", "P_QWZ_EXP", "P_ANXI_EXP", "P_YUCHIXU_EXP", "P_WANTONG_EXP", "P_QJ_RING_EXP", "P_QIWAN_UPGRADE", "P_NT_JL_ROAD", "P_YC_QJ_ROAD", "P_SOUTH_RAIL_HUB", "P_TRUNK_ROADS", "P_HELIPADS", "P_PT_HUBS", "P_RAIL_SPURS"] } },
    { id: "vision-2035", name: { zh: "远景2035", en: "Vision 2035" }, year: 2035, extends: "plan-2025", description: "plan-2025 + everything with status existing, under-construction or planned whose assumed opening year is ≤ 2035 (adds 成渝中线, the C5 city express rail, 改造三江—万盛—南川, 铁路二环线, 改扩建川黔) + the study items judged likely by 2035 and included explicitly: 渝贵高铁 (the plan's flagship for '1小时贵阳'), 渝黔高速南环至綦江段 and the 中心城区—綦江—万盛快速通道. Left out: 渝桂高铁 (not identified), 广安—涪陵—柳州 (does not serve the area), 江津—綦江—万盛高速 (study, no alignment), the airport study, 綦河航道 and the 陆海新通道 freight train (no passenger effect).", projects: { byYear: true, include: ["P_YUGUI_HSR", "P_YUQIAN_NANHUAN", "P_CQ_QW_FASTWAY", "P_CHUANQIAN_UPGRADE"] } },
  ];

  const AREA3 = ["QJ_CITY", "WS_CITY", "YONGTONG"];
  const MAIN_CITIES = ["CHENGDU", "ZIGONG", "LUZHOU", "DEYANG", "MIANYANG", "SUINING", "NEIJIANG", "LESHAN", "NANCHONG", "MEISHAN", "YIBIN", "GUANGAN", "DAZHOU", "YAAN", "ZIYANG", "WANZHOU", "FULING", "JIANGJIN", "YONGCHUAN", "HECHUAN"];
  const LE = "≤: the plan's 'half an hour / N hours' reads as 'within N', so a trip of exactly the threshold meets the promise.";
  const planQ = (v: number, phrase: string): Q => ({ value: v, source: `${PLAN}: “${phrase}”` });
  // How each promise is read (issue 10 item 1): the city promises are rail-corridor promises, the
  // commuting circles describe the trips commuters make every day.
  const CITY_READING = {
    kind: "scheduled",
    rationale: "The plan makes the four city promises in one sentence of section 四(一), under 推进铁路大通道建设: “建设重庆南向铁路枢纽，加快实现‘半小时重庆中心城区、1小时贵阳、2小时成渝地区双城经济圈主要城市、6小时广州深圳’”. They are promises of the rail corridors and hubs it lists, and such promises are quoted as the timetable quotes them: the fastest scheduled trip between the two cities, transfers included, not the wait for the first train (a traveller to Guiyang books a train). Read as scheduled.",
  } as const;
  const COMMUTE_READING = (where: string) => ({
    kind: "typical",
    rationale: `A commuting circle is about the trips people make every day at the time they need to, so it is read as what a commuter meets: the wait for the next train or bus counts. ${where}`,
  }) as const;
  // The people every promise is made for (target.originArea): the residents of 綦江/万盛. Census
  // county 500110 綦江区 includes 万盛经开区, which has no census row of its own
  // (../shared/data/china-population-2020/README.md; leiii/census 2020 county tables, MIT).
  const QW_AREA = { name: "綦江/万盛", counties: ["500110"] };
  const targetList = [
    { id: "T_CQ_30", name: { zh: "半小时重庆中心城区", en: "Half an hour to central Chongqing" }, planText: PT.targets, origins: AREA3, destinations: ["CQ_CBD"], thresholdMin: planQ(30, "半小时重庆中心城区"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: CITY_READING, rationale: `Origins: the three urban areas of the plan (綦江城区, 万盛城区, 永桐新城), since the promise is made for 綦江—万盛 as a whole. Destination: 重庆中心城区 represented by 解放碑 (door-to-door) and its main stations 重庆西/重庆北/沙坪坝/重庆东 (station-to-station). Both measures because the plan does not say which. Comparison ${LE}` },
    { id: "T_GY_60", name: { zh: "1小时贵阳", en: "One hour to Guiyang" }, planText: PT.targets, origins: AREA3, destinations: ["GUIYANG"], thresholdMin: planQ(60, "1小时贵阳"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: CITY_READING, rationale: `Origins: the three urban areas. Destination: 贵阳 (云岩区 centre door-to-door; 贵阳北/贵阳东/贵阳站 station-to-station). Comparison ${LE}` },
    { id: "T_ECON_120", name: { zh: "2小时成渝地区双城经济圈主要城市", en: "Two hours to the main cities of the Chengdu–Chongqing economic circle" }, planText: PT.targets, origins: AREA3, destinations: MAIN_CITIES, thresholdMin: planQ(120, "2小时成渝地区双城经济圈主要城市"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: CITY_READING, rationale: `The plan does not define 'main cities'. Chosen: the 15 prefecture-level cities of the Sichuan part named in the 《成渝地区双城经济圈建设规划纲要》 (2021-10-20): 成都, 自贡, 泸州, 德阳, 绵阳, 遂宁, 内江, 乐山, 南充, 眉山, 宜宾, 广安, 达州, 雅安, 资阳 — each is a 'city' (市) of the circle — plus the five large Chongqing districts outside the central city that act as regional centres and have their own main stations or corridors: 万州, 涪陵, 江津, 永川, 合川. Central Chongqing is covered by T_CQ_30; small districts (南川, 璧山…) are excluded. Results are reported per pair, so a reader can apply a narrower reading (e.g. 成都 only, or a population cut-off). Comparison ${LE}` },
    { id: "T_GZ_360", name: { zh: "6小时广州", en: "Six hours to Guangzhou" }, planText: PT.targets, origins: AREA3, destinations: ["GUANGZHOU"], thresholdMin: planQ(360, "6小时广州深圳"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: CITY_READING, rationale: `The plan groups Guangzhou and Shenzhen in one phrase ('6小时广州深圳'); they are split into two targets so each can pass or fail. Destination 广州 (city hall door-to-door; 广州南 station-to-station). Comparison ${LE}` },
    { id: "T_SZ_360", name: { zh: "6小时深圳", en: "Six hours to Shenzhen" }, planText: PT.targets, origins: AREA3, destinations: ["SHENZHEN"], thresholdMin: planQ(360, "6小时广州深圳"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: CITY_READING, rationale: `See T_GZ_360. Destination 深圳 (city hall door-to-door; 深圳北 station-to-station). Comparison ${LE}` },
    { id: "T_COMMUTE_30", name: { zh: "三片区半小时通勤圈", en: "Half-hour commuting circle among the three urban areas" }, planText: "依托城市轨道、快速路网等建设，构建便捷畅通的“半小时通勤圈”、宜居宜业的高品质生活圈", origins: AREA3, pairs: "all-pairs", thresholdMin: planQ(30, "半小时通勤圈"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: COMMUTE_READING("The plan (section 三(一)) builds the circle on urban rail and expressways: “依托城市轨道、快速路网等建设，构建便捷畅通的‘半小时通勤圈’”; by road the two readings are equal."), rationale: `The plan's '三片联动' section promises a half-hour commuting circle among its urban areas: 綦江城区, 万盛城区 and the planned 永桐新城 (永城—南桐). Every ordered pair must be within 30 min. Station-to-station uses the stations listed on each place (永桐新城 has none nearby except 万盛站), so that measure mostly reports 'no rail'. Comparison ${LE}` },
    { id: "T_COMMUTE_60_CQ", name: { zh: "融入重庆主城都市区1小时通勤圈", en: "Joining Chongqing's one-hour commuting circle" }, planText: PT.rail2, origins: AREA3, destinations: ["CQ_CBD"], thresholdMin: planQ(60, "1小时通勤圈"), comparison: "<=", measures: ["door-to-door", "station-to-station"], reading: COMMUTE_READING("The plan (section 四(一)) ties the one-hour circle to frequent, bus-like trains: “推动渝贵铁路、三江—万盛—南川铁路开行城市公交化列车……加快融入重庆主城都市区‘1小时通勤圈’”; running such trains only shortens the trip if the wait counts."), rationale: `Read as: each urban area reaches central Chongqing (解放碑 / its main stations) within 60 min — the usual definition of a metropolitan 1-hour commuting circle. Comparison ${LE}` },
  ];
  const targets = targetList.map((t) => ({ ...t, originArea: QW_AREA }));

  // A minimum connection time wherever two services stop (a change can happen there).
  const stopCount = new Map<string, number>();
  for (const s of services) for (const st of s.stops as string[]) stopCount.set(st, (stopCount.get(st) ?? 0) + 1);
  const transferStations = places.map((p) => p.id as string).filter((id) => (stopCount.get(id) ?? 0) >= 2);

  const header = {
    $schema: "../schema.json",
    schema: "qiwan-network",
    version: 1,
    id: "qijiang-wansheng",
    name: { zh: "綦江—万盛一体化发展规划交通网络", en: "Qijiang–Wansheng integrated development plan: transport network" },
    description: "Rail and road network around 綦江 and 万盛 (Chongqing) for checking the travel-time promises of the 2021 綦江—万盛一体化发展规划, with the plan's transport projects (section 四(一)). Every number carries a source or an assumption with a range; see SOURCES.md.",
    asOf: "2025-07-01",
    parameters: {
      ...REGIONAL_PARAMETERS,
      stationTransferMin: Object.fromEntries(transferStations.map((id) => [id, STATION_TRANSFER])),
    },
    sources: [
      { id: "plan", citation: PLAN, url: "https://www.cq.gov.cn (index no. 11500000009275780L/2021-00963)", accessed: "2026-11" },
      { id: "facts", citation: "qiwan reference fact sheet (network-facts.md, places-verified.csv, links.csv) compiled from stored public web pages" },
      { id: "china-rail-2023", citation: CHINA_RAIL_CITATION },
      { id: "osm-stations", citation: OSM_STATIONS + "; OpenStreetMap data © OpenStreetMap contributors, ODbL" },
      { id: "adcode", citation: ADCODE },
    ],
  };

  mkdirSync(OUT_DIR, { recursive: true });
  const write = (file: string, key: string, items: unknown[]): void => {
    writeFileSync(path.join(OUT_DIR, file), JSON.stringify({ $schema: "../schema.json", [key]: items }, null, 2) + "\n");
  };
  writeFileSync(path.join(OUT_DIR, "network.json"), JSON.stringify(header, null, 2) + "\n");
  write("places.json", "places", places);
  write("links.json", "links", links);
  write("services.json", "services", services);
  write("projects.json", "projects", projects);
  write("scenarios.json", "scenarios", scenarios);
  write("targets.json", "targets", targets);
  printed.push(writeTowns(OUT_DIR, [...coordOf.values()]));
  writeFileSync(path.join(OUT_DIR, "calibration.csv"), formatCalibrationCsv(calibrationRows(rail.patterns)));
  for (const line of printed) console.log(line);
  console.log(`places ${places.length}, links ${links.length}, services ${services.length}, projects ${projects.length}, scenarios ${scenarios.length}, targets ${targets.length}`);
}

/**
 * The calibration set: rail rows from the 2023 data (the fastest train calling at both stations,
 * running time + dwell at each intermediate stop, both directions pooled), published rail rows, and
 * the road rows.
 */
function calibrationRows(patterns: Parameters<typeof pairTimes>[0]): CalibrationRow[] {
  const pairs = pairTimes(patterns);
  const dwell = DWELL_SKIPPED.value;
  const data = CALIBRATION_RAIL_DATA.map((spec): CalibrationRow => {
    const [a, b] = [spec.from, spec.to].sort() as [string, string];
    const pt = pairs.get(`${a}|${b}`);
    if (pt === undefined) throw new Error(`calibration pair ${spec.from}–${spec.to}: no 2023 train calls at both`);
    const time = (t: (typeof pt.trains)[number]): number => t.runMin + dwell * (t.skipped + t.calls);
    const best = pt.trains.reduce((x, y) => (time(y) < time(x) || (time(y) === time(x) && y.id < x.id) ? y : x));
    return {
      id: `CAL_R_${spec.from}_${spec.to}`,
      mode: "rail",
      from: spec.from,
      to: spec.to,
      minutes: time(best),
      kind: "data",
      reading: "scheduled",
      asOf: "2023-09-25",
      source: `${CHINA_RAIL_CITATION}: fastest of the ${pt.trains.length} trains calling at both (${best.id}: running ${best.runMin} min + ${best.skipped + best.calls} intermediate stops × ${dwell} min dwell), both directions pooled; ${CALIBRATION_SCRIPT}`,
      note: `${spec.line}; unchanged since the 2023 scrape as far as the sources show`,
    };
  });
  return [...data, ...CALIBRATION_RAIL_PUBLISHED, ...CALIBRATION_ROAD];
}

await main();
