/**
 * `qiwan places [query]`: the network's places with their ids, names and kinds, so that ids can be
 * found; a query filters them the way every place argument is matched (id, then name).
 */
import { Option } from "commander";
import { findPlaces, type Place } from "../../index.js";
import type { RegisterCommand } from "../context.js";
import { EXIT } from "../exit.js";
import { csvCell, renderTable } from "../format.js";
import { writeOut } from "./model-support.js";

/** Output formats of `qiwan places`. */
export const PLACES_FORMATS = ["table", "json", "csv", "md"] as const;

const HEADERS = ["id", "kind", "name (zh)", "name (en)", "population", "region"];

function row(p: Place): string[] {
  return [p.id, p.kind, p.name.zh, p.name.en, p.population === undefined ? "" : String(p.population.value), p.region ?? ""];
}

/** Registers `qiwan places`. */
export const registerPlaces: RegisterCommand = (program, ctx) => {
  program
    .command("places")
    .description("list the network's places (id, kind, names); with a query, those it matches")
    .argument("[query]", "an id or a Chinese or English name, or its beginning (綦江, Wansheng)")
    .addOption(new Option("--kind <kind>", "only places of this kind (city, town, station, ...)"))
    .addOption(new Option("--format <format>", "output format").choices(PLACES_FORMATS).default("table"))
    .option("--out <file>", "write the output to a file (atomically) instead of stdout")
    .addHelpText(
      "after",
      "\nEvery command that takes a place (--from, --to, --places) accepts its id or an unambiguous name;\n" +
        "a name that matches several places is a usage error (exit 2) listing them. Exit 1 when nothing matches.",
    )
    .action(async (query: string | undefined, opts: { kind?: string; format: (typeof PLACES_FORMATS)[number]; out?: string }) => {
      const network = await ctx.network();
      const places = findPlaces(network, query ?? "").filter((p) => opts.kind === undefined || p.kind === opts.kind);
      let text: string;
      switch (opts.format) {
        case "json":
          text = `${JSON.stringify(places.map((p) => ({ id: p.id, kind: p.kind, name: p.name, population: p.population?.value ?? null, region: p.region ?? null, coord: p.coord })), null, 2)}\n`;
          break;
        case "csv":
          text = `${["id", "kind", "name_zh", "name_en", "population", "region"].join(",")}\n${places.map((p) => row(p).map(csvCell).join(",")).join("\n")}${places.length > 0 ? "\n" : ""}`;
          break;
        default:
          text = renderTable(HEADERS, places.map(row), opts.format, ["left", "left", "left", "left", "right", "left"]);
      }
      if (opts.out) await writeOut(opts.out, text);
      else ctx.io.stdout.write(text);
      if (places.length === 0) {
        ctx.io.stderr.write(`qiwan: no place matches ${JSON.stringify(query ?? "")}${opts.kind ? ` of kind ${opts.kind}` : ""}\n`);
        ctx.exitCode = EXIT.TARGETS_FAILED;
      }
    });
};
