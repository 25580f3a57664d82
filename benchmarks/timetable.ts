/**
 * Timetable benchmark: build time, full-day profile queries (range-RAPTOR over 24 h from one
 * station) and latest-departure scans (reverse RAPTOR), on the China 2023 national timetable with
 * seeded synthetic departures and on any GTFS feed given with --gtfs.
 *
 *   npm run bench:timetable -- [--gtfs path/to/feed(.zip)] [--date YYYYMMDD] [--queries 30] [--skip-china] [--out benchmarks/RESULTS-timetable.md]
 *
 * Timings are wall-clock on a shared machine; each query set is preceded by a warm-up and reported
 * as median / p90 / max. A `sink` keeps results alive so the work cannot be optimised away.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { latestDepartures, MAX_MAX_RIDES, RaptorRouter, reverseTimetable } from "../src/timetable/index.js";
import { loadGtfs, writeGtfs } from "../src/node.js";
import { raptor, rangeRaptor, type Timetable } from "../src/index.js";
import { mulberry32 } from "../src/uncertainty/index.js";
import { chinaRailTimetable, readChinaRail2023 } from "../scripts/data/china-rail-2023.js";
import { buildPlanarPeer, paretoDepartures, planarArrivals, planarInput, planarRange, planarScan, withoutTripLookupCache } from "./peers/planar-raptor.js";

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const queries = Number(arg("--queries") ?? 30);
/** Timed queries of the npm RAPTOR peer (about 0.7 s each on the national timetable). */
const peerQueries = Number(arg("--peer-queries") ?? queries);
/** Origin–destination pairs answered by the peer's range query (tens of seconds each on the national timetable). */
const peerRangePairs = Number(arg("--peer-range-pairs") ?? 3);
const warmup = 10;
let sink = 0;
const lines: string[] = [];
const out = (s = ""): void => {
  console.log(s);
  lines.push(s);
};

