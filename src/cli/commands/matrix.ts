/**
 * `qiwan matrix`: travel times between places (rows: origins, columns: destinations), CSV or JSON.
 */
import { Option } from "commander";
import {
  DEFAULT_READING,
  MEASURES,
  Query,
  resolvePlace,
  type Measure,
  type ModeFilter,
  type Reading,
} from "../../node.js";
import { csvCell } from "../format.js";
import type { RegisterCommand } from "../context.js";
import { EXIT } from "../exit.js";
import { createProgress } from "../progress.js";
import { listOption, modelOrExit, parseWait, readingOption, requireIds, WAIT_HELP, writeOut } from "./model-support.js";

interface MatrixOptions {
  scenario?: string;
  places?: string[];
  measure: Measure;
  modes: ModeFilter;
  reading: Reading;
  format: "csv" | "json";
  out?: string;
  wait: string;
}

/** Registers `qiwan matrix`. */
export const registerMatrix: RegisterCommand = (program, ctx) => {
  program
    .command("matrix")
    .description("travel-time matrix between places (minutes; rows are origins, columns destinations)")
    .option("--scenario <id>", "scenario id (default: the network's first scenario)")
    .option(
      "--places <ids>",
      "place ids, comma-separated or repeated (default: every place that is not a road node)",
      listOption,
    )
    .addOption(
      new Option("--measure <measure>", "door-to-door or station-to-station").choices(MEASURES).default("door-to-door"),
    )
    .addOption(
      new Option("--modes <modes>", "modes allowed").choices(["multimodal", "rail", "road"]).default("multimodal"),
    )
    .addOption(readingOption(DEFAULT_READING))
    .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("csv"))
    .option("--wait <rule>", WAIT_HELP, "half-headway")
    .option("--out <file>", "write the output to a file (atomically) instead of stdout")
    .action(async (opts: MatrixOptions) => {
      const wait = parseWait(opts.wait);
      const network = await ctx.network();
      const scenario = opts.scenario
        ? requireIds("scenario", [opts.scenario], network.scenarioById, "--scenario")[0]!
        : network.scenarios[0]?.id;
      if (scenario === undefined) {
        ctx.io.stderr.write("qiwan: the network has no scenarios\n");
        ctx.exitCode = EXIT.BAD_DATA;
        return;
      }
      const places = opts.places
        ? opts.places.map((p, i) => resolvePlace(network, p, `--places[${i}]`).id)
        : network.places.filter((p) => p.kind !== "node").map((p) => p.id);
      const model = modelOrExit(network, { wait });
      const progress = createProgress(ctx.io.stderr, { total: places.length, label: "matrix" });
      let secs: Float64Array;
      try {
        ({ secs } = new Query(model).placeMatrix(places, places, {
          selection: scenario,
          measure: opts.measure,
          modes: opts.modes,
          reading: opts.reading,
          onProgress: (done) => progress.update(done),
        }));
      } finally {
        progress.done();
      }
      // Minutes; null when unreachable (or, station-to-station, when a place has no station).
      const n = places.length;
      const rows = places.map((_, i) => Array.from(secs.subarray(i * n, (i + 1) * n), (s) => (s < Infinity ? s / 60 : null)));
      const text =
        opts.format === "json"
          ? JSON.stringify({
              network: network.id,
              scenario,
              measure: opts.measure,
              modes: opts.modes,
              reading: opts.reading,
              places,
              timesMin: rows,
            }) + "\n"
          : [
              // The corner cell states what the numbers are: minutes under the reading used.
              [`origin (${opts.reading} minutes)`, ...places].map(csvCell).join(","),
              ...rows.map((row, i) => [places[i]!, ...row].map(csvCell).join(",")),
            ].join("\n") + "\n";
      if (opts.out) await writeOut(opts.out, text);
      else ctx.io.stdout.write(text);
    });
};
