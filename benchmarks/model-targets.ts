/**
 * Target-evaluation throughput on the embedded network: `npx tsx benchmarks/model-targets.ts`
 * (`--smoke` for a few rounds). One model, one search; every round evaluates every target × scenario ×
 * measure of the embedded network. Reports pair evaluations per second (median and spread over rounds)
 * with routes off (what attribution and Monte Carlo use) and on (what `qiwan check` prints), with a
 * fresh quantity draw per round (all edge costs recomputed once), and the cost of a project-set overlay.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { buildModel, evaluateTarget, resolveScenario } from "../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../src/node.js";
import type { Measure } from "../src/network/schema.js";

const { values: args } = parseArgs({ options: { smoke: { type: "boolean", default: false } } });
const rounds = args.smoke ? 3 : 25;
const network = loadNetworkSync(embeddedNetworkPath());
const t0 = performance.now();
const model = buildModel(network);
const buildMs = performance.now() - t0;
const jobs = network.scenarios.flatMap((s) =>
  network.targets.flatMap((t) =>
    (t.measures ?? (["door-to-door", "station-to-station"] as Measure[])).map((measure) => ({
      scenario: s.id,
      target: t,
      measure,
    })),
  ),
);
let sink = 0;

function round(routes: boolean, quantities?: Record<string, number>): { ms: number; pairs: number } {
  const start = performance.now();
  let pairs = 0;
  // One draw per round, shared by every evaluation of the round (as a Monte Carlo iteration would).
  const edgeCosts = quantities ? model.costsWith(quantities) : undefined;
  for (const job of jobs) {
    const r = evaluateTarget(model, job.target, {
      selection: { scenario: job.scenario },
      measure: job.measure,
      routes,
      ...(edgeCosts ? { edgeCosts } : {}),
    });
    pairs += r.pairs.length;
    sink += r.summary.pairsMet;
  }
  return { ms: performance.now() - start, pairs };
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(0)}, p10 ${q(0.1).toFixed(0)}, p90 ${q(0.9).toFixed(0)}`;
}

function measure(label: string, routes: boolean, quantities?: () => Record<string, number>): void {
  for (let i = 0; i < 2; i++) round(routes, quantities?.()); // warm-up
  const perSecond: number[] = [];
  const evalsPerSecond: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const { ms, pairs } = round(routes, quantities?.());
    perSecond.push((pairs / ms) * 1000);
    evalsPerSecond.push((jobs.length / ms) * 1000);
  }
  console.log(`${label}: pair evaluations/s ${stats(perSecond)}; target evaluations/s ${stats(evalsPerSecond)}`);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}`);
console.log(
  `embedded network: ${network.places.length} places, ${network.links.length} links, ${network.services.length} services, ${network.projects.length} projects`,
);
console.log(`model: ${model.nodeCount} nodes, ${model.edgeCount} edges, built in ${buildMs.toFixed(1)} ms`);
console.log(`${jobs.length} target × scenario × measure evaluations per round, ${rounds} rounds`);
measure("routes off (cached scenario overlays)", false);
measure("routes on", true);
let draw = 0;
measure("routes off, a new quantity draw per round (costsWith once, then every target)", false, () => ({
  "/parameters/commercialSpeedFactor/hsr": 0.7 + ((draw++ % 20) / 20) * 0.2,
}));

// Project-set overlays, as exact Shapley enumerates them.
const projects = [...resolveScenario(network, network.scenarios.at(-1)!.id).projects];
const n = args.smoke ? 200 : 5000;
const start = performance.now();
for (let i = 0; i < n; i++) {
  const subset = projects.filter((_, k) => (i >> (k % 16)) & 1);
  sink += model.overlay({ projects: subset }).edgeCount;
}
console.log(
  `project-set overlay (activeMask + withCosts): ${(((performance.now() - start) / n) * 1000).toFixed(1)} µs each`,
);
console.log(`sink ${sink}`);
