/**
 * `--timetable` for `qiwan check` and `qiwan isochrone`: the flags, their parsing, and the timetable
 * variant of `check` (table, JSON, CSV, Markdown). Without `--timetable` the commands are unchanged.
 */
import { Option, type Command } from "commander";
import {
  checkTargetsTimetable,
  DEFAULT_MAX_RIDES,
  DEFAULT_TIMETABLE_WINDOW,
  formatMinutes,
  formatSecs,
  loadGtfs,
  modelNodeIsochrone,
  modelPolygonIsochrone,
  parseClockSecs,
  parseWindow,
  renderTargetsMarkdown,
  targetsCsv,
  TIMETABLE_STATISTICS,
  TimetableError,
  timetableNodeIsochrone,
  timetablePolygonIsochrone,
  type DepartureWindow,
  type FeedInput,
  type IsochroneRequest,
  type Measure,
  type Network,
  type NodeIsochroneBand,
  type PolygonIsochrone,
  type SurfaceOptions,
  type TimetableStatistic,
  type TimetableTargetResult,
  type TravelTimeModel,
} from "../../node.js";
import { createColour, type Colour } from "../colour.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT } from "../exit.js";
import { renderTable } from "../format.js";
import { renderVerdictText } from "./verdict-text.js";

/** The flags `--timetable` adds. */
export interface TimetableFlags {
  readonly timetable?: boolean;
  readonly depart?: string;
  readonly window?: string;
  readonly statistic?: TimetableStatistic;
  readonly gtfs?: string;
  readonly gtfsDate?: string;
  readonly maxRides?: string;
}

/** Adds `--timetable`, `--depart`, `--window`, `--statistic`, `--gtfs`, `--gtfs-date`, `--max-rides` to a command. */
export function addTimetableOptions(command: Command, defaultWindow = "07:00-09:00"): Command {
  return command
    .option("--timetable", "route on the scenario's timetable (services as trips every headway, 06:00-23:00) instead of the frequency model")
    .option("--depart <HH:MM>", "with --timetable: one departure time")
    .option("--window <HH:MM-HH:MM>", `with --timetable: departure window, every minute (default ${defaultWindow})`)
    .addOption(new Option("--statistic <stat>", "with --timetable: statistic of the window's travel times that counts (default p50)").choices(TIMETABLE_STATISTICS))
    .option("--gtfs <path>", "with --timetable: also use this GTFS feed (folder or .zip); stops join places by id or within 500 m")
    .option("--gtfs-date <YYYYMMDD>", "with --gtfs: service date of the feed (default: every trip)")
    .option("--max-rides <n>", "with --timetable: most vehicles per journey (default 8)");
}

/** Parsed timetable flags; `undefined` without `--timetable` (other timetable flags then are a usage error). */
export async function parseTimetableFlags(
  flags: TimetableFlags,
): Promise<{ window: DepartureWindow; statistic: TimetableStatistic; maxRides?: number; gtfs?: FeedInput } | undefined> {
  if (!flags.timetable) {
    const stray = (["depart", "window", "statistic", "gtfs", "gtfsDate", "maxRides"] as const).find((k) => flags[k] !== undefined);
    if (stray !== undefined) throw new CliError(`--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --timetable`, EXIT.USAGE);
    return undefined;
  }
  if (flags.depart !== undefined && flags.window !== undefined) throw new CliError("give --depart or --window, not both", EXIT.USAGE);
  try {
    let window = DEFAULT_TIMETABLE_WINDOW;
    if (flags.depart !== undefined) {
      const t = parseClockSecs(flags.depart, "--depart");
      window = { windowStartSecs: t, windowEndSecs: t, stepSecs: 60 };
    } else if (flags.window !== undefined) window = parseWindow(flags.window, "--window");
    let maxRides: number | undefined;
    if (flags.maxRides !== undefined) {
      maxRides = Number(flags.maxRides);
      if (!(Number.isInteger(maxRides) && maxRides >= 0 && maxRides <= 100)) throw new TimetableError(`--max-rides ${JSON.stringify(flags.maxRides)} must be a whole number 0..100`);
    }
    let gtfs: FeedInput | undefined;
    if (flags.gtfs !== undefined) gtfs = { timetable: await loadGtfs(flags.gtfs, flags.gtfsDate === undefined ? {} : { serviceDate: flags.gtfsDate }) };
    return { window, statistic: flags.statistic ?? "p50", ...(maxRides !== undefined && { maxRides }), ...(gtfs && { gtfs }) };
  } catch (err) {
    if (err instanceof TimetableError) throw new CliError(err.message, EXIT.USAGE);
    if (err instanceof Error && err.name === "GtfsValidationError") throw new CliError(`--gtfs ${flags.gtfs}: ${err.message.replace(/\n\s*/g, "; ")}`, EXIT.BAD_DATA);
    throw err;
  }
}

