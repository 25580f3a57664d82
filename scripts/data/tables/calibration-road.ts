/**
 * Road rows of the calibration set: published drive times between places of the network, each with
 * its outlet and date. The model's side is the door-to-door, road-only time
 * (`findRoute(model, from, to, { scenario, measure: "door-to-door", modes: "road" })`); the scenario
 * follows `asOf`: baseline-2020 for a figure that describes the network up to the end of 2020,
 * current after.
 *
 * Which published figures are rows (the admissibility rule, applied to every figure found):
 * 1. Both ends are identifiable as places of the network. "重庆主城/中心城区" in a figure about a radial
 *    expressway counts from where that expressway leaves the 绕城 (the RX_CQ_* interchanges): the
 *    press computes such times on the expressway's length, and a figure that could not even reach the
 *    ring from 解放碑 cannot mean 解放碑. A figure that says 主城 and 成都 (centre to centre) uses CQ_CBD.
 * 2. The figure does not imply an average speed above the posted limit over the road's sourced length
 *    (a promise computed at or beyond the limit is not a typical drive).
 * Figures that fail a rule are listed, with the reason, in networks/qijiang-wansheng/SOURCES.md.
 *
 * `asOf` is the date the figure refers to. A "before the opening" figure published in 2021 about a
 * corridor unchanged since 2020 refers to the baseline-2020 network, and is dated 2020-12-31 (its
 * publication date is in `source`).
 */
import type { CalibrationRow } from "./calibration-types.js";

const XINHUA_WS = "新华社 2021-12-15 (渝黔高速公路扩能项目万盛段建设进入尾声; copy chongqing.baogaosu.com; English: en.people.cn 2021-12-16): 万盛经开区至重庆中心城区通勤时间由60分钟缩短至35分钟";
const YONGCHENG = "永城镇 town profile (m.05718.cc/town/40381, undated, written when 綦江 was still a county, i.e. before 2011-10): 綦万高速公路贯穿全境并在永城留有出口, 距綦江、万盛仅15分钟车程, 到重庆市区不到60分钟";
const YURONG_2013 = "华龙网-重庆日报 2013 (repost mgs.jiaotongxing.com 2015-02-27): 成渝复线(渝蓉)…重庆主城到重庆大足只需40分钟左右, 到成都约需3个小时, 从重庆外环经成渝复线到成都绕城高速只需2.5小时";
const YURONG_2016 = "央广网 2016-08-14 (渝蓉高速年内全线贯通): 从重庆绕城高速到四川绕城高速的里程将缩短为250公里…通行时间也将缩短至2.5小时; 央广网 2017-01-02 (opened 2016-12-30): 重庆主城到成都车程只需2.5个小时";
const JIANGXI_2018 = "新华网 2018-06-28 (via cqcb.com 上游新闻): 以后驾车从重庆主城到习水县城只需2小时, 从重庆江津到习水县城只需1小时20分钟";

