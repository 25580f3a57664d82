/**
 * Reading JSON strictly: bytes must be valid UTF-8, every object key must be unique, nesting is
 * bounded, and a syntax error is reported at line:column (1-based) with what was found there.
 * `JSON.parse` alone would silently replace bad bytes with U+FFFD, keep the last of two equal keys
 * (a target's `thresholdMin` 30 then 300 passes with 300), and its messages differ between engines.
 */
import { LIMITS } from "../limits.js";
import type { NetworkProblem } from "./errors.js";
import { formatPath, type PathSegments } from "./json-path.js";

/** A position in a text: 0-based offset, 1-based line and column (column in UTF-16 code units). */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Where the first syntax error in `text` is, and what was found there. */
export interface JsonSyntaxError extends TextPosition {
  /** E.g. `unexpected end of file (truncated?)` or `unexpected character "}"`. */
  readonly reason: string;
}

/** A key that appears twice in one object. */
export interface DuplicateKey {
  readonly key: string;
  /** Path of the key (the object's path plus the key). */
  readonly segments: PathSegments;
  /** The first occurrence (the one `JSON.parse` would silently drop). */
  readonly first: TextPosition;
  /** The second occurrence. */
  readonly second: TextPosition;
}

/** What {@link scanJson} found. */
export interface JsonScan {
  /** The first syntax error (or nesting beyond `maxDepth`); scanning stops there. */
  readonly error?: JsonSyntaxError;
  /** Every duplicated key before the error (at most {@link MAX_DUPLICATES_REPORTED}). */
  readonly duplicates: readonly DuplicateKey[];
}

/** Duplicate keys reported per file; more are summarised by the caller. */
export const MAX_DUPLICATES_REPORTED = 50;