/** The timetable check table: one row per pair with p5 / p50 / p95 / best, the frequency time and the result. */
export function renderTimetableCheckTable(results: readonly TimetableTargetResult[], colour: Colour): string {
  const rows: string[][] = [];
  const statuses: string[] = [];
  for (const r of results) {
    for (const p of r.pairs) {
      statuses.push(p.status);
      const t = p.timetable;
      rows.push([
        r.scenarioId,
        r.targetId,
        r.measure,
        `${p.origin} → ${p.destination}`,
        formatMinutes(t.p5Min),
        formatMinutes(t.p50Min),
        formatMinutes(t.p95Min),
        formatMinutes(t.bestMin),
        formatMinutes(t.frequencyMin),
        `${r.comparison} ${formatMinutes(r.thresholdMin)}`,
        formatMinutes(p.marginMin),
        p.status === "fail" ? "FAIL" : p.status,
      ]);
    }
  }
  const table = renderTable(
    ["scenario", "target", "measure", "from → to", "p5", "p50", "p95", "best", "frequency", "threshold", "margin", "result"],
    rows,
    "table",
    ["left", "left", "left", "left", "right", "right", "right", "right", "right", "right", "right", "left"],
  );
  const lines = table.split("\n");
  const start = lines[0]!.lastIndexOf("result");
  return lines
    .map((line, i) => {
      const status = statuses[i - 2];
      if (status === undefined) return line;
      const word = status === "fail" ? "FAIL" : status;
      const paint = status === "pass" ? colour.green : status === "fail" ? colour.red : colour.yellow;
      return line.slice(0, start) + paint(word) + line.slice(start + word.length);
    })
    .join("\n");
}

/**
 * Runs `qiwan check --timetable` and returns the text to print plus whether any pair failed;
 * `undefined` without `--timetable` (after rejecting timetable flags given without it).
 */
