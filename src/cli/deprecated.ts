/**
 * Old flag spellings that keep working for one release (see docs/cli.md, "Deprecated spellings"):
 * the value is taken as if the new flag had been given, with one warning line on stderr.
 */
import { CliError, EXIT } from "./exit.js";
import type { CliIo } from "./io.js";

/** The release in which deprecated spellings stop working. */
export const DEPRECATED_UNTIL = "0.2.0";

/**
 * The value of `newFlag`, or of its deprecated spelling `oldFlag` (with a warning on stderr).
 * @throws CliError (USAGE) when both are given.
 */
export function preferNewFlag<T>(io: CliIo, oldFlag: string, oldValue: T | undefined, newFlag: string, newValue: T | undefined): T | undefined {
  if (oldValue === undefined) return newValue;
  if (newValue !== undefined) throw new CliError(`give ${newFlag} only (${oldFlag} is its deprecated spelling)`, EXIT.USAGE);
  io.stderr.write(`qiwan: warning: ${oldFlag} is deprecated; use ${newFlag} (the old spelling works until ${DEPRECATED_UNTIL})\n`);
  return oldValue;
}
