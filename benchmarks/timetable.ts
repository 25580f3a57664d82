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
import { latestDepartures, reverseTimetable } from "../src/timetable/index.js";
import { loadGtfs, writeGtfs } from "../src/node.js";
import { raptor, rangeRaptor, type Timetable } from "../src/index.js";
import { mulberry32 } from "../src/uncertainty/index.js";
import { chinaRailTimetable, readChinaRail2023 } from "../scripts/data/china-rail-2023.js";

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const queries = Number(arg("--queries") ?? 30);
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
    runSuite("GTFS export of the China timetable, read back with loadGtfs", back, { "load GTFS (stream, validate, build)": performance.now() - t1 }, 8);
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
  runSuite(`GTFS ${gtfs}${date ? ` on ${date}` : ""}`, tt, { "load GTFS (stream, validate, build)": performance.now() - t0 }, 8);
}
out("Peers for reference (reported by a public Chinese rail reachability tool, not run here): 0.3–1 s per full-day profile, ~15 ms per latest-departure scan.");
const outPath = arg("--out");
if (outPath !== undefined) writeFileSync(outPath, lines.join("\n") + "\n");
if (sink === 42.4242) console.log("");