/** Line starts of a text, for offset → line:column by binary search (built once per text). */
function positionFinder(text: string): (offset: number) => TextPosition {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const OBJECT = 0;
const ARRAY = 1;
interface Frame {
  readonly kind: typeof OBJECT | typeof ARRAY;
  /** Keys seen in this object and the offset of each one's opening quote. */
  readonly keys: Map<string, number> | null;
  key: string;
  index: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
/** A run of string characters that need no attention: not a quote, a backslash or a control character. */
const PLAIN = /[^"\\\x00-\x1f]*/y;

/**
 * Scan JSON text without building it: the first syntax error, every duplicated key, and nesting
 * deeper than `maxDepth` (reported as an error at the opening bracket). Iterative, so any nesting
 * depth is scanned without recursion; linear in the text's length. The grammar is exactly the one
 * `JSON.parse` accepts (a property test checks this against `JSON.parse`).
 */
export function scanJson(text: string, options: { maxDepth?: number } = {}): JsonScan {
  const maxDepth = options.maxDepth ?? Infinity;
  const at = positionFinder(text);
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;

  const fail = (reason?: string): never => {
    // At the end of the text, point just after the last real character, where the missing text should be.
    if (i >= n) throw new Stop(text.trimEnd().length, "unexpected end of file (truncated?)");
    throw new Stop(i, reason ?? `unexpected character ${JSON.stringify(text[i])}`);
  };
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  /** Scans the string opening at `i`; returns the offset of its opening quote. */
  const string = (): number => {
    const start = i++;
    for (;;) {
      // Skip ordinary characters in one native regex step: strings are most of a network's text.
      PLAIN.lastIndex = i;
      PLAIN.test(text);
      i = PLAIN.lastIndex;
      if (i >= n) {
        const p = at(start);
        throw new Stop(text.trimEnd().length, `unexpected end of file (truncated?) inside the string opened at line ${p.line}, column ${p.column}`);
      }
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return start;
      }
      if (c === 10 || c === 13) {
        throw new Stop(start, "unterminated string: the closing quote is missing before the end of the line (a line break inside a string is written \\n)");
      }
      if (c < 0x20) fail(`control character U+${c.toString(16).toUpperCase().padStart(4, "0")} inside a string: write it escaped`);
      if (c === 92) {
        i++;
        if (i >= n) fail();
        const e = text[i]!;
        if (e === "u") {
          HEX4.lastIndex = i + 1;
          if (!HEX4.test(text)) {
            i++;
            while (i < n && /[0-9a-fA-F]/.test(text[i]!)) i++;
            fail("invalid \\u escape");
          }
          i += 4;
        } else if (!'"\\/bfnrt'.includes(e)) fail(`invalid escape \\${e}`);
      }
      i++;
    }
  };
  const key = (frame: Frame) => {
    ws();
    if (text.charCodeAt(i) !== 34)
      fail(i < n ? `expected a property name in double quotes, found ${JSON.stringify(text[i])}` : undefined);
    const start = string();
    const raw = text.slice(start + 1, i - 1);
    const name = raw.includes("\\") ? (JSON.parse(text.slice(start, i)) as string) : raw;
    const first = frame.keys!.get(name);
    if (first === undefined) frame.keys!.set(name, start);
    else if (duplicates.length < MAX_DUPLICATES_REPORTED) {
      duplicates.push({
        key: name,
        segments: [...stack.slice(0, -1).map((f) => (f.kind === OBJECT ? f.key : f.index)), name],
        first: at(first),
        second: at(start),
      });
    }
    frame.key = name;
    ws();
    if (text[i] !== ":") fail(i < n ? `expected ":" after the property name` : undefined);
    i++;
  };
  const open = (kind: Frame["kind"]) => {
    if (stack.length >= maxDepth) throw new Stop(i, `nesting deeper than ${maxDepth} levels (LIMITS.jsonDepth)`);
    stack.push({ kind, keys: kind === OBJECT ? new Map() : null, key: "", index: 0 });
    i++;
  };

  try {
    ws();
    if (i >= n) throw new Stop(n, "the file is empty");
    for (;;) {
      // A value starts at i.
      ws();
      if (i >= n) fail();
      const c = text[i]!;
      let complete = true;
      if (c === "{") {
        open(OBJECT);
        ws();
        if (text[i] === "}") {
          i++;
          stack.pop();
        } else {
          key(stack[stack.length - 1]!);
          complete = false;
        }
      } else if (c === "[") {
        open(ARRAY);
        ws();
        if (text[i] === "]") {
          i++;
          stack.pop();
        } else complete = false;
      } else if (c === '"') string();
      else if (c === "t" || c === "f" || c === "n") {
        const word = c === "t" ? "true" : c === "f" ? "false" : "null";
        for (const ch of word) {
          if (text[i] !== ch) fail();
          i++;
        }
      } else if (c === "-" || (c >= "0" && c <= "9")) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) fail();
        i = NUMBER.lastIndex;
      } else fail();
      if (!complete) continue;
      // A value ended: continue or close its containers.
      for (;;) {
        ws();
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          if (i < n) fail(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
          return { duplicates };
        }
        const close = frame.kind === OBJECT ? "}" : "]";
        if (text[i] === ",") {
          i++;
          if (frame.kind === OBJECT) key(frame);
          else frame.index++;
          break;
        }
        if (text[i] === close) {
          i++;
          stack.pop();
          continue;
        }
        fail(i < n ? `expected "," or "${close}" in ${frame.kind === OBJECT ? "object" : "array"}, found ${JSON.stringify(text[i])}` : undefined);
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { error: { ...at(e.offset), reason: e.reason }, duplicates };
  }
}

/**
 * Find the first syntax error in `text`, or undefined if `text` is valid JSON (the scanner accepts
 * exactly what `JSON.parse` accepts; duplicate keys and depth are not syntax errors).
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  return scanJson(text).error;
}

/** The first invalid UTF-8 sequence in `bytes`: its byte offset and what is wrong. */
export interface Utf8Error {
  /** 0-based byte offset of the first byte of the bad sequence. */
  readonly byteOffset: number;
  /** The offending bytes, e.g. `0xC4 0xE3`. */
  readonly bytes: string;
}

/**
 * The first invalid UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
 * included), or undefined when `bytes` is valid UTF-8. Linear; only called after the fast check fails.
 */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Error | undefined {
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return { byteOffset: i, bytes: hex(bytes, i, 1) };
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { byteOffset: i, bytes: hex(bytes, i, k + (c === undefined ? 0 : 1)) };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { byteOffset: i, bytes: hex(bytes, i, need + 1) };
    i += need + 1;
  }
  return undefined;
}

function hex(bytes: Uint8Array, from: number, count: number): string {
  return Array.from(bytes.subarray(from, Math.min(bytes.length, from + Math.max(1, count))), (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decode file bytes as UTF-8, refusing invalid bytes (instead of turning them into U+FFFD).
 * @returns The text, or a problem naming the byte offset, line and bytes of the first bad sequence.
 */
export function decodeUtf8(bytes: Uint8Array, file: string | undefined): { ok: true; text: string } | { ok: false; problem: NetworkProblem } {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    const bad = findInvalidUtf8(bytes) ?? { byteOffset: 0, bytes: "" };
    // The line is counted in the valid prefix, which decodes cleanly.
    const before = UTF8.decode(bytes.subarray(0, bad.byteOffset));
    const line = before.split("\n").length;
    return {
      ok: false,
      problem: {
        ...(file === undefined ? {} : { file }),
        path: "$",
        value: bad.bytes,
        message: `not valid UTF-8 at byte ${bad.byteOffset} (line ${line}): ${bad.bytes} is not a UTF-8 sequence`,
        fix: "save the file as UTF-8 (a file saved as GBK/GB 18030 or Latin-1 must be converted, e.g. iconv -f GB18030 -t UTF-8)",
      },
    };
  }
}

/**
 * Parse JSON text strictly (a leading byte-order mark is skipped): syntax errors at line:column,
 * every duplicate key with both positions, nesting deeper than `LIMITS.jsonDepth`.
 */
export function parseJsonText(
  text: string,
  file: string | undefined,
): { ok: true; value: unknown } | { ok: false; problems: NetworkProblem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body, { maxDepth: LIMITS.jsonDepth.max });
  const problems: NetworkProblem[] = scan.duplicates.map((d) => ({
    ...(file === undefined ? {} : { file }),
    path: formatPath(d.segments),
    value: d.key,
    message: `duplicate key ${JSON.stringify(d.key)} at line ${d.second.line}, column ${d.second.column}; the same object has it at line ${d.first.line}, column ${d.first.column} (JSON readers silently keep only the last)`,
    fix: `keep one of the two ${JSON.stringify(d.key)} entries`,
  }));
  if (scan.duplicates.length === MAX_DUPLICATES_REPORTED) {
    problems.push({
      ...(file === undefined ? {} : { file }),
      path: "$",
      value: undefined,
      message: `more than ${MAX_DUPLICATES_REPORTED} duplicate keys; only the first ${MAX_DUPLICATES_REPORTED} are listed`,
      fix: "check how the file was produced: a generator that writes keys twice",
    });
  }
  const err = scan.error;
  if (err !== undefined) {
    const where = `line ${err.line}, column ${err.column}`;
    const deep = err.reason.startsWith("nesting deeper");
    problems.push({
      ...(file === undefined ? {} : { file }),
      path: "$",
      value: excerpt(body, err.offset),
      message: `${deep ? "nested too deeply" : "not valid JSON"} at ${where}: ${err.reason}`,
      fix: deep
        ? `a network nests at most a few levels; check what produced the file (at most ${LIMITS.jsonDepth.max} levels are read)`
        : err.reason.startsWith("unexpected end")
          ? "the file ends too early: restore the missing end (closing brackets and braces) or re-save it"
          : err.reason.startsWith("unterminated string")
            ? `add the missing closing quote of the string at ${where}`
            : `correct the JSON syntax at ${where} (comments, trailing commas and single quotes are not JSON)`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: JSON.parse(body) };
}

function excerpt(text: string, offset: number): string {
  const start = Math.max(0, offset - 20);
  return text.slice(start, offset + 20).replace(/\s+/g, " ");
}
