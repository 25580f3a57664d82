/**
 * Road tables of the Qijiang–Wansheng network: the interchange places where central Chongqing and
 * Chengdu meet the expressway network, every road link with the source of its length and posted
 * speed, and the region-calibrated road parameters written into the network's `parameters` section.
 *
 * How a road time is formed (the travel-time model, `src/model/build-model.ts`): length ÷ (posted or
 * design speed × commercialSpeedFactor of the link's mode). So every link gives the *posted* speed of
 * its road; what drivers really average relative to it is one regional factor per mode (below), never
 * a factor per link or per pair.
 *
 * Lengths, in order of preference: (1) a published length of the road section (`sourced`); (2) a
 * published length plus the few km from an interchange to a centre, as an assumption whose range holds
 * the published figure (`around`); (3) a published total split between sections in proportion to their
 * great-circle lengths (`shareOf`); (4) great-circle × the regional circuity measured on the sourced
 * sections (`circuity`). The door-to-door end points: each place is its district or town centre;
 * small centres lie 1–5 km from their interchange, a distance folded into the link (inside its range);
 * central Chongqing and Chengdu, where the urban leg is 15–40 km of city driving, reach the expressways
 * through explicit urban links to interchange places (RX_*).
 */

type LonLat = [number, number];

/** A number with its provenance (the network format's Quantity). */
export interface Q {
  value: number;
  source?: string;
  assumption?: { why: string; range: [number, number]; mode?: number };
  note?: string;
}

export type RoadMode = "expressway" | "road" | "urban-road";

/** How a link's length is obtained (see the file comment). */
export type LengthSpec =
  | { sourced: number; source: string }
  | { around: number; range: [number, number]; why: string }
  | { shareOf: SplitTotal }
  | { circuity: RoadMode };

/** A published total length split between consecutive sections by great-circle share. */
export interface SplitTotal {
  km: number;
  source: string;
  /** Places along the road, in order; each section is between consecutive places. */
  via: string[];
  /** Half-width of each section's range as a share of its value (the split is not published). */
  spread: number;
}

export interface RoadSpec {
  id: string;
  zh: string;
  en: string;
  mode: RoadMode;
  from: string;
  to: string;
  projects?: string[];
  replaces?: string[];
  length: LengthSpec;
  speedKmh: Q;
  note?: string;
}

