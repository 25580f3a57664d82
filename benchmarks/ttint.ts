/**
 * Timetable target-check benchmark: how long a complete `check --timetable` of a network takes
 * (every scenario × target × measure, departure window 07:00–09:00 every minute), next to the
 * frequency model's check of the same targets, plus building the scenario timetables.
 *
 *   npm run bench:ttint -- [--network path] [--rounds 7 | --smoke] [--out benchmarks/RESULTS-ttint.md]
 *
 * Each workload runs once to warm up, then `--rounds` times; reported as median and min–max of wall
 * time (ms) and CPU time (user + system, less sensitive to other jobs on a shared machine). A `sink`
 * keeps results alive.
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { buildModel, checkTargets, checkTargetsTimetable, scenarioTimetable } from "../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../src/node.js";
import { targetPairs } from "../src/targets/index.js";

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
// --smoke: one round, for CI (so the script never rots); timings then mean nothing.
const rounds = args.includes("--smoke") ? 1 : Number(arg("--rounds") ?? 7);
const networkPath = arg("--network") ?? embeddedNetworkPath();
let sink = 0;
const lines: string[] = [];
const out = (s = ""): void => {
  console.log(s);
  lines.push(s);
};

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU ms of `rounds` runs after one warm-up. */
function measure(f: () => number): { wall: number[]; cpu: number[] } {
  sink += f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    sink += f();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall, cpu };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const row = (name: string, m: { wall: number[]; cpu: number[] }, per?: number): string =>
  `| ${name} | ${fmt(median(m.wall))} | ${fmt(Math.min(...m.wall))}–${fmt(Math.max(...m.wall))} | ${fmt(median(m.cpu))} | ${per === undefined ? "–" : fmt((median(m.wall) / per) * 1000)} |`;

const network = loadNetworkSync(networkPath);
const model = buildModel(network);
let pairEvaluations = 0;
for (const t of network.targets) pairEvaluations += targetPairs(t).length * (t.measures?.length ?? 2);
pairEvaluations *= network.scenarios.length;

out(`## Timetable target checks (${new Date().toISOString().slice(0, 10)})`);
out();
out(`- machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB; Node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (shared machine)`);
out(`- network: ${network.id} (${network.places.length} places, ${network.services.length} services, ${network.scenarios.length} scenarios, ${network.targets.length} targets = ${pairEvaluations} pair evaluations); model ${model.nodeCount} nodes, ${model.edgeCount} edges`);
out(`- command: \`npm run bench:ttint -- ${args.join(" ")}\`; ${rounds} rounds after one warm-up`);
out();
out("| workload | wall median (ms) | wall min–max (ms) | CPU median (ms) | µs per pair evaluation |");
out("|---|---:|---:|---:|---:|");
const scenarios = network.scenarios.map((s) => s.id);
out(row(`scenarioTimetable × ${scenarios.length} scenarios (door-to-door, multimodal)`, measure(() => scenarios.reduce((n, s) => n + scenarioTimetable(model, s).timetable.tripCount, 0))));
out(row("check --timetable, 07:00–09:00 every minute, p50 (with the frequency time per pair)", measure(() => checkTargetsTimetable(network, { model }).length), pairEvaluations));
out(row("check --timetable, 07:00–09:00, without the frequency comparison", measure(() => checkTargetsTimetable(network, { model, frequency: false }).length), pairEvaluations));
out(row("check --timetable --depart 08:00 (one RAPTOR run per origin)", measure(() => checkTargetsTimetable(network, { model, window: { windowStartSecs: 8 * 3600, windowEndSecs: 8 * 3600 } }).length), pairEvaluations));
out(row("frequency model check (checkTargets, routes off), for comparison", measure(() => checkTargets(network, { model, routes: false }).length), pairEvaluations));
out();
out(`sink ${sink}`);
const file = arg("--out");
if (file !== undefined) writeFileSync(file, `# Benchmark results: timetable target checks (ttint)\n\n${lines.join("\n")}\n`);
