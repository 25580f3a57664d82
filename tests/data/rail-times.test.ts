/**
 * The embedded 2023 running times and train counts must be what the timetable data say. The
 * recomputation here is written independently of scripts/data/rail-times.ts (same contract: sum of
 * running minutes between the first call at A and a later call at B, both directions pooled, median
 * over trains), so a bug in the derivation script shows up as a mismatch.
 */
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { SHARED_DIR, readNetworkFolder } from "./network-folder.js";

const SEGMENTS = path.join(SHARED_DIR, "data/china-rail-2023/train_segments.csv.gz");

interface Q {
  value: number;
  source?: string;
  assumption?: { why: string };
}
interface Svc {
  id: string;
  stops: string[];
  runMinutes?: Q[];
  headwayMin: Q;
}
interface PlaceLite {
  id: string;
  kind: string;
  name: { zh: string };
}

/** Per train: the ordered (station, cumulative running minutes) list; a break in the chain starts a new run. */
async function loadRuns(): Promise<{ station: string; cum: number }[][]> {
  const runs: { station: string; cum: number }[][] = [];
  let lastTrain = "";
  let current: { station: string; cum: number }[] = [];
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
    const tail = current[current.length - 1];
    if (train !== lastTrain || tail === undefined || tail.station !== from) {
      current = [{ station: from, cum: 0 }];
      runs.push(current);
      lastTrain = train;
    }
    const prev = current[current.length - 1] as { cum: number };
    current.push({ station: to, cum: prev.cum + Number(min) });
  }
  return runs;
}

function timesBetween(runs: { station: string; cum: number }[][], a: string, b: string): number[] {
  const out: number[] = [];
  for (const run of runs) {
    const ia = run.findIndex((s) => s.station === a);
    const ib = run.findIndex((s) => s.station === b);
    if (ia < 0 || ib < 0) continue;
    // First call at the earlier station, first later call at the other one.
    if (ia < ib) out.push((run[ib] as { cum: number }).cum - (run[ia] as { cum: number }).cum);
    else {
      const ia2 = run.findIndex((s, k) => k > ib && s.station === a);
      if (ia2 > ib) out.push((run[ia2] as { cum: number }).cum - (run[ib] as { cum: number }).cum);
    }
  }
  return out;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

if (!existsSync(SEGMENTS)) console.warn(`skipping china-rail-2023 checks: ${SEGMENTS} not found (fresh clone without ../shared)`);

describe.skipIf(!existsSync(SEGMENTS))("services derived from china-rail-2023", () => {
  const net = readNetworkFolder() as { services: Svc[]; places: PlaceLite[] };
  const timetableName = new Map(net.places.filter((p) => p.kind === "station").map((p) => [p.id, p.name.zh.replace(/站$/, "")]));
  let runs: { station: string; cum: number }[][] = [];
  beforeAll(async () => {
    runs = await loadRuns();
  });

  it("cites the data for the run times of at least the key services", () => {
    const cited = net.services.filter((s) => (s.runMinutes ?? []).some((q) => q.source?.startsWith("china-rail-2023")));
    expect(cited.map((s) => s.id)).toEqual(expect.arrayContaining(["S_YUGUI_QJ", "S_QJ_CD", "S_CHENGYU_SPB", "S_GUIGUANG", "S_GZ_SZ"]));
  });

  it("every cited running time is the median over the trains calling at both stops, with the cited count", () => {
    const wrong: string[] = [];
    for (const s of net.services) {
      (s.runMinutes ?? []).forEach((q, i) => {
        const a = timetableName.get(s.stops[i] as string) as string;
        const b = timetableName.get(s.stops[i + 1] as string) as string;
        const t = timesBetween(runs, a, b);
        if (q.source?.startsWith("china-rail-2023")) {
          const n = Number(/median of (\d+) trains/.exec(q.source)?.[1]);
          if (t.length === 0 || medianOf(t) !== q.value || n !== t.length) wrong.push(`${s.id}[${i}] ${a}→${b}: file ${q.value} (n=${n}), data ${t.length ? medianOf(t) : "none"} (n=${t.length})`);
        } else {
          const m = /median ([\d.]+) min \(china-rail-2023/.exec(q.assumption?.why ?? "");
          if (m && (t.length === 0 || medianOf(t) !== Number(m[1]))) wrong.push(`${s.id}[${i}] ${a}→${b}: assumption quotes median ${m[1]}, data ${t.length ? medianOf(t) : "none"}`);
        }
      });
    }
    expect(wrong).toEqual([]);
  });

  it("every headway derived from a train count quotes the count the data give", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const s of net.services) {
      const m = /^(\d+) trains call at both (\S+) and (\S+) on the sampled day/.exec(s.headwayMin.assumption?.why ?? "");
      if (!m) continue;
      const n = timesBetween(runs, m[2] as string, m[3] as string).length;
      checked++;
      if (n !== Number(m[1])) wrong.push(`${s.id}: file ${m[1]}, data ${n}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
