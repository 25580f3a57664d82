/**
 * Rail rows of the calibration set (station to station, scheduled reading).
 * - `CALIBRATION_RAIL_DATA`: pairs on lines unchanged since the 2023 timetable scrape; the builder
 *   computes the fastest 2023 train between them (running time + dwell at its intermediate stops).
 * - `CALIBRATION_RAIL_PUBLISHED`: published times of lines opened or upgraded after the scrape, and
 *   a few older published fastest times.
 */
import type { CalibrationRow } from "./calibration-types.js";
import { SRC } from "./rail-network.js";

/** A pair whose time the builder derives from the 2023 data: place ids (stations) and the line. */
export interface DataPairSpec {
  readonly from: string;
  readonly to: string;
  readonly line: string;
}

export const CALIBRATION_RAIL_DATA: readonly DataPairSpec[] = [
  // 渝贵铁路 (the plan area's line)
  { from: "QJ_EAST", to: "CQ_WEST", line: "渝贵铁路" },
  { from: "GANSHUI_EAST", to: "CQ_WEST", line: "渝贵铁路" },
  { from: "LUOHUANG_S", to: "CQ_WEST", line: "渝贵铁路" },
  { from: "QJ_EAST", to: "ZUNYI_STN", line: "渝贵铁路" },
  { from: "QJ_EAST", to: "GY_NORTH", line: "渝贵铁路" },
  { from: "QJ_EAST", to: "GY_EAST", line: "渝贵铁路 and the 贵阳 junction" },
  { from: "CQ_WEST", to: "ZUNYI_STN", line: "渝贵铁路" },
  { from: "CQ_WEST", to: "GY_NORTH", line: "渝贵铁路" },
  { from: "ZUNYI_STN", to: "GY_NORTH", line: "渝贵铁路" },
  { from: "TONGZI_N", to: "CQ_WEST", line: "渝贵铁路" },
  { from: "GY_STN", to: "GY_NORTH", line: "贵阳 junction" },
  // 成渝 and the lines north and east of 重庆
  { from: "CQ_WEST", to: "CD_EAST", line: "成渝高铁" },
  { from: "CQ_NORTH", to: "CD_EAST", line: "成渝高铁 via 重庆北" },
  { from: "CQ_WEST", to: "YONGCHUAN_E", line: "成渝高铁" },
  { from: "CQ_WEST", to: "NEIJIANG_N", line: "成渝高铁" },
  { from: "ZIYANG_N", to: "CD_EAST", line: "成渝高铁" },
  { from: "QJ_EAST", to: "CD_EAST", line: "渝贵 + 成渝 through trains" },
  { from: "CQ_NORTH", to: "HECHUAN_STN", line: "遂渝/兰渝" },
  { from: "CQ_NORTH", to: "SUINING_STN", line: "遂渝" },
  { from: "CQ_NORTH", to: "NANCHONG_N", line: "兰渝" },
  { from: "CQ_NORTH", to: "DAZHOU_STN", line: "襄渝" },
  { from: "CQ_NORTH", to: "WANZHOU_N", line: "渝万" },
  { from: "CQ_NORTH", to: "FULING_N", line: "渝利" },
  { from: "CQ_NORTH", to: "QIANJIANG_STN", line: "渝怀 (conventional trains)" },
  // Sichuan
  { from: "CD_EAST", to: "MIANYANG_STN", line: "成绵乐" },
  { from: "CD_EAST", to: "LESHAN_STN", line: "成绵乐" },
  { from: "CD_EAST", to: "YAAN_STN", line: "成雅" },
  { from: "CD_EAST", to: "DAZHOU_STN", line: "达成" },
  { from: "NEIJIANG_N", to: "LUZHOU_STN", line: "绵泸高铁内自泸段" },
  { from: "LESHAN_STN", to: "YIBIN_W", line: "成贵高铁" },
  { from: "YIBIN_W", to: "GY_EAST", line: "成贵高铁" },
  // Guangdong
  { from: "GZ_SOUTH", to: "SZ_NORTH", line: "广深港高铁" },
];

