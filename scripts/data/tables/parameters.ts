/**
 * Model parameters of the embedded network that rest on regional evidence (Chinese rail and roads,
 * the Chongqing terrain, the 2023 timetable). The library's own defaults (src/model/parameters.ts)
 * are generic; these override them in networks/qijiang-wansheng/network.json, each with its
 * regional reason. Road parameters are in tables/roads.ts.
 */
import { ROAD_PARAMETERS } from "./roads.js";

interface Assumed {
  readonly value: number;
  readonly assumption: { readonly why: string; readonly range: [number, number] };
}
const assumed = (value: number, range: [number, number], why: string): Assumed => ({ value, assumption: { why, range } });

const RAIL_TIMETABLE_2023 =
  "DERIVED from the 2023 national timetable (shared/data/china-rail-2023): 渝贵铁路 重庆西→贵阳北 non-stop running 119 min over 345 km of 200 km/h line gives 0.87; 成渝高铁 成都东→重庆西 fastest running 78 min over ~300 km of 350 km/h line gives 0.66";

/** The `parameters` section of the embedded network (before the station transfer times). */
export const REGIONAL_PARAMETERS = {
  commercialSpeedFactor: {
    ...ROAD_PARAMETERS.commercialSpeedFactor,
    hsr: assumed(0.8, [0.65, 0.9], RAIL_TIMETABLE_2023),
    rail: assumed(
      0.75,
      [0.6, 0.9],
      "Conventional and 200 km/h mixed-traffic lines run below line speed on curves and behind freight; 渝贵铁路 non-stop running gives 0.87 (2023 timetable), slower stopping trains less.",
    ),
  },
  designSpeedKmh: {
    hsr: assumed(300, [250, 350], "Chinese high-speed lines are built for 250, 300 or 350 km/h (TB 10621 covers 250–350 km/h)."),
    rail: assumed(120, [80, 160], "Conventional Chinese main lines (国铁I/II级) are mostly 120 km/h."),
    suburban: assumed(140, [120, 160], "The C5 Qijiang–Wansheng suburban railway is planned at 140–160 km/h (network-facts §3)."),
    metro: assumed(80, [80, 120], "Most Chongqing metro lines are designed for 80 km/h; express lines 100–120."),
    expressway: assumed(
      100,
      [80, 120],
      "Chinese expressways are designed for 80–120 km/h; 100 km/h is the usual mountain standard (渝黔复线, 重遵扩容).",
    ),
  },
  circuityFactor: {
    ...ROAD_PARAMETERS.circuityFactor,
    access: assumed(1.3, [1.15, 1.5], "Street distance is typically 1.2–1.4 times the straight line in hilly Chongqing."),
    rail: assumed(1.15, [1.05, 1.3], "Rail alignments are straighter than roads; 渝贵铁路 is 345 km for ~300 km great-circle (1.15)."),
  },
} as const;