export async function runTimetableCheck(
  ctx: CliContext,
  network: Network,
  model: TravelTimeModel,
  opts: TimetableFlags & { scenario: string[]; target: string[]; measure?: Measure; format: string; out?: string; detail?: boolean },
): Promise<{ text: string; markdown: () => string; failed: boolean } | undefined> {
  const parsed = await parseTimetableFlags(opts);
  if (parsed === undefined) return undefined;
  let results: TimetableTargetResult[];
  try {
    results = checkTargetsTimetable(network, {
      model,
      scenarios: opts.scenario,
      targets: opts.target,
      ...(opts.measure && { measures: [opts.measure] }),
      window: parsed.window,
      statistic: parsed.statistic,
      ...(parsed.maxRides !== undefined && { maxRides: parsed.maxRides }),
      ...(parsed.gtfs && { gtfs: parsed.gtfs }),
    });
  } catch (err) {
    if (err instanceof TimetableError) throw new CliError(err.message, EXIT.USAGE);
    throw err;
  }
  const first = results[0]?.timetable;
  const intro = [
    `Generated by \`qiwan check --timetable\` from network \`${network.id}\` (statuses as of ${network.asOf}).`,
    `Each scenario's services run as synthetic trips every headway from 06:00 to 23:00 with the model's running, dwell and transfer times; travel times are sampled at every minute of the departure window ${first?.windowStart ?? ""}–${first?.windowEnd ?? ""} (initial wait included), and **${parsed.statistic}** decides pass/fail. "frequency" is the frequency model's time (half-headway waits).`,
  ].join("\n");
  const markdown = () => renderTargetsMarkdown(network, results, intro);
  let text: string;
  switch (opts.format) {
    case "json":
      text = `${JSON.stringify({ network: network.id, timetable: { ...first, statistic: parsed.statistic }, results }, null, 2)}\n`;
      break;
    case "csv":
      text = timetableCsv(results);
      break;
    case "md":
      text = markdown();
      break;
    default: {
      const colour = opts.out ? createColour(false) : ctx.colour;
      const source = `timetable, ${parsed.statistic} of departures ${first?.windowStart ?? ""}–${first?.windowEnd ?? ""}`;
      text = renderVerdictText(network, results, source, colour);
      if (opts.detail) text += `\nDetail:\n\n${renderTimetableCheckTable(results, colour)}`;
    }
  }
  return { text, markdown, failed: results.some((r) => r.pairs.some((p) => !p.met)) };
}

/** The model's CSV plus `p5_min, p50_min, p95_min, best_min, frequency_min, statistic, window` columns. */
function timetableCsv(results: readonly TimetableTargetResult[]): string {
  const base = targetsCsv(results).trimEnd().split("\n");
  const extra = results.flatMap((r) =>
    r.pairs.map((p) => {
      const t = p.timetable;
      const n = (v: number | null) => (v === null ? "" : String(Math.round(v * 100) / 100));
      return [n(t.p5Min), n(t.p50Min), n(t.p95Min), n(t.bestMin), n(t.frequencyMin), t.statistic, `${t.windowStart}-${t.windowEnd}`].join(",");
    }),
  );
  return `${[`${base[0]},p5_min,p50_min,p95_min,best_min,frequency_min,statistic,window`, ...base.slice(1).map((line, i) => `${line},${extra[i]}`)].join("\n")}\n`;
}

/** Parsed `--timetable` settings (see {@link parseTimetableFlags}). */
export type TimetableSettings = NonNullable<Awaited<ReturnType<typeof parseTimetableFlags>>>;

/** Node bands for `qiwan isochrone`: the frequency model's, or with `--timetable` the timetable's. */
export function isochroneNodeBands(model: TravelTimeModel, request: IsochroneRequest, tt: TimetableSettings | undefined): NodeIsochroneBand[] {
  return tt === undefined ? modelNodeIsochrone(model, request) : timetableNodeIsochrone(model, { ...request, ...tt });
}

/** Polygon bands for `qiwan isochrone`: the frequency model's, or with `--timetable` the timetable's. */
export function isochronePolygon(
  model: TravelTimeModel,
  request: IsochroneRequest,
  options: SurfaceOptions,
  tt: TimetableSettings | undefined,
): PolygonIsochrone {
  return tt === undefined ? modelPolygonIsochrone(model, request, options) : timetablePolygonIsochrone(model, { ...request, ...tt }, options);
}

/** What `qiwan isochrone --timetable --format json` prints under `timetable`. */
export function timetableSummary(tt: TimetableSettings): { statistic: TimetableStatistic; windowStart: string; windowEnd: string; maxRides: number; gtfs: boolean } {
  return {
    statistic: tt.statistic,
    windowStart: formatSecs(tt.window.windowStartSecs),
    windowEnd: formatSecs(tt.window.windowEndSecs),
    maxRides: tt.maxRides ?? DEFAULT_MAX_RIDES,
    gtfs: tt.gtfs !== undefined,
  };
}
