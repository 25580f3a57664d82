/**
 * Rail tables of the embedded network beyond the builder's own: which timetable name each station
 * place has, the stations and lines opened after the 2023 timetable scrape (2023-09-25) but before
 * the network's `asOf` (2025-07-01), the published times of their services, and the assumptions the
 * 2023 stop patterns need (dwell, operating day, transfer times). Every figure cites its source.
 */

/** `[lon, lat]` in degrees. */
export type LonLat = [number, number];
/** A number with its provenance, as the network format writes it. */
export interface Q {
  value: number;
  source?: string;
  assumption?: { why: string; range: [number, number]; mode?: number };
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Citations (stored public pages; the outlet named is the original where the page states it)
// ---------------------------------------------------------------------------------------------
export const SRC = {
  yukun:
    "新华网 2024-09-29 'Fastest 48 minutes: 渝昆高铁重庆西至宜宾东段开通运营' (cq.xinhuanet.com/20240929/a384dda3a7a749a2836962489d53428f/c.html); 人民网 2024-09-29 (repost skcoo.cn)",
  yukunFirst:
    "封面新闻 2024-09-29 (repost shuzhika.com/post/16669.html): 12306 shows 重庆西→宜宾 48 min (G5781 16:17→17:05); the first train from 泸州站 reached 重庆西 30 min after its 10:45 departure, the one from 重庆西 reached 宜宾 1 h later",
  chengyi:
    "四川日报 2023-12-26 (repost m.wzhddt.com): 成宜高铁 opened 2023-12-26, 成都东→自贡 fastest 51 min, →宜宾 73 min; 自贡网 2023-12-26 (zgm.cn): first train G8738 宜宾 10:08 → 成都东 11:19; 四川工人日报 2023-12-26 (dzb.51grb.com): 261 km, 350 km/h, up to 16 trains a day at opening",
  yuxia:
    "央视新闻 2025-06-26 (repost xiaoxiangyan.com/a/9940): 渝厦高铁重庆东至黔江段 opens 2025-06-27, 242 km, 350 km/h, stations 重庆东/巴南/南川北/水江西/武隆南/彭水西/黔江, up to 54 trains a day, 重庆东→黔江 fastest 61 min; 长沙晚报 2025-06-26 (ptshed.com copy); qianjiang.gov.cn 2025-06-30",
  guiguang300:
    "人民网 2023-10-11 (gz.people.com.cn/BIG5/n2/2023/1011/c222152-40599162.html); 新快报 2023-10-09 (e993.com): from 2023-10-11 贵广高铁 runs at 300 km/h, 177 daily + 12 peak trains; fastest 贵阳东→广州南 3 h 39 min (31 min less than before), cross-line 成都东→广州南 6 h 56 min and 重庆西→广州南 5 h 43 min (46 and 54 min less)",
  chenggui:
    "新华社 2019-12-16 (repost yybnet.net/chengdu/news/201912/10014060.html); tus8.com 2019-12-16: 成贵高铁 open throughout from 2019-12-16, 648 km, 250 km/h, 成都—贵阳 fastest 2 h 58 min",
  neizilu:
    "成都日报 2021-06-28 (repost tftnews.com news1338430): 绵泸高铁内自泸段 opened 2021-06-28, 内江北—内江东—白马北—自贡—富顺—泸县—泸州, 128 km, 250 km/h; 四川经济网 2021-06-18 (scjjrb.com)",
  transfer:
    "Ticketing rule: two tickets for a same-station change must be at least 10 min apart (A5创业网 via m.xinnet.com/mweb/64/280694.html; 363616.com 2022-03-27); station staff advise about 30 min for a same-station change in busy periods (国铁武汉局汉口站, quoted in a 2024 Spring Festival report, ecowood.cn copy)",
  dwell:
    "Usual dwell of a Chinese high-speed train: 2 min at an ordinary intermediate stop, 3 min at a large hub (moyuanno1.com/post/22703.html, general explainer); longer stops for overtaking or reversal are exceptions",
} as const;

// ---------------------------------------------------------------------------------------------
// Station names in the 2023 timetable, by place id (only stations; absent: not in the data)
// ---------------------------------------------------------------------------------------------
export const TIMETABLE_NAME: Readonly<Record<string, string>> = {
  CQ_WEST: "重庆西", CQ_NORTH: "重庆北", SPB_STN: "沙坪坝", CQ_STN: "重庆", CQ_EAST_STN: "重庆东",
  QJ_EAST: "綦江东", QJ_STN: "綦江", SANJIANG_STN: "三江", GANSHUI_EAST: "赶水东", GANSHUI_STN: "赶水",
  WS_STN: "万盛", LUOHUANG_S: "珞璜南",
  GY_NORTH: "贵阳北", GY_EAST: "贵阳东", GY_STN: "贵阳", ZUNYI_STN: "遵义", TONGZI_STN: "桐梓", TONGZI_N: "桐梓北",
  GZ_SOUTH: "广州南", SZ_NORTH: "深圳北",
  CD_EAST: "成都东", CD_STN: "成都", ZIGONG_STN: "自贡", LUZHOU_STN: "泸州", DEYANG_STN: "德阳", MIANYANG_STN: "绵阳",
  SUINING_STN: "遂宁", NEIJIANG_N: "内江北", LESHAN_STN: "乐山", NANCHONG_N: "南充北", MEISHAN_E: "眉山东",
  YIBIN_W: "宜宾西", GUANGAN_STN: "广安", DAZHOU_STN: "达州", YAAN_STN: "雅安", ZIYANG_N: "资阳北",
  WANZHOU_N: "万州北", FULING_N: "涪陵北", YONGCHUAN_E: "永川东", HECHUAN_STN: "合川", NANCHUAN_STN: "南川",
  CHANGSHOU_N: "长寿北",
  // Stations added with the lines opened after the scrape (no 2023 train calls there, except 黔江).
  YIBIN_STN: "宜宾", YIBIN_E: "宜宾东", LUZHOU_E: "泸州东", JIANGJIN_N: "江津北", YONGCHUAN_S: "永川南",
  NANCHUAN_N: "南川北", QIANJIANG_STN: "黔江",
};

/** Stations that are hubs (longer dwell of through trains; the 3-minute class of the dwell source). */
export const HUB_STATIONS: ReadonlySet<string> = new Set(["CQ_WEST", "CQ_NORTH", "CD_EAST", "GY_NORTH", "GY_EAST", "GZ_SOUTH"]);

// ---------------------------------------------------------------------------------------------
// New places: stations of the lines opened 2023-12 … 2025-06, and 黔江 (end of 渝厦 in `current`)
// ---------------------------------------------------------------------------------------------
export interface RailPlaceSpec {
  id: string;
  zh: string;
  en: string;
  kind: "city" | "station";
  at: { osm: string } | { derived: LonLat; why: string };
  region: string;
  stations?: string[];
  population?: Q;
  tags?: string[];
  note?: string;
}

const POP_FILE =
  "shared/data/china-population-2020 county_town_pop.csv.gz (census: leiii/census@0ba0f1e, MIT; centre: Vonng/adcode@b755d6e, CC BY 4.0, GCJ-02 → WGS84)";

export const RAIL_PLACES: readonly RailPlaceSpec[] = [
  { id: "YIBIN_STN", zh: "宜宾站", en: "Yibin station", kind: "station", at: { osm: "宜宾" }, region: "Sichuan", note: "Terminus of 成宜高铁 (2023-12-26) and of the 渝昆 trains to 宜宾 (2024-09-29)." },
  { id: "YIBIN_E", zh: "宜宾东站", en: "Yibin East station", kind: "station", at: { osm: "宜宾东" }, region: "Sichuan", note: "成宜 and 渝昆 junction station (2023-12-26)." },
  { id: "LUZHOU_E", zh: "泸州东站", en: "Luzhou East station", kind: "station", at: { osm: "泸州东" }, region: "Sichuan", note: "渝昆高铁 (2024-09-29)." },
  { id: "JIANGJIN_N", zh: "江津北站", en: "Jiangjin North station", kind: "station", at: { osm: "江津北" }, region: "Chongqing", note: "渝昆高铁 (2024-09-29)." },
  { id: "YONGCHUAN_S", zh: "永川南站", en: "Yongchuan South station", kind: "station", at: { osm: "永川南" }, region: "Chongqing", note: "渝昆高铁 (2024-09-29)." },
  { id: "NANCHUAN_N", zh: "南川北站", en: "Nanchuan North station", kind: "station", at: { osm: "南川北" }, region: "Chongqing", note: "渝厦高铁 (2025-06-27)." },
  { id: "QIANJIANG_STN", zh: "黔江站", en: "Qianjiang station", kind: "station", at: { osm: "黔江" }, region: "Chongqing", note: "渝怀铁路 (conventional) and, from 2025-06-27, 渝厦高铁." },
  {
    id: "QIANJIANG", zh: "黔江区", en: "Qianjiang", kind: "city",
    at: { derived: [108.7663, 29.5363], why: `黔江区 government centre from ${POP_FILE}, row 500114.` },
    region: "Chongqing", stations: ["QIANJIANG_STN"],
    population: { value: 487281, source: `2020 census, 黔江区 487,281 residents (${POP_FILE}, row 500114)` },
    note: "Eastern end of the 渝厦高铁 section in `current`; a district of the economic circle's Chongqing part, not a target destination.",
  },
];

/** Stations added to existing places' `stations` lists (ids of places stay as they are). */
export const EXTRA_STATIONS_OF: Readonly<Record<string, readonly string[]>> = {
  YIBIN: ["YIBIN_STN", "YIBIN_E"],
  LUZHOU: ["LUZHOU_E"],
  JIANGJIN: ["JIANGJIN_N"],
  YONGCHUAN: ["YONGCHUAN_S"],
  NANCHUAN: ["NANCHUAN_N"],
};

// ---------------------------------------------------------------------------------------------
// Projects (lines) the rail services need beyond the builder's table
// ---------------------------------------------------------------------------------------------
export interface RailProjectSpec {
  id: string;
  zh: string;
  en: string;
  openingYear: Q;
  source: string;
  note?: string;
}

export const RAIL_PROJECTS: RailProjectSpec[] = [
  { id: "P_CHENGGUI", zh: "成贵高铁", en: "Chengdu–Guiyang HSR", openingYear: { value: 2019, source: `${SRC.chenggui} (乐山—宜宾 2019-06, 宜宾—贵阳 2019-12-16)` }, source: SRC.chenggui, note: "Not a plan item; 成都—乐山 is the older 成绵乐 line (2014)." },
  { id: "P_NEIZILU", zh: "绵泸高铁内自泸段", en: "Mianyang–Luzhou HSR, Neijiang–Zigong–Luzhou section", openingYear: { value: 2021, source: SRC.neizilu }, source: SRC.neizilu, note: "Not a plan item; keeps 自贡/泸州 trains out of baseline-2020." },
  { id: "P_YUKUN_YY", zh: "渝昆高铁重庆西至宜宾东段", en: "Chongqing–Kunming HSR, Chongqing West – Yibin East section", openingYear: { value: 2024, source: `${SRC.yukun} (opened 2024-09-29)` }, source: SRC.yukun, note: "Not a plan item. 192 km, 350 km/h: 重庆西—江津北—永川南—泸州东—泸州—南溪—宜宾东; trains to 宜宾 use the 成宜 section 宜宾东—宜宾 (15 km). Opened after the 2023 timetable scrape: its services carry published times." },
  { id: "P_YUXIA_QJ", zh: "渝厦高铁重庆东至黔江段", en: "Chongqing–Xiamen HSR, Chongqing East – Qianjiang section", openingYear: { value: 2025, source: `${SRC.yuxia} (opened 2025-06-27)` }, source: SRC.yuxia, note: "Not a plan item. Opens 重庆东站. Opened after the 2023 timetable scrape: its services carry published times." },
];

/**
 * Lines open before 2020 that the 2023 stop patterns run on: opening dates with their sources, so
 * that every line serving the network's places is a project (none changes a scenario: all are in
 * baseline-2020).
 */
const OLDER = (id: string, zh: string, en: string, year: number, source: string, note?: string): RailProjectSpec => ({
  id, zh, en, openingYear: { value: year, source }, source, ...(note === undefined ? {} : { note }),
});
RAIL_PROJECTS.push(
  OLDER("P_GUANGSHEN", "广深港高铁广深段", "Guangzhou–Shenzhen section of the Guangzhou–Shenzhen–Hong Kong HSR", 2011, "羊城晚报 2011-12-26 (repost news.sohu.com/20111226/n330280674.shtml): 广州南—深圳北 opened 2011-12-26, 102 km"),
  OLDER("P_SUIYU", "成遂渝铁路(遂渝2006、遂成2009)", "Chengdu–Suining–Chongqing railway", 2009, "中国新闻网 2009-07-07 (rail news copy): 达成 upgrade and 遂宁—成都 new double track in service from 2009-06-30/07-07; 遂渝 in service from 2006 (成遂渝 encyclopedia copy)"),
  OLDER("P_DACHENG", "达成铁路(扩能改造)", "Dazhou–Chengdu railway (upgraded)", 2009, "中国新闻网 2009-07-07: 达成铁路扩能改造 open throughout from 2009-07-07 (the line itself since 1997-12)"),
  OLDER("P_LANYU", "兰渝铁路(重庆—广元段)", "Lanzhou–Chongqing railway (Chongqing – Guangyuan)", 2015, "重庆晚报 2014-12-30 (chinadaily copy): 渭沱—重庆北 about to open; 华西都市报 2015-12-24: 广元—重庆 to open 2015-12-26; 新华社 2017-09-29: whole line open"),
  OLDER("P_YULI", "渝利铁路", "Chongqing–Lichuan railway", 2013, "新华社 2013-06-30 (gov.cn copy): track laid, opening at the end of 2013; factpedia 渝利铁路: built by the end of 2013"),
  OLDER("P_YUWAN", "渝万高铁", "Chongqing–Wanzhou HSR", 2016, "新华社 2016-11-28 (zggszkw.com; 0573jx.cc): opened 2016-11-28, ~247 km, 250 km/h"),
  OLDER("P_CHENGMIANLE", "成绵乐客运专线", "Chengdu–Mianyang–Leshan intercity", 2014, "新华社 2014-12-20 (yybnet.net copy): opened 2014-12-20, 314 km"),
  OLDER("P_CHENGYA", "成雅铁路", "Chengdu–Ya'an railway", 2018, "央广网 2018-12-28 (news.cncn.com copy): opened 2018-12-28, 140 km"),
  OLDER("P_YUHUAI", "渝怀铁路", "Chongqing–Huaihua railway", 2006, "新华社 2006-11-01 (news.sina.com.cn copy): 渝怀 passenger trains from 重庆北 from 2006-11-01"),
  {
    id: "P_XIANGYU", zh: "襄渝铁路", en: "Xiangyang–Chongqing railway",
    openingYear: { value: 1979, assumption: { why: "Opening year not in the stored sources (襄渝 is commonly dated 1979); it is named as an existing line in the 2009-07-07 达成 report, so it opened before 2009.", range: [1973, 2009], mode: 1979 } },
    source: "中国新闻网 2009-07-07 (names 襄渝 as an existing line)",
  },
);

/** Corrected facts for a project of the builder's table (same id, so scenarios keep their meaning). */
export const CHENGZIYI_FIX = {
  openingYear: { value: 2023, source: `${SRC.chengyi} (opened 2023-12-26)` } as Q,
  source: SRC.chengyi,
  note: "Not a plan item. 成都东—(天府机场)—资阳西—资中西—威远—自贡—沿滩—南溪北—宜宾东—宜宾, 261 km, 350 km/h. Opened after the 2023 timetable scrape (the 2023 data reach 自贡 and 泸州 over 内自泸 only): its services carry published times.",
};

// ---------------------------------------------------------------------------------------------
// Tracks: for drawing, for lengths of the speed-based services, and for assigning each 2023
// pattern segment to the lines (projects) it uses (shortest track path by great-circle length)
// ---------------------------------------------------------------------------------------------
export interface RailTrackSpec {
  id: string;
  zh: string;
  en: string;
  mode: "hsr" | "rail";
  stops: string[];
  projects?: string[];
  speedKmh?: Q;
  totalKm?: { value: number; source?: string };
  note?: string;
}

export const RAIL_TRACKS: readonly RailTrackSpec[] = [
  { id: "T_CHENGGUI", zh: "成贵高铁(乐山—宜宾西—贵阳东)", en: "Chengdu–Guiyang HSR (Leshan – Yibin West – Guiyang East)", mode: "hsr", stops: ["LESHAN_STN", "YIBIN_W", "GY_EAST"], projects: ["P_CHENGGUI"], speedKmh: { value: 250, source: SRC.chenggui } },
  { id: "T_GY_HUB", zh: "贵阳站—贵阳北(枢纽联络)", en: "Guiyang – Guiyang North (junction line)", mode: "hsr", stops: ["GY_STN", "GY_NORTH"], note: "Trains between 贵阳站 and 贵阳北 in the 2023 data (e.g. 沪昆/贵昆 through trains)." },
  { id: "T_DACHENG", zh: "达成铁路(遂宁—南充北—达州)", en: "Dazhou–Chengdu railway (Suining – Nanchong North – Dazhou)", mode: "hsr", stops: ["SUINING_STN", "NANCHONG_N", "DAZHOU_STN"], projects: ["P_DACHENG"] },
  { id: "T_YUHUAI", zh: "渝怀铁路(重庆北—黔江)", en: "Chongqing–Huaihua railway (Chongqing North – Qianjiang)", mode: "rail", stops: ["CQ_NORTH", "QIANJIANG_STN"], projects: ["P_YUHUAI"], note: "Conventional line (2006); the 2023 data have trains 重庆北—黔江 with no other network call between." },
  { id: "T_YUKUN", zh: "渝昆高铁(重庆西—宜宾东)", en: "Chongqing–Kunming HSR (Chongqing West – Yibin East)", mode: "hsr", stops: ["CQ_WEST", "JIANGJIN_N", "YONGCHUAN_S", "LUZHOU_E", "LUZHOU_STN", "YIBIN_E"], projects: ["P_YUKUN_YY"], speedKmh: { value: 350, source: SRC.yukun }, totalKm: { value: 192, source: `192 km 重庆西—宜宾东 (${SRC.yukun})` } },
  { id: "T_CHENGYI", zh: "成宜高铁(成都东—自贡—宜宾东—宜宾)", en: "Chengdu–Yibin HSR (Chengdu East – Zigong – Yibin East – Yibin)", mode: "hsr", stops: ["CD_EAST", "ZIGONG_STN", "YIBIN_E", "YIBIN_STN"], projects: ["P_CHENGZIYI"], speedKmh: { value: 350, source: SRC.chengyi }, totalKm: { value: 261, source: `261 km 成都东—宜宾 (${SRC.chengyi})` } },
  { id: "T_YUXIA", zh: "渝厦高铁(重庆东—南川北—黔江)", en: "Chongqing–Xiamen HSR (Chongqing East – Nanchuan North – Qianjiang)", mode: "hsr", stops: ["CQ_EAST_STN", "NANCHUAN_N", "QIANJIANG_STN"], projects: ["P_YUXIA_QJ"], speedKmh: { value: 350, source: SRC.yuxia }, totalKm: { value: 242, source: `242 km 重庆东—黔江 (${SRC.yuxia})` } },
];

/** Projects whose lines opened after the 2023 scrape: 2023 patterns never route over them. */
export const AFTER_SCRAPE: ReadonlySet<string> = new Set(["P_GUIGUANG_300", "P_CHENGZIYI", "P_YUKUN_YY", "P_YUXIA_QJ"]);

// ---------------------------------------------------------------------------------------------
// Assumptions of the 2023 stop patterns
// ---------------------------------------------------------------------------------------------
/** Dwell per stop at a station that is not in the network (folded into the segment's time). */
export const DWELL_SKIPPED = { value: 2, range: [1, 3] as [number, number], why: `${SRC.dwell}. 1 min at the quickest small stops, 3 at busier ones.` };

/** Dwell at the network's own intermediate stops of a service: ordinary stations and hubs. */
export const DWELL_STOP: Q = { value: 2, assumption: { why: `${SRC.dwell}: 2 min at an ordinary intermediate station (1–3).`, range: [1, 3], mode: 2 } };
export const DWELL_HUB: Q = { value: 3, assumption: { why: `${SRC.dwell}: 3 min at a large hub (重庆西, 重庆北, 成都东, 贵阳北, 贵阳东, 广州南); 2–4.`, range: [2, 4], mode: 3 } };

/** Operating day over which a daily train count is spread to give a headway (hours). */
export const OPERATING_DAY_H = { value: 16, range: [14, 18] as [number, number] };

/** Minimum transfer time at every network station where services meet. */
export const STATION_TRANSFER: Q = {
  value: 15,
  assumption: {
    why: `Same-station change between two trains. ${SRC.transfer}. 10 min is the floor the ticketing system accepts; 15 min is a quick change through the in-station transfer channel (便捷换乘) of a large station; 30 min is the advice for travellers with luggage.`,
    range: [10, 30],
    mode: 15,
  },
};

// ---------------------------------------------------------------------------------------------
// Services of the lines changed or opened after the scrape: published times
// ---------------------------------------------------------------------------------------------
/**
 * Segment times of stopping trains on a new line, fitted to its published non-stop times: a run of
 * d km takes d / V + P minutes (P: the time lost starting and stopping, and slow running near the
 * ends). Two published runs give V and P; one gives V with P taken from another line of the same class.
 * Distances are the line's track lengths (its sourced total split by great-circle share).
 */
export interface RunTimeFit {
  readonly citation: string;
  readonly points: readonly { from: string; to: string; minutes: number; source: string }[];
  /** P when only one point is published (min), with its reason. */
  readonly penaltyMin?: { value: number; why: string };
}

export interface PublishedServiceSpec {
  id: string;
  zh: string;
  en: string;
  stops: string[];
  projects: string[];
  /** Run minutes per segment (published), or a fit to published times (stopping trains). */
  runMinutes?: Q[];
  fit?: RunTimeFit;
  headwayMin: Q;
  dwellMin?: Q;
  note?: string;
}

const headway = (value: number, range: [number, number], why: string): Q => ({ value, assumption: { why, range, mode: value } });

const HW_FASTEST = (what: string, count: string): Q =>
  headway(240, [120, 360], `${count}; how many of them are the fastest ${what} is not published: about 4 per direction over the day assumed (2–8), i.e. every 240 min (120–360).`);

export const PUBLISHED_SERVICES: readonly PublishedServiceSpec[] = [
  // 贵广 at 300 km/h (2023-10-11): the published fastest trips, not a factor on the 2023 medians.
  { id: "S_GG300_GYE_GZS", zh: "贵广高铁300km/h最快车(贵阳东—广州南)", en: "Guiyang East – Guangzhou South, fastest trains at 300 km/h (from 2023-10-11)", stops: ["GY_EAST", "GZ_SOUTH"], projects: ["P_GUIGUANG", "P_GUIGUANG_300"], runMinutes: [{ value: 219, source: `${SRC.guiguang300}: 贵阳东→广州南 fastest 3 h 39 min` }], headwayMin: HW_FASTEST("贵阳东→广州南 trains", "贵广 carries 177 daily trains after the upgrade (人民网 2023-10-11) over many origins"), note: "Published travel time, intermediate dwell included. The slower 2023 stop patterns on 贵广 stay in the network unchanged." },
  { id: "S_GG300_CQW_GZS", zh: "重庆西—广州南跨线最快车(经贵广300km/h)", en: "Chongqing West – Guangzhou South, fastest cross-line trains (300 km/h on 贵广)", stops: ["CQ_WEST", "GZ_SOUTH"], projects: ["P_YUGUI_RAIL", "P_GUIGUANG", "P_GUIGUANG_300"], runMinutes: [{ value: 343, source: `${SRC.guiguang300}: 重庆西→广州南 fastest cross-line 5 h 43 min` }], headwayMin: HW_FASTEST("重庆西→广州南 trains", "9 重庆西—广州南 pairs ran at the 渝贵 opening (bozhouol.com operating plan, 2018)"), note: "Published through time; its intermediate stops are not published, so it is modelled without them." },
  { id: "S_GG300_CDE_GZS", zh: "成都东—广州南跨线最快车(经成贵、贵广300km/h)", en: "Chengdu East – Guangzhou South, fastest cross-line trains (300 km/h on 贵广)", stops: ["CD_EAST", "GZ_SOUTH"], projects: ["P_CHENGGUI", "P_GUIGUANG", "P_GUIGUANG_300"], runMinutes: [{ value: 416, source: `${SRC.guiguang300}: 成都东→广州南 fastest cross-line 6 h 56 min` }], headwayMin: HW_FASTEST("成都东→广州南 trains", "成都东—广州南 cross-line trains run over 成贵 and 贵广"), note: "Published through time; intermediate stops not published." },
  // Through trains 贵阳—深圳北 after the upgrade (audit 2026-12): the 2023 data has 12 such trains (G319, G2928,
  // G2929, G410, …) running on from 广州南 without a change; without this service the model sped up only the
  // 贵阳东→广州南 trips and made every Shenzhen traveller change at 广州南 (10 min wait + 15 min transfer).
  { id: "S_GG300_GYE_SZN", zh: "贵广高铁300km/h直通深圳北(贵阳东—深圳北)", en: "Guiyang East – Shenzhen North, through trains at 300 km/h (from 2023-10-11)", stops: ["GY_EAST", "SZ_NORTH"], projects: ["P_GUIGUANG", "P_GUIGUANG_300", "P_GUANGSHEN"], runMinutes: [{ value: 250, assumption: { why: `The published fastest 贵阳东→广州南 (219 min, ${SRC.guiguang300}) plus the fastest through-train 广州南→深圳北 leg of the 2023 data (29 min running + 2 min dwell at 广州南; the 12 through trains take 31–38 min, china-rail-2023 train_segments). 250 if the fastest 贵广 train runs on to 深圳北 (as G2928, the fastest 贵阳北→广州南 train of the 2023 data, did); up to 290 if the through trains are slower stopping trains. The article says times to 深圳 were cut too, without a figure.`, range: [250, 290], mode: 250 } }], headwayMin: HW_FASTEST("贵阳—深圳北 through trains", "the 2023 data has 6 through trains per direction between 贵阳北/贵阳东 and 深圳北"), note: "Assumed through time (no published figure); the 2023 through patterns stay in the network at their 2023 times." },
  // 贵广 at 250 km/h (2014-12-26 to 2023-10-10): the published fastest trips before the upgrade, derived from the same
  // announcement (the 300 km/h time plus the minutes it saved). Audit 2026-12: the 2023 stop patterns on 贵广 are
  // 48–65 min slower than these (贵阳东→广州南 fastest 313 min in the 2023 data against 250 published), which made
  // the baseline's Guangzhou and Shenzhen times an hour too long. In current these are dominated by the 300 km/h trips.
  { id: "S_GG250_GYE_GZS", zh: "贵广高铁250km/h最快车(贵阳东—广州南, 提速前)", en: "Guiyang East – Guangzhou South, fastest trains at 250 km/h (before 2023-10-11)", stops: ["GY_EAST", "GZ_SOUTH"], projects: ["P_GUIGUANG"], runMinutes: [{ value: 250, source: `${SRC.guiguang300}: 贵阳东→广州南 3 h 39 min after the upgrade, 31 min less than before, i.e. 4 h 10 min before` }], headwayMin: HW_FASTEST("贵阳东→广州南 trains", "贵广 ran at 250 km/h from its opening (2014-12-26) to 2023-10-10 (人民网 2023-10-11)"), note: "Published travel time before the 300 km/h upgrade (derived: 219 + 31 min), intermediate dwell included." },
  { id: "S_GG250_CQW_GZS", zh: "重庆西—广州南跨线最快车(经贵广250km/h, 提速前)", en: "Chongqing West – Guangzhou South, fastest cross-line trains (250 km/h on 贵广, before 2023-10-11)", stops: ["CQ_WEST", "GZ_SOUTH"], projects: ["P_YUGUI_RAIL", "P_GUIGUANG"], runMinutes: [{ value: 397, source: `${SRC.guiguang300}: 重庆西→广州南 5 h 43 min after the upgrade, 54 min less than before, i.e. 6 h 37 min before` }], headwayMin: HW_FASTEST("重庆西→广州南 trains", "9 重庆西—广州南 pairs ran at the 渝贵 opening (bozhouol.com operating plan, 2018)"), note: "Published through time before the upgrade (derived: 343 + 54 min); intermediate stops not published." },
  { id: "S_GG250_CDE_GZS", zh: "成都东—广州南跨线最快车(经成贵、贵广250km/h, 提速前)", en: "Chengdu East – Guangzhou South, fastest cross-line trains (250 km/h on 贵广, before 2023-10-11)", stops: ["CD_EAST", "GZ_SOUTH"], projects: ["P_CHENGGUI", "P_GUIGUANG"], runMinutes: [{ value: 462, source: `${SRC.guiguang300}: 成都东→广州南 6 h 56 min after the upgrade, 46 min less than before, i.e. 7 h 42 min before` }], headwayMin: HW_FASTEST("成都东→广州南 trains", "成都东—广州南 cross-line trains run over 成贵 and 贵广"), note: "Published through time before the upgrade (derived: 416 + 46 min); intermediate stops not published." },
  // 成宜高铁 (2023-12-26)
  { id: "S_CHENGYI_ZG", zh: "成宜高铁最快车(成都东—自贡)", en: "Chengdu East – Zigong, fastest trains (Chengdu–Yibin HSR)", stops: ["CD_EAST", "ZIGONG_STN"], projects: ["P_CHENGZIYI"], runMinutes: [{ value: 51, source: `${SRC.chengyi}: 成都东→自贡 fastest 51 min` }], headwayMin: HW_FASTEST("成都东→自贡 trains", "成宜 runs up to 16 trains a day at opening (四川工人日报 2023-12-26)"), note: "Times at opening; the line was to be run at full speed later (成都—自贡 about 40 min expected, not yet sourced as done)." },
  { id: "S_CHENGYI_YB", zh: "成宜高铁最快车(成都东—宜宾)", en: "Chengdu East – Yibin, fastest trains (Chengdu–Yibin HSR)", stops: ["CD_EAST", "YIBIN_STN"], projects: ["P_CHENGZIYI"], runMinutes: [{ value: 73, source: `${SRC.chengyi}: 成都东→宜宾 fastest 73 min` }], headwayMin: HW_FASTEST("成都东→宜宾 trains", "成宜 runs up to 16 trains a day at opening (四川工人日报 2023-12-26)"), note: "Times at opening (about 60 min expected once run at full speed, not yet sourced as done)." },
  {
    id: "S_CHENGYI_ALL", zh: "成宜高铁(成都东—自贡—宜宾东—宜宾)", en: "Chengdu East – Zigong – Yibin East – Yibin (stopping trains)", stops: ["CD_EAST", "ZIGONG_STN", "YIBIN_E", "YIBIN_STN"], projects: ["P_CHENGZIYI"],
    fit: { citation: SRC.chengyi, points: [{ from: "CD_EAST", to: "ZIGONG_STN", minutes: 51, source: "成都东→自贡 fastest 51 min" }, { from: "CD_EAST", to: "YIBIN_STN", minutes: 73, source: "成都东→宜宾 fastest 73 min" }] },
    headwayMin: headway(90, [60, 120], "成宜 runs up to 16 trains a day at opening (四川工人日报 2023-12-26), about 8 per direction over a 14–18 h day (every 105–135 min); with the fastest trains counted separately, every 90 min (60–120) for the rest."),
    note: "Stopping pattern assumed (the published figures are for the fastest trains): runs over T_CHENGYI, calling at its modelled stations.",
  },
  // 渝昆高铁渝宜段 (2024-09-29)
  { id: "S_YUKUN_CQW_YB", zh: "渝昆高铁最快车(重庆西—宜宾)", en: "Chongqing West – Yibin, fastest trains (Chongqing–Kunming HSR)", stops: ["CQ_WEST", "YIBIN_STN"], projects: ["P_YUKUN_YY", "P_CHENGZIYI"], runMinutes: [{ value: 48, source: `${SRC.yukun}: 重庆西→宜宾 fastest 48 min; ${SRC.yukunFirst}` }], headwayMin: HW_FASTEST("重庆西→宜宾 trains", "up to 40 trains a day on the section, 14 of them cross-line (新华网 2024-09-29)"), note: "Runs over 渝昆 to 宜宾东 and the 成宜 section 宜宾东—宜宾." },
  { id: "S_YUKUN_CQW_LZE", zh: "渝昆高铁最快车(重庆西—泸州东)", en: "Chongqing West – Luzhou East, fastest trains", stops: ["CQ_WEST", "LUZHOU_E"], projects: ["P_YUKUN_YY"], runMinutes: [{ value: 26, source: `${SRC.yukun}: 重庆西→泸州东 fastest 26 min` }], headwayMin: HW_FASTEST("重庆西→泸州东 trains", "up to 40 trains a day on the section (新华网 2024-09-29)") },
  { id: "S_YUKUN_CQW_LZ", zh: "渝昆高铁(重庆西—泸州)", en: "Chongqing West – Luzhou", stops: ["CQ_WEST", "LUZHOU_STN"], projects: ["P_YUKUN_YY"], runMinutes: [{ value: 30, source: `${SRC.yukunFirst}: 泸州→重庆西 30 min (first train, 2024-09-29)` }], headwayMin: HW_FASTEST("重庆西→泸州 trains", "up to 40 trains a day on the section (新华网 2024-09-29)"), note: "The opening-day train's time; not published as the fastest." },
  {
    id: "S_YUKUN_ALL", zh: "渝昆高铁(重庆西—江津北—永川南—泸州东—泸州—宜宾东—宜宾)", en: "Chongqing West – Jiangjin North – Yongchuan South – Luzhou East – Luzhou – Yibin East – Yibin (stopping trains)", stops: ["CQ_WEST", "JIANGJIN_N", "YONGCHUAN_S", "LUZHOU_E", "LUZHOU_STN", "YIBIN_E", "YIBIN_STN"], projects: ["P_YUKUN_YY", "P_CHENGZIYI"],
    fit: { citation: SRC.yukun, points: [{ from: "CQ_WEST", to: "LUZHOU_E", minutes: 26, source: "重庆西→泸州东 fastest 26 min" }, { from: "CQ_WEST", to: "YIBIN_STN", minutes: 48, source: "重庆西→宜宾 fastest 48 min" }] },
    headwayMin: headway(60, [45, 90], "Up to 40 trains a day on the section (新华网 2024-09-29), about 20 per direction over a 14–18 h day (every 42–54 min); with the fastest trains counted separately, every 60 min (45–90) for stopping trains."),
    note: "Stopping pattern assumed (the published figures are the fastest trips): runs over T_YUKUN and the 成宜 section 宜宾东—宜宾, calling at every modelled station (南溪 passed).",
  },
  // 渝厦高铁重庆东至黔江段 (2025-06-27)
  { id: "S_YUXIA_EXP", zh: "渝厦高铁最快车(重庆东—黔江)", en: "Chongqing East – Qianjiang, fastest trains (Chongqing–Xiamen HSR)", stops: ["CQ_EAST_STN", "QIANJIANG_STN"], projects: ["P_YUXIA_QJ"], runMinutes: [{ value: 61, source: `${SRC.yuxia}: 重庆东→黔江 fastest 61 min` }], headwayMin: HW_FASTEST("重庆东→黔江 trains", "up to 54 trains a day (央视新闻 2025-06-26)") },
  {
    id: "S_YUXIA_ALL", zh: "渝厦高铁(重庆东—南川北—黔江)", en: "Chongqing East – Nanchuan North – Qianjiang (stopping trains)", stops: ["CQ_EAST_STN", "NANCHUAN_N", "QIANJIANG_STN"], projects: ["P_YUXIA_QJ"],
    fit: { citation: SRC.yuxia, points: [{ from: "CQ_EAST_STN", to: "QIANJIANG_STN", minutes: 61, source: "重庆东→黔江 fastest 61 min" }], penaltyMin: { value: 6.9, why: "P of the 渝昆 fit (the same class of 350 km/h line out of a Chongqing hub); the other stations of the line (巴南, 水江西, 武隆南, 彭水西) are passed without stopping" } },
    headwayMin: headway(45, [30, 60], "Up to 54 trains a day (央视新闻 2025-06-26), about 27 per direction over a 14–18 h day (every 31–40 min); with the fastest trains counted separately, every 45 min (30–60) for stopping trains."),
    note: "Stopping pattern assumed: runs over T_YUXIA calling at 南川北 only among the line's stations.",
  },
];
