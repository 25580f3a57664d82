/**
 * The README's numbers are generated, never typed: this script rewrites the marked blocks of README.md
 * (`<!-- generated:NAME ... -->` … `<!-- /generated:NAME -->`) from their sources: the verdict from
 * `checkTargets` on the embedded network (what `npm start` prints), the performance lines from
 * `benchmarks/claims.json` (each with its definition), the counts from the network itself.
 * `npx tsx scripts/readme.ts` rewrites README.md; tests/docs/readme.test.ts fails when a block is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  checkTargets,
  embeddedNetworkPath,
  loadNetworkSync,
  PEOPLE_LEGEND,
  renderVerdictMarkdown,
  summarizeNetwork,
  VERDICT_LEGEND,
  verdictAnswer,
  verdictOf,
} from "../src/node.js";
import { MESH_ACCESS } from "../src/isochrone/modelIsochrone.js";
import { renderPeopleMarkdown } from "../src/targets/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The README this script maintains. */
export const README = path.join(ROOT, "README.md");

interface Claim {
  readonly id: string;
  readonly value: number | boolean | string | null;
  readonly unit?: string;
  readonly definition?: string;
}

function claimsById(): Map<string, Claim> {
  const file = JSON.parse(readFileSync(path.join(ROOT, "benchmarks/claims.json"), "utf8")) as { areas: { claims: Claim[] }[] };
  return new Map(file.areas.flatMap((a) => a.claims).map((c) => [c.id, c]));
}

function num(claims: Map<string, Claim>, id: string): number {
  const c = claims.get(id);
  if (c === undefined || typeof c.value !== "number") throw new Error(`benchmarks/claims.json has no numeric claim ${id}; rerun the benchmark or update scripts/readme.ts`);
  return c.value;
}

/** Rounded for prose: 3 significant digits, thousands separated. */
function fmt(v: number, digits = 3): string {
  const r = Number(v.toPrecision(digits));
  return r >= 1000 ? Math.round(r).toLocaleString("en-US") : String(r);
}

/** The aim of issue 15 for the core against the C++ Dial, same run. */
const CORE_AIM = 1.3;

function performanceBlock(): string {
  const c = claimsById();
  const core = (g: string, label: string) => {
    const ratio = num(c, `core.${g}.coreVsCppDial`);
    return `| ${label} | ${fmt(num(c, `core.${g}.coreMedianMs`))} ms | ${fmt(num(c, `core.${g}.cppDialMedianMs`))} ms | ${ratio.toFixed(2)}× ${ratio <= CORE_AIM ? "(aim met)" : "(aim missed)"} | ${fmt(num(c, `core.${g}.cppQuadHeapMedianMs`))} ms | ${fmt(num(c, `core.${g}.speedupVsGraphology`))}× (${fmt(num(c, `core.${g}.speedupVsGraphologyWithoutGc`))}× without its GC) | ${fmt(num(c, `core.${g}.bytesPerArc`))} |`;
  };
  const items = 14;
  const perItem = num(c, "analysis.main.targetevaluator-evaluate-all-14-target-measure-items-per-cal.evaluations-s-median");
  return [
    "One **query** is one one-to-all shortest-path search from one source (every node's time), integer-second costs,",
    "median wall time. Each implementation runs in its own process; one driver sends the same sources to each in",
    "turn in one run, and every answer is cross-checked ([benchmarks/RESULTS.md](benchmarks/RESULTS.md) has every",
    "figure, p10–p90, CPU time and memory, and how each peer ran).",
    "",
    `| graph | this core | C++ Dial (-O3) | core / Dial (aim ≤ ${CORE_AIM}×) | C++ 4-ary heap | vs graphology-shortest-path | bytes/arc |`,
    "|---|---:|---:|---:|---:|---:|---:|",
    core("ny", "New York roads, 264k nodes"),
    core("grid1m", "road grid, 1M nodes"),
    "",
    `The core is ${num(c, "core.ny.coreVsCppQuadHeap") < 1 && num(c, "core.grid1m.coreVsCppQuadHeap") < 1 ? "faster than" : "not always faster than"} a native indexed-heap Dijkstra and ${num(c, "core.ny.coreVsCppDial") <= CORE_AIM && num(c, "core.grid1m.coreVsCppDial") <= CORE_AIM ? "within" : "not within"} ${CORE_AIM}× of the same bucket algorithm (Dial) compiled natively; what was tried is in [docs/design-choices.md](docs/design-choices.md).`,
    "",
    `- Target checks: ${fmt(perItem)} **target items** per second through \`TargetEvaluator\` (one item = one target under one measure in one scenario, all its pairs; ${items} items make the full set), i.e. ${fmt(perItem / items)} full target sets per second (one selection, the declared reading); the public \`checkTargets(network, { model, routes: false })\`, which times every pair under both readings and summarises every target, ${fmt(num(c, "analysis.main.checktargets-network-model-routes-false-public-api.full-sets-s-median"))} full sets per second (aim ≥ 5,000: missed); \`evaluateTarget\` called once per item: ${fmt(num(c, "analysis.main.evaluatetarget-model-api-called-once-per-item-routes-off.evaluations-s-median"))} items/s.`,
    `- Exact Shapley over 16 projects (65,536 coalitions): ${fmt(num(c, "analysis.main.16-16-projects-vision-2035.seconds-median"))} s; Monte Carlo, 1,000 draws of every assumption: ${fmt(num(c, "analysis.main.1000.seconds-median"))} s.`,
    `- Polygon isochrone of the region (250 m grid, 4 bands): ${fmt(num(c, "isochrone.main.polygon-isochrone-region-total.median-ms"))} ms; its contour tracer ${fmt(num(c, "isochrone.main.contours-only-4-bands.median-ms"))} ms against d3-contour's ${fmt(num(c, "isochrone.main.contours-only-d3-contour-tracer.median-ms"))} ms on the same grid, timed alternately.`,
    `- National timetable (2,441 stations): a full-day range-RAPTOR profile from one station ${fmt(num(c, "timetable.china-2023-national-timetable-synthetic-departures-seed-1-2-.full-day-profile-range-raptor-00-00-24-00-one-origin-all-sto.median-ms"))} ms.`,
  ].join("\n");
}

