/**
 * `qiwan compare A B`: what changes from scenario A to scenario B (ids or scenario files).
 */
import { Option } from "commander";
import {
  applyScenario,
  buildModel,
  compareScenarios,
  modelIsochroneDifference,
  modelPolygonIsochrone,
  meshRoads,
  networkLayers,
  renderPanelsSvg,
  resolvePlace,
  resolveScenario,
  type MapPanel,
  type Network,
  type ScenarioComparison,
  type ScenarioRef,
  type Reading,
} from "../../node.js";
import type { RegisterCommand } from "../context.js";
import { preferNewFlag } from "../deprecated.js";
import { readingOption } from "./model-support.js";
import { renderTable, TABLE_FORMATS, type TableFormat } from "../format.js";
import { checkOutputFolder, parseMinutes, writeOutput } from "./isochrone-args.js";
import { mapBoundaries } from "./map.js";
import { analysisErrors, emit, fmtMin, fmtNum, intArg, listArg, scenarioArg, toJson } from "./analysis-args.js";

/** The comparison as text tables (targets, OD summary and largest changes, accessibility, isochrone areas). */
export function renderComparison(c: ScenarioComparison, format: "table" | "md", top = 10): string {
  const h = (s: string) => (format === "md" ? `### ${s}\n\n` : `${s}\n`);
  const parts: string[] = [];
  parts.push(format === "md" ? `## Compare \`${c.a.id}\` (A) → \`${c.b.id}\` (B)\n\n` : `compare A = ${c.a.id} → B = ${c.b.id}\n\n`);
  parts.push(h("Targets (worst time over reachable pairs, min; met/reachable/pairs; Δ over pairs reachable in both)"));
  parts.push(
    renderTable(
      ["target", "measure", "threshold", "A", "A met/reach/pairs", "A status", "B", "B met/reach/pairs", "B status", "Δ B−A", "change"],
      c.targets.map((t) => [
        t.targetId, t.measure, fmtMin(t.thresholdMin),
        fmtMin(t.worstTimeMinA), `${t.pairsMetA}/${t.pairsReachableA}/${t.pairs}`, t.statusA,
        fmtMin(t.worstTimeMinB), `${t.pairsMetB}/${t.pairsReachableB}/${t.pairs}`, t.statusB,
        fmtMin(t.deltaMin, true), t.change,
      ]),
      format,
      ["left", "left", "right", "right", "right", "left", "right", "right", "left", "right", "left"],
    ),
  );
  const s = c.odSummary;
  parts.push(`\n${h(`Door-to-door OD times over ${c.places.length} places (${s.pairs} pairs)`)}`);
  parts.push(`faster ${s.faster}, slower ${s.slower}, unchanged ${s.unchanged}, newly reachable ${s.newlyReachable}, no longer reachable ${s.noLongerReachable}; mean Δ ${fmtMin(s.meanDeltaMin, true)} min\n\n`);
  const changes: [string, string, number, number, number][] = [];
  c.odDeltaMin.forEach((row, i) => row.forEach((d, j) => {
    if (i !== j && Number.isFinite(d) && d !== 0) changes.push([c.places[i]!, c.places[j]!, c.odMinA[i]![j]!, c.odMinB[i]![j]!, d]);
  }));
  changes.sort((x, y) => x[4] - y[4]);
  if (changes.length > 0) {
    parts.push(renderTable(["origin", "destination", "A min", "B min", "Δ min"], changes.slice(0, top).map((r) => [r[0], r[1], fmtMin(r[2]), fmtMin(r[3]), fmtMin(r[4], true)]), format, ["left", "left", "right", "right", "right"]));
  }
  const wa = c.accessibility.a.weighted, wb = c.accessibility.b.weighted;
  parts.push(`\n${h(`Accessibility, population-weighted over ${fmtNum(wa.population)} residents of the places`)}`);
  const accRows: string[][] = [];
  for (const cut of Object.keys(wa.cumulative)) {
    const x = wa.cumulative[Number(cut)]!, y = wb.cumulative[Number(cut)]!;
    accRows.push([`residents reachable ≤ ${cut} min`, fmtNum(x), fmtNum(y), fmtNum(y - x)]);
  }
  accRows.push(["gravity, exp(−βt), β = ln2/60 per min", fmtNum(wa.gravityExponential), fmtNum(wb.gravityExponential), fmtNum(wb.gravityExponential - wa.gravityExponential)]);
  accRows.push(["gravity, max(t,10)^−1", fmtNum(wa.gravityPower, 1), fmtNum(wb.gravityPower, 1), fmtNum(wb.gravityPower - wa.gravityPower, 1)]);
  if (wa.nearestCentreMin !== undefined) accRows.push(["time to nearest target centre, min", fmtMin(wa.nearestCentreMin), fmtMin(wb.nearestCentreMin), fmtMin(wb.nearestCentreMin! - wa.nearestCentreMin, true)]);
  parts.push(renderTable(["indicator", "A", "B", "B−A"], accRows, format, ["left", "right", "right", "right"]));
  if (c.isochrones) {
    parts.push(`\n${h(`Isochrone areas from ${c.isochrones[0]?.origins.join(", ") ?? "—"} (km²)`)}`);
    parts.push(renderTable(["cutoff min", "A km²", "B km²", "B−A km²"], c.isochrones.map((i) => [String(i.cutoffMin), fmtNum(i.areaKm2A, 1), fmtNum(i.areaKm2B, 1), fmtNum(i.deltaKm2, 1)]), format, ["right", "right", "right", "right"]));
  }
  return parts.join("");
}

