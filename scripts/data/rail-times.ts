/**
 * Running times between stations, derived from the china-rail-2023 timetable scrape
 * (`../shared/data/china-rail-2023/train_segments.csv.gz`: one row per consecutive stop pair of each
 * train, in stop order; running minutes only, dwell excluded).
 *
 * Contract: for a station pair (A, B) a train "calls at both" when A appears as a stop and B appears
 * at a later stop of the same train. Its running time is the sum of `running_min` over the segments
 * from A to B (no dwell). Both directions are pooled: a train calling at B then A counts for (A, B)
 * with its B→A time, because the embedded services are bidirectional with one set of times.
 *
 * Usage: `npx tsx scripts/data/rail-times.ts` prints every derivation used by the embedded network.
 */
import { createReadStream, existsSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One train's stops and the running minutes between consecutive stops. */
export interface Train {
  readonly id: string;
  readonly stops: string[];
  /** runMin[i] is the running time from stops[i] to stops[i + 1]. */
  readonly runMin: number[];
}

/** Repository root (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shared reference folder, a sibling of the repository (absent in a fresh clone). */
export const SHARED_DIR = path.resolve(REPO_ROOT, "../shared");
/** The timetable segments file. */
export const SEGMENTS_PATH = path.join(SHARED_DIR, "data/china-rail-2023/train_segments.csv.gz");

/** Citation prefix used in every Quantity derived here. */
export const CHINA_RAIL_CITATION =
  "china-rail-2023 train_segments (Zhang-Yukun/2023ComplexNetworkProject @71895c0, scraped 2023-09-25)";

/**
 * Reads the gzipped segments file into trains. A train whose rows do not chain (the `to` of one row
 * differs from the `from` of the next) is split at the break, so a stop sequence is always contiguous.
 */
export async function readTrains(file: string = SEGMENTS_PATH): Promise<Map<string, Train[]>> {
  const trains = new Map<string, Train[]>();
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of rl) {
    if (header) {
      header = false;
      continue;
    }
    if (line.length === 0) continue;
    const [from, to, minText, id] = line.split(",");
    if (from === undefined || to === undefined || minText === undefined || id === undefined) continue;
    const minutes = Number(minText);
    let parts = trains.get(id);
    if (parts === undefined) {
      parts = [];
      trains.set(id, parts);
    }
    const last = parts[parts.length - 1];
    if (last !== undefined && last.stops[last.stops.length - 1] === from) {
      last.stops.push(to);
      last.runMin.push(minutes);
    } else {
      parts.push({ id, stops: [from, to], runMin: [minutes] });
    }
  }
  return trains;
}

/** Running minutes of one train from `a` to a later `b` (first occurrence of each), or undefined. */
export function runBetween(train: Train, a: string, b: string): number | undefined {
  const i = train.stops.indexOf(a);
  if (i < 0) return undefined;
  const j = train.stops.indexOf(b, i + 1);
  if (j < 0) return undefined;
  let sum = 0;
  for (let k = i; k < j; k++) sum += train.runMin[k] ?? 0;
  return sum;
}

/** The result of one derivation. */
export interface PairStats {
  readonly from: string;
  readonly to: string;
  /** Trains calling at both stations (both directions pooled). */
  readonly n: number;
  /** Trains per direction: A→B and B→A. */
  readonly nForward: number;
  readonly nBackward: number;
  readonly minMin: number;
  readonly medianMin: number;
  readonly maxMin: number;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Running-time statistics between two stations over every train that calls at both, optionally
 * restricted to trains that also call at every station in `via` (so that consecutive segments of one
 * service are measured on the same trains). Returns undefined when no train calls at both.
 */
export function pairStats(
  trains: Map<string, Train[]>,
  a: string,
  b: string,
  via: readonly string[] = [],
): PairStats | undefined {
  const times: number[] = [];
  let nForward = 0;
  let nBackward = 0;
  for (const parts of trains.values()) {
    for (const t of parts) {
      if (!via.every((s) => t.stops.includes(s))) continue;
      const fwd = runBetween(t, a, b);
      if (fwd !== undefined) {
        times.push(fwd);
        nForward++;
        continue;
      }
      const back = runBetween(t, b, a);
      if (back !== undefined) {
        times.push(back);
        nBackward++;
      }
    }
  }
  if (times.length === 0) return undefined;
  return {
    from: a,
    to: b,
    n: times.length,
    nForward,
    nBackward,
    minMin: Math.min(...times),
    medianMin: median(times),
    maxMin: Math.max(...times),
  };
}

/**
 * A service pattern whose segment run times come from the data: the stations (timetable names) in
 * running order. Each segment is measured over trains calling at ALL stops of the pattern (`via`),
 * so the segments describe one coherent group of trains; `n` in the citation is that group's size.
 */
export interface ServiceDerivation {
  /** Id of the service in services.json. */
  readonly serviceId: string;
  /** Timetable station names, in order. */
  readonly stations: readonly string[];
}

/** The derivations used by the embedded network (kept in sync with services.json by a test). */
export const SERVICE_DERIVATIONS: readonly ServiceDerivation[] = [
  { serviceId: "S_YUGUI_D_QJ", stations: ["重庆西", "綦江东", "遵义", "贵阳北"] },
  { serviceId: "S_YUGUI_D_GS", stations: ["重庆西", "綦江东", "赶水东", "桐梓北"] },
  { serviceId: "S_CHENGYU_HSR", stations: ["重庆西", "沙坪坝", "永川东", "内江北", "资阳北", "成都东"] },
  { serviceId: "S_CHENGYU_HSR_N", stations: ["重庆北", "永川东", "成都东"] },
  { serviceId: "S_GUIGUANG_2023", stations: ["贵阳北", "广州南"] },
  { serviceId: "S_GZ_SZ", stations: ["广州南", "深圳北"] },
];

/** Statistics of each segment of a pattern, measured on trains calling at all of its stations. */
export function deriveService(trains: Map<string, Train[]>, d: ServiceDerivation): (PairStats | undefined)[] {
  const out: (PairStats | undefined)[] = [];
  for (let i = 0; i + 1 < d.stations.length; i++) {
    out.push(pairStats(trains, d.stations[i] as string, d.stations[i + 1] as string, d.stations));
  }
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(SEGMENTS_PATH)) {
    console.error(`missing ${SEGMENTS_PATH}: this script needs the shared reference data beside the repo`);
    process.exit(1);
  }
  const trains = await readTrains();
  const extra = process.argv.slice(2);
  if (extra.length >= 2) {
    const s = pairStats(trains, extra[0] as string, extra[1] as string, extra.slice(2));
    console.log(JSON.stringify(s));
    return;
  }
  for (const d of SERVICE_DERIVATIONS) {
    console.log(`${d.serviceId}: ${d.stations.join(" → ")}`);
    for (const s of deriveService(trains, d)) {
      console.log(s ? `  ${s.from} → ${s.to}: n=${s.n} (${s.nForward}+${s.nBackward}) min ${s.minMin} median ${s.medianMin} max ${s.maxMin}` : "  (no train)");
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
