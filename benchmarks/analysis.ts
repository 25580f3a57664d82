/**
 * Analysis benchmarks on the embedded network: target evaluations per second, exact Shapley over the
 * plan's projects, and 1,000 Monte Carlo draws. Seeded, with a warm-up; reports the median and the
 * spread of repeated rounds, plus the machine, Node version and load (the machine may be shared).
 *
 *   npm run bench:analysis                 # full run, prints a Markdown report
 *   npm run bench:analysis -- --write      # also writes benchmarks/RESULTS-analysis.md
 *   npm run bench:analysis -- --quick      # smoke run (CI): small sizes, nothing written
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { attributeProjects } from "../src/attribution/index.js";
import { TargetEvaluator } from "../src/targets/index.js";
import { buildModel } from "../src/model/index.js";
import { embeddedNetworkPath } from "../src/node.js";
import { loadNetwork } from "../src/node.js";
import { checkTargets, evaluateTarget } from "../src/targets/index.js";
import { runUncertainty } from "../src/uncertainty/index.js";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const write = args.has("--write") && !quick;
let sink = 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function spread(xs: number[]): string {
  return `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
}
/** CPU seconds (user + system) of this process in each round of the latest {@link time} call. */
let cpuRounds: number[] = [];
/**
 * Run `f` for `rounds` rounds after `warm` warm-up calls; returns per-round wall seconds (and
 * leaves the process CPU seconds of each round in `cpuRounds`: on a shared machine the wall time
 * includes waiting for a core, the CPU time does not).
 */
function time(rounds: number, warm: number, f: () => void): number[] {
  for (let i = 0; i < warm; i++) f();
  const out: number[] = [];
  cpuRounds = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    out.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpuRounds.push((c.user + c.system) / 1e6);
  }
  return out;
}

const network = await loadNetwork(embeddedNetworkPath());
const t0 = performance.now();
const model = buildModel(network);
const buildMs = performance.now() - t0;
const lines: string[] = [];
const log = (s = "") => {
  lines.push(s);
  console.log(s);
};

const load = os.loadavg().map((x) => x.toFixed(2)).join(", ");
log("# Analysis benchmarks (scenario, attribution, uncertainty)");
log();
log(`- date: ${new Date().toISOString()}`);
log(`- machine: ${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`);
log(`- node ${process.version}; load average at start ${load} (the machine is shared with other jobs: expect noise of ±30 % or more)`);
log(`- command: \`npm run bench:analysis${quick ? " -- --quick" : ""}\``);
log(`- network: ${network.id}, ${network.places.length} places, ${network.projects.length} projects; model ${model.nodeCount} nodes, ${model.edgeCount} edges, built in ${buildMs.toFixed(0)} ms`);
log();

// 1. Target evaluations per second (one target × one measure × all its pairs, under a project set).
const plan = [...model.scenarioProjects("plan-2025")];
const ev = new TargetEvaluator(model);
// Every call must really search: the same project set would otherwise hit the unchanged-overlay reuse.
ev.reuseUnchanged = false;
const calls = quick ? 50 : 500;
const evalSecs = time(quick ? 3 : 7, quick ? 20 : 200, () => {
  for (let i = 0; i < calls; i++) sink += ev.evaluate(plan)[0]!.meanTimeMin;
});
const perSec = evalSecs.map((s) => (calls * ev.items.length) / s);
const evalCpuPerSet = cpuRounds.map((s) => calls / s);
const refCalls = quick ? 5 : 50;
const refSecs = time(quick ? 3 : 7, quick ? 2 : 20, () => {
  for (let i = 0; i < refCalls; i++) {
    for (const it of ev.items) sink += evaluateTarget(model, it.target, { selection: { projects: plan }, measure: it.measure, routes: false }).pairs.length;
  }
});
const refPerSec = refSecs.map((s) => (refCalls * ev.items.length) / s);
log("## Target evaluations per second (plan-2025, one core)");
log();
log("| method | evaluations/s (median) | spread | notes |");
log("|---|---:|---:|---|");
log(`| TargetEvaluator.evaluate (all ${ev.items.length} target × measure items per call) | ${median(perSec).toFixed(0)} | ${spread(perSec)} | shared overlay per (modes, measure), one search per distinct origin |`);
log(`| evaluateTarget (model API, called once per item, routes off) | ${median(refPerSec).toFixed(0)} | ${spread(refPerSec)} | one overlay per call (the peer baseline) |`);
log();