/**
 * An SVG of A's and B's isochrones side by side, plus the area newly within each cutoff in B when
 * both sides are scenarios of one network (one model, one grid); modified scenarios get two panels.
 */
export function comparisonMapSvg(
  network: Network,
  a: ScenarioRef,
  b: ScenarioRef,
  origins: readonly string[],
  cutoffsMin: readonly number[],
  extras: Parameters<typeof networkLayers>[2] = {},
): string {
  const side = (ref: ScenarioRef) => (typeof ref === "string" ? { network, scenarioId: ref } : applyScenario(network, ref));
  const A = side(a);
  const B = side(b);
  const coords = origins.map((o) => network.placeById.get(o)?.coord).filter((c): c is NonNullable<typeof c> => c !== undefined);
  const sub = `door-to-door from ${origins.join(", ")}`;
  const title = (n: Network, id: string) => {
    const s = n.scenarioById.get(id);
    return s ? `${s.name.en} ${s.name.zh}` : id;
  };
  const panels: MapPanel[] = [];
  if (A.network === B.network) {
    const d = modelIsochroneDifference(buildModel(network), { origins: [...origins], scenarioA: A.scenarioId, scenarioB: B.scenarioId, cutoffsMin });
    const ra = resolveScenario(network, A.scenarioId);
    const rb = resolveScenario(network, B.scenarioId);
    panels.push(
      { title: title(network, A.scenarioId), subtitle: sub, layers: networkLayers(network, ra, extras), bands: d.a.collection, origins: coords },
      { title: title(network, B.scenarioId), subtitle: sub, layers: networkLayers(network, rb, extras), bands: d.b.collection, origins: coords },
      { title: `${B.scenarioId} vs ${A.scenarioId}`, subtitle: "newly within each cutoff", layers: networkLayers(network, rb, extras), gained: d.gained, lost: d.lost, outlineBands: d.a.collection, origins: coords },
    );
  } else {
    for (const s of [A, B]) {
      const iso = modelPolygonIsochrone(buildModel(s.network), { origins: [...origins], scenario: s.scenarioId, cutoffsMin });
      panels.push({ title: title(s.network, s.scenarioId), subtitle: `${sub} (${s.scenarioId})`, layers: networkLayers(s.network, resolveScenario(s.network, s.scenarioId), extras), bands: iso.collection, origins: coords });
    }
  }
  return renderPanelsSvg(panels);
}

