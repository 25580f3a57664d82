/**
 * `qiwan isochrone`: node and polygon isochrones from one or more places, as GeoJSON, SVG, PNG or JSON.
 */
import { Option } from "commander";
import {
  buildModel,
  DEFAULT_READING,
  formatCutoffMin,
  MEASURES,
  meshRoads,
  networkLayers,
  renderMapSvg,
  requirePlace,
  resolveScenario,
  svgToPng,
  type IsochroneRequest,
  type Measure,
  type ModeFilter,
  type Reading,
} from "../../node.js";
import { mapBoundaries } from "./map.js";
import { readingOption } from "./model-support.js";
import type { RegisterCommand } from "../context.js";
import { CliError, EXIT } from "../exit.js";
import { asUsage, parseMinutes, parseOrigins, resolveOrigins, surfaceOptions, writeOutput, type CliFlagsByKind, type SurfaceFlags } from "./isochrone-args.js";
import { addTimetableOptions, isochroneNodeBands, isochronePolygon, parseTimetableFlags, timetableSummary, type TimetableFlags } from "./timetable-args.js";

/** Flags that carry ids, named in "unknown id" messages. */
const ISO_FLAGS: CliFlagsByKind = { place: "--from", scenario: "--scenario" };

/** Output formats of `qiwan isochrone`. */
export const ISOCHRONE_FORMATS = ["geojson", "svg", "png", "json"] as const;

interface IsochroneFlags extends SurfaceFlags, TimetableFlags {
  readonly from: string;
  readonly minutes: string;
  readonly scenario: string;
  readonly measure: Measure;
  readonly modes: ModeFilter;
  readonly reading: Reading;
  readonly format: (typeof ISOCHRONE_FORMATS)[number];
  readonly out?: string;
}

/** Registers `qiwan isochrone`. */
export const registerIsochrone: RegisterCommand = (program, ctx) => {
  addTimetableOptions(program.command("isochrone"))
    .description("places reached and areas within each travel time from one or more origins, for a scenario")
    .requiredOption("--from <places>", "origin places (ids or names), comma-separated; ID+MIN starts that origin MIN minutes later")
    .requiredOption("--scenario <id>", "scenario id (see qiwan info)")
    .option("--minutes <list>", "cutoffs in minutes, comma-separated", "30,60,120")
    .addOption(new Option("--measure <measure>", "door-to-door or station-to-station").choices(MEASURES).default("door-to-door"))
    .addOption(new Option("--modes <modes>", "modes allowed").choices(["multimodal", "rail", "road"]).default("multimodal"))
    .addOption(readingOption(DEFAULT_READING))
    .addOption(new Option("--format <format>", "geojson (bands), svg or png (map), json (places reached)").choices(ISOCHRONE_FORMATS).default("geojson"))
    .option("--out <file>", "write here (atomically) instead of stdout; required for png")
    .option("--cell-m <metres>", "grid cell size in metres (default: automatic, 250 m for a region)")
    .option("--access-kmh <kmh>", "off-network speed, km/h (default 15)")
    .option("--circuity <ratio>", "off-network road distance / straight line (default 1.3)")
    .option("--max-access-min <min>", "longest off-network leg, minutes (default 30; 20 door-to-door over a town mesh)")
    .addHelpText(
      "after",
      "\nA place is reached within a cutoff when its time is <= the cutoff. Bands are GeoJSON MultiPolygons\n" +
        "([lon, lat], RFC 7946), one Feature per cutoff, largest first; see the README, section GeoJSON output.",
    )
    .action(async (flags: IsochroneFlags) => {
      let origins = parseOrigins(flags.from);
      const cutoffsMin = parseMinutes(flags.minutes);
      const timetable = await parseTimetableFlags(flags);
      if (flags.format === "png" && flags.out === undefined) {
        throw new CliError("--format png needs --out FILE (a PNG is not written to the terminal)", EXIT.USAGE);
      }
      const network = await ctx.network();
      const scenario = asUsage(() => resolveScenario(network, flags.scenario), ISO_FLAGS);
      const model = buildModel(network);
      origins = resolveOrigins(network, origins);
      const request: IsochroneRequest = { origins, scenario: flags.scenario, cutoffsMin, measure: flags.measure, modes: flags.modes, reading: flags.reading };
      let output: string | Uint8Array;
      if (flags.format === "json") {
        const bands = asUsage(() => isochroneNodeBands(model, request, timetable), ISO_FLAGS);
        output = `${JSON.stringify(
          {
            scenario: flags.scenario,
            measure: flags.measure,
            // A timetable's statistic is its reading (best: scheduled); otherwise the flag's.
            reading: timetable ? (timetable.statistic === "best" ? "scheduled" : "typical") : flags.reading,
            modes: flags.modes,
            origins,
            ...(timetable && { timetable: timetableSummary(timetable) }),
            bands: bands.map((b) => ({
              cutoffMin: b.cutoffMin,
              reached: b.reached.map((r) => {
                const p = network.placeById.get(r.id)!;
                return { id: r.id, kind: p.kind, name: p.name, timeMin: Math.round((r.timeSecs / 60) * 100) / 100 };
              }),
            })),
          },
          null,
          2,
        )}\n`;
      } else {
        const iso = asUsage(() => isochronePolygon(model, request, surfaceOptions(flags), timetable), ISO_FLAGS);
        if (flags.format === "geojson") output = `${JSON.stringify(iso.collection)}\n`;
        else {
          const names = origins.map((o) => network.placeById.get(o.placeId)?.name.en ?? o.placeId).join(", ");
          const svg = renderMapSvg({
            title: `${scenario.scenario.name.en} ${scenario.scenario.name.zh}`,
            subtitle: `${flags.measure} (${timetable ? `timetable ${timetable.statistic}` : flags.reading}) from ${names}, ${flags.modes}; bands ≤ ${cutoffsMin.map(formatCutoffMin).join(", ")}`,
            layers: networkLayers(network, scenario, { boundaries: await mapBoundaries(network), roads: meshRoads(network) }),
            bands: iso.collection,
            origins: origins.map((o, i) => requirePlace(network, o.placeId, `--from[${i}]`).coord),
          });
          if (flags.format === "svg") output = svg;
          else {
            const png = await svgToPng(svg);
            for (const w of png.warnings) ctx.io.stderr.write(`qiwan: warning: ${w}\n`);
            output = png.png;
          }
        }
      }
      if (flags.out === undefined) ctx.io.stdout.write(output as string);
      else {
        await writeOutput(flags.out, output);
        ctx.io.stderr.write(`qiwan: wrote ${flags.out}\n`);
      }
    });
};