function stats(ms: number[]): { median: number; p90: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))] as number;
  return { median: q(0.5), p90: q(0.9), max: s[s.length - 1] as number };
}
const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Served stops (at least one pattern), sampled with a fixed seed. */
function sampleStops(tt: Timetable, count: number, seed: number): number[] {
  const served: number[] = [];
  for (let s = 0; s < tt.stopCount; s++) if ((tt.stopPatternOffsets[s + 1] as number) > (tt.stopPatternOffsets[s] as number)) served.push(s);
  const rnd = mulberry32(seed);
  const pick: number[] = [];
  for (let i = 0; i < count; i++) pick.push(served[Math.floor(rnd() * served.length)] as number);
  return pick;
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** CPU time of this process in ms (user + system): less sensitive than wall time to other jobs on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU time of one call, ms. */
function timeBoth(f: () => void): [number, number] {
  const c0 = cpuMs();
  const t0 = performance.now();
  f();
  return [performance.now() - t0, cpuMs() - c0];
}

const reversed = new WeakSet<Timetable>();

function runSuite(name: string, tt: Timetable, buildMs: Record<string, number>, maxRides: number, hubs: readonly string[] = []): void {
  out(`### ${name}`);
  out("");
  out(`${tt.stopCount} stops, ${tt.patternCount} patterns, ${tt.tripCount} trips, ${tt.arrivalSecs.length} stop times, ${tt.footpathTargets.length} footpaths; maxRides ${maxRides}; ${queries} queries after ${warmup} warm-up queries, seeded station sample.`);
  out("");
  out("| step | median ms | p90 ms | max ms | median CPU ms |");
  out("|---|---:|---:|---:|---:|");
  for (const [k, v] of Object.entries(buildMs)) out(`| ${k} | ${fmt(v)} | | | |`);
  if (!reversed.has(tt)) {
    reversed.add(tt);
    const revMs = time(() => {
      sink += reverseTimetable(tt).tripCount;
    });
    out(`| build reversed timetable (once, for arrive-by) | ${fmt(revMs)} | | | |`);
  }
  const origins = sampleStops(tt, queries + warmup, 42);
  const dests = sampleStops(tt, queries + warmup, 43);
  const profile: number[] = [];
  const single: number[] = [];
  const reverse: number[] = [];
  const profileCpu: number[] = [];
  const singleCpu: number[] = [];
  const reverseCpu: number[] = [];
  let entries = 0;
  for (let i = 0; i < origins.length; i++) {
    const s = origins[i] as number;
    const d = dests[i] as number;
    const [p, pc] = timeBoth(() => {
      const prof = rangeRaptor(tt, { access: [{ stop: s, secs: 0 }], windowStartSecs: 0, windowEndSecs: 86_400, maxRides });
      entries += prof.departureSecs.length;
      sink += prof.travelTimePercentiles(d)[1] ?? 0;
    });
    const [r, rc] = timeBoth(() => {
      sink += raptor(tt, { access: [{ stop: s, secs: 0 }], departureSecs: 8 * 3600, maxRides }).arrivalSecs(d);
    });
    const [v, vc] = timeBoth(() => {
      sink += latestDepartures(tt, { egress: [{ stop: d, secs: 0 }], arriveBySecs: 20 * 3600, maxRides }).latestDepartureSecs(s);
    });
    if (i >= warmup) {
      profile.push(p);
      single.push(r);
      reverse.push(v);
      profileCpu.push(pc);
      singleCpu.push(rc);
      reverseCpu.push(vc);
    }
  }
  for (const [label, ms, cpu] of [
    ["full-day profile (range-RAPTOR 00:00–24:00, one origin, all stops)", profile, profileCpu],
    ["latest-departure scan (reverse RAPTOR, arrive by 20:00, all stops)", reverse, reverseCpu],
    ["single RAPTOR query (depart 08:00, all stops)", single, singleCpu],
  ] as const) {
    const st = stats(ms);
    out(`| ${label} | ${fmt(st.median)} | ${fmt(st.p90)} | ${fmt(st.max)} | ${fmt(stats(cpu).median)} |`);
  }
  let hubMedian = NaN;
  let hubCpuMedian = NaN;
  if (hubs.length > 0) {
    const hubIdx = hubs.map((h) => tt.stopIndexById.get(h)).filter((x): x is number => x !== undefined);
    const hubMs: number[] = [];
    const hubCpu: number[] = [];
    for (const s of hubIdx) {
      const [w, c] = timeBoth(() => {
        sink += rangeRaptor(tt, { access: [{ stop: s, secs: 0 }], windowStartSecs: 0, windowEndSecs: 86_400, maxRides }).departureSecs.length;
      });
      hubMs.push(w);
      hubCpu.push(c);
    }
    if (hubIdx.length > 0) {
      const st = stats(hubMs);
      hubMedian = st.median;
      hubCpuMedian = stats(hubCpu).median;
      out(`| full-day profile from the ${hubIdx.length} hubs ${hubs.slice(0, hubIdx.length).join(" ")} | ${fmt(st.median)} | ${fmt(st.p90)} | ${fmt(st.max)} | ${fmt(stats(hubCpu).median)} |`);
    }
  }
  const pm = stats(profile).median;
  const rm = stats(reverse).median;
  out("");
  const hubText = Number.isNaN(hubMedian) ? "" : `, hub-station profiles ${fmt(300 / hubMedian)}–${fmt(1000 / hubMedian)}× (by CPU time ${fmt(300 / hubCpuMedian)}–${fmt(1000 / hubCpuMedian)}×)`;
  out(`Against the peer figures (0.3–1 s per full-day profile, ~15 ms per latest-departure scan; not run on this machine): profiles from sampled stations ${fmt(300 / pm)}–${fmt(1000 / pm)}× faster${hubText}, latest-departure scan ${fmt(15 / rm)}× faster (medians, wall time).`);
  out("");
  out(`Profile entries per query (Pareto options over all stops): ${Math.round(entries / origins.length)} on average.`);
  out("");
}

/**
 * The npm RAPTOR peer (`raptor-journey-planner`, see benchmarks/peers/planar-raptor.ts) and ours on
 * the same timetable in the same process: one earliest-arrival query (depart 08:00 from a sampled
 * station, arrival at every stop), the implementations taking turns query by query with the order
 * reversed every other query, then every answer of the peer compared stop by stop with ours.
 */
function runPeerSuite(name: string, tt: Timetable, ourBuild: Record<string, number>, hubs: readonly string[] = []): void {
  const departure = 8 * 3600;
  const peerWarmup = Math.min(3, peerQueries);
  out(`### RAPTOR peer (npm raptor-journey-planner 2.x): ${name}`);
  out("");
  let input: ReturnType<typeof planarInput> | undefined;
  const convertMs = time(() => {
    input = planarInput(tt);
  });
  let peer: ReturnType<typeof buildPlanarPeer> | undefined;
  const [peerBuildMs, peerBuildCpu] = timeBoth(() => {
    peer = buildPlanarPeer(input!);
  });
  const unbounded = new RaptorRouter(tt, MAX_MAX_RIDES);
  const bounded = new RaptorRouter(tt, 8);
  const origins = sampleStops(tt, peerQueries + peerWarmup, 44);
  const ms: Record<"ours" | "ours8" | "peer", number[]> = { ours: [], ours8: [], peer: [] };
  const cpu: Record<"ours" | "ours8" | "peer", number[]> = { ours: [], ours8: [], peer: [] };
  // Cross-check tallies over every measured query: stops where the peer's arrival equals ours, is later, is earlier, or is missing.
  let same = 0;
  let later = 0;
  let earlier = 0;
  let unreached = 0;
  let queriesWithDiff = 0;
  let boundDiff = 0;
  const disagreeing: number[] = [];
  for (let i = 0; i < origins.length; i++) {
    const s = origins[i] as number;
    const id = tt.stopIds[s] as string;
    let ours: Float64Array | undefined;
    let ours8: Float64Array | undefined;
    let raw: ReturnType<typeof planarScan> | undefined;
    const runs: Record<"ours" | "ours8" | "peer", () => void> = {
      ours: () => {
        ours = unbounded.route({ access: [{ stop: s, secs: 0 }], departureSecs: departure }).arrivals();
      },
      ours8: () => {
        ours8 = bounded.route({ access: [{ stop: s, secs: 0 }], departureSecs: departure }).arrivals();
      },
      peer: () => {
        raw = planarScan(peer!, id, departure);
      },
    };
    const order: ReadonlyArray<keyof typeof runs> = i % 2 === 0 ? ["ours", "ours8", "peer"] : ["peer", "ours8", "ours"];
    for (const k of order) {
      const [w, c] = timeBoth(runs[k]);
      if (i >= peerWarmup) {
        ms[k].push(w);
        cpu[k].push(c);
      }
    }
    if (i < peerWarmup) continue;
    const theirs = planarArrivals(peer!, tt, id, raw!);
    let diff = 0;
    for (let k = 0; k < tt.stopCount; k++) {
      const a = ours![k] as number;
      const b = theirs[k] as number;
      if (a !== (ours8![k] as number)) boundDiff++;
      if (a === b) same++;
      else if (b === Infinity) (unreached++, diff++);
      else if (b > a) (later++, diff++);
      else (earlier++, diff++);
    }
    if (diff > 0) {
      queriesWithDiff++;
      disagreeing.push(i);
    }
    sink += (ours![0] as number) + (ours8![0] as number);
  }
  out(`${tt.stopCount} stops, ${tt.tripCount} trips. Query: earliest arrival at every stop, departing 08:00 from one station (${peerQueries} stations sampled with seed 44, after ${peerWarmup} warm-up queries). The three runs of each query take turns in one process, their order reversed every other query; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(" / ")}.`);
  out("");
  out("| step | median ms | p90 ms | max ms | median CPU ms |");
  out("|---|---:|---:|---:|---:|");
  for (const [k, v] of Object.entries(ourBuild)) out(`| ours: ${k} | ${fmt(v)} | | | |`);
  out(`| peer: convert our timetable to its trip objects (input step) | ${fmt(convertMs)} | | | |`);
  out(`| peer: build its indexes (RaptorAlgorithmFactory.create) | ${fmt(peerBuildMs)} | | | ${fmt(peerBuildCpu)} |`);
  for (const [label, k] of [
    ["ours, rides unbounded: RaptorRouter with maxRides 100 (rounds stop when no stop improves)", "ours"],
    ["ours, maxRides 8: RaptorRouter (the default bound)", "ours8"],
    ["peer: RaptorAlgorithm.scan (no ride bound)", "peer"],
  ] as const) {
    const st = stats(ms[k]);
    out(`| ${label} | ${fmt(st.median)} | ${fmt(st.p90)} | ${fmt(st.max)} | ${fmt(stats(cpu[k]).median)} |`);
  }
  out("");
  // Re-run disagreeing queries on the diagnostic variant whose trip-lookup cache is cleared before every lookup.
  const sample = disagreeing.slice(0, 10);
  let remaining = 0;
  if (sample.length > 0) {
    const diag = withoutTripLookupCache(input!);
    for (const i of sample) {
      const s = origins[i] as number;
      const id = tt.stopIds[s] as string;
      const ours = unbounded.route({ access: [{ stop: s, secs: 0 }], departureSecs: departure }).arrivals();
      const theirs = planarArrivals(diag, tt, id, planarScan(diag, id, departure));
      for (let k = 0; k < tt.stopCount; k++) if (ours[k] !== theirs[k]) remaining++;
    }
  }
  out("| comparison (every measured query, every stop; ours rides unbounded) | value |");
  out("|---|---:|");
  out(`| peer median / ours median, wall time | ${fmt(stats(ms.peer).median / stats(ms.ours).median)}× |`);
  out(`| peer median / ours median, CPU time | ${fmt(stats(cpu.peer).median / stats(cpu.ours).median)}× |`);
  out(`| stop answers compared | ${peerQueries * tt.stopCount} |`);
  out(`| equal | ${same} |`);
  out(`| later in the peer | ${later} |`);
  out(`| reached by ours, not by the peer | ${unreached} |`);
  out(`| earlier in the peer | ${earlier} |`);
  out(`| queries with a disagreement | ${queriesWithDiff} |`);
  out(`| disagreeing stop answers left with the peer's trip-lookup cache cleared (${sample.length} disagreeing queries re-run) | ${remaining} |`);
  out(`| stop answers where ours with maxRides 8 differs from ours unbounded | ${boundDiff} |`);
  out("");
  // Range queries: the peer's RangeQuery answers one origin → one destination; ours one origin → every stop.
  const hubIdx = hubs.map((h) => tt.stopIndexById.get(h)).filter((x): x is number => x !== undefined);
  const ends = hubIdx.length >= 2 ? hubIdx : sampleStops(tt, 2 * peerRangePairs, 45);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; pairs.length < peerRangePairs && i + 1 < ends.length; i += 2) if (ends[i] !== ends[i + 1]) pairs.push([ends[i] as number, ends[i + 1] as number]);
  // The peer's Pareto options; a journey whose first train leaves after the window counts as leaving
  // at the window's end, as in our range-RAPTOR (whose last run departs then and waits at the origin).
  const peerRange = (p: ReturnType<typeof buildPlanarPeer>, o: number, d: number): Array<[number, number]> =>
    paretoDepartures(planarRange(p, tt.stopIds[o] as string, tt.stopIds[d] as string, 1, 86_400).map(([dep, arr]) => [Math.min(dep, 86_399), arr]));
  if (pairs.length > 0) {
    out("| range query, departures 00:00–24:00, one origin | wall ms | CPU ms | Pareto options | equal | equal, cache cleared |");
    out("|---|---:|---:|---:|---:|---:|");
    for (const [i, [o, d]] of pairs.entries()) {
      let ours: Array<[number, number]> = [];
      let theirs: Array<[number, number]> = [];
      const runOurs = (): [number, number] =>
        timeBoth(() => {
          // windowEnd 86,399: the peer's window end is exclusive.
          const prof = rangeRaptor(tt, { access: [{ stop: o, secs: 0 }], windowStartSecs: 0, windowEndSecs: 86_399, maxRides: MAX_MAX_RIDES });
          const list: Array<[number, number]> = [];
          for (let c = prof.offsets[d] as number; c < (prof.offsets[d + 1] as number); c++) list.push([prof.departureSecs[c] as number, prof.arrivalSecs[c] as number]);
          ours = paretoDepartures(list);
        });
      const runPeer = (): [number, number] =>
        timeBoth(() => {
          theirs = peerRange(peer!, o, d);
        });
      const [ow, oc] = i % 2 === 0 ? runOurs() : [NaN, NaN];
      const [pw, pc] = runPeer();
      const [ow2, oc2] = i % 2 === 0 ? [ow, oc] : runOurs();
      const same = (a: Array<[number, number]>, b: Array<[number, number]>): number => {
        const set = new Set(b.map((x) => x.join()));
        return a.filter((x) => set.has(x.join())).length;
      };
      const equal = same(ours, theirs);
      // On a disagreement, the same query on the diagnostic variant (trip-lookup cache cleared; untimed).
      let diagText = "–";
      if (equal !== ours.length || equal !== theirs.length) {
        const diag = peerRange(withoutTripLookupCache(input!), o, d);
        diagText = `${same(ours, diag)} of ${diag.length}`;
      }
      const pair = `pair ${i + 1} (${tt.stopIds[o]}→${tt.stopIds[d]})`;
      out(`| ${pair}, ours: rangeRaptor to every stop, rides unbounded | ${fmt(ow2)} | ${fmt(oc2)} | ${ours.length} | ${equal} | |`);
      out(`| ${pair}, peer: RangeQuery to this destination (maxSearchDays 1) | ${fmt(pw)} | ${fmt(pc)} | ${theirs.length} | ${equal} | ${diagText} |`);
    }
    out("");
    out("Range queries run once per pair (the peer takes tens of seconds per pair), ours and the peer in turn; \"equal\" counts the Pareto [departure, arrival] options both give, \"equal, cache cleared\" the same for the diagnostic variant, run only when they differ. A journey whose first train leaves after the window counts as leaving at 23:59:59 in both (our range-RAPTOR's last run departs at the window's end and waits; the peer states the train's departure). Ours answers every stop in one search; the peer repeats a depart-after query one second after each departure it finds, for one destination.");
    out("");
  }
  if (sample.length > 0) {
    out("Cause of the disagreements: the peer's RouteScanner remembers, per route, the last trip it returned and searches backwards from there on the next lookup, so it misses a later trip when a later stop of the route or a later round asks for a later time. The diagnostic variant clears that memory before every lookup (it is not timed).");
    out("");
  }
}

