/**
 * `qiwan uncertainty`: Monte Carlo over every assumption's range: probability each target is met.
 */
import { Option } from "commander";
import {
  MEASURES,
  runUncertainty,
  type Measure,
  type UncertaintyReport,
  type Reading,
} from "../../node.js";
import { createProgress } from "../progress.js";
import type { RegisterCommand } from "../context.js";
import { readingOption } from "./model-support.js";
import { renderTable, TABLE_FORMATS, type TableFormat } from "../format.js";
import { analysisErrors, emit, fmtMin, intArg, listArg, toJson } from "./analysis-args.js";

/** The report as text: one row per scenario × target × measure, then the top tornado entries. */
export function renderUncertainty(r: UncertaintyReport, format: "table" | "md", tornadoRows = 3): string {
  const parts: string[] = [];
  parts.push(format === "md" ? `## Uncertainty: ${r.draws} draws (seed ${r.seed}) over ${r.inputs.length} assumptions\n\n` : `uncertainty: ${r.draws} draws (seed ${r.seed}) over ${r.inputs.length} assumptions\n\n`);
  parts.push(`P(all met): share of draws in which every pair meets the threshold (a pair with no route never does, so such a row is 0 %). Worst times (min) are over the reachable pairs; a draw changes costs, not which pairs are reachable.\n\n`);
  parts.push(
    renderTable(
      ["scenario", "target", "measure", "threshold", "base met/reach/pairs", "base", "P(all met)", "p5", "p50", "p95"],
      r.results.map((x) => [
        x.scenarioId, x.targetId, x.measure, fmtMin(x.thresholdMin),
        `${x.base.pairsMet}/${x.base.pairsReachable}/${x.base.pairs}`, fmtMin(x.base.worstTimeMin),
        `${(100 * x.probabilityMet).toFixed(1)}%`, fmtMin(x.worstTimeMin.p5), fmtMin(x.worstTimeMin.p50), fmtMin(x.worstTimeMin.p95),
      ]),
      format,
      ["left", "left", "left", "right", "right", "right", "right", "right", "right", "right"],
    ),
  );
  if (tornadoRows > 0 && r.results.some((x) => x.tornado.length > 0)) {
    parts.push(format === "md" ? "\n### Tornado: assumptions that move each target most (one at a time, low → high)\n\n" : "\ntornado: assumptions that move each target most (one at a time, low → high end)\n");
    const rows: string[][] = [];
    for (const x of r.results) {
      for (const t of x.tornado.slice(0, tornadoRows)) {
        rows.push([x.scenarioId, x.targetId, x.measure, t.label, `${t.low} → ${t.high}`, `${fmtMin(t.timeAtLowMin)} → ${fmtMin(t.timeAtHighMin)}`, fmtMin(t.swingMin)]);
      }
    }
    parts.push(renderTable(["scenario", "target", "measure", "assumption", "range", "worst time min", "swing min"], rows, format, ["left", "left", "left", "left", "right", "right", "right"]));
  }
  return parts.join("");
}

/** Registers `qiwan uncertainty`. */
export const registerUncertainty: RegisterCommand = (program, ctx) => {
  program
    .command("uncertainty")
    .description("Monte Carlo over every assumption's range: probability each target is met, p5/p50/p95 times, tornado ranking")
    .option("--draws <n>", "Monte Carlo draws", "1000")
    .option("--seed <n>", "seed (same seed, same numbers)", "1")
    .option("--scenario <ids>", "comma-separated scenario ids (default: all)")
    .option("--target <ids>", "comma-separated target ids (default: all)")
    .addOption(new Option("--measure <measure>", "evaluate only this interpretation").choices(MEASURES))
    .option("--tornado <n>", "tornado rows per target (0: skip the one-at-a-time runs)", "3")
    .addOption(readingOption())
    .addOption(new Option("--format <format>", "output format").choices(TABLE_FORMATS).default("table"))
    .option("--out <file>", "write the output to this file (atomically) instead of stdout")
    .addHelpText("after", "\nUniform draws over each assumption's range (triangular when it gives a mode), independent; a progress bar shows on a terminal.")
    .action(async (opts: { draws: string; seed: string; scenario?: string; target?: string; measure?: Measure; tornado: string; format: TableFormat; out?: string; reading?: Reading }) => {
      const network = await ctx.network();
      const draws = intArg(opts.draws, "--draws", 1, "draws")!;
      const tornadoRows = intArg(opts.tornado, "--tornado", 0)!;
      const scenarios = listArg(opts.scenario);
      const targets = listArg(opts.target);
      const progress = createProgress(ctx.io.stderr, { total: draws, label: "draws" });
      let r: UncertaintyReport;
      try {
        r = analysisErrors(() =>
          runUncertainty(network, {
            draws,
            seed: intArg(opts.seed, "--seed", 0)!,
            tornado: tornadoRows > 0,
            ...(scenarios ? { scenarios } : {}),
            ...(targets ? { targets } : {}),
            ...(opts.measure ? { measures: [opts.measure] } : {}),
            ...(opts.reading ? { reading: opts.reading } : {}),
            onProgress: (done) => progress.update(done),
          }),
          { scenario: "--scenario", target: "--target" },
        );
      } finally {
        progress.done();
      }
      await emit(ctx, opts.format === "json" ? toJson(r) : renderUncertainty(r, opts.format, tornadoRows), opts.out);
    });
};
