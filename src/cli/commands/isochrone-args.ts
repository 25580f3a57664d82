/**
 * Argument parsing shared by `qiwan isochrone` and `qiwan map`: origins, cutoffs, access options,
 * output writing. Every bad value becomes a one-line CliError (exit 2).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import {
  checkLimit,
  IsochroneError,
  ModelError,
  resolvePlace,
  UnknownIdError,
  type AccessOptions,
  type Network,
  type EntityKind,
  type IsochroneOrigin,
} from "../../node.js";
import { writeFileAtomic } from "../atomic.js";
import { CliError, EXIT } from "../exit.js";

/** Parses `--from A,B+10`: place ids or names, each optionally `+MIN` (start offset in minutes). */
export function parseOrigins(text: string, flag = "--from"): IsochroneOrigin[] {
  const parts = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (parts.length === 0) throw new CliError(`${flag} is empty; give place ids or names, e.g. ${flag} QJ_CITY or ${flag} QJ_CITY,WS_CITY+10`, EXIT.USAGE);
  return parts.map((part) => {
    const m = /^(.+?)(?:\+(\d+(?:\.\d+)?))?$/.exec(part)!;
    return { placeId: m[1]!, startSecs: m[2] === undefined ? 0 : Number(m[2]) * 60 };
  });
}

/**
 * The origins with each place given by id or name (`綦江`, `Wansheng`) replaced by its id; `flag`
 * names the argument in errors (`--from[1]`).
 * @throws UnknownIdError / AmbiguousPlaceError (exit 2).
 */
export function resolveOrigins(network: Network, origins: readonly IsochroneOrigin[], flag = "--from"): IsochroneOrigin[] {
  return origins.map((o, i) => ({ ...o, placeId: resolvePlace(network, o.placeId, `${flag}[${i}]`).id }));
}

/** Parses `--minutes 30,60,120`: positive numbers. */
export function parseMinutes(text: string, flag = "--minutes"): number[] {
  const parts = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const values = parts.map(Number);
  const bad = parts.find((p, i) => !(values[i]! > 0) || !Number.isFinite(values[i]!));
  if (parts.length === 0 || bad !== undefined) {
    throw new CliError(`${flag} ${JSON.stringify(text)}: ${bad === undefined ? "no value" : `"${bad}" is not a positive number of minutes`}; give e.g. ${flag} 30,60,120`, EXIT.USAGE);
  }
  checkLimit("cutoffs", new Set(values).size, `number of ${flag} values`);
  return values;
}

/** Parses a positive number option. */
export function parsePositive(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!(v > 0) || !Number.isFinite(v)) throw new CliError(`${flag} ${JSON.stringify(text)} is not a positive number`, EXIT.USAGE);
  return v;
}

/** Options every isochrone-drawing command accepts. */
export interface SurfaceFlags {
  readonly cellM?: string;
  readonly accessKmh?: string;
  readonly circuity?: string;
  readonly maxAccessMin?: string;
}

/** Surface options from the flags (only those given). */
export function surfaceOptions(flags: SurfaceFlags): { cellSizeM?: number; access: AccessOptions } {
  const cellSizeM = parsePositive(flags.cellM, "--cell-m");
  const speedKmh = parsePositive(flags.accessKmh, "--access-kmh");
  const circuity = parsePositive(flags.circuity, "--circuity");
  const maxAccessMin = parsePositive(flags.maxAccessMin, "--max-access-min");
  return {
    ...(cellSizeM !== undefined && { cellSizeM }),
    access: {
      ...(speedKmh !== undefined && { speedKmh }),
      ...(circuity !== undefined && { circuity }),
      ...(maxAccessMin !== undefined && { maxAccessMin }),
    },
  };
}

/**
 * Runs `f`, turning isochrone and model misuse into a usage error (one line, exit 2); an unknown id
 * names the flag `flags` gives for its kind.
 */
export function asUsage<T>(f: () => T, flags: CliFlagsByKind = {}): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof UnknownIdError) throw inCliTerms(err, flags);
    if (err instanceof IsochroneError || err instanceof ModelError) throw new CliError(err.message, EXIT.USAGE);
    throw err;
  }
}

/** The command-line flag that carries each kind of id, to name in "unknown id" messages. */
export type CliFlagsByKind = Partial<Record<EntityKind, string>>;

/**
 * The same unknown-id error, naming the command-line flag that carried the id instead of the
 * library argument (`--scenario`, not `scenarioId`); unchanged when `flags` has no entry for its kind.
 */
export function inCliTerms(err: UnknownIdError, flags: CliFlagsByKind): UnknownIdError {
  const flag = flags[err.kind];
  return flag === undefined ? err : new UnknownIdError(err.kind, err.id, err.suggestion, err.known, flag);
}

/**
 * Usage error (exit 2) naming `flag` when the folder of an output file does not exist. Commands
 * call it before their work, so a typo in a path fails at once rather than after minutes of work.
 */
export function checkOutputFolder(file: string, flag = "--out"): void {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) throw new CliError(`${flag} ${file}: folder ${dir} does not exist; create it first`, EXIT.USAGE);
}

/** Writes an output file atomically, after checking that its folder exists (exit 2 naming `flag` if not). */
export async function writeOutput(file: string, data: string | Uint8Array, flag = "--out"): Promise<void> {
  checkOutputFolder(file, flag);
  await writeFileAtomic(file, data);
}
