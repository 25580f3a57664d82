/**
 * Limits on the work one call may be asked to do, in one place. Each protects against an input
 * that would otherwise run for hours or exhaust memory (`--draws 1e9`, 2,000 isochrone cutoffs, a
 * 17-byte DIMACS header announcing two billion nodes). Beyond a limit the library throws
 * {@link LimitError} at its boundary, before any work; the CLI exits 2 when the value came from
 * the command line and 3 when it came from a data file (see `from`).
 *
 * This module has no imports, so every stage (the dependency-free core included) may use it.
 */
import { QiwanError } from "./core/errors.js";

/** One limit: the largest value allowed, its unit, what it bounds, and where such values come from. */
export interface Limit {
  /** Largest value allowed (inclusive). */
  readonly max: number;
  /** Unit of `max`, for messages. */
  readonly unit: string;
  /** What is limited, in a few words. */
  readonly what: string;
  /** Where the value is given: the CLI option and the library option. */
  readonly where: string;
  /** Why the limit is where it is: what the largest allowed value costs. */
  readonly why: string;
  /** `argument`: a caller's option (CLI exit 2); `data`: a file's content (CLI exit 3). */
  readonly from: "argument" | "data";
}

/** Every limit, by name. */
export const LIMITS = Object.freeze({
  draws: {
    max: 100_000,
    unit: "draws",
    what: "Monte Carlo draws",
    where: "uncertainty --draws; runUncertainty({ draws })",
    why: "about 2 min on the embedded network; 1,000 draws already give percentiles to about ±1 percentage point",
    from: "argument",
  },
  permutations: {
    max: 100_000,
    unit: "permutations",
    what: "sampled Shapley permutations",
    where: "attribute --permutations; attributeProjects({ permutations })",
    why: "each permutation evaluates every project once",
    from: "argument",
  },
  cutoffs: {
    max: 120,
    unit: "cutoffs",
    what: "isochrone cutoffs per request",
    where: "--minutes; cutoffsMin",
    why: "one band per minute for two hours; each band is a traced polygon (2,000 cutoffs took 17 s and 527 MB)",
    from: "argument",
  },
  gridCells: {
    max: 4_000_000,
    unit: "cells",
    what: "cells of an isochrone grid",
    where: "--cell-m over the network's extent; the library's maxCells option may raise it",
    why: "32 MB of Float64 travel times per surface",
    from: "argument",
  },
  graphNodes: {
    max: 50_000_000,
    unit: "nodes",
    what: "nodes of a DIMACS graph",
    where: "readDimacs",
    why: "twice the 9th DIMACS Challenge's full USA graph (23.9 million nodes); a few GB of typed arrays",
    from: "data",
  },
  jsonDepth: {
    max: 64,
    unit: "levels",
    what: "nesting depth of network and scenario JSON",
    where: "--network, scenario files; loadNetwork, loadScenarioFile",
    why: "a valid network or scenario nests at most 7 levels; deeper input only exhausts the stack of formatting and cloning",
    from: "data",
  },
} as const satisfies Record<string, Limit>);

/** The name of one of the {@link LIMITS}. */
export type LimitName = keyof typeof LIMITS;

/**
 * A value is beyond one of the {@link LIMITS}. Thrown before any work is done; `limit` names the
 * entry of `LIMITS`, `value` is what was asked for.
 */
export class LimitError extends QiwanError {
  override name = "LimitError";
  readonly code = "LIMIT_EXCEEDED";
  constructor(
    /** Which limit. */
    readonly limit: LimitName,
    /** The value asked for. */
    readonly value: number,
    /** Where the value came from, e.g. `draws` or `--draws` or `readDimacs: net.gr:1`. */
    readonly argument: string,
  ) {
    const l = LIMITS[limit];
    super(
      `${argument} = ${value.toLocaleString("en-US")} is above the limit of ${l.max.toLocaleString("en-US")} ${l.unit} for ${l.what} (LIMITS.${limit}: ${l.why})`,
    );
  }
}

/**
 * Throw {@link LimitError} if `value` is above `LIMITS[limit].max`; `argument` names the value in
 * the message (an option, a flag or a file position).
 */
export function checkLimit(limit: LimitName, value: number, argument: string): void {
  if (value > LIMITS[limit].max) throw new LimitError(limit, value, argument);
}

/** The limits as a plain-text table, one line each (name, maximum, what, where), for `--help`. */
export function limitsTable(): string {
  const rows = Object.entries(LIMITS).map(([name, l]) => [name, l.max.toLocaleString("en-US"), `${l.what} (${l.where.split(";")[0]})`]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  return rows.map((r) => `  ${r[0]!.padEnd(w0)}  ${r[1]!.padStart(w1)}  ${r[2]}`).join("\n");
}