// 1b. Full target sets per second: one set = every target × measure item of the network (all
// their pairs timed) under one selection. Through the evaluator and through the public checkTargets.
const scenarioIds = network.scenarios.map((s) => s.id);
const scenarioSets = scenarioIds.map((id) => [...model.scenarioProjects(id)]);
let turn = 0;
const cycleSecs = time(quick ? 3 : 7, quick ? 20 : 200, () => {
  for (let i = 0; i < calls; i++) sink += ev.evaluate(scenarioSets[turn++ % scenarioSets.length]!)[0]!.meanTimeMin;
});
const cyclePerSec = cycleSecs.map((s) => calls / s);
const cycleCpuPerSec = cpuRounds.map((s) => calls / s);
const publicCalls = quick ? 20 : 200;
const publicSecs = time(quick ? 3 : 7, quick ? 5 : 50, () => {
  for (let i = 0; i < publicCalls; i++) sink += checkTargets(network, { model, routes: false }).length;
});
const publicPerSec = publicSecs.map((s) => (publicCalls * scenarioIds.length) / s);
const publicCpuPerSec = cpuRounds.map((s) => (publicCalls * scenarioIds.length) / s);
log(`## Full target sets per second (one core; one full set = all ${ev.items.length} target × measure items of the network under one selection, every pair timed)`);
log();
log("Wall time counts waiting for a core on a shared machine; the CPU column divides by the process's CPU time instead.");
log();
log("| method | full sets/s (median) | spread | full sets per CPU second (median) | one call |");
log("|---|---:|---:|---:|---|");
log(`| TargetEvaluator.evaluate, plan-2025 every call | ${median(perSec.map((x) => x / ev.items.length)).toFixed(0)} | ${spread(perSec.map((x) => x / ev.items.length))} | ${median(evalCpuPerSet).toFixed(0)} | one set: the same project set each call; reuse of unchanged searches off, so every call searches |`);
log(`| TargetEvaluator.evaluate, the ${scenarioIds.length} scenarios in turn | ${median(cyclePerSec).toFixed(0)} | ${spread(cyclePerSec)} | ${median(cycleCpuPerSec).toFixed(0)} | one set: the next scenario's project set (its overlay updated from the previous one); reuse of unchanged searches off |`);
log(`| checkTargets(network, { model, routes: false }) (public API) | ${median(publicPerSec).toFixed(0)} | ${spread(publicPerSec)} | ${median(publicCpuPerSec).toFixed(0)} | ${scenarioIds.length} sets: every scenario, each pair judged with its time under both readings (scheduledMin and typicalMin) and every target summarised |`);
log();

// 2. Exact Shapley over the plan's projects.
log("## Exact Shapley over the plan's projects (one compiled model, cost overlays only)");
log();
log("Coalitions in Gray-code order; a (modes, measure) group whose overlay did not change since the previous coalition reuses its times.");
log();
log("| projects k | coalitions 2^k | seconds (median) | spread | coalitions/s | CPU seconds (median) |");
log("|---:|---:|---:|---:|---:|---:|");
// Players: the default (plan-2025's plan projects that gate a link or service), then 16 projects
// that gate links or services (plan projects of vision-2035 first, then others) in vision-2035.
const gating = new Set([...network.links, ...network.services].flatMap((e) => e.projects ?? []));
const vision = model.scenarioProjects("vision-2035");
const byPreference = network.projects
  .filter((p) => gating.has(p.id))
  .sort((x, y) => Number(!(x.planText && vision.has(x.id))) - Number(!(y.planText && vision.has(y.id))))
  .map((p) => p.id);
const runs: { label: string; scenario: string; projects?: string[]; rounds: number }[] = quick
  ? [{ label: "8 projects (vision-2035)", scenario: "vision-2035", projects: byPreference.slice(0, 8), rounds: 1 }]
  : [
      { label: "plan-2025 default players", scenario: "plan-2025", rounds: 3 },
      { label: "16 projects (vision-2035)", scenario: "vision-2035", projects: byPreference.slice(0, 16), rounds: 1 },
    ];
for (const run of runs) {
  let coalitions = 0;
  let k = 0;
  const secs = time(run.rounds, 0, () => {
    const r = attributeProjects(network, { model, scenario: run.scenario, method: "shapley", accessibility: false, ...(run.projects ? { projects: run.projects } : {}) });
    coalitions = r.evaluations;
    k = r.projects.length;
    sink += r.targets.length;
  });
  log(`| ${k}: ${run.label} | ${coalitions} | ${median(secs).toFixed(2)} | ${secs.map((s) => s.toFixed(2)).join(", ")} | ${(coalitions / median(secs)).toFixed(0)} | ${median(cpuRounds).toFixed(2)} |`);
}
log();

// 3. Monte Carlo draws.
const draws = quick ? 50 : 1000;
const mcSecs = time(quick ? 1 : 3, 0, () => {
  const r = runUncertainty(network, { model, draws, seed: 1, tornado: false });
  sink += r.results.length;
});
log(`## Monte Carlo: ${draws} draws over every assumption, all ${network.scenarios.length} scenarios × ${ev.items.length} items, seed 1, tornado off`);
log();
log(`| draws | seconds (median) | runs | draws/s | CPU seconds (median) |`);
log("|---:|---:|---|---:|---:|");
log(`| ${draws} | ${median(mcSecs).toFixed(2)} | ${mcSecs.map((s) => s.toFixed(2)).join(", ")} | ${(draws / median(mcSecs)).toFixed(0)} | ${median(cpuRounds).toFixed(2)} |`);
log();
log(`(sink ${sink > 0 ? "ok" : "0"})`);

if (write) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  writeFileSync(path.join(here, "RESULTS-analysis.md"), `${lines.join("\n")}\n`);
  console.log(`wrote ${path.join(here, "RESULTS-analysis.md")}`);
}
