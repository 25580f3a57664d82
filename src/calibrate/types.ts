/**
 * Types of the calibration stage: the rows of a calibration set (published or data-derived travel
 * times) and the result of comparing a model with them.
 */
import type { Id, ReadingKind } from "../network/schema.js";
import type { RouteLeg } from "../query/legs.js";

/**
 * One row of a calibration set. In a CSV file the columns are exactly these, in this order, with a
 * header: `id,mode,from,to,minutes,kind,reading,asOf,source,note`.
 */
export interface CalibrationRow {
  /** Unique row id. */
  readonly id: string;
  /** `rail`: station to station, rail only. `road`: door to door, road only. */
  readonly mode: "rail" | "road";
  /** Place id of the origin. */
  readonly from: Id;
  /** Place id of the destination. */
  readonly to: Id;
  /** The published or data-derived time (min), > 0. */
  readonly minutes: number;
  /** `published`: press, official or map-service figure; `data`: computed from a cited data set. */
  readonly kind: "published" | "data";
  /** `scheduled`: fastest scheduled, no initial wait; `typical`: what a traveller meets. */
  readonly reading: ReadingKind;
  /** Date the figure refers to, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Where the figure comes from. */
  readonly source: string;
  /** Anything a reader needs to interpret the row. */
  readonly note?: string;
}

/** The CSV columns of a calibration set, in file order. */
export const CALIBRATION_COLUMNS = ["id", "mode", "from", "to", "minutes", "kind", "reading", "asOf", "source", "note"] as const;

/**
 * Why a row's model time is off (only for rows outside their mode's tolerance, rail ±10 % and road
 * ±20 % by default):
 * - `no-service`: no rail route (no station, or no service connects them);
 * - `no-road`: no road route;
 * - `forced-transfer`: the model changes trains (two or more rides);
 * - `dwell`: one ride whose dwell at intermediate stops explains at least half the excess;
 * - `slower-run`: one ride, slower than published;
 * - `faster-run`: faster than published (rail);
 * - `road-slower` / `road-faster`: the drive (lengths × speeds) is slower or faster than published;
 * - `access`: access and egress connectors make up more than a fifth of a road time that is too slow.
 */
export type CalibrationCause =
  | "no-service"
  | "no-road"
  | "forced-transfer"
  | "dwell"
  | "slower-run"
  | "faster-run"
  | "road-slower"
  | "road-faster"
  | "access";

/** A row evaluated on a model. */
export interface CalibrationResult {
  readonly row: CalibrationRow;
  /** Model time (min), null when there is no route. */
  readonly modelMin: number | null;
  /** modelMin / row.minutes, null without a route. */
  readonly ratio: number | null;
  /** Whether |ratio − 1| <= the row mode's tolerance. */
  readonly within: boolean;
  /** The legs of the model's route (empty without a route). */
  readonly legs: readonly RouteLeg[];
  /** Cause of a miss (absent when within tolerance). */
  readonly cause?: CalibrationCause;
  /** The cause in words, with the numbers behind it. */
  readonly causeText?: string;
}

/** Summary of one mode's rows. */
export interface CalibrationSummary {
  readonly mode: "rail" | "road";
  readonly rows: number;
  /** Rows with a model time. */
  readonly reached: number;
  /** Share of all rows within ±10 % and within ±20 % (unreached rows count as outside). */
  readonly within10: number;
  readonly within20: number;
  /** The mode's match tolerance (largest |ratio − 1|) and the share of rows within it. */
  readonly tolerance: number;
  readonly withinTolerance: number;
  /** Median of |ratio − 1| over reached rows (0.05 = 5 %), null when none is reached. */
  readonly medianAbsError: number | null;
  /** Median ratio over reached rows, null when none is reached. */
  readonly medianRatio: number | null;
}

/** A model quantity whose base value is at the low or high end of its assumed range. */
export interface RangeEndAssumption {
  /** JSON Pointer of the quantity (network or `/parameters/...`). */
  readonly pointer: string;
  /** The pointer in words, e.g. `service "S_X" headwayMin`. */
  readonly description: string;
  readonly value: number;
  readonly range: readonly [number, number];
  readonly end: "low" | "high";
  readonly why: string;
}

/** Everything `evaluateCalibration` found. */
export interface CalibrationReport {
  readonly networkId: string;
  /** The scenario every row was evaluated in, or null: each row on the network of its `asOf` year (the default). */
  readonly scenario: Id | null;
  /** The model's wait rule (e.g. `half-headway`): what rows read as `typical` wait at each boarding. */
  readonly waitRule: string;
  readonly tolerance: { readonly rail: number; readonly road: number };
  readonly results: readonly CalibrationResult[];
  readonly summaries: readonly CalibrationSummary[];
  readonly rangeEnds: readonly RangeEndAssumption[];
}
