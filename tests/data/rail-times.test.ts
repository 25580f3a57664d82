/**
 * The embedded 2023 stop-pattern services must be what the timetable data say. The recomputation
 * here (tests/data/timetable-2023.ts) is written independently of scripts/data/rail-patterns.ts and
 * rail-services.ts, with the same contract: a train's calls are its stops at network stations; a
 * pattern service's stops are exactly those calls (either direction when bidirectional); its running
 * times are its fastest train's, plus the dwell at stops outside the network.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readNetworkFolder } from "./network-folder.js";
import { HAVE_SEGMENTS, SEGMENTS, callsOf, loadRuns, medianOf, timetableNames, type Run } from "./timetable-2023.js";

interface Q {
  value: number;
  source?: string;
  assumption?: { why: string; range: [number, number] };
}
interface Svc {
  id: string;
  stops: string[];
  runMinutes?: Q[];
  headwayMin: Q;
  bidirectional?: boolean;
}
interface PlaceLite {
  id: string;
  kind: string;
  name: { zh: string };
}

/** Dwell per stop outside the network that the data services state (scripts/data/tables/rail-network.ts). */
const DWELL = 2;

if (!HAVE_SEGMENTS) console.warn(`skipping china-rail-2023 checks: ${SEGMENTS} not found (fresh clone without ../shared)`);