function countAssumptions(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countAssumptions(v), 0);
  if (value === null || typeof value !== "object") return 0;
  const own = "assumption" in value ? 1 : 0;
  return own + Object.values(value).reduce<number>((n, v) => n + countAssumptions(v), 0);
}

function countsBlock(): string {
  const folder = embeddedNetworkPath();
  const s = summarizeNetwork(loadNetworkSync(folder));
  let assumptions = 0;
  for (const f of readdirSync(folder).filter((n) => n.endsWith(".json"))) assumptions += countAssumptions(JSON.parse(readFileSync(path.join(folder, f), "utf8")));
  const kinds = Object.entries(s.placesByKind).map(([k, n]) => `${n} ${k}`).join(", ");
  return [
    `The embedded network \`${s.id}\` (statuses as of ${s.asOf}): ${s.places} places (${kinds}), ${s.links} links, ${s.services} services, ${s.projects} projects, ${s.scenarios.length} scenarios (${s.scenarios.map((x) => `\`${x.id}\``).join(", ")}), ${s.targets} targets, and ${assumptions.toLocaleString("en-US")} numbers that are explicit assumptions with a range (every other number cites a source).`,
  ].join("\n");
}

function verdictBlock(): string {
  const verdict = verdictOf(checkTargets(loadNetworkSync(embeddedNetworkPath())));
  const people = renderPeopleMarkdown(verdict).trimEnd();
  return [
    verdictAnswer(verdict), "", renderVerdictMarkdown(verdict).trimEnd(), "", VERDICT_LEGEND,
    ...(people === "" ? [] : ["", "The same promises counted in people rather than pairs (`summary.people`):", "", people, "", PEOPLE_LEGEND]),
  ].join("\n");
}

/** A ranged assumption as "value (low–high)"; the value alone when it is sourced. */
function ranged(q: { readonly value: number; readonly assumption?: { readonly range?: readonly [number, number] } }, unit: string): string {
  const r = q.assumption?.range;
  return r ? `${q.value}${unit} (${r[0]}–${r[1]}${unit})` : `${q.value}${unit}`;
}

function meshBlock(): string {
  const network = loadNetworkSync(embeddedNetworkPath());
  const towns = network.towns;
  if (towns === undefined) throw new Error("the embedded network has no towns section");
  const estimated = towns.list.filter((t) => t.populationEstimated).length;
  const classes = [...towns.terrain].map(
    ([id, t]) => `*${id}* ${ranged(t.speedKmh, " km/h")}, detour ×${ranged(t.detourFactor, "")}`,
  );
  return [
    `Door-to-door times and isochrones also travel a **local road mesh**: the ${towns.list.length.toLocaleString("en-US")} town centres`,
    `(镇/乡/街道) of the network's \`towns\` section, each joined to its Delaunay neighbours by a local road, with the`,
    `places, stations and expressway interchanges attached to their nearest towns. A local road's time is its`,
    `great-circle length × a detour factor ÷ a speed, by terrain class, all assumptions with ranges: ${classes.join("; ")}.`,
    `The mesh is in every scenario. An isochrone's last leg off the mesh is at most ${MESH_ACCESS.maxAccessMin} min. People are counted from the`,
    `towns' 2020 census populations; ${estimated === towns.list.length ? "all of them are" : `${estimated.toLocaleString("en-US")} are`} estimates (a county's count split evenly over its towns) and are`,
    `flagged as such. Format and assumptions: [docs/network-format-towns.md](docs/network-format-towns.md).`,
  ].join("\n");
}

/** Every generated block by name. */
export function readmeBlocks(): Record<string, string> {
  return { verdict: verdictBlock(), mesh: meshBlock(), performance: performanceBlock(), counts: countsBlock() };
}

const BLOCK = /(<!-- generated:(\w+)[^>]*-->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/** The blocks found in `text`: name → content. */
export function blocksIn(text: string): Map<string, string> {
  return new Map([...text.matchAll(BLOCK)].map((m) => [m[2]!, m[3]!.trimEnd()]));
}

/** `text` with each marked block replaced by its generated content. */
export function withBlocks(text: string, blocks: Record<string, string>): string {
  return text.replace(BLOCK, (_all, open: string, name: string, _old: string, close: string) => {
    const content = blocks[name];
    if (content === undefined) throw new Error(`README.md has a block "${name}" that scripts/readme.ts does not generate`);
    return `${open}${content}\n${close}`;
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(README, withBlocks(readFileSync(README, "utf8"), readmeBlocks()));
  console.log("README.md: generated blocks rewritten");
}
