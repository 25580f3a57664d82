/**
 * `qiwan calibrate`: compare the model with a calibration set of published and data-derived travel
 * times (rail station to station, road door to door) and report ratio, legs and cause per row.
 */
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Option } from "commander";
import {
  CalibrationFileError,
  calibrationReportCsv,
  embeddedNetworkPath,
  evaluateCalibration,
  parseCalibrationCsv,
  renderCalibrationMarkdown,
  type CalibrationRow,
} from "../../node.js";
import type { RegisterCommand } from "../context.js";
import { CliError, EXIT } from "../exit.js";
import { modelOrExit, requireIds, writeOut } from "./model-support.js";

/** Output formats of `qiwan calibrate`. */
export const CALIBRATE_FORMATS = ["md", "json", "csv"] as const;

/** File name of a network folder's own calibration set. */
export const CALIBRATION_FILE = "calibration.csv";

interface CalibrateOptions {
  calibration?: string;
  scenario?: string;
  format: (typeof CALIBRATE_FORMATS)[number];
  out?: string;
}

/** The calibration set to use: `--calibration`, else `calibration.csv` in the network's folder. */
function calibrationPath(given: string | undefined, network: string | undefined): string {
  if (given !== undefined) return given;
  const folder = network === undefined ? embeddedNetworkPath() : existsSync(network) && statSync(network).isDirectory() ? network : undefined;
  const candidate = folder === undefined ? undefined : path.join(folder, CALIBRATION_FILE);
  if (candidate === undefined || !existsSync(candidate))
    throw new CliError(
      `no calibration set: the network${network === undefined ? "" : ` ${network}`} has no ${CALIBRATION_FILE}; pass --calibration FILE (columns id,mode,from,to,minutes,kind,reading,asOf,source,note)`,
      EXIT.USAGE,
    );
  return candidate;
}

/** Registers `qiwan calibrate`. */
export const registerCalibrate: RegisterCommand = (program, ctx) => {
  program
    .command("calibrate")
    .description("compare the model with published travel times: ratio, legs and cause per row, share within tolerance (rail ±10 %, road ±20 %)")
    .option("--calibration <file>", `calibration CSV (default: ${CALIBRATION_FILE} in the network's folder)`)
    .option("--scenario <id>", "evaluate every row in this scenario (default: each row on the network of its date: the projects existing by the year of its asOf)")
    .addOption(new Option("--format <format>", "output format").choices(CALIBRATE_FORMATS).default("md"))
    .option("--out <file>", "write the report to a file (atomically) instead of stdout")
    .addHelpText(
      "after",
      "\nRail rows are timed station to station by rail only, road rows door to door by road only, each under its row's reading (published times: scheduled, no wait at the first boarding).\nExit codes: 0 ok, 2 bad arguments or missing calibration file, 3 bad network or bad calibration rows (nothing is written).",
    )
    .action(async (opts: CalibrateOptions) => {
      const network = await ctx.network();
      if (opts.scenario !== undefined) requireIds("scenario", [opts.scenario], network.scenarioById, "--scenario");
      const file = calibrationPath(opts.calibration, ctx.options.network);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (err) {
        throw new CliError(`cannot read --calibration ${file}: ${err instanceof Error ? err.message : String(err)}`, EXIT.USAGE);
      }
      let rows: CalibrationRow[];
      let report;
      try {
        rows = parseCalibrationCsv(text, file);
        const model = modelOrExit(network);
        report = evaluateCalibration(model, rows, { file, ...(opts.scenario === undefined ? {} : { scenario: opts.scenario }) });
      } catch (err) {
        if (err instanceof CalibrationFileError) throw new CliError(err.message, EXIT.BAD_DATA);
        throw err;
      }
      const shown = path.relative(process.cwd(), file) || file;
      const output =
        opts.format === "json"
          ? JSON.stringify(report, null, 2) + "\n"
          : opts.format === "csv"
            ? calibrationReportCsv(report)
            : renderCalibrationMarkdown(report, shown.startsWith("..") ? path.basename(file) : shown);
      if (opts.out === undefined) {
        ctx.io.stdout.write(output);
        return;
      }
      await writeOut(opts.out, output);
      const summary = report.summaries
        .filter((s) => s.rows > 0)
        .map((s) => `${s.mode} ${s.rows} rows, ${(s.withinTolerance * 100).toFixed(0)} % within ±${Math.round(s.tolerance * 100)} %`)
        .join("; ");
      ctx.io.stderr.write(`qiwan: wrote ${opts.out} (${summary})\n`);
    });
};
