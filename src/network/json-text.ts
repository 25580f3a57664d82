/**
 * Parsing JSON text with a useful position on failure. `JSON.parse` messages differ between engines
 * and often carry no position, so on failure a small scanner re-reads the text to find the first
 * offending character and reports it as line:column (1-based).
 */
import type { NetworkProblem } from "./errors.js";

/** Where the first syntax error in `text` is, and what was found there. */
export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  /** E.g. `unexpected end of file (truncated?)` or `unexpected character "}"`. */
  readonly reason: string;
}

/** Parse JSON text; on failure return a problem naming the file, line and column. */
export function parseJsonText(
  text: string,
  file: string | undefined,
): { ok: true; value: unknown } | { ok: false; problem: NetworkProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const err = locateJsonError(body) ?? {
      offset: body.length,
      reason: "invalid JSON",
      ...position(body, body.length),
    };
    const where = `line ${err.line}, column ${err.column}`;
    return {
      ok: false,
      problem: {
        ...(file === undefined ? {} : { file }),
        path: "$",
        value: excerpt(body, err.offset),
        message: `not valid JSON at ${where}: ${err.reason}`,
        fix: err.reason.startsWith("unexpected end")
          ? "the file ends too early: restore the missing end (closing brackets and braces) or re-save it"
          : `correct the JSON syntax at ${where} (comments, trailing commas and single quotes are not JSON)`,
      },
    };
  }
}

function excerpt(text: string, offset: number): string {
  const start = Math.max(0, offset - 20);
  return text.slice(start, offset + 20).replace(/\s+/g, " ");
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/**
 * Find the first syntax error in `text`, or undefined if `text` is valid JSON (the scanner accepts
 * exactly what `JSON.parse` accepts; a test checks this against `JSON.parse`).
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const fail = (reason?: string): never => {
    // Point just after the last real character, where the missing text should have been.
    if (i >= n) throw new Stop(text.trimEnd().length, "unexpected end of file (truncated?)");
    throw new Stop(i, reason ?? `unexpected character ${JSON.stringify(text[i])}`);
  };
  const ws = () => {
    while (i < n && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail();
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail("control character inside a string (unescaped newline?)");
      if (c === 92) {
        i++;
        if (i >= n) fail();
        const e = text[i]!;
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) fail();
            if (!/[0-9a-fA-F]/.test(text[i]!)) fail("invalid \\u escape");
          }
        } else if (!'"\\/bfnrt'.includes(e)) fail(`invalid escape \\${e}`);
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0].length === 0) fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail("nesting too deep");
    ws();
    if (i >= n) fail();
    const c = text[i]!;
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(i < n ? `expected a property name in double quotes, found ${JSON.stringify(text[i])}` : undefined);
        string();
        ws();
        if (text[i] !== ":") fail(i < n ? `expected ":" after the property name` : undefined);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(i < n ? `expected "," or "}" in object, found ${JSON.stringify(text[i])}` : undefined);
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(i < n ? `expected "," or "]" in array, found ${JSON.stringify(text[i])}` : undefined);
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c >= "0" && c <= "9")) number();
    else fail();
  };
  let stop: Stop;
  try {
    ws();
    if (i >= n) throw new Stop(n, "the file is empty");
    value(0);
    ws();
    if (i < n) fail(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    stop = e;
  }
  return { offset: stop.offset, reason: stop.reason, ...position(text, stop.offset) };
}
