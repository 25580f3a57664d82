import { QiwanError } from "../node.js";

/**
 * Exit codes of the `qiwan` CLI, in one place. Scripts and CI can rely on them.
 *
 * | code | name           | meaning                                                              |
 * |------|----------------|----------------------------------------------------------------------|
 * | 0    | OK             | success (and every evaluated target met, for commands that check)    |
 * | 1    | TARGETS_FAILED | the command ran, and at least one plan target is not met             |
 * | 2    | USAGE          | bad command line: unknown option/command, missing argument, unknown place or scenario id, an output that is an input or another output, an option beyond `LIMITS` |
 * | 3    | BAD_DATA       | the network or a scenario file is missing or invalid; a model warning with `--strict`; data beyond `LIMITS` |
 * | 4    | INTERNAL       | anything unexpected (a bug): one line, the stack only with `--debug` |
 */
export const EXIT = Object.freeze({
  OK: 0,
  TARGETS_FAILED: 1,
  USAGE: 2,
  BAD_DATA: 3,
  INTERNAL: 4,
} as const);
/** One of the values of {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error a command throws to stop with a given exit code and a one-line message (no stack).
 * E.g. `throw new CliError("--format must be table, json or md", EXIT.USAGE)`.
 */
export class CliError extends QiwanError {
  override name = "CliError";
  /** `CLI_` + the exit code's name: `CLI_USAGE`, `CLI_BAD_DATA`, `CLI_TARGETS_FAILED`, `CLI_INTERNAL`. */
  readonly code: `CLI_${keyof typeof EXIT}`;
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.code = `CLI_${(Object.keys(EXIT) as (keyof typeof EXIT)[]).find((k) => EXIT[k] === exitCode) ?? "INTERNAL"}`;
  }
}
