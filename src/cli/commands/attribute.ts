/**
 * `qiwan attribute`: which plan project delivers which gain (Shapley values and leave-one-out).
 */
import { Option } from "commander";
import {
  attributeProjects,
  MEASURES,
  type AttributionMethod,
  type AttributionResult,
  type Measure,
  type Reading,
} from "../../node.js";
import { createProgress, type Progress } from "../progress.js";
import type { RegisterCommand } from "../context.js";
import { readingOption } from "./model-support.js";
import { renderTable, TABLE_FORMATS, type TableFormat } from "../format.js";
import { analysisErrors, emit, fmtMin, fmtNum, intArg, listArg, toJson } from "./analysis-args.js";

/** The attribution as text: per target, a table of projects; then accessibility and minimal sets. */
export function renderAttribution(r: AttributionResult, format: "table" | "md"): string {
  const h = (s: string) => (format === "md" ? `### ${s}\n\n` : `${s}\n`);
  const parts: string[] = [];
  parts.push(
    format === "md"
      ? `## Attribution in \`${r.scenarioId}\`: ${r.projects.length} projects, ${r.shapleyMethod ?? "leave-one-out"}${r.shapleyMethod ? " Shapley" : ""}, ${r.evaluations} coalitions\n\n`
      : `attribution in ${r.scenarioId}: ${r.projects.length} projects (${r.fixedProjects.length} others fixed), ${r.shapleyMethod ?? "leave-one-out only"}${r.shapleyMethod ? " Shapley" : ""}, ${r.evaluations} coalitions evaluated\n\n`,
  );
  const hasS = r.method !== "loo";
  const hasL = r.method !== "shapley";
  for (const t of r.targets) {
    const counts = (o: typeof t.withAll) => `${o.pairsMet}/${o.pairsReachable}/${o.pairs}`;
    parts.push(h(`${t.targetId} (${t.measure}), threshold ${fmtMin(t.thresholdMin)} min: mean time ${fmtMin(t.withNone.meanTimeMin)} → ${fmtMin(t.withAll.meanTimeMin)} min (gain ${fmtMin(t.gainMin)}), pairs met/reachable/all ${counts(t.withNone)} → ${counts(t.withAll)}, ${t.withAll.met ? "met" : "not met"} with all`));
    const rows = t.shares
      .filter((s) => (s.shapley ?? 0) !== 0 || (s.leaveOneOut ?? 0) !== 0)
      .sort((x, y) => (y.shapley ?? y.leaveOneOut ?? 0) - (x.shapley ?? x.leaveOneOut ?? 0))
      .map((s) => [
        s.project,
        ...(hasS ? [fmtMin(s.shapley) + (s.shapleyStandardError ? ` ±${fmtMin(s.shapleyStandardError)}` : ""), t.gainMin !== 0 ? `${fmtNum((100 * (s.shapley ?? 0)) / t.gainMin)}%` : "—"] : []),
        ...(hasL ? [fmtMin(s.leaveOneOut), fmtMin(t.marginLossMin?.[s.project]), t.metWithout?.[s.project] === false && t.withAll.met ? "fails" : ""] : []),
      ]);
    const headers = ["project", ...(hasS ? ["Shapley min", "share"] : []), ...(hasL ? ["LOO min", "margin loss min", "without it"] : [])];
    parts.push(rows.length > 0 ? renderTable(headers, rows, format, ["left", ...headers.slice(1).map(() => "right" as const)]) : "(no project changes this target)\n");
    if (t.minimalSets !== null) {
      parts.push(
        t.minimalSets.length === 0
          ? "minimal project sets meeting it: none (not met even with every project)\n\n"
          : `minimal project sets meeting it: ${t.minimalSets.map((s) => (s.length === 0 ? "{} (met without any)" : `{${s.join(", ")}}`)).join("; ")}\n\n`,
      );
    } else parts.push("\n");
  }
  if (r.accessibility) {
    const a = r.accessibility;
    parts.push(h(`Accessibility (population-weighted gravity, persons): ${fmtNum(a.withNone)} → ${fmtNum(a.withAll)} (gain ${fmtNum(a.gain)})`));
    const rows = a.shares
      .filter((s) => (s.shapley ?? 0) !== 0 || (s.leaveOneOut ?? 0) !== 0)
      .map((s) => [s.project, s.shapley === undefined ? "—" : fmtNum(s.shapley), s.leaveOneOut === undefined ? "—" : fmtNum(s.leaveOneOut)]);
    parts.push(rows.length > 0 ? renderTable(["project", "Shapley", "LOO"], rows, format, ["left", "right", "right"]) : "(no project changes it)\n");
  }
  return parts.join("");
}

/** Registers `qiwan attribute`. */
export const registerAttribute: RegisterCommand = (program, ctx) => {
  program
    .command("attribute")
    .description("attribute each target's time saving to the plan's projects: exact Shapley values and leave-one-out")
    .option("--scenario <id>", "scenario whose plan projects are attributed (default: the network's last scenario)")
    .option("--target <ids>", "comma-separated target ids (default: all)")
    .option("--projects <ids>", "comma-separated projects to attribute (default: the scenario's projects with planText that gate a link or service)")
    .addOption(new Option("--method <method>", "shapley, loo (leave-one-out) or both").choices(["shapley", "loo", "both"]).default("both"))
    .addOption(new Option("--measure <measure>", "evaluate only this interpretation").choices(MEASURES))
    .option("--permutations <n>", "permutation samples when there are more than 16 projects", "2000")
    .option("--seed <n>", "seed of the permutation sampler", "1")
    .addOption(readingOption())
    .addOption(new Option("--format <format>", "output format").choices(TABLE_FORMATS).default("table"))
    .option("--out <file>", "write the output to this file (atomically) instead of stdout")
    .addHelpText("after", "\nValues are minutes of mean pair-time saving; Σ Shapley = the gain over the scenario without these projects.")
    .action(async (opts: { scenario?: string; target?: string; projects?: string; method: AttributionMethod; measure?: Measure; permutations: string; seed: string; format: TableFormat; out?: string; reading?: Reading }) => {
      const network = await ctx.network();
      const targets = listArg(opts.target);
      const projects = listArg(opts.projects);
      // The coalition count is known only once the projects are resolved, so the bar starts on the first report.
      let progress: Progress | undefined;
      let r: AttributionResult;
      try {
        r = analysisErrors(() =>
        attributeProjects(network, {
          ...(opts.scenario === undefined ? {} : { scenario: opts.scenario }),
          method: opts.method,
          permutations: intArg(opts.permutations, "--permutations", 2, "permutations")!,
          seed: intArg(opts.seed, "--seed", 0)!,
          ...(targets ? { targets } : {}),
          ...(projects ? { projects } : {}),
          ...(opts.measure ? { measures: [opts.measure] } : {}),
          ...(opts.reading ? { reading: opts.reading } : {}),
          onProgress: (done, total) => {
            progress ??= createProgress(ctx.io.stderr, { total, label: "coalitions" });
            progress.update(done);
          },
        }),
        { scenario: "--scenario", target: "--target", project: "--projects" },
      );
      } finally {
        progress?.done();
      }
      await emit(ctx, opts.format === "json" ? toJson(r) : renderAttribution(r, opts.format), opts.out);
    });
};
