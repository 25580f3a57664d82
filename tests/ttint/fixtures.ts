/** Test fixtures of the ttint tests. */
import { loadNetworkSync } from "../../src/node.js";
import { type Network } from "../../src/index.js";

const src = "fixture";
const q = (value: number) => ({ value, source: src });
const place = (id: string, lon: number, kind: "city" | "station", stations?: string[]) => ({
  id,
  name: { zh: id, en: id },
  kind,
  coord: [lon, 29] as [number, number],
  source: src,
  ...(stations && { stations }),
});

/**
 * Tiny hand-drawn network: towns A, B, C; stations S1–S3 on suburban line L (S1–S2–S3, 10 + 12 min,
 * 1 min dwell, every 15 min) and metro M (S2–S4, 6 min, every 10 min); connectors A–S1 7 min, B–S3
 * 4 min, C–S4 3 min; a slow road A–B 60 min and A–C 50 min. Whole minutes everywhere, so every time is
 * a whole number of seconds.
 */
export function tinyNetwork(): Network {
  return loadNetworkSync({
    schema: "qiwan-network",
    version: 1,
    id: "ttint-tiny",
    name: { zh: "小", en: "Tiny" },
    asOf: "2021-01-01",
    places: [place("A", 106, "city", ["S1"]), place("B", 106.4, "city", ["S3"]), place("C", 106.3, "city", ["S4"]), place("S1", 106.02, "station"), place("S2", 106.2, "station"), place("S3", 106.38, "station"), place("S4", 106.28, "station")],
    links: [
      { id: "cA", mode: "connector", from: "A", to: "S1", minutes: q(7) },
      { id: "cB", mode: "connector", from: "B", to: "S3", minutes: q(4) },
      { id: "cC", mode: "connector", from: "C", to: "S4", minutes: q(3) },
      { id: "rAB", mode: "road", from: "A", to: "B", minutes: q(60) },
      { id: "rAC", mode: "road", from: "A", to: "C", minutes: q(50) },
    ],
    services: [
      { id: "L", name: { zh: "L", en: "Line L" }, mode: "suburban", stops: ["S1", "S2", "S3"], headwayMin: q(15), runMinutes: [q(10), q(12)], dwellMin: q(1) },
      { id: "M", name: { zh: "M", en: "Metro M" }, mode: "metro", stops: ["S2", "S4"], headwayMin: q(10), runMinutes: [q(6)] },
    ],
    projects: [],
    scenarios: [{ id: "now", name: { zh: "今", en: "Now" }, year: 2020 }],
    targets: [],
  });
}
