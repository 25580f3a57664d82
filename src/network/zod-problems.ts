/**
 * Translation of zod issues into the loader's problem format (path segments, bad value, message,
 * fix), so that schema problems and semantic problems read the same.
 */
import type { z } from "zod";
import { showValue } from "./errors.js";
import { valueAt, type PathSegments } from "./json-path.js";
import { NETWORK_SCHEMA_ID, NETWORK_SCHEMA_VERSION } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** A problem before its file is known: path as segments. */
export interface RawProblem {
  readonly segments: PathSegments;
  readonly value: unknown;
  readonly message: string;
  readonly fix: string;
}

type Issue = z.core.$ZodIssue;

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : Number.isFinite(v) ? "a number" : String(v);
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

function article(expected: string): string {
  if (expected === "array" || expected === "object" || expected === "integer") return `an ${expected}`;
  return `a ${expected}`;
}

/**
 * The keys an object schema accepts at `segments`, found by walking the zod schema definition
 * (used to suggest the intended key for an unknown one). Empty when the walk cannot tell.
 */
export function keysAt(schema: z.core.$ZodType, segments: PathSegments): string[] {
  let s: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    while (s) {
      const def = s._zod.def as unknown as { type: string; innerType?: z.core.$ZodType };
      if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) {
        s = def.innerType;
      } else break;
    }
  };
  for (const seg of segments) {
    unwrap();
    if (!s) return [];
    const def = s._zod.def as unknown as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      element?: z.core.$ZodType;
      items?: z.core.$ZodType[];
      valueType?: z.core.$ZodType;
    };
    if (def.type === "object" && def.shape)
      s = Object.prototype.hasOwnProperty.call(def.shape, seg) ? def.shape[seg as string] : undefined;
    else if (def.type === "array") s = def.element;
    else if (def.type === "tuple" && typeof seg === "number") s = def.items?.[seg];
    else if (def.type === "record") s = def.valueType;
    else return [];
  }
  unwrap();
  const def = s?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Translate zod issues (from `safeParse(root, { reportInput: true })`) into raw problems. */
