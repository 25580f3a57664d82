/**
 * A hand-drawn network for the calibration tests, with exact times:
 * - L1 SA–SB 30 min; L2 SB–SC 20 min (SA→SC needs a change at SB: 30 + 10 transfer + 20 = 60,
 *   plus the scheduled reading's connection wait, the default `connectionWaitMin.hsr` 10 min: 70);
 * - L3 SA–SX–SY, 10 + 10 min with 5 min dwell at SX (SA→SY 25);
 * - road A–B: 100 km at 100 km/h × 0.85 (the expressway commercial-speed factor) = 70.59 min;
 * - SD is a station no service reaches.
 */
import { loadNetworkSync } from "../../src/network/load-files.js";
import type { Network } from "../../src/network/types.js";

const q = (value: number) => ({ value, source: "fixture" });
const station = (id: string, lon: number) => ({ id, name: { zh: id, en: id }, kind: "station", coord: [lon, 29], source: "fixture" });

export const CALIBRATION_FIXTURE = {
  schema: "qiwan-network",
  version: 1,
  id: "calibration-fixture",
  name: { zh: "校准", en: "Calibration fixture" },
  asOf: "2025-01-01",
  places: [
    { id: "A", name: { zh: "甲", en: "A" }, kind: "city", coord: [106, 29], source: "fixture", stations: ["SA"] },
    { id: "B", name: { zh: "乙", en: "B" }, kind: "city", coord: [107, 29], source: "fixture", stations: ["SB"] },
    station("SA", 106.01),
    station("SB", 107.01),
    station("SC", 107.5),
    station("SD", 108),
    station("SX", 106.3),
    station("SY", 106.6),
  ],
  links: [{ id: "R_AB", name: { zh: "路", en: "Road A–B" }, mode: "expressway", from: "A", to: "B", lengthKm: q(100), speedKmh: q(100) }],
  services: [
    { id: "L1", name: { zh: "一", en: "L1" }, mode: "hsr", stops: ["SA", "SB"], headwayMin: { value: 60, assumption: { why: "fixture headway at the low end", range: [60, 120] } }, runMinutes: [q(30)] },
    { id: "L2", name: { zh: "二", en: "L2" }, mode: "hsr", stops: ["SB", "SC"], headwayMin: q(60), runMinutes: [q(20)] },
    { id: "L3", name: { zh: "三", en: "L3" }, mode: "hsr", stops: ["SA", "SX", "SY"], headwayMin: q(60), dwellMin: q(5), runMinutes: [q(10), q(10)] },
  ],
  parameters: { transferMin: { hsr: { value: 10, source: "fixture" } } },
  projects: [],
  scenarios: [{ id: "current", name: { zh: "现状", en: "Current" }, year: 2025 }],
};

export function calibrationFixture(): Network {
  return loadNetworkSync(structuredClone(CALIBRATION_FIXTURE));
}

export const HEADER = "id,mode,from,to,minutes,kind,reading,asOf,source,note";
