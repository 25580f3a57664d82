/**
 * Shared pieces of the analysis commands (`compare`, `attribute`, `uncertainty`): scenario
 * arguments that may be files, error mapping, number formatting and output.
 */
import { existsSync } from "node:fs";
import {
  AccessibilityError,
  AttributionError,
  checkLimit,
  loadScenarioFile,
  ModelError,
  ModificationError,
  ScenarioFileError,
  showValue,
  UncertaintyError,
  UnknownIdError,
  type LimitName,
  type ScenarioRef,
} from "../../node.js";
import { CliError, EXIT } from "../exit.js";
import { inCliTerms, writeOutput, type CliFlagsByKind } from "./isochrone-args.js";
import type { CliContext } from "../context.js";

/** A scenario argument: a scenario id, or a path to a scenario file (`.json`, or any existing file). */
export function scenarioArg(text: string): ScenarioRef {
  if (text.endsWith(".json") || (text.includes("/") && existsSync(text))) return loadScenarioFile(text);
  return text;
}

/**
 * Run `f`, mapping library errors to CLI exits: bad ids and arguments exit 2 (USAGE); a scenario
 * file that cannot be read or whose modifications do not resolve exits 3 (BAD_DATA) with one line per problem.
 */
export function analysisErrors<T>(f: () => T, flags: CliFlagsByKind = {}): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof UnknownIdError) throw inCliTerms(err, flags);
    if (err instanceof ModificationError) {
      throw new CliError(`invalid scenario modifications:\n${err.problems.map((p) => `  modifications[${p.index}] (${p.type}) ${p.field} = ${showValue(p.value)}: ${p.message}; ${p.fix}`).join("\n")}`, EXIT.BAD_DATA);
    }
    if (err instanceof ScenarioFileError) throw new CliError(err.message, EXIT.BAD_DATA);
    if (err instanceof ModelError || err instanceof AttributionError || err instanceof UncertaintyError || err instanceof AccessibilityError) {
      throw new CliError(err.message, EXIT.USAGE);
    }
    throw err;
  }
}

/** Minutes with one decimal; "—" for null/NaN, "∞" for Infinity. */
export function fmtMin(v: number | null | undefined, signed = false): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  const s = v.toFixed(1);
  return signed && v > 0 ? `+${s}` : s === "-0.0" ? "0.0" : s;
}

/** A number with `digits` decimals and thousands separators. */
export function fmtNum(v: number, digits = 0): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "—" : v > 0 ? "∞" : "-∞";
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** JSON with Infinity/NaN written as null (JSON cannot hold them) and typed arrays as arrays. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) return null;
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  }, 2);
}

/** Print `text` to stdout, or write it atomically to `out` (and say so on stderr). */
export async function emit(ctx: CliContext, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  await writeOutput(out, text.endsWith("\n") ? text : `${text}\n`);
  ctx.io.stderr.write(`qiwan: wrote ${out}\n`);
}

/** A comma-separated list option. */
export function listArg(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length > 0 ? items : undefined;
}

/** A positive integer option, or a usage error naming the flag; `limit` bounds it by an entry of `LIMITS`. */
export function intArg(text: string | undefined, flag: string, min = 1, limit?: LimitName): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= min)) throw new CliError(`${flag} ${text}: give an integer >= ${min}`, EXIT.USAGE);
  if (limit !== undefined) checkLimit(limit, n, flag);
  return n;
}