export const CALIBRATION_ROAD: CalibrationRow[] = [
  // --- The plan area and its links to central Chongqing ---
  { id: "CAL_D_WS_ZX", mode: "road", from: "WS_CITY", to: "RX_CQ_ZX", minutes: 35, kind: "published", reading: "typical", asOf: "2021-12-24", source: XINHUA_WS, note: "After the 渝黔复线 opened (2021-12-24). 中心城区 read as the 复线's start on the 绕城 (忠兴); the 28 km 万盛 section plus ~30 km to 忠兴 in 35 min is driving at the 100 km/h limit." },
  { id: "CAL_D_WS_CQS_2020", mode: "road", from: "WS_CITY", to: "RX_CQ_S", minutes: 60, kind: "published", reading: "typical", asOf: "2020-12-31", source: XINHUA_WS, note: "The 'before' figure: 万盛 → 綦万 → 綦江 → G75 → 绕城 at 界石; the corridor was unchanged from 2020 to the 2021-12-24 opening, hence dated to the baseline. Same order as '綦万高速让万盛与重庆主城的距离缩短为89公里…进入重庆1小时经济圈' (czkjst.org encyclopedia copy)." },
  { id: "CAL_D_YC_QJ", mode: "road", from: "YONGCHENG", to: "QJ_CITY", minutes: 15, kind: "published", reading: "typical", asOf: "2010-12-31", source: YONGCHENG, note: "綦万高速, 永城 interchange → 綦江. With the next row, the evidence for the half-hour circle 綦江—万盛: 15 + 15 = 30 min." },
  { id: "CAL_D_YC_WS", mode: "road", from: "YONGCHENG", to: "WS_CITY", minutes: 15, kind: "published", reading: "typical", asOf: "2010-12-31", source: YONGCHENG, note: "綦万高速, 永城 interchange → 万盛." },
  { id: "CAL_D_YC_CQS", mode: "road", from: "YONGCHENG", to: "RX_CQ_S", minutes: 60, kind: "published", reading: "typical", asOf: "2010-12-31", source: YONGCHENG, note: "'不到60分钟' read as 60 (an upper bound). 重庆市区 read as the city's edge on the G75 (界石): the ~68 km to 界石 in an hour is plausible, the ~95 km to 解放碑 is not." },
  { id: "CAL_D_JJ_QJ", mode: "road", from: "JIANGJIN", to: "QJ_CITY", minutes: 40, kind: "published", reading: "typical", asOf: "2016-12-31", source: "2016全市交通工作会议 (重庆, 2016-01-11; techno-d.com.cn 2016-01-12): 江綦高速全长约48公里, 设计时速80公里…通车后, 江津至綦江车程将由现在的1.5小时左右缩短至40分钟", note: "江綦高速 opened 2016." },
  { id: "CAL_D_WS_NC", mode: "road", from: "WS_CITY", to: "NANCHUAN", minutes: 25, kind: "published", reading: "typical", asOf: "2014-12-31", source: "重庆晚报 2013-01-10 (m.vzvkv.com): 南川至万盛间…老路耗时约1小时左右; 未来(南万高速): 南川至万盛…时空距离将缩短至25分钟", note: "南万高速 29.95 km at 80 km/h. A second figure, '万盛到南川只需要20分钟' (重庆高速集团 via cq.3158.cn 2014-05-21), implies 90 km/h on an 80 km/h road and is not a row." },
  // --- Chongqing – Chengdu and the west ---
  { id: "CAL_D_CQW_CDE", mode: "road", from: "RX_CQ_W", to: "RX_CD_E", minutes: 150, kind: "published", reading: "typical", asOf: "2017-01-02", source: YURONG_2016, note: "渝蓉高速 ring to ring (250 km, limit 120)." },
  { id: "CAL_D_CBD_CD", mode: "road", from: "CQ_CBD", to: "CHENGDU", minutes: 180, kind: "published", reading: "typical", asOf: "2017-01-02", source: YURONG_2013, note: "主城 → 成都 (centre to centre) by the 渝蓉; the same source gives 2.5 h ring to ring, so 3 h includes both urban legs. Dated to the road's full opening (2016-12-30)." },
  { id: "CAL_D_CQW_YCH", mode: "road", from: "RX_CQ_W", to: "YONGCHUAN", minutes: 40, kind: "published", reading: "typical", asOf: "2017-12-26", source: "和讯 2014-05-05 (news.hexun.com/2014-05-05/164501792.html, blog copy williem03.pixnet.net): 九龙坡至永川高速…届时主城至永川仅需40分钟左右, 线路全长49.17公里", note: "九永高速 from the west 绕城 (走马) to 永川; opened 2017-12-26 (华龙网-重庆商报 2017-12-25)." },
  { id: "CAL_D_JJ_XS", mode: "road", from: "JIANGJIN", to: "XISHUI", minutes: 80, kind: "published", reading: "typical", asOf: "2018-06-29", source: JIANGXI_2018, note: "江习高速 (习水—江津 127 km; cars 100 km/h, tunnels 80)." },
  { id: "CAL_D_CQW_XS", mode: "road", from: "RX_CQ_W", to: "XISHUI", minutes: 120, kind: "published", reading: "typical", asOf: "2018-06-29", source: JIANGXI_2018, note: "重庆主城 read as the 绕城 west (the 渝泸 leaves the ring there towards 江津 and 刁家)." },
  { id: "CAL_D_CQW_LZ_2013", mode: "road", from: "RX_CQ_W", to: "LUZHOU", minutes: 90, kind: "published", reading: "typical", asOf: "2014-12-31", source: "华龙网-重庆日报 2013 (repost mgs.jiaotongxing.com 2015-02-27): 渝泸高速起于重庆绕城高速渝泸立交…届时, 市民从重庆开车到泸州只需1.5小时", note: "From the ring (渝泸立交) via 渝泸/江合; promised for 2014 when the 四川 section opened." },
  { id: "CAL_D_LZ_CQW_2022", mode: "road", from: "LUZHOU", to: "RX_CQ_W", minutes: 120, kind: "published", reading: "typical", asOf: "2022-09-30", source: "封面新闻 2022-09-30 (sc.sina.com.cn, 泸州市交通运输局): 泸永高速…通车后, 泸州至重庆主城区的通行时间由原来2小时缩短至1小时", note: "The 'before' figure (the network without 泸永, as in this model). The 'after' figure (1 h for ≥150 km) implies more than the 100 km/h limit and is not a row. Brackets, with the 2013 row, the 泸州 corridor at 1.5–2 h." },
  // --- Guizhou ---
  { id: "CAL_D_CQS_GY_2020", mode: "road", from: "RX_CQ_S", to: "GUIYANG", minutes: 255, kind: "published", reading: "typical", asOf: "2020-12-31", source: "中新网 2021-12-24 (daluzixun.com copy) and 重庆晨报 2021-12-25 (ninggangzx.com copy): 重庆与贵阳间高速公路行车时间从4个多小时缩短至3小时左右", note: "The 'before' figure, on the old G75 (界石 → 綦江 → 崇溪河 → 遵义 → 贵阳), unchanged from 2020 to the 复线 opening. '4个多小时' read as 255 min (4–4.5 h). The 'after' figure (3 h over the 381 km of 复线 + 重遵扩容 + 遵贵) implies 127 km/h and is not a row." },
];