export const CALIBRATION_RAIL_PUBLISHED: readonly CalibrationRow[] = [
  { id: "CAL_R_CQ_WEST_YIBIN_STN", mode: "rail", from: "CQ_WEST", to: "YIBIN_STN", minutes: 48, kind: "published", reading: "scheduled", asOf: "2024-09-29", source: SRC.yukun, note: "渝昆高铁 fastest (G5781); opened after the 2023 scrape" },
  { id: "CAL_R_CQ_WEST_LUZHOU_E", mode: "rail", from: "CQ_WEST", to: "LUZHOU_E", minutes: 26, kind: "published", reading: "scheduled", asOf: "2024-09-29", source: SRC.yukun, note: "渝昆高铁 fastest" },
  { id: "CAL_R_LUZHOU_STN_CQ_WEST", mode: "rail", from: "LUZHOU_STN", to: "CQ_WEST", minutes: 30, kind: "published", reading: "scheduled", asOf: "2024-09-29", source: SRC.yukunFirst, note: "渝昆高铁 opening-day train, not published as the fastest" },
  { id: "CAL_R_CQ_EAST_STN_QIANJIANG_STN", mode: "rail", from: "CQ_EAST_STN", to: "QIANJIANG_STN", minutes: 61, kind: "published", reading: "scheduled", asOf: "2025-06-27", source: SRC.yuxia, note: "渝厦高铁 fastest" },
  { id: "CAL_R_GY_EAST_GZ_SOUTH", mode: "rail", from: "GY_EAST", to: "GZ_SOUTH", minutes: 219, kind: "published", reading: "scheduled", asOf: "2023-10-11", source: SRC.guiguang300, note: "贵广高铁 at 300 km/h, fastest" },
  { id: "CAL_R_CQ_WEST_GZ_SOUTH", mode: "rail", from: "CQ_WEST", to: "GZ_SOUTH", minutes: 343, kind: "published", reading: "scheduled", asOf: "2023-10-11", source: SRC.guiguang300, note: "cross-line through train, fastest after the 贵广 upgrade" },
  { id: "CAL_R_CD_EAST_GZ_SOUTH", mode: "rail", from: "CD_EAST", to: "GZ_SOUTH", minutes: 416, kind: "published", reading: "scheduled", asOf: "2023-10-11", source: SRC.guiguang300, note: "cross-line through train over 成贵 and 贵广, fastest" },
  { id: "CAL_R_CD_EAST_ZIGONG_STN", mode: "rail", from: "CD_EAST", to: "ZIGONG_STN", minutes: 51, kind: "published", reading: "scheduled", asOf: "2023-12-26", source: SRC.chengyi, note: "成宜高铁 fastest at opening" },
  { id: "CAL_R_CD_EAST_YIBIN_STN", mode: "rail", from: "CD_EAST", to: "YIBIN_STN", minutes: 73, kind: "published", reading: "scheduled", asOf: "2023-12-26", source: SRC.chengyi, note: "成宜高铁 fastest at opening" },
  { id: "CAL_R_CD_EAST_GY_EAST", mode: "rail", from: "CD_EAST", to: "GY_EAST", minutes: 178, kind: "published", reading: "scheduled", asOf: "2019-12-16", source: SRC.chenggui, note: "成贵高铁 fastest at its full opening; an independent check of the 2023 stop patterns on 成贵 (the model does not use this figure)" },
  { id: "CAL_R_CD_EAST_SPB_STN", mode: "rail", from: "CD_EAST", to: "SPB_STN", minutes: 62, kind: "published", reading: "scheduled", asOf: "2020-12-24", source: "新华社 2020-12-24 (repost bg3.co): first 350 km/h train G8607 成都东 9:15 → 沙坪坝 10:17", note: "成渝高铁 at 350 km/h, non-stop" },
];
