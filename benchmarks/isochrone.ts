/**
 * Isochrone benchmarks: node isochrones on the embedded network, polygon isochrones for the region
 * (250 m grid, 4 bands) and for a national extent (Chengdu–Shenzhen, automatic few-km cells), with
 * the surface and contour phases timed apart and a naive every-cell-×-every-node surface for scale.
 *
 *   npm run bench:isochrone                 # full run, prints a Markdown table
 *   npm run bench:isochrone -- --smoke      # 2 runs per case (CI: keeps the script from rotting)
 *   npm run bench:isochrone -- --write      # also writes benchmarks/RESULTS-isochrone.md
 *
 * Seeded (origins and synthetic nodes come from a fixed mulberry32 stream), warm-up runs before
 * measuring, median and p90 over the measured runs; a sink keeps results alive.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type TimedNode, type TravelTimeModel, buildModel, modelNodeIsochrone, modelPolygonIsochrone } from "../src/index.js";
import { loadNetwork } from "../src/node.js";
import { embeddedNetworkPath } from "../src/node.js";
import { haversineM, isochroneBands, placeTimes, surfaceNodes, travelTimeSurface, gridCellCentre, ACCESS_DEFAULTS } from "../src/isochrone/index.js";
import { mulberry32 } from "../src/uncertainty/index.js";

const smoke = process.argv.includes("--smoke");
const write = process.argv.includes("--write");
const WARMUP = smoke ? 1 : 5;
const RUNS = smoke ? 2 : 30;
let sink = 0;

interface Row {
  readonly name: string;
  readonly detail: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly runs: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

function measure(name: string, detail: string, f: (run: number) => number, runs = RUNS, warmup = WARMUP): Row {
  for (let i = 0; i < warmup; i++) sink += f(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += f(warmup + i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const row = { name, detail, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), runs };
  console.error(`${name}: median ${row.medianMs.toFixed(2)} ms, p90 ${row.p90Ms.toFixed(2)} ms (${detail})`);
  return row;
}

/**
 * Two ways of computing the same thing, timed in alternation (A, B, B, A, A, B, …) so that load
 * from other jobs falls on both alike; a peer comparison, unlike `measure` run one after the other.
 */
function measurePair(a: { name: string; detail: string; f: () => number }, b: { name: string; detail: string; f: () => number }, runs = RUNS, warmup = WARMUP): [Row, Row] {
  for (let i = 0; i < warmup; i++) sink += a.f() + b.f();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = performance.now();
      sink += (k === 0 ? a : b).f();
      times[k]!.push(performance.now() - t0);
    }
  }
  return [a, b].map((x, k) => {
    const sorted = times[k]!.sort((p, q) => p - q);
    const row = { name: x.name, detail: x.detail, medianMs: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9), runs };
    console.error(`${row.name}: median ${row.medianMs.toFixed(2)} ms, p90 ${row.p90Ms.toFixed(2)} ms (${row.detail})`);
    return row;
  }) as [Row, Row];
}

/** The surface by definition, cell by cell over every node: what the splat avoids. */
function naiveSurface(nodes: readonly TimedNode[], grid: ReturnType<typeof travelTimeSurface>["grid"], maxSecs: number): number {
  const secsPerM = (ACCESS_DEFAULTS.circuity * 3.6) / ACCESS_DEFAULTS.speedKmh;
  const capSecs = ACCESS_DEFAULTS.maxAccessMin * 60;
  let reached = 0;
  for (let j = 0; j < grid.height; j++) {
    for (let i = 0; i < grid.width; i++) {
      const p = gridCellCentre(grid, i, j);
      let best = Infinity;
      for (const n of nodes) {
        if (!(n.timeSecs <= maxSecs)) continue;
        const leg = haversineM(n.coord, p) * secsPerM;
        if (leg <= capSecs && n.timeSecs + leg < best) best = n.timeSecs + leg;
      }
      if (best <= maxSecs) reached++;
    }
  }
  return reached;
}

