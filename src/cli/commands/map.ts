/**
 * `qiwan map`: an SVG or PNG map of the network for a scenario, optionally with isochrones, or a
 * comparison of two scenarios (A, B, and the area newly within each cutoff in B).
 */
import path from "node:path";
import {
  buildModel,
  formatCutoffMin,
  modelIsochroneDifference,
  modelPolygonIsochrone,
  meshRoads,
  networkLayers,
  readNetworkBoundaries,
  renderMapSvg,
  renderPanelsSvg,
  requirePlace,
  resolveScenario,
  svgToPng,
  type Boundaries,
  type Network,
} from "../../node.js";
import { Option } from "commander";
import type { RegisterCommand } from "../context.js";
import { preferNewFlag } from "../deprecated.js";
import { CliError, EXIT } from "../exit.js";
import { asUsage, checkOutputFolder, parseMinutes, parseOrigins, resolveOrigins, surfaceOptions, writeOutput, type SurfaceFlags } from "./isochrone-args.js";

interface MapFlags extends SurfaceFlags {
  readonly scenario?: string;
  readonly from?: string;
  /** Deprecated spelling of `from`. */
  readonly isochroneFrom?: string;
  readonly minutes: string;
  readonly compare?: string[];
  readonly out: string;
  readonly format?: "svg" | "png";
  /** Deprecated: `--format png`. */
  readonly png?: boolean;
  readonly geojson?: string;
}

/**
 * The province boundaries stored beside the network (`boundaries.geojson`), drawn under every map;
 * none for a network without that file. A malformed file is bad data (exit 3).
 */
export async function mapBoundaries(network: Network): Promise<Boundaries> {
  try {
    return await readNetworkBoundaries(network);
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.BAD_DATA);
  }
}

