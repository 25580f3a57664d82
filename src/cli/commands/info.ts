/**
 * `qiwan info`: what is in the network, per scenario.
 */
import { Option } from "commander";
import {
  LINK_MODES,
  PROJECT_STATUSES,
  SERVICE_MODES,
  summarizeNetwork,
  type NetworkSummary,
} from "../../node.js";
import type { RegisterCommand } from "../context.js";
import { renderTable, TABLE_FORMATS, type TableFormat } from "../format.js";

function counts(o: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(o)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

/** The summary as text: a header, then one table with a column per scenario. */
export function renderInfo(s: NetworkSummary, format: "table" | "md"): string {
  const head =
    format === "md"
      ? [
          `## ${s.name.en} (${s.name.zh}) \`${s.id}\``,
          "",
          `Project statuses as of ${s.asOf}.`,
          "",
          `- places: ${s.places} (${counts(s.placesByKind)})`,
          `- projects: ${s.projects} (${counts(s.projectsByStatus)})`,
          `- links: ${s.links}, services: ${s.services}, targets: ${s.targets}, scenarios: ${s.scenarios.length}`,
          "",
        ]
      : [
          `${s.name.en} (${s.name.zh}) [${s.id}], statuses as of ${s.asOf}`,
          `places:   ${s.places} (${counts(s.placesByKind)})`,
          `projects: ${s.projects} (${counts(s.projectsByStatus)})`,
          `links: ${s.links}, services: ${s.services}, targets: ${s.targets}, scenarios: ${s.scenarios.length}`,
          "",
        ];
  if (s.scenarios.length === 0) return [...head, "(no scenarios)", ""].join("\n");
  const sc = s.scenarios;
  const rows: string[][] = [];
  const row = (label: string, f: (x: (typeof sc)[number]) => number | string | undefined) =>
    rows.push([label, ...sc.map((x) => String(f(x) ?? 0))]);
  // Modes present in any scenario, in the schema's order.
  const modes = <K extends string>(order: readonly K[], pick: (x: (typeof sc)[number]) => Partial<Record<K, number>>) =>
    order.filter((m) => sc.some((x) => (pick(x)[m] ?? 0) > 0));
  row("year", (x) => x.year);
  row("projects", (x) => x.projects);
  for (const st of PROJECT_STATUSES) row(`  ${st}`, (x) => x.projectsByStatus[st]);
  row("links", (x) => x.links);
  for (const m of modes(LINK_MODES, (x) => x.linksByMode)) row(`  ${m}`, (x) => x.linksByMode[m]);
  for (const st of PROJECT_STATUSES) row(`  status ${st}`, (x) => x.linksByStatus[st]);
  row("services", (x) => x.services);
  for (const m of modes(SERVICE_MODES, (x) => x.servicesByMode)) row(`  ${m}`, (x) => x.servicesByMode[m]);
  for (const st of PROJECT_STATUSES) row(`  status ${st}`, (x) => x.servicesByStatus[st]);
  const headers = ["scenario", ...sc.map((x) => x.id)];
  const mdRows = format === "md" ? rows.map((r) => [r[0]!.replace(/^ {2}/, "&nbsp;&nbsp;"), ...r.slice(1)]) : rows;
  return head.join("\n") + "\n" + renderTable(headers, mdRows, format, ["left", ...sc.map(() => "right" as const)]);
}

/** Registers `qiwan info [--format table|json|md]`. */
export const registerInfo: RegisterCommand = (program, ctx) => {
  program
    .command("info")
    .description("summarise the network: places by kind; per scenario, projects, links and services by mode and status")
    .addOption(new Option("--format <format>", "output format").choices(TABLE_FORMATS).default("table"))
    .addHelpText(
      "after",
      "\nA link or service counts under the status of its least advanced project; one without projects counts as existing.",
    )
    .action(async (opts: { format: TableFormat }) => {
      const summary = summarizeNetwork(await ctx.network());
      if (opts.format === "json") ctx.out(JSON.stringify(summary, null, 2));
      else {
        const text = renderInfo(summary, opts.format);
        // Only the title is emphasised, so piped output (colour off) is byte-identical.
        const nl = text.indexOf("\n");
        ctx.io.stdout.write(opts.format === "table" ? ctx.colour.bold(text.slice(0, nl)) + text.slice(nl) : text);
      }
    });
};
