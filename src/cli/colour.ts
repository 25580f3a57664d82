/**
 * ANSI colour that switches itself off when nobody is looking.
 */
import type { CliStream } from "./io.js";

/** Colour functions; each returns its input unchanged when colour is off. */
export interface Colour {
  /** Whether escape codes are emitted. */
  readonly enabled: boolean;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
}

/**
 * Decide whether to colour output written to `stream`. Off when NO_COLOR is set to anything non-empty
 * (https://no-color.org), when `--no-color` was given (`flag === false`), or when the stream is not a
 * TTY; FORCE_COLOR (non-empty, not "0") turns it on for non-TTY streams, NO_COLOR still wins.
 */
export function colourEnabled(
  stream: CliStream,
  env: Readonly<Record<string, string | undefined>>,
  flag = true,
): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0") return true;
  return stream.isTTY === true;
}

/** Colour functions for one stream (see {@link colourEnabled}). */
export function createColour(enabled: boolean): Colour {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}