async function main(): Promise<void> {
  const network = await loadNetwork(embeddedNetworkPath());
  const model: TravelTimeModel = buildModel(network);
  const rand = mulberry32(20_261_127);
  const cities = network.places.filter((p) => p.kind === "city" || p.kind === "town").map((p) => p.id);
  const origins = Array.from({ length: 64 }, () => cities[Math.floor(rand() * cities.length)]!);
  const rows: Row[] = [];
  const scenario = "plan-2025";

  rows.push(
    measure("node isochrone, embedded network", `${model.nodeCount} nodes, ${model.edgeCount} edges; random city/town origin; cutoffs 30, 60, 120, 480 min`, (r) =>
      modelNodeIsochrone(model, { origins: origins[r % origins.length]!, scenario, cutoffsMin: [30, 60, 120, 480] })[3]!.reached.length,
    ),
  );

  const regionCut = [15, 30, 45, 60];
  const probe = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario, cutoffsMin: regionCut }, { cellSizeM: 250 });
  const rg = probe.surface.grid;
  rows.push(
    measure("polygon isochrone, region (total)", `Qijiang, 250 m grid ${rg.width}×${rg.height}, 4 bands (15–60 min)`, () =>
      modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario, cutoffsMin: regionCut }, { cellSizeM: 250 }).collection.features[0]!.properties.areaKm2,
    ),
  );
  const regionTimes = placeTimes(model, { origins: "QJ_CITY", scenario }, 3600);
  const regionNodes = surfaceNodes(model, regionTimes);
  rows.push(measure("  surface only (splat)", "same grid", () => travelTimeSurface(regionNodes, 3600, { cellSizeM: 250 }).timesSecs.length));
  const regionSurface = travelTimeSurface(regionNodes, 3600, { cellSizeM: 250 });
  rows.push(
    ...measurePair(
      { name: "  contours only (4 bands)", detail: "same grid; default tracer (traceRegions), timed alternately with d3-contour", f: () => isochroneBands(regionSurface, regionCut).features.length },
      { name: "  contours only, d3-contour tracer", detail: "same grid, same output", f: () => isochroneBands(regionSurface, regionCut, { tracer: "d3" }).features.length },
    ),
  );
  rows.push(
    measure("  naive surface (every cell × every node)", `${regionNodes.length} nodes, for comparison`, () => naiveSurface(regionNodes, regionSurface.grid, 3600), smoke ? 1 : 5, 1),
  );

  const national: [number, number, number, number] = [103.5, 22.0, 114.6, 31.2];
  const natCut = [60, 120, 240, 360];
  const natProbe = modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario, cutoffsMin: natCut }, { extent: national });
  const ng = natProbe.surface.grid;
  rows.push(
    measure("polygon isochrone, national extent", `Chengdu–Shenzhen bbox, automatic ${ng.cellSizeM / 1000} km cells ${ng.width}×${ng.height}, 4 bands (1–6 h), embedded network`, () =>
      modelPolygonIsochrone(model, { origins: "QJ_CITY", scenario, cutoffsMin: natCut }, { extent: national }).collection.features[0]!.properties.areaKm2,
    ),
  );
  // A denser synthetic network over the same extent: 20,000 nodes with times rising with distance.
  const synth: TimedNode[] = Array.from({ length: 20_000 }, () => {
    const coord: [number, number] = [national[0] + rand() * (national[2] - national[0]), national[1] + rand() * (national[3] - national[1])];
    const km = haversineM([106.65, 29.03], coord) / 1000;
    return { coord, timeSecs: (km / 180) * 3600 * (0.8 + 0.6 * rand()) };
  });
  rows.push(
    measure("polygon isochrone, national extent, 20,000 synthetic nodes", `same grid (${ng.width}×${ng.height}), 4 bands`, () => {
      const s = travelTimeSurface(synth, 360 * 60, { grid: ng });
      return isochroneBands(s, natCut).features[0]!.properties.areaKm2;
    }),
  );
  const synthSurface = travelTimeSurface(synth, 360 * 60, { grid: ng });
  rows.push(
    ...measurePair(
      { name: "  contours only (4 bands)", detail: "20,000 synthetic nodes, default tracer (traceRegions), timed alternately with d3-contour", f: () => isochroneBands(synthSurface, natCut).features.length },
      { name: "  contours only, d3-contour tracer", detail: "same surface, same output (quadratic hole assignment)", f: () => isochroneBands(synthSurface, natCut, { tracer: "d3" }).features.length },
      smoke ? 2 : 10,
    ),
  );

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const load = os.loadavg().map((x) => x.toFixed(2)).join(", ");
  const header = [
    "# Isochrone benchmarks",
    "",
    `- Command: \`npm run bench:isochrone${write ? " -- --write" : ""}\` (${WARMUP} warm-up runs, ${RUNS} measured; timings in ms)`,
    `- Machine: ${cpu}, ${os.cpus().length} logical cores, ${os.platform()} ${os.release()}; Node ${process.version}`,
    `- Date: ${new Date().toISOString()}; load average at the end: ${load}`,
    "- Noise: the machine is shared with other jobs (load average above), so medians can move by tens of per cent between runs; p90 shows the spread.",
    "",
    "| case | detail | median ms | p90 ms |",
    "|---|---|---:|---:|",
    ...rows.map((r) => `| ${r.name.trim()} | ${r.detail} | ${r.medianMs.toFixed(2)} | ${r.p90Ms.toFixed(2)} |`),
    "",
  ].join("\n");
  console.log(header);
  console.error(`(sink ${sink.toFixed(1)})`);
  if (write) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    writeFileSync(path.join(here, "RESULTS-isochrone.md"), header);
  }
}

await main();