/** Interchange places added by the road tables (coordinates: Amap town centres, GCJ-02, converted by the builder). */
export interface RoadPlaceSpec {
  id: string;
  zh: string;
  en: string;
  kind: "node";
  at: { gcj: LonLat; adcode: string };
  region: string;
  note: string;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
/** An assumed value with its reason and range (the mode is the value). */
function assumed(value: number, range: [number, number], why: string): Q {
  return { value, assumption: { why, range, mode: value } };
}

// ---------------------------------------------------------------------------------------------
// Citations (stored copies of public pages; outlet and date as the page gives them)
// ---------------------------------------------------------------------------------------------
export const SRC = {
  yuqian2: "渝黔高速扩能(复线) 忠兴枢纽—渝黔界 全长约99.9公里, 双向六车道, 设计速度100公里/小时 (cq.gov.cn 2021-08-17, 上游新闻; fact sheet §2b)",
  yuqian2Ws: "复线万盛境内段全长28公里 (新华社 2021-12-15, chongqing.baogaosu.com copy)",
  chongzun2: "重遵扩容(贵州境) 下坪(渝黔界)—青山枢纽 118 km, 双向六车道, 设计时速100公里 (oflu.cn 2023-10-07)",
  zunGui: "遵义距省会贵阳154公里; 贵遵复线 青山—下坝 147 km, 设计时速100公里 (cnread.news repost, undated, c. 2018); 遵贵扩容 147 km + 贵阳连接线 16 km (zzhaoz.com, 2015-02, 遵义电视台)",
  jiangqi: "江綦高速 47.8 km (重庆市交委 2015 在建项目表, mgs.jiaotongxing.com 2015-02); 全长约48公里, 设计时速80公里, 先锋互通—綦江城南 (2016全市交通工作会议, techno-d.com.cn 2016-01-12)",
  nanwan: "南万高速 万盛隧道口(綦万)—南川互通(渝湘) 全长29.95公里, 四车道, 设计时速80公里/小时 (重庆高速集团, cq.3158.cn 2014-05-21)",
  jieshui: "渝湘高速界水段 界石—南川水江 全长约85公里, 双向四车道, 设计时速100公里, 2007-11-28通车 (cnenc.net encyclopedia copy)",
  ring: "重庆绕城高速(G5001) 全长约187.96公里, 双向六车道, 设计时速100~120km/h (newton.com.tw wiki copy)",
  yurong: "渝蓉高速: 重庆绕城高速到四川绕城高速250公里, 2.5小时 (央广网 2016-08-14); 全长251公里, 双向6车道, 限速120公里/小时 (重庆热线 2016-12-29; 央广网 2017-01-02)",
  jiangxi: "江习高速 重庆段约70公里(主线64+四面山支线6), 小客车限速100, 其他车型及隧道80 (新华网 2018-06-28 via cqcb.com); 习水至江津段全长127公里 (p2.ttnews.xyz 2018-06)",
  yanjiang: "沿江高速主城至涪陵段 主线约66公里(茶园—木洞—双河口—涪陵), 设计时速80公里 (重庆晨报 2009-12-28 repost, lakalal8.com)",
  yuwu: "渝武高速 重庆内环北环立交—北碚—合川—兴山(川渝界) 110公里; 北环立交至合川段限速90, 合川至兴山限速110; 南武段65公里限速120 (newton.com.tw wiki copy 南渝高速公路)",
  guiguangExp: "贵广高速公路(厦蓉G76贵州广西段 + 包茂桂贺段 + 广贺) 贵阳—广州 全长887公里, 设计时速100公里 (jendow.com.tw wiki copy)",
  guangshen: "广深高速 黄村立交—皇岗 全长122.8公里, 限速110km/h (juduo.cc copy of 百科); 广深沿江高速 89公里, 设计时速100公里 (深圳晚报 2013-12-28)",
  chengmian: "成绵高速 三合场—磨家 全长92.4公里, 设计时速100公里 (baike.so.com)",
} as const;

// ---------------------------------------------------------------------------------------------
// Regional road parameters (written into the network's `parameters` section)
// ---------------------------------------------------------------------------------------------
/**
 * Road km ÷ great-circle km measured on the sourced sections of this region, with the network's places
 * at their ends as proxies for the interchanges (`CIRCUITY_EVIDENCE`, re-measured by
 * `tests/data/roads.test.ts`): 1.05–1.29, median 1.17. 江綦 (47.8 km, ratio 1.0) is left out: its ends
 * are interchanges on the near sides of the two towns, so its ratio says nothing about centres.
 */
export const CIRCUITY_EVIDENCE: { from: string; to: string; km: number; what: string }[] = [
  { from: "RX_CQ_W", to: "RX_CD_E", km: 250, what: "渝蓉 ring to ring" },
  { from: "WS_CITY", to: "NANCHUAN", km: 29.95, what: "南万" },
  { from: "ANWEN", to: "ZUNYI", km: 118, what: "重遵扩容 (border to 青山)" },
  { from: "GUIYANG", to: "GUANGZHOU", km: 887, what: "贵广高速" },
  { from: "GUANGZHOU", to: "SHENZHEN", km: 122.8, what: "广深高速 (黄村 to 皇岗)" },
  { from: "JIANGJIN", to: "XISHUI", km: 127, what: "江习 (习水 to 江津)" },
  { from: "ZUNYI", to: "GUIYANG", km: 154, what: "遵义—贵阳" },
  { from: "RX_CQ_ZX", to: "ANWEN", km: 99.9, what: "渝黔复线 (忠兴 to the border just past 安稳)" },
];

export const CIRCUITY: Record<RoadMode, { mode: number; range: [number, number]; why: string }> = {
  expressway: {
    mode: 1.17,
    range: [1.05, 1.3],
    why: "regional expressway circuity measured on the sourced sections (渝蓉 250 km, 南万 29.95, 重遵扩容 118, 贵广高速 887, 广深 122.8, 江习 127, 遵义—贵阳 154, 渝黔复线 99.9 over the great-circle distances of their end places): 1.05–1.29, median 1.17",
  },
  road: {
    mode: 1.35,
    range: [1.15, 1.7],
    why: "trunk roads (国道/省道) in hilly terrain wind more than expressways; no sourced length in the region, so the range starts near the expressway evidence (1.05–1.29) and reaches further up",
  },
  "urban-road": {
    mode: 1.3,
    range: [1.1, 1.6],
    why: "urban streets across rivers and hills in central Chongqing: bridges and ramps lengthen the straight line by a third typically",
  },
};

/** The free-flow factor: average speed ÷ posted limit (the model's commercialSpeedFactor). */
const EXPRESSWAY_FACTOR = assumed(
  0.85,
  [0.75, 0.95],
  "Average car speed on Chinese expressways ÷ posted limit. Xinhua (2018-01-23, via Firstpost 2018-01-24): limits 100–120 km/h with an average traffic speed of about 90 km/h, i.e. 0.75–0.90. OSRM's car profile (profiles/car.lua @5230a87) reduces tagged maxspeeds by 0.8 for the same reason. Press figures for existing roads agree: 成渝高速 318.6 km in about 4 h (80 km/h) and 渝遂 273.6 km in about 3 h (91 km/h) (央广网 2016-08-14). Range 0.75–0.95; the base is the middle of that evidence.",
);
const URBAN_FACTOR = assumed(
  0.6,
  [0.4, 0.8],
  "Average urban driving speed ÷ posted speed in central Chongqing. 高德 measured a peak-hour road-network average of 23.32 km/h in Q3 2020, the lowest of China's large cities (央视网 2020-10-27), about 0.4 of the 60 km/h urban posted speed; off-peak driving on 内环/快速路 reaches 0.8. A whole-day typical trip sits between: 0.6.",
);

/** Values for the network's `parameters` section. */
export const ROAD_PARAMETERS = {
  commercialSpeedFactor: { expressway: EXPRESSWAY_FACTOR, "urban-road": URBAN_FACTOR },
  circuityFactor: {
    road: assumed(CIRCUITY.expressway.mode, CIRCUITY.expressway.range, `Road links and bus/coach segments without a length: ${CIRCUITY.expressway.why}.`),
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Speeds (posted or design; the factor above turns them into averages)
// ---------------------------------------------------------------------------------------------
function speedSourced(value: number, source: string): Q {
  return { value, source };
}
const SPEED_EXP_100 = speedSourced(100, SRC.yuqian2);
const SPEED_EXP_DEFAULT = assumed(100, [80, 120], "Posted limit of a Chinese expressway whose limit is not in the sources: 100 km/h, the usual standard for the region's mountain expressways (渝黔复线, 重遵扩容, 界水, 遵贵 all 100); 80 on older 4-lane sections, 120 on plains.");
const SPEED_G75_OLD = assumed(90, [80, 100], "Design speed of the original 渝黔高速 (G75, 4 lanes, c. 2004) not found. Between the 80 km/h of the region's 4-lane mountain expressways of that era (江綦, 南万, 綦万-era standard) and the 100 of 界水 (2007, same terrain).");
const SPEED_QIWAN = assumed(80, [60, 100], "Design speed of the 綦万高速 (opened 2004, 4 lanes, part of the 三环) not found; the other 三环 sections next to it are 80 km/h (江綦, 南万).");
const SPEED_ROAD = assumed(60, [40, 80], "National/provincial trunk road (国道/省道) in hilly terrain: 60 km/h posted typical, 40–80.");
/** Streets and arterials between the CBD and the stations. */
export const SPEED_URBAN = assumed(60, [40, 80], "Posted speed on the streets and arterials of central Chongqing (城市主干路 40–60 km/h, 快速路 60–80); the urban commercialSpeedFactor turns it into an average.");
/** Urban expressways (内环, 快速路) from the CBD to the ring interchanges. */
const SPEED_URBAN_FAST = assumed(80, [60, 100], "Posted speed on the urban expressways from the CBD to the ring (内环快速 100 km/h per the 南渝高速 wiki copy on newton.com.tw; other 快速路 60–80); the urban commercialSpeedFactor turns it into an average.");
const SPEED_NEW_TOWN = assumed(50, [40, 60], "Arterials (城市主干路, 40–60 km/h) inside the planned 永桐新城; no network exists yet.");

// ---------------------------------------------------------------------------------------------
// Interchange places
// ---------------------------------------------------------------------------------------------
const GATEWAY_NOTE = "Road interchange place (no population, no station): the urban leg from the centre ends here and the expressways begin. The point is the Amap centre of the town or sub-district around the interchange, within ~3 km of it.";
export const ROAD_PLACES: RoadPlaceSpec[] = [
  { id: "RX_CQ_N", zh: "重庆绕城北(蔡家, 渝武高速)", en: "Chongqing ring north (Caijia, G75 to Hechuan)", kind: "node", at: { gcj: [106.471946, 29.731873], adcode: "500109103000 蔡家岗镇" }, region: "Chongqing", note: GATEWAY_NOTE },
  { id: "RX_CQ_W", zh: "重庆绕城西(陈家桥, 渝蓉/渝遂/成渝)", en: "Chongqing ring west (Chenjiaqiao, expressways to Chengdu)", kind: "node", at: { gcj: [106.336987, 29.615091], adcode: "500106015000 陈家桥街道" }, region: "Chongqing", note: GATEWAY_NOTE },
  { id: "RX_CQ_S", zh: "重庆绕城南(界石, 渝黔G75/渝湘G65)", en: "Chongqing ring south (Jieshi, G75 and G65)", kind: "node", at: { gcj: [106.612167, 29.382338], adcode: "500113103000 界石镇" }, region: "Chongqing", note: GATEWAY_NOTE },
  { id: "RX_CQ_ZX", zh: "忠兴枢纽(南彭, 渝黔复线起点)", en: "Zhongxing interchange (Nanpeng; start of the Yu-Qian 2nd expressway)", kind: "node", at: { gcj: [106.654883, 29.343474], adcode: "500113009000 南彭街道 (忠兴社区 lies in it)" }, region: "Chongqing", note: `${GATEWAY_NOTE} The press figures 'X minutes from 中心城区' for the 渝黔复线 count from here (its start on the 绕城).` },
  { id: "RX_CQ_E", zh: "重庆绕城东(迎龙/茶园, 沿江高速)", en: "Chongqing ring east (Yinglong, expressways to Fuling and Wanzhou)", kind: "node", at: { gcj: [106.711594, 29.520208], adcode: "500108107000 迎龙镇" }, region: "Chongqing", note: GATEWAY_NOTE },
  { id: "RX_CD_E", zh: "成都绕城东(大面, 成渝/渝蓉)", en: "Chengdu ring east (Damian, expressways from Chongqing)", kind: "node", at: { gcj: [104.154193, 30.608003], adcode: "510112002000 大面街道" }, region: "Sichuan", note: GATEWAY_NOTE },
];

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------
const circ = (mode: RoadMode): LengthSpec => ({ circuity: mode });
const exp = circ("expressway");

/** 渝黔复线 (99.9 km, 忠兴 → border near 安稳), split by great-circle share. */
const YUQIAN2: SplitTotal = { km: 99.9, source: SRC.yuqian2, via: ["RX_CQ_ZX", "JIELONG", "WS_CITY", "GUANBA", "ANWEN"], spread: 0.2 };
/** 重庆绕城 (187.96 km), split between the five interchange places by great-circle share. */
const RING: SplitTotal = { km: 187.96, source: SRC.ring, via: ["RX_CQ_N", "RX_CQ_W", "RX_CQ_S", "RX_CQ_ZX", "RX_CQ_E", "RX_CQ_N"], spread: 0.3 };

function urban(id: string, from: string, to: string, zh: string, en: string, speedKmh: Q = SPEED_URBAN): RoadSpec {
  return { id, zh, en, mode: "urban-road", from, to, length: circ("urban-road"), speedKmh };
}
function ringLinks(): RoadSpec[] {
  return RING.via.slice(1).map((to, i) => {
    const from = RING.via[i] as string;
    return { id: `R_RING_${from.slice(6)}_${to.slice(6)}`, zh: `重庆绕城高速 ${from.slice(6)}—${to.slice(6)}`, en: `Chongqing ring expressway ${from} – ${to}`, mode: "expressway", from, to, length: { shareOf: RING }, speedKmh: speedSourced(100, SRC.ring), note: "Design 100–120 km/h; 100 used (the lower end, as posted on most of the ring)." } satisfies RoadSpec;
  });
}
function longRoad(from: string, to: string, zh: string, length: LengthSpec = exp, speedKmh: Q = SPEED_EXP_DEFAULT, note?: string): RoadSpec {
  return { id: `R_${from}_${to}`, zh: `${zh}(公路)`, en: `Road ${from} – ${to}`, mode: "expressway", from, to, length, speedKmh, note: note ?? "Expressway chain between the two centres, existing in every scenario." };
}

export const ROADS: RoadSpec[] = [
  // Central Chongqing: the CBD to its stations (streets) and to the ring interchanges (urban expressways).
  urban("R_CBD_CQWEST", "CQ_CBD", "CQ_WEST", "解放碑—重庆西站(城市道路)", "CBD – Chongqing West (urban roads)"),
  urban("R_CBD_CQNORTH", "CQ_CBD", "CQ_NORTH", "解放碑—重庆北站(城市道路)", "CBD – Chongqing North (urban roads)"),
  urban("R_CBD_SPB", "CQ_CBD", "SPB_STN", "解放碑—沙坪坝站(城市道路)", "CBD – Shapingba (urban roads)"),
  urban("R_CBD_CQSTN", "CQ_CBD", "CQ_STN", "解放碑—重庆站(城市道路)", "CBD – Chongqing station (urban roads)"),
  urban("R_CBD_CQEAST", "CQ_CBD", "CQ_EAST_STN", "解放碑—重庆东站(城市道路)", "CBD – Chongqing East (urban roads)"),
  urban("R_CQWEST_SPB", "CQ_WEST", "SPB_STN", "重庆西站—沙坪坝站(城市道路)", "Chongqing West – Shapingba (urban roads)"),
  urban("R_CBD_RX_N", "CQ_CBD", "RX_CQ_N", "解放碑—绕城北(蔡家)(城市快速路)", "CBD – ring north (urban expressways)", SPEED_URBAN_FAST),
  urban("R_CBD_RX_W", "CQ_CBD", "RX_CQ_W", "解放碑—绕城西(陈家桥)(城市快速路)", "CBD – ring west (urban expressways)", SPEED_URBAN_FAST),
  urban("R_CBD_RX_S", "CQ_CBD", "RX_CQ_S", "解放碑—绕城南(界石)(城市快速路)", "CBD – ring south, Jieshi (urban expressways)", SPEED_URBAN_FAST),
  urban("R_CBD_RX_ZX", "CQ_CBD", "RX_CQ_ZX", "解放碑—忠兴枢纽(城市快速路)", "CBD – Zhongxing interchange (urban expressways)", SPEED_URBAN_FAST),
  urban("R_CBD_RX_E", "CQ_CBD", "RX_CQ_E", "解放碑—绕城东(迎龙)(城市快速路)", "CBD – ring east (urban expressways)", SPEED_URBAN_FAST),
  ...ringLinks(),
  urban("R_CD_RX_E", "CHENGDU", "RX_CD_E", "天府广场—成都绕城东(大面)(城市道路)", "Chengdu centre – Chengdu ring east (urban roads)", SPEED_URBAN_FAST),
  // Chongqing – Qijiang – Wansheng
  { id: "R_G75_CQ_QJ", zh: "渝黔高速(G75) 界石—綦江", en: "G75 expressway Jieshi (Chongqing ring) – Qijiang", mode: "expressway", from: "RX_CQ_S", to: "QJ_CITY", projects: ["P_G75_OLD"], length: exp, speedKmh: SPEED_G75_OLD },
  { id: "R_G75_CQ_QJ_NANHUAN", zh: "渝黔高速南环至綦江段(扩能后)", en: "G75 Nanhuan–Qijiang (expanded)", mode: "expressway", from: "RX_CQ_S", to: "QJ_CITY", projects: ["P_G75_OLD", "P_YUQIAN_NANHUAN"], replaces: ["R_G75_CQ_QJ"], length: exp, speedKmh: assumed(100, [90, 110], "Expansion to 6 lanes at 100 km/h assumed by analogy with 渝黔复线 (fact sheet §2b); no sourced design."), note: "Same corridor length as R_G75_CQ_QJ; the gain is speed." },
  { id: "R_FASTWAY_CQ_QJ", zh: "重庆中心城区—綦江快速通道", en: "Central Chongqing – Qijiang express road", mode: "road", from: "CQ_CBD", to: "QJ_CITY", projects: ["P_CQ_QW_FASTWAY"], length: circ("road"), speedKmh: assumed(70, [60, 80], "Urban express road (快速路) standard, 60–80 km/h design; no sourced design.") },
  { id: "R_FASTWAY_QJ_WS", zh: "綦江—万盛快速通道", en: "Qijiang – Wansheng express road", mode: "road", from: "QJ_CITY", to: "WS_CITY", projects: ["P_CQ_QW_FASTWAY"], length: circ("road"), speedKmh: assumed(70, [60, 80], "Urban express road (快速路) standard, 60–80 km/h design; no sourced design.") },
  { id: "R_YUCHIXU_CQ_QJ", zh: "渝赤叙高速 巴南—珞璜—綦江", en: "Yu-Chi-Xu expressway Banan – Luohuang – Qijiang", mode: "expressway", from: "RX_CQ_S", to: "QJ_CITY", projects: ["P_YUCHIXU_EXP"], length: exp, speedKmh: speedSourced(100, "渝赤叙 CQ section 100 km/h (e47e47.com; heatherkohler.com 2020-11-11; fact sheet §2b)"), note: "Starts at 巴南百节 (渝南大道), a few km west of 界石; modelled from the south ring interchange." },
  { id: "R_QIWAN_QJ_YC", zh: "綦万高速 綦江—永城", en: "Qijiang–Wansheng expressway: Qijiang – Yongcheng", mode: "expressway", from: "QJ_CITY", to: "YONGCHENG", projects: ["P_QIWAN_EXP"], length: exp, speedKmh: SPEED_QIWAN },
  { id: "R_QIWAN_YC_WS", zh: "綦万高速 永城—万盛", en: "Qijiang–Wansheng expressway: Yongcheng – Wansheng", mode: "expressway", from: "YONGCHENG", to: "WS_CITY", projects: ["P_QIWAN_EXP"], length: exp, speedKmh: SPEED_QIWAN },
  { id: "R_QIWAN2_QJ_YC", zh: "綦万高速(改扩建) 綦江—永城", en: "Qijiang–Wansheng expressway (rebuilt): Qijiang – Yongcheng", mode: "expressway", from: "QJ_CITY", to: "YONGCHENG", projects: ["P_QIWAN_EXP", "P_QIWAN_UPGRADE"], replaces: ["R_QIWAN_QJ_YC"], length: exp, speedKmh: assumed(100, [80, 120], "Reconstruction assumed to reach 100 km/h (no sourced design).") },
  { id: "R_QIWAN2_YC_WS", zh: "綦万高速(改扩建) 永城—万盛", en: "Qijiang–Wansheng expressway (rebuilt): Yongcheng – Wansheng", mode: "expressway", from: "YONGCHENG", to: "WS_CITY", projects: ["P_QIWAN_EXP", "P_QIWAN_UPGRADE"], replaces: ["R_QIWAN_YC_WS"], length: exp, speedKmh: assumed(100, [80, 120], "Reconstruction assumed to reach 100 km/h (no sourced design).") },
  { id: "R_YONGTONG_YC", zh: "永桐新城—永城(城市道路)", en: "Yongtong new town – Yongcheng (local roads)", mode: "urban-road", from: "YONGTONG", to: "YONGCHENG", length: circ("urban-road"), speedKmh: SPEED_NEW_TOWN },
  { id: "R_YONGTONG_NT", zh: "永桐新城—南桐(城市道路)", en: "Yongtong new town – Nantong (local roads)", mode: "urban-road", from: "YONGTONG", to: "NANTONG", length: circ("urban-road"), speedKmh: SPEED_NEW_TOWN },
  { id: "R_NT_WS", zh: "南桐—万盛(城市道路)", en: "Nantong – Wansheng (local road)", mode: "road", from: "NANTONG", to: "WS_CITY", length: circ("road"), speedKmh: SPEED_ROAD },
  { id: "R_YUQIAN2_CQ_JL", zh: "渝黔复线 忠兴—接龙", en: "Yu-Qian 2nd expressway: Zhongxing – Jielong", mode: "expressway", from: "RX_CQ_ZX", to: "JIELONG", projects: ["P_YUQIAN_EXPANSION"], length: { shareOf: YUQIAN2 }, speedKmh: SPEED_EXP_100 },
  { id: "R_YUQIAN2_JL_WS", zh: "渝黔复线 接龙—万盛", en: "Yu-Qian 2nd expressway: Jielong – Wansheng", mode: "expressway", from: "JIELONG", to: "WS_CITY", projects: ["P_YUQIAN_EXPANSION"], length: { shareOf: YUQIAN2 }, speedKmh: SPEED_EXP_100 },
  { id: "R_YUQIAN2_WS_GB", zh: "渝黔复线 万盛—关坝", en: "Yu-Qian 2nd expressway: Wansheng – Guanba", mode: "expressway", from: "WS_CITY", to: "GUANBA", projects: ["P_YUQIAN_EXPANSION"], length: { shareOf: YUQIAN2 }, speedKmh: SPEED_EXP_100 },
  { id: "R_YUQIAN2_GB_AW", zh: "渝黔复线 关坝—安稳", en: "Yu-Qian 2nd expressway: Guanba – Anwen", mode: "expressway", from: "GUANBA", to: "ANWEN", projects: ["P_YUQIAN_EXPANSION"], length: { shareOf: YUQIAN2 }, speedKmh: SPEED_EXP_100 },
  { id: "R_CHONGZUN2_AW_ZY", zh: "重遵扩容 安稳(省界)—遵义", en: "Chongqing–Zunyi expansion: Anwen (border) – Zunyi", mode: "expressway", from: "ANWEN", to: "ZUNYI", projects: ["P_YUQIAN_EXPANSION", "P_CHONGZUN_EXPANSION"], length: { around: 131, range: [123, 140], why: `${SRC.chongzun2}, plus ~5 km from 安稳 to the border (下坪) and ~8 km from 青山枢纽 to the 遵义 centre (great-circle estimates).` }, speedKmh: speedSourced(100, SRC.chongzun2) },
  { id: "R_JIELONG_LOCAL", zh: "接龙—綦江(地方道路)", en: "Jielong – Qijiang (local road)", mode: "road", from: "JIELONG", to: "QJ_CITY", length: circ("road"), speedKmh: SPEED_ROAD, note: "Keeps 接龙 reachable by road in baseline-2020 (before the 复线)." },
  { id: "R_NT_JL", zh: "南桐—接龙省道", en: "Nantong – Jielong provincial road", mode: "road", from: "NANTONG", to: "JIELONG", projects: ["P_NT_JL_ROAD"], length: circ("road"), speedKmh: assumed(60, [40, 80], "Provincial road (省道) standard: 60 km/h typical, 40–80 in hilly terrain.") },
  // G75 south of Qijiang, and local roads to the towns
  { id: "R_G75_QJ_DX", zh: "G75 綦江—东溪", en: "G75 Qijiang – Dongxi", mode: "expressway", from: "QJ_CITY", to: "DONGXI", projects: ["P_G75_OLD"], length: exp, speedKmh: SPEED_G75_OLD },
  { id: "R_G75_DX_GS", zh: "G75 东溪—赶水", en: "G75 Dongxi – Ganshui", mode: "expressway", from: "DONGXI", to: "GANSHUI", projects: ["P_G75_OLD"], length: exp, speedKmh: SPEED_G75_OLD },
  { id: "R_G75_GS_AW", zh: "G75 赶水—安稳", en: "G75 Ganshui – Anwen", mode: "expressway", from: "GANSHUI", to: "ANWEN", projects: ["P_G75_OLD"], length: exp, speedKmh: SPEED_G75_OLD },
  { id: "R_G75_AW_TZ", zh: "G75 安稳—桐梓", en: "G75 Anwen – Tongzi", mode: "expressway", from: "ANWEN", to: "TONGZI", projects: ["P_G75_GZ_OLD"], length: exp, speedKmh: SPEED_G75_OLD },
  { id: "R_G75_TZ_ZY", zh: "G75 桐梓—遵义", en: "G75 Tongzi – Zunyi", mode: "expressway", from: "TONGZI", to: "ZUNYI", projects: ["P_G75_GZ_OLD"], length: exp, speedKmh: SPEED_G75_OLD },
  { id: "R_G75_ZY_GY", zh: "兰海高速 遵义—贵阳", en: "G75 Zunyi – Guiyang", mode: "expressway", from: "ZUNYI", to: "GUIYANG", projects: ["P_G75_GZ_OLD"], length: { sourced: 154, source: SRC.zunGui }, speedKmh: speedSourced(100, SRC.zunGui), note: "154 km is the road distance 遵义—贵阳; the 遵贵扩容 route (147 km + 16 km connector from 青山, which lies east of the 遵义 centre) is as long." },
  { id: "R_GS_FH", zh: "赶水—扶欢(地方道路)", en: "Ganshui – Fuhuan (local road)", mode: "road", from: "GANSHUI", to: "FUHUAN", length: circ("road"), speedKmh: SPEED_ROAD },
  { id: "R_FH_GB", zh: "扶欢—关坝(地方道路)", en: "Fuhuan – Guanba (local road)", mode: "road", from: "FUHUAN", to: "GUANBA", length: circ("road"), speedKmh: SPEED_ROAD },
  { id: "R_GB_WS_LOCAL", zh: "关坝—万盛(地方道路)", en: "Guanba – Wansheng (local road)", mode: "road", from: "GUANBA", to: "WS_CITY", length: circ("road"), speedKmh: SPEED_ROAD, note: "Keeps 关坝 reachable by road in baseline-2020." },
  // Planned expressways south and west
  { id: "R_QWZ_WS_ZA", zh: "綦江—万盛—正安高速 万盛—正安", en: "Qijiang–Wansheng–Zheng'an expressway: Wansheng – Zheng'an", mode: "expressway", from: "WS_CITY", to: "ZHENGAN", projects: ["P_QWZ_EXP"], length: exp, speedKmh: speedSourced(80, "zixundingzhi.com (self-media citing the 万盛 site): 4 lanes, 80 km/h; fact sheet §3") },
  { id: "R_ZHENGAN_LOCAL", zh: "正安—遵义(既有公路)", en: "Zheng'an – Zunyi (existing roads)", mode: "road", from: "ZHENGAN", to: "ZUNYI", length: circ("road"), speedKmh: assumed(70, [50, 90], "Mix of expressway (正习/G326 corridors) and trunk road, not itemised in the sources.") },
  { id: "R_ANXI_AW_XS", zh: "安稳—习水高速", en: "Anwen – Xishui expressway", mode: "expressway", from: "ANWEN", to: "XISHUI", projects: ["P_ANXI_EXP"], length: exp, speedKmh: SPEED_EXP_DEFAULT },
  { id: "R_WANTONG_WS_TZ", zh: "万盛—桐梓羊蹬高速(至桐梓县城)", en: "Wansheng – Tongzi (Yangdeng) expressway, to Tongzi", mode: "expressway", from: "WS_CITY", to: "TONGZI", projects: ["P_WANTONG_EXP"], length: exp, speedKmh: SPEED_EXP_DEFAULT, note: "The plan's road ends at 羊蹬 (a town of 桐梓 county without a sourced coordinate); modelled to 桐梓县城." },
  { id: "R_JIANGXI_JJ_XS", zh: "江习高速 江津—习水", en: "Jiangjin – Xishui expressway", mode: "expressway", from: "JIANGJIN", to: "XISHUI", projects: ["P_JIANGXI_EXP"], length: { around: 132, range: [127, 140], why: `${SRC.jiangxi}; the ~5 km from 江津城区 to the 刁家 start are inside the range.` }, speedKmh: speedSourced(100, SRC.jiangxi) },
  { id: "R_YUCHIXU_QJ_CS", zh: "渝赤叙高速 綦江—江津中山—赤水", en: "Yu-Chi-Xu expressway Qijiang – Chishui", mode: "expressway", from: "QJ_CITY", to: "CHISHUI", projects: ["P_YUCHIXU_EXP"], length: exp, speedKmh: speedSourced(100, "渝赤叙 CQ section 100 km/h (e47e47.com; fact sheet §2b)") },
  { id: "R_YUCHIXU_CS_XY", zh: "渝赤叙高速 赤水—叙永", en: "Yu-Chi-Xu expressway Chishui – Xuyong", mode: "expressway", from: "CHISHUI", to: "XUYONG", projects: ["P_YUCHIXU_EXP"], length: exp, speedKmh: SPEED_EXP_DEFAULT },
  { id: "R_XS_CS_LOCAL", zh: "习水—赤水(既有公路)", en: "Xishui – Chishui (existing road)", mode: "road", from: "XISHUI", to: "CHISHUI", length: circ("road"), speedKmh: SPEED_ROAD },
  { id: "R_XS_TZ_LOCAL", zh: "习水—桐梓(既有公路)", en: "Xishui – Tongzi (existing road)", mode: "road", from: "XISHUI", to: "TONGZI", length: circ("road"), speedKmh: SPEED_ROAD },
  { id: "R_CS_LZ", zh: "赤水—泸州(既有公路)", en: "Chishui – Luzhou (existing roads)", mode: "road", from: "CHISHUI", to: "LUZHOU", length: circ("road"), speedKmh: assumed(70, [50, 90], "Mixed expressway/trunk-road corridor via 合江, not itemised in the sources.") },
  { id: "R_XY_LZ", zh: "叙永—泸州(既有高速)", en: "Xuyong – Luzhou (existing expressway)", mode: "expressway", from: "XUYONG", to: "LUZHOU", length: exp, speedKmh: SPEED_EXP_DEFAULT, note: "G76 厦蓉 (fact sheet: 渝赤叙 joins G76 at 叙永)." },
  // Qijiang – Jiangjin – west; Wansheng – Nanchuan – Fuling
  { id: "R_JIANGQI", zh: "江綦高速", en: "Jiangjin – Qijiang expressway", mode: "expressway", from: "JIANGJIN", to: "QJ_CITY", projects: ["P_JIANGQI_EXP"], length: { around: 53, range: [49, 60], why: `${SRC.jiangqi}; the interchanges lie on the near sides of the two towns (47.8 km is no more than the 47.9 km great-circle between the centres), so the access from the 先锋互通 to the 江津 centre and from 綦江城南 to the 綦江 centre (2–6 km each) is added.` }, speedKmh: speedSourced(80, SRC.jiangqi) },
  { id: "R_JIANGJIN_LOCAL", zh: "江津—綦江(既有国道)", en: "Jiangjin – Qijiang (trunk road)", mode: "road", from: "JIANGJIN", to: "QJ_CITY", length: circ("road"), speedKmh: SPEED_ROAD, note: "Keeps 江津 reachable before the 2016 江綦高速 (not needed for 2020, kept for robustness)." },
  { id: "R_NANWAN", zh: "南万高速", en: "Nanchuan – Wansheng expressway", mode: "expressway", from: "WS_CITY", to: "NANCHUAN", projects: ["P_NANWAN_EXP"], length: { around: 33, range: [29.95, 38], why: `${SRC.nanwan}; plus the 1–4 km from each interchange to the 万盛 and 南川 centres.` }, speedKmh: speedSourced(80, SRC.nanwan) },
  { id: "R_NC_FL", zh: "南涪高速 南川—涪陵", en: "Nanchuan – Fuling expressway", mode: "expressway", from: "NANCHUAN", to: "FULING", length: exp, speedKmh: SPEED_EXP_DEFAULT, note: "Existing expressway (三环 南涪段; year not in the sources); present in every scenario." },
  { id: "R_CQ_NC", zh: "渝湘高速(G65) 界石—南川", en: "G65 expressway Jieshi (Chongqing ring) – Nanchuan", mode: "expressway", from: "RX_CQ_S", to: "NANCHUAN", length: exp, speedKmh: speedSourced(100, SRC.jieshui), note: `界水段 (界石—水江, 85 km, opened 2007) passes 南川 some 15–20 km before 水江; the great-circle estimate (界石—南川) is used. ${SRC.jieshui}.` },
  // Chongqing to the economic-circle cities (long-distance road chains, existing in every scenario)
  longRoad("RX_CQ_W", "JIANGJIN", "绕城西—江津(渝泸/江合高速)"),
  longRoad("RX_CQ_W", "YONGCHUAN", "绕城西—永川(九永/成渝高速)", exp, speedSourced(100, "九永高速 A线 设计时速100公里 (C线 80) 全长约49.12公里 (华龙网-重庆日报 2017-10-18)")),
  longRoad("RX_CQ_W", "RX_CD_E", "渝蓉高速 重庆绕城—成都绕城", { sourced: 250, source: SRC.yurong }, speedSourced(120, SRC.yurong), "渝蓉高速 (G5013), the shortest Chongqing–Chengdu expressway (opened in full 2016-12-30); the old 成渝 (318.6 km) and 渝遂 (273.6 km) are longer and are represented by the chains through 永川 and 合川/遂宁."),
  longRoad("RX_CQ_N", "HECHUAN", "渝武高速 绕城北—合川", exp, speedSourced(90, SRC.yuwu)),
  longRoad("RX_CQ_E", "FULING", "沿江高速 主城—涪陵", { around: 76, range: [69, 85], why: `${SRC.yanjiang}; plus the access from the mainline's end (蒿子坝) into the 涪陵 centre and from the 迎龙 point to its start, 5–15 km together; never below the 68.6 km great-circle between the two places.` }, speedSourced(80, SRC.yanjiang)),
  // Chains without a sourced length or limit: great-circle × circuity at the default posted speed.
  ...(
    [
      ["FULING", "WANZHOU", "涪陵—万州"],
      ["FULING", "QIANJIANG", "涪陵—黔江(渝湘高速)"],
      ["RX_CQ_E", "WANZHOU", "主城—万州(沪渝高速)"],
      ["YONGCHUAN", "NEIJIANG", "永川—内江"],
      ["NEIJIANG", "ZIYANG", "内江—资阳"],
      ["ZIYANG", "RX_CD_E", "资阳—成都绕城东"],
      ["NEIJIANG", "ZIGONG", "内江—自贡"],
      ["ZIGONG", "YIBIN", "自贡—宜宾"],
      ["YONGCHUAN", "LUZHOU", "永川—泸州"],
      ["LUZHOU", "YIBIN", "泸州—宜宾"],
      ["JIANGJIN", "LUZHOU", "江津—泸州"],
      ["HECHUAN", "SUINING", "合川—遂宁"],
      ["SUINING", "RX_CD_E", "遂宁—成都绕城东"],
      ["GUANGAN", "DAZHOU", "广安—达州"],
      ["CHENGDU", "MEISHAN", "成都—眉山"],
      ["MEISHAN", "LESHAN", "眉山—乐山"],
      ["CHENGDU", "YAAN", "成都—雅安"],
      ["LESHAN", "YIBIN", "乐山—宜宾"],
    ] as const
  ).map(([from, to, zh]) => longRoad(from, to, zh)),
  longRoad("HECHUAN", "NANCHONG", "合川—南充", exp, speedSourced(110, SRC.yuwu)),
  longRoad("RX_CQ_N", "GUANGAN", "渝广高速 绕城北—广安", { around: 90, range: [83, 100], why: "渝广高速全长69公里, 起于绕城高速…止于南充至广安高速公路 (重庆市交委/重庆高速集团 via techno-d.com.cn 2015-07-08); plus the way along the 绕城 from 蔡家 to its start and into the 广安 centre, 14–31 km together, never below the 82 km great-circle between the two places." }, assumed(90, [80, 100], "渝广高速 重庆段 100 km/h inside the 三环 and 80 outside (china.com.cn 2017-02-17; techno-d.com.cn 2015-07-08); the 四川 section not in the sources.")),
  longRoad("CHENGDU", "DEYANG", "成都—德阳", exp, speedSourced(100, SRC.chengmian)),
  longRoad("DEYANG", "MIANYANG", "德阳—绵阳", exp, speedSourced(100, SRC.chengmian)),
  longRoad("GUIYANG", "GUANGZHOU", "贵广高速 贵阳—广州", { around: 905, range: [887, 930], why: `${SRC.guiguangExp}; plus the urban legs to the 云岩区 centre and 广州 city hall.` }, speedSourced(100, SRC.guiguangExp)),
  longRoad("GUANGZHOU", "SHENZHEN", "广深高速 广州—深圳", { around: 140, range: [123, 150], why: `${SRC.guangshen}; plus ~12 km from 广州 city hall to 黄村 and ~5 km from 皇岗 to 深圳 city hall.` }, speedSourced(110, SRC.guangshen)),
  longRoad("GUIYANG", "QINZHOU_PORT", "贵阳—钦州港(兰海高速)"),
];

// ---------------------------------------------------------------------------------------------
// Lengths
// ---------------------------------------------------------------------------------------------
/** Great-circle km between two place ids. */
export type GreatCircle = (a: string, b: string) => number;

/** The lengthKm Quantity of a road link. */
export function roadLength(r: RoadSpec, gc: GreatCircle): Q {
  const l = r.length;
  if ("sourced" in l) return { value: l.sourced, source: l.source };
  if ("around" in l) return { value: l.around, assumption: { why: l.why, range: l.range, mode: l.around } };
  const d = gc(r.from, r.to);
  if ("shareOf" in l) {
    const t = l.shareOf;
    const i = t.via.findIndex((p, k) => p === r.from && t.via[k + 1] === r.to);
    if (i < 0) throw new Error(`road ${r.id}: ${r.from} → ${r.to} is not a section of ${t.via.join(" – ")}`);
    const gcs = t.via.slice(1).map((p, k) => gc(t.via[k] as string, p));
    const total = gcs.reduce((a, b) => a + b, 0);
    if (t.km < total) throw new Error(`road ${r.id}: the sourced total ${t.km} km is shorter than the great-circle path ${round(total, 1)} km through ${t.via.join(" – ")}`);
    const v = round((t.km * (gcs[i] as number)) / total, 1);
    // A section is never shorter than the straight line between its ends.
    const low = Math.max(round(v * (1 - t.spread), 1), Math.ceil(d * 10) / 10);
    return { value: v, assumption: { why: `Share of the sourced total (${t.source}) in proportion to this section's great-circle length (${round(d, 1)} of ${round(total, 1)} km between ${t.via.join(" – ")}); the split between interchanges is not published (±${t.spread * 100}%, not below the great-circle distance).`, range: [low, round(v * (1 + t.spread), 1)], mode: v } };
  }
  const c = CIRCUITY[l.circuity];
  return {
    value: round(d * c.mode, 1),
    assumption: {
      why: `Great-circle ${round(d, 1)} km between the two places × road circuity ${c.mode} (range ${c.range[0]}–${c.range[1]}: ${c.why}); no sourced road length.`,
      range: [round(d * c.range[0], 1), round(d * c.range[1], 1)],
      mode: round(d * c.mode, 1),
    },
  };
}

/** The road links of the network, in table order, in the network format's link shape. */
export function roadLinks(gc: GreatCircle): Record<string, unknown>[] {
  return ROADS.map((r) => {
    const out: Record<string, unknown> = { id: r.id, name: { zh: r.zh, en: r.en }, mode: r.mode, from: r.from, to: r.to, lengthKm: roadLength(r, gc), speedKmh: r.speedKmh };
    if (r.projects) out.projects = r.projects;
    if (r.replaces) out.replaces = r.replaces;
    if (r.note) out.note = r.note;
    return out;
  });
}
