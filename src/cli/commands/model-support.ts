/**
 * Shared by the model's commands (check, route, matrix): build the model with data errors mapped to
 * exit 3, validate ids from the command line with exit 2, and write outputs atomically.
 */
import { Option } from "commander";
import {
  buildModel,
  READINGS,
  closestMatch,
  ModelError,
  UnknownIdError,
  type Id,
  type ModelOptions,
  type Reading,
  type Network,
  type TravelTimeModel,
  type WaitRule,
} from "../../node.js";
import { writeFileAtomic } from "../atomic.js";
import { CliError, EXIT } from "../exit.js";

/** Build the model; a network the model cannot use is bad data (exit 3), not a crash. */
export function modelOrExit(network: Network, options?: ModelOptions): TravelTimeModel {
  try {
    return buildModel(network, options);
  } catch (err) {
    if (err instanceof ModelError)
      throw new CliError(`the network cannot be modelled: ${err.message.replace(/\n\s*/g, "; ")}`, EXIT.BAD_DATA);
    throw err;
  }
}

/** Check ids given on the command line; an unknown one is a usage error (exit 2) with a did-you-mean. */
export function requireIds(
  kind: "scenario" | "target" | "place",
  ids: readonly Id[],
  known: ReadonlyMap<Id, unknown>,
  argument: string,
): Id[] {
  for (const id of ids) {
    if (!known.has(id)) {
      const all = [...known.keys()];
      throw new UnknownIdError(kind, id, closestMatch(id, all), all, argument);
    }
  }
  return [...ids];
}

/** Split repeated or comma-separated option values: `--scenario a,b --scenario c`. */
export function listOption(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  ];
}

/**
 * Write `text` to `file` atomically. The folder must exist (a typo in a path must not create
 * folders), as for every other command; a failure is a usage error naming the file.
 */
export async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`, EXIT.USAGE);
  }
}

/**
 * The `--reading` option of the commands that compute times: `scheduled` (the fastest scheduled
 * connection, no wait before the first boarding) or `typical` (the wait rule at every boarding).
 * Without a default it overrides each target's declared reading only when given.
 */
export function readingOption(defaultValue?: Reading): Option {
  const help =
    defaultValue === undefined
      ? "read every target as scheduled (fastest scheduled connection, no wait before the first boarding) or typical (waits from the headways); default: each target's declared reading"
      : `scheduled (fastest scheduled connection, no wait before the first boarding) or typical (waits from the headways at every boarding); default ${defaultValue}`;
  const option = new Option("--reading <reading>", help).choices(READINGS);
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/** Help text of the `--wait` option shared by the model's commands. */
export const WAIT_HELP =
  "wait at boarding: half-headway (default), full-headway, cap:<min> (half the headway, at most <min>) or fixed:<min>";

/** Parse `--wait`: `half-headway`, `full-headway`, `cap:<min>` or `fixed:<min>`; anything else is a usage error (exit 2). */
export function parseWait(value: string): WaitRule {
  if (value === "half-headway" || value === "full-headway") return value;
  const m = /^(cap|fixed):(\d+(?:\.\d+)?)$/.exec(value);
  if (m === null) {
    throw new CliError(
      `--wait "${value}" is not a wait rule; use half-headway, full-headway, cap:<minutes> or fixed:<minutes>`,
      EXIT.USAGE,
    );
  }
  const minutes = Number(m[2]);
  return m[1] === "cap" ? { capMin: minutes } : { fixedMin: minutes };
}