/** Large stations, where full-day profiles are most expensive (many departures). */
const CHINA_HUBS = ["北京西", "上海虹桥", "广州南", "郑州东", "武汉", "重庆西", "成都东", "西安北"];

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const chinaDir = resolve(repoRoot, "../shared/data/china-rail-2023");
out("# Timetable benchmark results");
out("");
out(`- date: ${new Date().toISOString()}`);
out(`- machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} logical cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; shared with other jobs while measured, so timings are noisy`);
out(`- Node ${process.version}, ${process.platform}/${process.arch}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (1/5/15 min) on ${cpus().length} cores`);
out(`- command: \`npm run bench:timetable -- ${args.join(" ")}\``.replace("--  `", "`"));
out("");
if (args.includes("--skip-china")) {
  out("China 2023 suite skipped (--skip-china).");
  out("");
} else if (existsSync(chinaDir)) {
  const t0 = performance.now();
  const data = await readChinaRail2023(chinaDir);
  const read = performance.now() - t0;
  let tt: Timetable | undefined;
  const buildMs = time(() => {
    tt = chinaRailTimetable(data, { seed: 1 });
  });
  for (const maxRides of [8, 4]) {
    runSuite(
      "China 2023 national timetable (synthetic departures, seed 1, 2 min dwell, 10 min transfers)",
      tt as Timetable,
      maxRides === 8 ? { "read + parse the 3 data files": read, "build timetable (patterns, typed arrays)": buildMs } : {},
      maxRides,
      CHINA_HUBS,
    );
  }
  // The same timetable written as GTFS and read back: measures the GTFS reader on a national feed.
  // Stations without coordinates get a placeholder [0, 0] (this feed is a benchmark artefact only).
  const tmp = mkdtempSync(join(tmpdir(), "qiwan-bench-gtfs-"));
  try {
    writeGtfs(tt as Timetable, tmp, { placeholderLonLat: [0, 0] });
    const t1 = performance.now();
    const back = await loadGtfs(tmp);
    const loadMs = performance.now() - t1;
    runSuite("GTFS export of the China timetable, read back with loadGtfs", back, { "load GTFS (stream, validate, build)": loadMs }, 8);
    if (peerQueries > 0) runPeerSuite("the China 2023 timetable (GTFS export read back)", back, { "load GTFS export (stream, validate, build)": loadMs, "build timetable from the data files": buildMs }, CHINA_HUBS);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  out(`China 2023 suite skipped: ${chinaDir} is absent (it lives in ../shared, outside the repository).`);
  out("");
}
const gtfs = arg("--gtfs");
if (gtfs !== undefined) {
  const t0 = performance.now();
  const date = arg("--date");
  const tt = await loadGtfs(gtfs, date === undefined ? {} : { serviceDate: date });
  const loadMs = performance.now() - t0;
  runSuite(`GTFS ${gtfs}${date ? ` on ${date}` : ""}`, tt, { "load GTFS (stream, validate, build)": loadMs }, 8);
  if (peerQueries > 0) runPeerSuite(`GTFS ${gtfs}`, tt, { "load GTFS (stream, validate, build)": loadMs });
}
out("Peers for reference (reported by a public Chinese rail reachability tool, not run here): 0.3–1 s per full-day profile, ~15 ms per latest-departure scan.");
const outPath = arg("--out");
if (outPath !== undefined) writeFileSync(outPath, lines.join("\n") + "\n");
if (sink === 42.4242) console.log("");