export function problemsFromZod(
  issues: readonly Issue[],
  root: unknown,
  schema: z.core.$ZodType,
  prefix: PathSegments = [],
): RawProblem[] {
  const out: RawProblem[] = [];
  for (const issue of issues) {
    const segments = [...prefix, ...(issue.path as (string | number)[])];
    const value = valueAt(root, segments);
    const last = segments[segments.length - 1];
    const field = typeof last === "string" ? JSON.stringify(last) : `item ${String(last)}`;
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = keysAt(schema, segments);
        for (const key of issue.keys) {
          out.push({
            segments: [...segments, key],
            value: valueAt(root, [...segments, key]),
            message: `unknown field ${JSON.stringify(key)}`,
            fix:
              `remove ${JSON.stringify(key)} or correct its name${didYouMean(key, allowed)}` +
              (allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : ""),
          });
        }
        break;
      }
      case "invalid_type": {
        const expected = String(issue.expected);
        if (value === undefined) {
          out.push({
            segments,
            value,
            message: `missing required field ${field}`,
            fix: `add ${field} (${article(expected)})`,
          });
        } else {
          const bad = typeof value === "number" && !Number.isFinite(value);
          out.push({
            segments,
            value,
            message: bad
              ? `${showValue(value)} is not a finite number`
              : `expected ${article(expected)}, got ${kindOf(value)} ${showValue(value)}`,
            fix: bad ? "use a finite number (NaN and Infinity are not data)" : `make ${field} ${article(expected)}`,
          });
        }
        break;
      }
      case "invalid_value": {
        if (value === undefined) {
          out.push({
            segments,
            value,
            message: `missing required field ${field}`,
            fix: `add ${field}: one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
          });
          break;
        }
        const values = issue.values.map((v) => JSON.stringify(v));
        let fix = `use ${values.length === 1 ? values[0] : `one of ${values.join(", ")}`}`;
        if (typeof value === "string") fix += didYouMean(value, issue.values.map(String));
        if (segments.length === 1 && last === "schema") {
          fix = `set "schema": ${JSON.stringify(NETWORK_SCHEMA_ID)} (is this a qiwan network file?)`;
        } else if (segments.length === 1 && last === "version") {
          fix = `this release reads format version ${NETWORK_SCHEMA_VERSION}; convert the file or use a qiwan-access release that reads version ${showValue(value)}`;
        }
        out.push({
          segments,
          value,
          message:
            segments.length === 1 && last === "schema"
              ? `unknown schema id ${showValue(value)}`
              : segments.length === 1 && last === "version"
                ? `unsupported format version ${showValue(value)}`
                : `${showValue(value)} is not an allowed value for ${field}`,
          fix,
        });
        break;
      }
      case "too_small":
      case "too_big": {
        const small = issue.code === "too_small";
        const limit = small
          ? (issue as { minimum: number | bigint }).minimum
          : (issue as { maximum: number | bigint }).maximum;
        const origin = issue.origin;
        let message: string;
        let fix: string;
        if (origin === "array") {
          const n = Array.isArray(value) ? value.length : 0;
          message = `${field} has ${n} item${n === 1 ? "" : "s"}, needs ${small ? "at least" : "at most"} ${limit}`;
          fix = small ? `add items to ${field}` : `remove items from ${field}`;
        } else if (origin === "string") {
          message =
            small && Number(limit) === 1
              ? `${field} is empty`
              : `${showValue(value)} is too ${small ? "short" : "long"} (${small ? "at least" : "at most"} ${limit} character${Number(limit) === 1 ? "" : "s"})`;
          fix = small ? `write ${Number(limit) === 1 ? "a non-empty" : "a longer"} ${field}` : `shorten ${field}`;
        } else {
          message = `${showValue(value)} is ${small ? "below the minimum" : "above the maximum"} ${limit}`;
          fix = `use a value ${small ? ">=" : "<="} ${limit}`;
        }
        out.push({ segments, value, message, fix });
        break;
      }
      case "invalid_format": {
        if (issue.format === "date") {
          out.push({
            segments,
            value,
            message: `${showValue(value)} is not a calendar date (YYYY-MM-DD: month 01-12, a day the month has)`,
            fix: `write ${field} as a real date, e.g. "2025-06-30"`,
          });
          break;
        }
        out.push({
          segments,
          value,
          message: `${showValue(value)} is not valid: ${issue.message}`,
          fix: `rewrite ${field} to match ${issue.pattern ?? issue.format}`,
        });
        break;
      }
      case "invalid_union": {
        // Report the branch that came closest: what the author most likely meant. Issues at the
        // union's own level (wrong type, unknown keys) mean the branch did not fit at all.
        const branches = (issue as { errors: Issue[][] }).errors;
        const score = (b: Issue[]) =>
          b.reduce(
            (n, i) => n + (i.path.length === 0 ? 10 * (i.code === "unrecognized_keys" ? i.keys.length : 1) : 1),
            0,
          );
        const best = [...branches].sort((a, b) => score(a) - score(b))[0];
        if (best && best.length > 0) out.push(...problemsFromZod(best, root, schema, segments));
        else out.push({ segments, value, message: `${showValue(value)} has the wrong shape`, fix: issue.message });
        break;
      }
      case "custom": {
        const m = issue.message;
        let fix: string;
        if (m.includes("out of bounds")) fix = `use a value in the stated bounds (check the unit in the field name)`;
        else if (m.includes("outside its assumption range"))
          fix = "move the value into assumption.range, or widen the range";
        else if (m.startsWith("a number needs provenance"))
          fix = 'add "source": "<citation>" or "assumption": { "why": "...", "range": [low, high] }';
        else if (m.startsWith("give either")) fix = 'keep "source" or "assumption", not both';
        else if (m.startsWith("a reading needs")) fix = 'add "rationale": "<why the promise is read this way>" or "source": "<citation>"';
        else if (m.startsWith("a reading has both")) fix = 'keep "source" or "rationale", not both (put the citation inside the rationale)';
        else if (m.includes("low <= high")) fix = "swap the range ends";
        else if (m.includes("must lie inside range")) fix = "move mode inside the range, or widen the range";
        else if (m.startsWith("is not a calendar date")) fix = `write ${field} as a real date: YYYY, YYYY-MM or YYYY-MM-DD`;
        else fix = "correct the value";
        const inner = value !== null && typeof value === "object" ? (value as { value?: unknown }).value : undefined;
        const msg = m.startsWith("a number needs provenance")
          ? `the number ${showValue(inner)} has no provenance (neither "source" nor "assumption")`
          : m.startsWith("give either")
            ? `the number ${showValue(inner)} has both "source" and "assumption"`
            : m.startsWith("is not a")
              ? `${showValue(value)} ${m}`
              : m;
        out.push({ segments, value, message: msg, fix });
        break;
      }
      default: {
        out.push({ segments, value, message: `${showValue(value)}: ${issue.message}`, fix: `correct ${field}` });
      }
    }
  }
  return out;
}
