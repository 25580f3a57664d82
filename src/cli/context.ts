/**
 * What every command receives: the streams, colour, and the network named by the global options.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import {
  buildModel,
  embeddedNetworkPath,
  loadNetwork,
  ModelError,
  showInvisible,
  type Network,
} from "../node.js";
import { colourEnabled, createColour, type Colour } from "./colour.js";
import { CliError, EXIT, type ExitCode } from "./exit.js";
import type { CliIo } from "./io.js";

/** Global options, on the root program. */
export interface GlobalOptions {
  /** `--network PATH`: a network file or folder (default: the embedded network). */
  readonly network?: string;
  /** `--debug`: print stacks for internal errors. */
  readonly debug?: boolean;
  /** `--no-color` sets this to false. */
  readonly color?: boolean;
  /** `--strict`: the model's warnings are errors (exit 3); `check` also exits 1 when a target fails. */
  readonly strict?: boolean;
}

/** Shared state of one `run()`; commands read options and the network through it. */
export class CliContext {
  /** Exit code `run()` returns when the action completes without throwing (default OK). */
  exitCode: ExitCode = EXIT.OK;
  private cached: Promise<Network> | undefined;

  constructor(
    readonly io: CliIo,
    readonly program: Command,
  ) {}

  /** The global options (valid inside an action, after parsing). */
  get options(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  /** Colour for stdout. */
  get colour(): Colour {
    return createColour(colourEnabled(this.io.stdout, this.io.env, this.options.color ?? true));
  }

  /** Colour for stderr. */
  get colourErr(): Colour {
    return createColour(colourEnabled(this.io.stderr, this.io.env, this.options.color ?? true));
  }

  /** Write a line to stdout. */
  out(line = ""): void {
    this.io.stdout.write(`${line}\n`);
  }

  /** Where the network comes from: `--network PATH`, or the embedded network's folder. */
  networkSource(): { label: string; path: string } {
    const given = this.options.network;
    if (given !== undefined) return { label: `--network ${given}`, path: given };
    const embedded = embeddedNetworkPath();
    return { label: `the embedded network (${embedded})`, path: embedded };
  }

  /**
   * The network named by `--network`, or the embedded one; loaded once per run.
   * @throws CliError (BAD_DATA) if the embedded network is not installed;
   *   NetworkValidationError if the network is invalid.
   */
  network(): Promise<Network> {
    this.cached ??= (async () => {
      const given = this.options.network;
      const embedded = embeddedNetworkPath();
      if (given === undefined && !existsSync(embedded)) {
        throw new CliError(
          `the embedded network is not installed (expected a folder at ${embedded}); pass --network PATH to a network file or folder`,
          EXIT.BAD_DATA,
        );
      }
      const network = await loadNetwork(given ?? embedded);
      this.reportModelWarnings(network);
      return network;
    })();
    return this.cached;
  }

  /**
   * Print the travel-time model's warnings about `network` (a service whose stops are on no link,
   * an unreachable place) on stderr, once per run, for every command; with `--strict` they stop the
   * run with exit 3. A network the model cannot build is left to the command that needs the model.
   * @throws CliError (BAD_DATA) with `--strict` when there is any warning.
   */
  reportModelWarnings(network: Network): void {
    let warnings: readonly string[];
    try {
      warnings = buildModel(network).warnings;
    } catch (err) {
      if (err instanceof ModelError) return;
      throw err;
    }
    for (const w of warnings) this.io.stderr.write(`qiwan: warning: ${showInvisible(w)}\n`);
    const n = warnings.length;
    if (n > 0 && this.options.strict === true) {
      throw new CliError(
        `${n} model warning${n === 1 ? "" : "s"} about ${this.networkSource().label} and --strict: stopping (fix the network, or run without --strict)`,
        EXIT.BAD_DATA,
      );
    }
  }
}

/** A command module's export: adds one command (with its options and action) to the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;
