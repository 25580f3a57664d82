/**
 * The CLI's view of the outside world, injected so that `run()` is testable in-process.
 */

/** A text sink: `process.stdout`, `process.stderr`, or a test buffer. */
export interface CliStream {
  write(text: string): unknown;
  /** True when a person is watching (colour and progress bars only then). */
  readonly isTTY?: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

/** Everything `run()` touches besides the file system. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Environment variables (read for NO_COLOR and FORCE_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** An in-memory {@link CliIo} for tests: what was written is in `out()` and `err()`. */
export function memoryIo(options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}): CliIo & {
  out(): string;
  err(): string;
} {
  let out = "";
  let err = "";
  const isTTY = options.isTTY ?? false;
  return {
    stdout: { write: (t: string) => (out += t), isTTY },
    stderr: { write: (t: string) => (err += t), isTTY },
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}
