/**
 * Local road mesh benchmark: build the mesh of the embedded network's towns (anchored at its places),
 * compile it with the core, and run one-to-all searches on the mesh alone; with ../shared, the same
 * for every town of the source file (the study-area alternative recorded in docs/design-choices.md).
 *
 *   npx tsx benchmarks/mesh.ts            # full run, prints a Markdown table
 *   npx tsx benchmarks/mesh.ts --smoke    # 2 runs per case
 *
 * Warm-up runs before measuring; median, p90 and min over the measured runs; a sink keeps results alive.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { ShortestPathSearch, compileGraph } from "../src/index.js";
import { loadNetwork } from "../src/node.js";
import { embeddedNetworkPath } from "../src/node.js";
import { buildMesh, meshTerrainOf, type Mesh, type MeshTown } from "../src/model/mesh.js";
import { POPULATION_CSV, readPopulationCsv } from "../scripts/data/towns.js";

const smoke = process.argv.includes("--smoke");
const WARMUP = smoke ? 1 : 5;
const RUNS = smoke ? 2 : 25;
let sink = 0;

function measure(name: string, f: (run: number) => number): string {
  for (let i = 0; i < WARMUP; i++) sink += f(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    sink += f(WARMUP + i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return `| ${name} | ${at(0.5).toFixed(2)} | ${at(0.9).toFixed(2)} | ${times[0]!.toFixed(2)} |`;
}

function bench(label: string, towns: readonly MeshTown[], anchors: readonly (readonly [number, number])[], origin: number, options: Parameters<typeof buildMesh>[2]): string[] {
  let mesh: Mesh = buildMesh(towns, anchors, options);
  const kinds = [0, 0, 0];
  mesh.kind.forEach((k) => kinds[k]!++);
  const rows = [
    `| **${label}**: ${mesh.townCount} towns, ${mesh.anchorCount} anchors → ${mesh.edgeCount} edges (${kinds[0]} neighbour, ${kinds[1]} bridge, ${kinds[2]} anchor) | | | |`,
  ];
  rows.push(measure("  buildMesh (Delaunay, cap, bridges, anchors, costs)", () => (mesh = buildMesh(towns, anchors, options)).edgeCount));
  const input = { nodeCount: mesh.nodeCount, from: mesh.from, to: mesh.to, costSecs: mesh.secs, directed: false };
  let graph = compileGraph(input, { queue: "heap" });
  rows.push(measure("  compileGraph (undirected, heap)", () => (graph = compileGraph(input, { queue: "heap" })).nodeCount));
  const search = new ShortestPathSearch(graph);
  const src = mesh.townCount + origin;
  rows.push(measure("  one-to-all from 綦江 (QJ_CITY anchor)", () => search.oneToAll(src)[0]!));
  rows.push(measure("  one-to-all, cutoff 2 h", () => search.oneToAll(src, { cutoffSecs: 7200 })[0]!));
  const whole = search.oneToAll(src);
  let within8 = 0;
  for (let i = 0; i < mesh.townCount; i++) if (whole[i]! <= 8 * 3600) within8++;
  rows.push(`| ${within8} towns within 8 h of 綦江 on the mesh alone | | | |`);
  return rows;
}

async function main(): Promise<void> {
  const network = await loadNetwork(embeddedNetworkPath());
  const towns = network.towns!;
  const anchors = network.places.map((p) => p.coord);
  const origin = network.places.findIndex((p) => p.id === "QJ_CITY");
  const options = { terrain: meshTerrainOf(towns) };
  const rows = ["| case | median ms | p90 ms | min ms |", "|---|---:|---:|---:|"];
  rows.push(...bench("embedded network (study area: 300 km around its places)", towns.list, anchors, origin, options));
  if (existsSync(POPULATION_CSV)) {
    const all = readPopulationCsv()
      .filter((r) => r.level === "town_est")
      .map((r): MeshTown => ({ coord: r.coord, terrain: null }));
    rows.push(...bench("whole source file (lon 103–117, lat 21–32.5), default terrain", all, anchors, origin, {}));
  } else console.error(`skipping the whole-file case: ${POPULATION_CSV} not found`);
  console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, load ${os.loadavg()[0]!.toFixed(1)}${smoke ? " (smoke)" : ""}\n`);
  console.log(rows.join("\n"));
  if (sink === 42) console.log("");
}

await main();