describe.skipIf(!HAVE_SEGMENTS)("services derived from china-rail-2023", () => {
  const net = readNetworkFolder() as { services: Svc[]; places: PlaceLite[] };
  const placeOf = timetableNames(net.places);
  const stations = new Set(placeOf.keys());
  const patterns = net.services.filter((s) => s.id.startsWith("S_P_"));
  const anyTrain = net.services.filter((s) => s.id.startsWith("S_ANY_"));
  /** Runs by their sequence of calls (place ids joined by >). */
  const bySequence = new Map<string, { run: Run; calls: { index: number; station: string }[] }[]>();
  let runs: Run[] = [];
  beforeAll(async () => {
    runs = await loadRuns();
    for (const run of runs) {
      const calls = callsOf(run, stations);
      if (calls.length < 2) continue;
      const key = calls.map((c) => placeOf.get(c.station)).join(">");
      bySequence.set(key, [...(bySequence.get(key) ?? []), { run, calls }]);
    }
  });

  /** The runs of a pattern service, each with its segment times in the service's stop order. */
  function trainsOf(s: Svc): { id: string; forward: boolean; run: number[]; skipped: number[] }[] {
    const fwd = (bySequence.get(s.stops.join(">")) ?? []).map((x) => ({ ...x, forward: true }));
    const back = s.bidirectional === false ? [] : (bySequence.get([...s.stops].reverse().join(">")) ?? []).map((x) => ({ ...x, forward: false }));
    return [...fwd, ...back].map(({ run, calls, forward }) => {
      const ordered = forward ? calls : [...calls].reverse();
      const seg = ordered.slice(1).map((c, i) => {
        const a = ordered[i] as { index: number };
        const [lo, hi] = a.index < c.index ? [a.index, c.index] : [c.index, a.index];
        return { run: (run.stops[hi] as { cum: number }).cum - (run.stops[lo] as { cum: number }).cum, skipped: hi - lo - 1 };
      });
      return { id: run.train, forward, run: seg.map((x) => x.run), skipped: seg.map((x) => x.skipped) };
    });
  }

  it("no 2023 train calls twice at the same network station (so a pattern never repeats a stop)", () => {
    const repeats = [...bySequence.keys()].filter((k) => new Set(k.split(">")).size !== k.split(">").length);
    expect(repeats).toEqual([]);
  });

  it("every 2023 train calling at two or more network stations belongs to exactly one pattern service", () => {
    const count = new Map<string, number>();
    for (const s of patterns) {
      for (const key of [s.stops.join(">"), ...(s.bidirectional === false ? [] : [[...s.stops].reverse().join(">")])]) {
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
    const wrong = [...bySequence.keys()].filter((k) => count.get(k) !== 1).map((k) => `${k}: ${count.get(k) ?? 0} services`);
    expect(wrong).toEqual([]);
    expect(patterns.length).toBeGreaterThan(200);
  });

  it("each pattern service runs at its fastest train's times, dwell added for the stops outside the network", () => {
    const wrong: string[] = [];
    for (const s of patterns) {
      const trains = trainsOf(s);
      const total = (t: (typeof trains)[number]): number => t.run.reduce((a, r, i) => a + r + DWELL * (t.skipped[i] as number), 0);
      const best = Math.min(...trains.map(total));
      const citation = (s.runMinutes?.[0]?.source ?? s.runMinutes?.[0]?.assumption?.why ?? "").match(/stop pattern of (\d+) trains, fastest (\S+);/);
      const cited = trains.find((t) => t.id === citation?.[2]);
      if (citation === null || Number(citation[1]) !== trains.length || cited === undefined || total(cited) !== best) {
        wrong.push(`${s.id}: cites ${citation?.[1]} trains / ${citation?.[2]}, data ${trains.length} trains, fastest total ${best}`);
        continue;
      }
      (s.runMinutes ?? []).forEach((q, i) => {
        const run = cited.run[i] as number;
        const k = cited.skipped[i] as number;
        const ok =
          k === 0
            ? q.value === run && q.source !== undefined
            : q.value === run + DWELL * k && q.assumption?.range[0] === run + k && q.assumption?.range[1] === run + 3 * k;
        if (!ok) wrong.push(`${s.id}[${i}]: file ${q.value}, data ${run} min running + ${k} stops`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it("each pattern service's headway quotes its own train count per direction", () => {
    const wrong: string[] = [];
    for (const s of patterns) {
      const trains = trainsOf(s);
      const nF = trains.filter((t) => t.forward).length;
      const m = /^(\d+) trains of this stop pattern \((\d+) in the running order, (\d+) the other way\)/.exec(s.headwayMin.assumption?.why ?? "");
      const perDirection = s.bidirectional === false ? trains.length : trains.length / 2;
      const ok = m !== null && Number(m[1]) === trains.length && Number(m[2]) === nF && Number(m[3]) === trains.length - nF && Math.abs(s.headwayMin.value - (16 * 60) / perDirection) < 0.06;
      if (!ok) wrong.push(`${s.id}: ${s.headwayMin.assumption?.why.slice(0, 80)} vs ${nF}+${trains.length - nF}`);
      if (s.bidirectional === false && trains.some((t) => !t.forward)) wrong.push(`${s.id}: one-way but trains run both ways`);
    }
    expect(wrong).toEqual([]);
  });

  it("each any-train service has the median time and the count of every train calling at both stations", () => {
    const wrong: string[] = [];
    for (const s of anyTrain) {
      const [a, b] = s.stops as [string, string];
      const times: number[] = [];
      for (const run of runs) {
        const calls = callsOf(run, stations);
        const ia = calls.find((c) => placeOf.get(c.station) === a);
        const ib = calls.find((c) => placeOf.get(c.station) === b);
        if (ia === undefined || ib === undefined) continue;
        const [lo, hi] = ia.index < ib.index ? [ia.index, ib.index] : [ib.index, ia.index];
        times.push((run.stops[hi] as { cum: number }).cum - (run.stops[lo] as { cum: number }).cum + DWELL * (hi - lo - 1));
      }
      const q = s.runMinutes?.[0] as Q;
      const n = Number(/^(\d+) trains call at both/.exec(s.headwayMin.assumption?.why ?? "")?.[1]);
      if (times.length < 2 || n !== times.length || q.value !== medianOf(times)) wrong.push(`${s.id}: file ${q.value} (n=${n}), data ${medianOf(times)} (n=${times.length})`);
    }
    expect(wrong).toEqual([]);
    expect(anyTrain.length).toBeGreaterThan(100);
  });
});
