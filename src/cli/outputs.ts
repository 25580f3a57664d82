/**
 * The output guard every command runs before its work: each output path (`--out`, `--report`,
 * `--map`, `--geojson`) must have an existing folder, must not be a folder, must differ from every
 * other output, and must not be one of the inputs (the network file or any file in the network
 * folder, scenario files, GTFS feeds, any other path given on the command line). A violation is a
 * usage error (exit 2) naming both paths, raised before anything is computed or written.
 */
import { realpathSync, type Stats } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { resolveOutputTarget, statOrUndefined } from "./atomic.js";
import { CliError, EXIT } from "./exit.js";

/** Option attribute names that name files the CLI writes. Every other path-valued argument is an input. */
export const OUTPUT_OPTIONS: readonly string[] = ["out", "report", "map", "geojson"];

/** A path given on the command line, and how to name it in a message (`--network net.json`). */
export interface NamedPath {
  readonly label: string;
  readonly path: string;
}

/** A path the CLI is about to write. */
interface Output extends NamedPath {
  /** The file really written: symlinks followed (see `resolveOutputTarget`). */
  readonly final: string;
  readonly stats: Stats | undefined;
}

function longFlag(command: Command, attribute: string): string {
  return command.options.find((o) => o.attributeName() === attribute)?.long ?? `--${attribute}`;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The outputs and inputs of `command` as parsed by commander: outputs are the {@link OUTPUT_OPTIONS};
 * inputs are `network` (the network actually loaded) plus every other option value or argument
 * that names an existing file or folder.
 */
export function outputsAndInputs(
  command: Command,
  network: NamedPath | undefined,
): { outputs: NamedPath[]; inputs: NamedPath[] } {
  const outputs: NamedPath[] = [];
  const inputs: NamedPath[] = network === undefined ? [] : [network];
  const opts = command.opts<Record<string, unknown>>();
  for (const [attribute, value] of Object.entries(opts)) {
    const flag = longFlag(command, attribute);
    const isOutput = OUTPUT_OPTIONS.includes(attribute);
    for (const p of stringsOf(value)) {
      if (isOutput) outputs.push({ label: `${flag} ${p}`, path: p });
      else if (p !== "" && statOrUndefined(p) !== undefined) inputs.push({ label: `${flag} ${p}`, path: p });
    }
  }
  command.processedArgs.forEach((arg, i) => {
    for (const p of stringsOf(arg)) {
      const name = command.registeredArguments[i]?.name() ?? String(i + 1);
      if (p !== "" && statOrUndefined(p) !== undefined) inputs.push({ label: `argument <${name}> ${p}`, path: p });
    }
  });
  return { outputs, inputs };
}

/**
 * Refuse outputs that would lose data or cannot be written; see the module comment.
 * @throws CliError (USAGE) naming the output and, for a clash, the input or output it clashes with.
 */
export function guardOutputs(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const resolved: Output[] = [];
  for (const o of outputs) {
    let target: ReturnType<typeof resolveOutputTarget>;
    try {
      target = resolveOutputTarget(o.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        const dir = path.dirname(path.resolve(o.path));
        throw new CliError(`${o.label}: folder ${dir} does not exist; create it first`, EXIT.USAGE);
      }
      if (code === "EISDIR") throw new CliError(`${o.label} is a folder; give a file name`, EXIT.USAGE);
      throw new CliError(`cannot write ${o.label}: ${(err as Error).message}`, EXIT.USAGE);
    }
    const stats = target.stats ?? statOrUndefined(o.path);
    // A device, FIFO or terminal is written in place and holds no data to lose: `--out /dev/null
    // --report /dev/null` is fine. An open descriptor leading to a regular file is still checked.
    if (target.kind !== "replace" && stats?.isFile() !== true) continue;
    resolved.push({ ...o, final: target.file, stats });
  }
  for (const [i, o] of resolved.entries()) {
    for (const other of resolved.slice(0, i)) {
      if (sameFile(o, other.final, other.stats))
        throw new CliError(`${o.label} and ${other.label} name the same file; give each output its own file`, EXIT.USAGE);
    }
    for (const input of inputs) {
      const s = statOrUndefined(input.path);
      if (s === undefined) continue;
      const clash = s.isDirectory()
        ? isInside(o.final, realOrResolved(input.path))
        : sameFile(o, realOrResolved(input.path), s);
      if (clash) {
        throw new CliError(
          s.isDirectory()
            ? `${o.label} is inside ${input.label}, an input folder: refusing to write into an input; write the output elsewhere`
            : `${o.label} would overwrite ${input.label}: refusing to write over an input; write the output to another file`,
          EXIT.USAGE,
        );
      }
    }
  }
}

function sameFile(o: Output, otherPath: string, otherStats: Stats | undefined): boolean {
  if (o.stats !== undefined && otherStats !== undefined) return o.stats.dev === otherStats.dev && o.stats.ino === otherStats.ino;
  return o.final === otherPath;
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}