/** Registers `qiwan map`. */
export const registerMap: RegisterCommand = (program, ctx) => {
  program
    .command("map")
    .description("draw the network (links by mode and status, places), optionally with isochrones or a scenario comparison")
    .requiredOption("--out <file>", "SVG or PNG file to write, atomically")
    .addOption(new Option("--format <format>", "svg or png (default: from the --out name, else svg)").choices(["svg", "png"]))
    .option("--scenario <id>", "draw only this scenario's links (default: every link of the network)")
    .option("--from <places>", "add isochrone bands from these origin places (ids or names, comma-separated, ID+MIN for a later start)")
    .addOption(new Option("--isochrone-from <places>", "deprecated spelling of --from").hideHelp())
    .option("--minutes <list>", "isochrone cutoffs in minutes", "30,60,120")
    .option("--compare <scenarios...>", "two scenario ids A B: panels for A, B and the area newly within each cutoff in B (needs --from)")
    .option("--geojson <file>", "with --compare: also write the gained and lost areas as GeoJSON")
    .addOption(new Option("--png", "deprecated spelling of --format png").hideHelp())
    .option("--cell-m <metres>", "grid cell size in metres (default: automatic)")
    .option("--access-kmh <kmh>", "off-network speed, km/h (default 15)")
    .option("--circuity <ratio>", "off-network circuity (default 1.3)")
    .option("--max-access-min <min>", "longest off-network leg, minutes (default 30; 20 door-to-door over a town mesh)")
    .action(async (given: MapFlags) => {
      const from = preferNewFlag(ctx.io, "--isochrone-from", given.isochroneFrom, "--from", given.from);
      const format = preferNewFlag<"svg" | "png">(ctx.io, "--png", given.png === true ? "png" : undefined, "--format", given.format);
      const flags = { ...given, from, format };
      const ext = path.extname(flags.out).toLowerCase();
      if (ext !== "" && ext !== ".svg" && ext !== ".png") {
        throw new CliError(`--out ${flags.out}: a map is written as .svg or .png; give a file name ending in one of them`, EXIT.USAGE);
      }
      if (flags.format !== undefined && ext !== "" && ext !== `.${flags.format}`) {
        throw new CliError(`--format ${flags.format} with --out ${flags.out}: name the file .${flags.format}, or give --format ${ext.slice(1)}`, EXIT.USAGE);
      }
      if (flags.geojson !== undefined && flags.compare === undefined) {
        throw new CliError("--geojson writes the areas gained and lost between two scenarios: it needs --compare A B", EXIT.USAGE);
      }
      checkOutputFolder(flags.out);
      if (flags.geojson !== undefined) checkOutputFolder(flags.geojson, "--geojson");
      const network = await ctx.network();
      const extras = { boundaries: await mapBoundaries(network), roads: meshRoads(network) };
      const cutoffsMin = parseMinutes(flags.minutes);
      const origins = flags.from === undefined ? undefined : resolveOrigins(network, parseOrigins(flags.from, "--from"));
      const originCoords = () => (origins ?? []).map((o, i) => requirePlace(network, o.placeId, `--from[${i}]`).coord);
      const names = (origins ?? []).map((o) => network.placeById.get(o.placeId)?.name.en ?? o.placeId).join(", ");
      let svg: string;
      if (flags.compare !== undefined) {
        if (flags.compare.length !== 2) {
          throw new CliError(`--compare takes two scenario ids A B, got ${flags.compare.length}: ${flags.compare.join(" ")}`, EXIT.USAGE);
        }
        if (origins === undefined) throw new CliError("--compare needs --from PLACES (whose isochrones to compare)", EXIT.USAGE);
        const [a, b] = flags.compare as [string, string];
        const sa = asUsage(() => resolveScenario(network, a), { scenario: "--compare" });
        const sb = asUsage(() => resolveScenario(network, b), { scenario: "--compare" });
        const model = buildModel(network);
        const d = asUsage(() =>
          modelIsochroneDifference(model, { origins, scenarioA: a, scenarioB: b, cutoffsMin }, surfaceOptions(flags)),
        { place: "--from", scenario: "--compare" });
        const coords = originCoords();
        const sub = `door-to-door from ${names}`;
        svg = renderPanelsSvg([
          { title: `${sa.scenario.name.en} ${sa.scenario.name.zh}`, subtitle: sub, layers: networkLayers(network, sa, extras), bands: d.a.collection, origins: coords },
          { title: `${sb.scenario.name.en} ${sb.scenario.name.zh}`, subtitle: sub, layers: networkLayers(network, sb, extras), bands: d.b.collection, origins: coords },
          {
            title: `${b} vs ${a}`,
            subtitle: `newly within ${cutoffsMin.map(formatCutoffMin).join(", ")} (outline: ${a})`,
            layers: networkLayers(network, sb, extras),
            gained: d.gained,
            lost: d.lost,
            outlineBands: d.a.collection,
            origins: coords,
          },
        ]);
        if (flags.geojson !== undefined) {
          const features = [...d.gained.features, ...d.lost.features];
          await writeOutput(flags.geojson, `${JSON.stringify({ type: "FeatureCollection", features })}\n`, "--geojson");
          ctx.io.stderr.write(`qiwan: wrote ${flags.geojson}\n`);
        }
      } else {
        const scenario = flags.scenario === undefined ? undefined : asUsage(() => resolveScenario(network, flags.scenario!), { scenario: "--scenario" });
        if (origins !== undefined && scenario === undefined) {
          throw new CliError("--from needs --scenario ID (isochrones belong to a scenario)", EXIT.USAGE);
        }
        const bands =
          origins !== undefined && scenario !== undefined
            ? asUsage(() => modelPolygonIsochrone(buildModel(network), { origins, scenario: scenario.id, cutoffsMin }, surfaceOptions(flags)), { place: "--from" }).collection
            : undefined;
        svg = renderMapSvg({
          title: scenario ? `${scenario.scenario.name.en} ${scenario.scenario.name.zh}` : `${network.name.en} ${network.name.zh}: all links`,
          ...(origins && { subtitle: `door-to-door from ${names}` }),
          layers: networkLayers(network, scenario, extras),
          ...(bands && { bands }),
          ...(origins && { origins: originCoords() }),
        });
      }
      if (flags.format === "png" || (flags.format === undefined && ext === ".png")) {
        const png = await svgToPng(svg);
        for (const w of png.warnings) ctx.io.stderr.write(`qiwan: warning: ${w}\n`);
        await writeOutput(flags.out, png.png);
      } else await writeOutput(flags.out, svg);
      ctx.io.stderr.write(`qiwan: wrote ${flags.out}\n`);
    });
};
