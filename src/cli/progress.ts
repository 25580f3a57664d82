/**
 * A progress bar on stderr, for long runs (Monte Carlo, matrices). Draws only on a TTY so that logs
 * and pipes stay clean; otherwise every call is a no-op.
 */
import type { CliStream } from "./io.js";

/** A running progress bar. */
export interface Progress {
  /** Advance by `n` steps (default 1). */
  tick(n?: number): void;
  /** Set the number of steps done. */
  update(done: number): void;
  /** Clear the bar's line. Call once at the end (also on error). */
  done(): void;
}

/** Options for {@link createProgress}. */
export interface ProgressOptions {
  /** Number of steps for 100 %; 0 or less draws an empty bar. */
  readonly total: number;
  /** Shown before the bar. */
  readonly label?: string;
  /** Bar width in characters (default 30). */
  readonly width?: number;
  /** Minimum time between redraws in ms (default 100); the last step always draws. */
  readonly intervalMs?: number;
  /** Clock in ms, injectable for tests (default `Date.now`). */
  readonly now?: () => number;
}

/** Create a progress bar writing to `stream` (stderr), drawn only if `stream.isTTY`. */
export function createProgress(stream: CliStream, options: ProgressOptions): Progress {
  if (stream.isTTY !== true) return { tick() {}, update() {}, done() {} };
  const { total, label = "", width = 30, intervalMs = 100, now = Date.now } = options;
  let count = 0;
  let last = -Infinity;
  let drawn = false;
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - last < intervalMs) return;
    last = t;
    const frac = total > 0 ? Math.min(1, Math.max(0, count / total)) : 0;
    const full = Math.round(frac * width);
    const bar = "█".repeat(full) + "░".repeat(width - full);
    stream.write(
      `\r${label ? `${label} ` : ""}${bar} ${String(Math.floor(frac * 100)).padStart(3)}% ${count}/${total}`,
    );
    drawn = true;
  };
  return {
    tick(n = 1) {
      count += n;
      draw(count >= total);
    },
    update(d) {
      count = d;
      draw(count >= total);
    },
    done() {
      // Erase the line so the next output starts clean.
      if (drawn) stream.write("\r\u001b[2K");
    },
  };
}
