/**
 * The `qiwan` command line as a function: `run(argv, io)` parses, dispatches and maps every outcome
 * to an exit code (see {@link EXIT}); it never throws and never prints a stack unless `--debug`.
 */
import { Command, CommanderError, Option } from "commander";
import {
  AmbiguousPlaceError,
  formatProblem,
  LimitError,
  MissingDependencyError,
  LIMITS,
  limitsTable,
  NetworkValidationError,
  showInvisible,
  UnknownIdError,
  VERSION,
} from "../node.js";
import { COMMANDS } from "./commands/index.js";
import { CliContext, type RegisterCommand } from "./context.js";
import { addExamples } from "./examples.js";
import { CliError, EXIT, type ExitCode } from "./exit.js";
import type { CliIo } from "./io.js";
import { guardOutputs, outputsAndInputs } from "./outputs.js";

/**
 * Build the commander program with `commands` registered (default: every command of the CLI).
 */
export function createProgram(
  io: CliIo,
  commands: readonly RegisterCommand[] = COMMANDS,
): { program: Command; ctx: CliContext } {
  const program = new Command("qiwan");
  const ctx = new CliContext(io, program);
  program
    .description("Check planned transport networks against their travel-time targets.")
    .version(VERSION, "-V, --version", "print the version and exit")
    .addOption(
      new Option("--network <path>", "network file or folder (default: the embedded Qijiang–Wansheng network)"),
    )
    .option("--debug", "print stack traces for internal errors")
    .option("--strict", "treat the model's warnings about the network as errors (exit 3); with check, also exit 1 when a target is not met")
    .option("--no-color", "disable colour (also: NO_COLOR=1)")
    .helpCommand(true)
    .showSuggestionAfterError(true)
    // Settings below are copied to every subcommand when it is created, so they must come first.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith("error:") ? `qiwan: ${s}` : s),
    });
  for (const register of commands) register(program, ctx);
  addExamples(program);
  // Before any command runs: no output may clobber an input or another output (exit 2).
  program.hook("preAction", (_program, action) => {
    const { outputs, inputs } = outputsAndInputs(action, ctx.networkSource());
    if (outputs.length > 0) guardOutputs(outputs, inputs);
  });
  program.addHelpText(
    "after",
    "\nExit codes: 0 ok, 1 targets failed, 2 usage error, 3 bad network data, 4 internal error." +
      `\n\nLimits (beyond them: exit 2 for an option, 3 for data):\n${limitsTable()}`,
  );
  return { program, ctx };
}

/**
 * Run the CLI with `argv` (the arguments after the program name, e.g. `["info", "--format", "json"]`).
 * `commands` replaces the command list (tests register stand-in commands this way).
 *
 * @returns The exit code: {@link EXIT}.OK, TARGETS_FAILED (set by checking commands), USAGE (bad
 *   arguments, unknown place or scenario), BAD_DATA (missing or invalid network, one line per
 *   problem on stderr) or INTERNAL (a bug; one line, stack only with `--debug`).
 */
export async function run(
  argv: readonly string[],
  io: CliIo,
  commands: readonly RegisterCommand[] = COMMANDS,
): Promise<ExitCode> {
  const debug = argv.includes("--debug");
  let ctx: CliContext | undefined;
  try {
    const made = createProgram(io, commands);
    ctx = made.ctx;
    if (argv.length === 0) {
      made.program.outputHelp({ error: true });
      return EXIT.USAGE;
    }
    await made.program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (err) {
    return report(err, io, debug);
  }
}

function report(err: unknown, io: CliIo, debug: boolean): ExitCode {
  // Invisible characters (U+202E, zero-width spaces) are escaped so that a bad id cannot look valid.
  const line = (s: string) => io.stderr.write(`${showInvisible(s)}\n`);
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  }
  if (err instanceof NetworkValidationError) {
    const n = err.problems.length;
    line(`qiwan: invalid network ${err.origin}: ${n} problem${n === 1 ? "" : "s"}`);
    for (const p of err.problems) line(`  ${formatProblem(p).replace(/\n/g, " ")}`);
    return EXIT.BAD_DATA;
  }
  if (err instanceof UnknownIdError || err instanceof AmbiguousPlaceError) {
    line(`qiwan: ${err.message}`);
    return EXIT.USAGE;
  }
  if (err instanceof CliError) {
    line(`qiwan: ${err.message}`);
    return err.exitCode;
  }
  if (err instanceof MissingDependencyError) {
    line(`qiwan: ${err.message}`);
    return EXIT.USAGE;
  }
  if (err instanceof LimitError) {
    line(`qiwan: ${err.message}`);
    return LIMITS[err.limit].from === "data" ? EXIT.BAD_DATA : EXIT.USAGE;
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  line(`qiwan: internal error: ${message.split("\n")[0]}${debug ? "" : " (rerun with --debug for details)"}`);
  if (debug && err instanceof Error && err.stack) line(err.stack);
  return EXIT.INTERNAL;
}
