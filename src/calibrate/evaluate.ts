/**
 * Compare a model with a calibration set: each row's model time, the ratio to the published time,
 * the route's legs, the cause of every miss, per-mode shares within tolerance, and the assumptions
 * whose base value sits at an end of its range.
 */
import { median } from "d3-array";
import type { Id } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { closestMatch } from "../network/suggest.js";
import type { TravelTimeModel } from "../model/build-model.js";
import { ModelError } from "../model/errors.js";
import type { RouteLeg } from "../query/legs.js";
import { findRoute } from "../query/route.js";
import type { WaitRule } from "../model/types.js";
import { describeQuantity } from "../targets/sensitivity.js";
import { CalibrationFileError, type CalibrationProblem } from "./errors.js";
import type {
  CalibrationCause,
  CalibrationReport,
  CalibrationResult,
  CalibrationRow,
  CalibrationSummary,
  RangeEndAssumption,
} from "./types.js";

/** Options of {@link evaluateCalibration}. */
export interface CalibrationOptions {
  /**
   * Evaluate every row in this scenario. Default: each row on the network of its own date, i.e.
   * the projects with status `existing` whose opening year is at most the year of the row's `asOf`
   * (`projectsAsOf`), so a 2020 figure meets the 2020 network and a 2023 one the 2023 network.
   */
  readonly scenario?: Id;
  /**
   * Largest |ratio − 1| that counts as a match, per mode: `DEFAULT_TOLERANCE` (rail 0.10: a
   * published train time is one number; road 0.20: a published drive time varies with the hour and
   * the traffic, and the model's road speeds are free-flow design speeds times a congestion factor).
   */
  readonly tolerance?: { readonly rail?: number; readonly road?: number };
  /** File name used in errors about unknown place ids (default "calibration set"). */
  readonly file?: string;
}

/** Default match tolerance per mode (see {@link CalibrationOptions.tolerance}). */
export const DEFAULT_TOLERANCE = { rail: 0.1, road: 0.2 } as const;

function waitText(rule: WaitRule): string {
  if (typeof rule === "string") return rule;
  return "fixedMin" in rule ? `fixed ${rule.fixedMin} min` : `half the headway, at most ${rule.capMin} min`;
}

/** Unknown place ids in the rows, as one error naming row, column, value and a did-you-mean. */
function checkPlaces(network: Network, rows: readonly CalibrationRow[], file: string): void {
  const problems: CalibrationProblem[] = [];
  const ids = [...network.placeById.keys()];
  rows.forEach((r, i) => {
    for (const column of ["from", "to"] as const) {
      const id = r[column];
      if (network.placeById.has(id)) continue;
      const near = closestMatch(id, ids);
      problems.push({
        file,
        row: i + 1,
        column,
        value: id,
        message: `no place "${id}" in network ${network.id}`,
        fix: near === undefined ? "use a place id of the network (qiwan info lists them)" : `did you mean "${near}"?`,
      });
    }
  });
  if (problems.length > 0) throw new CalibrationFileError(file, problems);
}

/** Intermediate stops a ride passes and the dwell charged at each (min). */
function rideDwell(model: TravelTimeModel, leg: RouteLeg): { stops: number; dwellMin: number } {
  const service = model.network.serviceById.get(leg.lineIds[0] ?? "");
  if (service === undefined) return { stops: 0, dwellMin: 0 };
  const i = service.stops.indexOf(leg.from);
  const j = service.stops.indexOf(leg.to);
  const stops = i < 0 || j < 0 ? 0 : Math.abs(j - i) - 1;
  const dwellMin = service.dwellMin?.value ?? model.parameters.get("dwellMin", service.mode)?.value ?? 0;
  return { stops, dwellMin };
}

const fmt = (x: number): string => String(Math.round(x * 10) / 10);

function classify(
  model: TravelTimeModel,
  row: CalibrationRow,
  modelMin: number | null,
  legs: readonly RouteLeg[],
  status: string,
): { cause: CalibrationCause; causeText: string } {
  if (modelMin === null) {
    if (row.mode === "road") return { cause: "no-road", causeText: "no road route between the two places" };
    return {
      cause: "no-service",
      causeText: status === "no-station" ? "a place has no station" : "no rail service connects the stations",
    };
  }
  const excess = modelMin - row.minutes;
  if (row.mode === "road") {
    const access = legs.reduce((s, l) => s + l.accessMin + l.egressMin, 0);
    const drives = legs.filter((l) => l.kind === "drive");
    if (excess > 0 && access > modelMin / 5)
      return { cause: "access", causeText: `access and egress take ${fmt(access)} of ${fmt(modelMin)} min` };
    return excess > 0
      ? { cause: "road-slower", causeText: `${drives.length} road links take ${fmt(modelMin - access)} min (lengths × speeds), ${fmt(excess)} min over` }
      : { cause: "road-faster", causeText: `${drives.length} road links take ${fmt(modelMin - access)} min, ${fmt(-excess)} min under` };
  }
  const rides = legs.filter((l) => l.kind === "ride");
  if (excess < 0)
    return { cause: "faster-run", causeText: `the model's ${rides.map((l) => l.lineIds[0]).join(" + ")} is ${fmt(-excess)} min faster than published` };
  if (rides.length >= 2) {
    const transfer = rides.reduce((s, l) => s + l.transferMin + l.waitMin, 0) - (rides[0]?.waitMin ?? 0);
    return {
      cause: "forced-transfer",
      causeText: `${rides.length} rides (${rides.map((l) => `${l.lineIds[0]} ${l.from}→${l.to}`).join(", ")}), ${fmt(transfer)} min changing`,
    };
  }
  const ride = rides[0];
  if (ride !== undefined) {
    const d = rideDwell(model, ride);
    if (d.stops > 0 && d.stops * d.dwellMin >= excess / 2)
      return { cause: "dwell", causeText: `${d.stops} intermediate stops × ${fmt(d.dwellMin)} min dwell on ${ride.lineIds[0]}; ${fmt(excess)} min over` };
    return { cause: "slower-run", causeText: `${ride.lineIds[0]} runs ${fmt(excess)} min slower than published` };
  }
  return { cause: "slower-run", causeText: `${fmt(excess)} min slower than published` };
}