/** Registers `qiwan compare A B`. */
export const registerCompare: RegisterCommand = (program, ctx) => {
  program
    .command("compare")
    .description("compare scenario B with scenario A: target changes, OD time deltas, accessibility and isochrone areas")
    .argument("<a>", "scenario id, or a scenario file { base, modifications } (.json)")
    .argument("<b>", "scenario id, or a scenario file")
    .addOption(new Option("--format <format>", "output format").choices(TABLE_FORMATS).default("table"))
    .option("--out <file>", "write the output to this file (atomically) instead of stdout")
    .option("--places <places>", "comma-separated places (ids or names) for the OD matrix and accessibility (default: every city and town)")
    .option("--from <places>", "isochrone origins (ids or names), comma-separated (default: the first target's origins)")
    .addOption(new Option("--iso-from <places>", "deprecated spelling of --from").hideHelp())
    .option("--minutes <list>", "isochrone and cumulative-accessibility cutoffs, minutes", "30,60,120")
    .option("--no-isochrones", "skip isochrone areas (faster)")
    .option("--top <n>", "OD pairs listed, largest change first", "10")
    .option("--map <file>", "also write an SVG of A's and B's isochrones (and the area gained in B) from --from")
    .addOption(readingOption())
    .addHelpText("after", "\nDeltas are B − A (negative: faster in B). --map draws the isochrones side by side (SVG).")
    .action(async (a: string, b: string, opts: { format: TableFormat; out?: string; places?: string; from?: string; isoFrom?: string; minutes: string; isochrones: boolean; top: string; map?: string; reading?: Reading }) => {
      if (opts.out !== undefined) checkOutputFolder(opts.out);
      if (opts.map !== undefined) checkOutputFolder(opts.map, "--map");
      const top = intArg(opts.top, "--top", 0)!;
      const network = await ctx.network();
      const cutoffsMin = parseMinutes(opts.minutes);
      const places = listArg(opts.places)?.map((p, i) => resolvePlace(network, p, `--places[${i}]`).id);
      const isoFrom = listArg(preferNewFlag(ctx.io, "--iso-from", opts.isoFrom, "--from", opts.from))?.map((p, i) => resolvePlace(network, p, `--from[${i}]`).id);
      // Ids are checked here so that the messages name the command-line argument that carried them.
      const refA = analysisErrors(() => scenarioArg(a)), refB = analysisErrors(() => scenarioArg(b));
      if (typeof refA === "string") analysisErrors(() => resolveScenario(network, refA), { scenario: "argument A" });
      if (typeof refB === "string") analysisErrors(() => resolveScenario(network, refB), { scenario: "argument B" });
      const c = analysisErrors(() =>
        compareScenarios(network, refA, refB, {
          ...(places ? { places } : {}),
          accessibility: { cutoffsMin },
          ...(opts.reading ? { reading: opts.reading } : {}),
          isochrones: opts.isochrones ? { cutoffsMin, ...(isoFrom ? { origins: isoFrom } : {}) } : false,
        }),
      );
      const text =
        opts.format === "json"
          ? toJson({ ...c, a: { id: c.a.id, year: c.a.year }, b: { id: c.b.id, year: c.b.year } })
          : renderComparison(c, opts.format, top);
      await emit(ctx, text, opts.out);
      if (opts.map !== undefined) {
        const origins = isoFrom ?? network.targets[0]?.origins ?? [];
        const extras = { boundaries: await mapBoundaries(network), roads: meshRoads(network) };
        const svg = analysisErrors(() => comparisonMapSvg(network, refA, refB, origins, cutoffsMin, extras));
        await writeOutput(opts.map, svg, "--map");
        ctx.io.stderr.write(`qiwan: wrote ${opts.map}\n`);
      }
    });
};
