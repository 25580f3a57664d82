/**
 * An independent reader of the china-rail-2023 segments for the data tests (written apart from
 * scripts/data/rail-times.ts and rail-patterns.ts, so that a bug there shows up as a mismatch).
 */
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { SHARED_DIR } from "./network-folder.js";

export const SEGMENTS = path.join(SHARED_DIR, "data/china-rail-2023/train_segments.csv.gz");
export const HAVE_SEGMENTS = existsSync(SEGMENTS);

/** One contiguous run of a train: stations in order, cumulative running minutes, the train code. */
export interface Run {
  readonly train: string;
  readonly stops: { station: string; cum: number }[];
}

/** Every run; a break in a train's chain of rows starts a new run. */
export async function loadRuns(): Promise<Run[]> {
  const runs: Run[] = [];
  let current: Run | undefined;
  const rl = createInterface({ input: createReadStream(SEGMENTS).pipe(createGunzip()) });
  let first = true;
  for await (const line of rl) {
    if (first) {
      first = false;
      continue;
    }
    const cols = line.split(",");
    if (cols.length < 4) continue;
    const [from, to, min, train] = cols as [string, string, string, string];
    const tail = current?.stops[current.stops.length - 1];
    if (current === undefined || current.train !== train || tail?.station !== from) {
      current = { train, stops: [{ station: from, cum: 0 }] };
      runs.push(current);
    }
    const prev = current.stops[current.stops.length - 1] as { cum: number };
    current.stops.push({ station: to, cum: prev.cum + Number(min) });
  }
  return runs;
}

/** A run's calls at the given stations: index in the run, station name. */
export function callsOf(run: Run, stations: ReadonlySet<string>): { index: number; station: string }[] {
  const out: { index: number; station: string }[] = [];
  run.stops.forEach((s, index) => {
    if (stations.has(s.station)) out.push({ index, station: s.station });
  });
  return out;
}

/** Median (mean of the middle two for an even count). */
export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Station places of a network folder by their timetable name (the Chinese name without 站). */
export function timetableNames(places: readonly { id: string; kind: string; name: { zh: string } }[]): Map<string, string> {
  return new Map(places.filter((p) => p.kind === "station").map((p) => [p.name.zh.replace(/站$/, ""), p.id]));
}