function summarize(mode: "rail" | "road", results: readonly CalibrationResult[], tolerance: number): CalibrationSummary {
  const rows = results.filter((r) => r.row.mode === mode);
  const ratios = rows.map((r) => r.ratio).filter((x): x is number => x !== null);
  const share = (t: number): number =>
    rows.length === 0 ? 0 : rows.filter((r) => r.ratio !== null && Math.abs(r.ratio - 1) <= t + 1e-12).length / rows.length;
  return {
    mode,
    rows: rows.length,
    reached: ratios.length,
    within10: share(0.1),
    within20: share(0.2),
    tolerance,
    withinTolerance: rows.length === 0 ? 0 : rows.filter((r) => r.within).length / rows.length,
    medianAbsError: ratios.length === 0 ? null : (median(ratios.map((x) => Math.abs(x - 1))) ?? null),
    medianRatio: ratios.length === 0 ? null : (median(ratios) ?? null),
  };
}

/** Every assumed quantity the model reads whose base value equals the low or the high end of its range. */
export function rangeEndAssumptions(model: TravelTimeModel): RangeEndAssumption[] {
  const out: RangeEndAssumption[] = [];
  for (const q of model.quantities({ reading: "scheduled" })) {
    const a = q.quantity?.assumption;
    if (a === undefined) continue;
    const [low, high] = a.range;
    if (low === high) continue;
    const end = q.value === low ? "low" : q.value === high ? "high" : undefined;
    if (end === undefined) continue;
    out.push({ pointer: q.pointer, description: describeQuantity(model.network, q.pointer), value: q.value, range: [low, high], end, why: a.why });
  }
  return out.sort((x, y) => (x.pointer < y.pointer ? -1 : x.pointer > y.pointer ? 1 : 0));
}

/**
 * The projects of the network as it stood in `year`: status `existing` and an opening year at most
 * `year` (an existing project without an opening year counts from the start). Links and services
 * gated by no project are always present.
 */
export function projectsAsOf(network: Network, year: number): Id[] {
  return network.projects
    .filter((p) => p.status === "existing" && (p.openingYear === undefined || p.openingYear.value <= year))
    .map((p) => p.id);
}

/**
 * Evaluates each row on `model`: rail rows station to station by rail only, road rows door to door
 * by road only, on the network of the row's date (or in `options.scenario`), each under its own `reading` (published and data-derived times are
 * `scheduled`: they start on the train; `typical` rows pay the model's wait rule, `model.options.wait`).
 * Unknown place ids throw a {@link CalibrationFileError} listing every one.
 */
export function evaluateCalibration(
  model: TravelTimeModel,
  rows: readonly CalibrationRow[],
  options: CalibrationOptions = {},
): CalibrationReport {
  const network = model.network;
  checkPlaces(network, rows, options.file ?? "calibration set");
  const scenario = options.scenario ?? null;
  if (scenario !== null && !network.scenarioById.has(scenario))
    throw new ModelError(`options.scenario ${JSON.stringify(scenario)} is not a scenario of network ${network.id}${closestMatch(scenario, [...network.scenarioById.keys()]) ? `; did you mean ${JSON.stringify(closestMatch(scenario, [...network.scenarioById.keys()]))}?` : ""}`);
  const byYear = new Map<number, Id[]>();
  const selectionOf = (row: CalibrationRow): { scenario: Id } | { projects: Id[] } => {
    if (scenario !== null) return { scenario };
    const year = Number(row.asOf.slice(0, 4));
    let projects = byYear.get(year);
    if (projects === undefined) byYear.set(year, (projects = projectsAsOf(network, year)));
    return { projects };
  };
  const tolerance = { rail: options.tolerance?.rail ?? DEFAULT_TOLERANCE.rail, road: options.tolerance?.road ?? DEFAULT_TOLERANCE.road };
  const results: CalibrationResult[] = rows.map((row) => {
    const on = selectionOf(row);
    const route =
      row.mode === "rail"
        ? findRoute(model, row.from, row.to, { ...on, measure: "station-to-station", modes: "rail", reading: row.reading })
        : findRoute(model, row.from, row.to, { ...on, measure: "door-to-door", modes: "road", reading: row.reading });
    const modelMin = route.status === "ok" || route.status === "same-station" ? route.timeMin : null;
    const ratio = modelMin === null ? null : modelMin / row.minutes;
    const within = ratio !== null && Math.abs(ratio - 1) <= tolerance[row.mode] + 1e-12;
    const base = { row, modelMin, ratio, within, legs: route.legs };
    return within ? base : { ...base, ...classify(model, row, modelMin, route.legs, route.status) };
  });
  return {
    networkId: network.id,
    scenario,
    waitRule: waitText(model.options.wait),
    tolerance,
    results,
    summaries: [summarize("rail", results, tolerance.rail), summarize("road", results, tolerance.road)],
    rangeEnds: rangeEndAssumptions(model),
  };
}
