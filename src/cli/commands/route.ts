/**
 * `qiwan route`: the fastest route between two places, as legs, per scenario.
 */
import { Option } from "commander";
import {
  DEFAULT_READING,
  findRoute,
  formatMinutes,
  MEASURES,
  resolvePlace,
  type Measure,
  type ModeFilter,
  type Reading,
  type RouteResult,
} from "../../node.js";
import type { RegisterCommand } from "../context.js";
import { csvCell, renderTable } from "../format.js";
import { listOption, modelOrExit, parseWait, readingOption, requireIds, WAIT_HELP, writeOut } from "./model-support.js";

const MODE_FILTERS = ["multimodal", "rail", "road"] as const;

interface RouteCommandOptions {
  from: string;
  to: string;
  scenario?: string[];
  measure: Measure;
  modes: ModeFilter;
  reading: Reading;
  format: "table" | "json" | "md" | "csv";
  out?: string;
  wait: string;
}

/** A route as a legs table (text or Markdown) with a total line. */
export function renderRoute(scenarioId: string, r: RouteResult, format: "table" | "md"): string {
  const title = `${scenarioId}: ${r.from} → ${r.to} (${r.reading})`;
  if (r.status !== "ok") {
    const why = {
      "no-route": "no route",
      "no-station": "no station serves one of the places",
      "same-station": `both places are served by station ${r.fromStation} (0 min)`,
    }[r.status];
    return `${title}: ${why}\n`;
  }
  const rows = r.legs.map((l) => [
    l.kind,
    l.mode,
    l.line,
    `${l.from} → ${l.to}`,
    formatMinutes(l.waitMin),
    formatMinutes(l.transferMin),
    formatMinutes(l.inVehicleMin),
    formatMinutes(l.accessMin + l.egressMin),
    formatMinutes(l.timeMin),
    l.projects.join(" "),
  ]);
  rows.push(["total", "", "", "", "", "", "", "", formatMinutes(r.timeMin), ""]);
  const heading = format === "md" ? `### ${title}\n\n` : `${title} (${formatMinutes(r.timeMin)} min)\n`;
  return (
    heading +
    renderTable(
      ["leg", "mode", "line", "from → to", "wait", "transfer", "in vehicle", "access/egress", "min", "projects"],
      rows,
      format,
      ["left", "left", "left", "left", "right", "right", "right", "right", "right", "left"],
    )
  );
}

/**
 * Routes as CSV: one row per leg (minutes, 3 decimals), the scenario and status on every row; a
 * scenario without a route has one row with its status and empty leg fields.
 */
export function routesCsv(routes: readonly { scenario: string; route: RouteResult }[]): string {
  const head = ["scenario", "from", "to", "status", "total_min", "leg", "kind", "mode", "line", "leg_from", "leg_to", "wait_min", "transfer_min", "in_vehicle_min", "access_egress_min", "leg_min", "projects"];
  const lines = [head.join(",")];
  for (const { scenario, route: r } of routes) {
    const common = [scenario, r.from, r.to, r.status, r.timeMin];
    if (r.legs.length === 0) lines.push([...common, "", "", "", "", "", "", "", "", "", "", "", ""].map((v) => csvCell(v)).join(","));
    r.legs.forEach((l, i) => {
      lines.push([...common, i + 1, l.kind, l.mode, l.line, l.from, l.to, l.waitMin, l.transferMin, l.inVehicleMin, l.accessMin + l.egressMin, l.timeMin, l.projects.join(" ")].map((v) => csvCell(v)).join(","));
    });
  }
  return `${lines.join("\n")}\n`;
}

/** Registers `qiwan route --from --to`. */
export const registerRoute: RegisterCommand = (program, ctx) => {
  program
    .command("route")
    .description("fastest route between two places, leg by leg (wait, transfer, in-vehicle, access/egress minutes)")
    .requiredOption("--from <place>", "origin: a place id or name (綦江, Wansheng; see qiwan places)")
    .requiredOption("--to <place>", "destination: a place id or name")
    .option("--scenario <ids>", "scenario ids, comma-separated or repeated (default: all)", listOption)
    .addOption(
      new Option("--measure <measure>", "door-to-door or station-to-station").choices(MEASURES).default("door-to-door"),
    )
    .addOption(new Option("--modes <modes>", "modes allowed").choices(MODE_FILTERS).default("multimodal"))
    .addOption(readingOption(DEFAULT_READING))
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv", "md"]).default("table"))
    .option("--wait <rule>", WAIT_HELP, "half-headway")
    .option("--out <file>", "write the output to a file (atomically) instead of stdout")
    .action(async (opts: RouteCommandOptions) => {
      const wait = parseWait(opts.wait);
      const network = await ctx.network();
      const from = resolvePlace(network, opts.from, "--from").id;
      const to = resolvePlace(network, opts.to, "--to").id;
      const scenarios = opts.scenario
        ? requireIds("scenario", opts.scenario, network.scenarioById, "--scenario")
        : network.scenarios.map((s) => s.id);
      const model = modelOrExit(network, { wait });
      const results = scenarios.map((scenario) => ({
        scenario,
        route: findRoute(model, from, to, { scenario, measure: opts.measure, modes: opts.modes, reading: opts.reading }),
      }));
      const text =
        opts.format === "json"
          ? JSON.stringify(
              { network: network.id, measure: opts.measure, modes: opts.modes, reading: opts.reading, routes: results },
              null,
              2,
            ) + "\n"
          : opts.format === "csv"
            ? routesCsv(results)
            : results.map((r) => renderRoute(r.scenario, r.route, opts.format === "md" ? "md" : "table")).join("\n");
      if (opts.out) await writeOut(opts.out, text);
      else ctx.io.stdout.write(text);
    });
};
