/**
 * Errors thrown by the network stage. Each has a `name` so callers (and tests) match on the class.
 */
import { showInvisible } from "../util/visible.js";
import { QiwanError } from "../core/errors.js";

/** One problem found in a network: where, what value, what is wrong, and how to fix it. */
export interface NetworkProblem {
  /** File the problem is in (for a folder network, the file inside the folder); absent for objects. */
  readonly file?: string;
  /**
   * JSON path inside that file's content, e.g. `links[12].from`; `$` is the top level. For a
   * folder network the path is the same as in the equivalent single-file network.
   */
  readonly path: string;
  /** The offending value (undefined when the field is missing). */
  readonly value: unknown;
  /** What is wrong, naming the value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

type ShowFrame =
  | { readonly t: "value"; readonly v: unknown }
  | { readonly t: "array"; readonly a: readonly unknown[]; i: number }
  | { readonly t: "object"; readonly o: Record<string, unknown>; readonly keys: string[]; i: number; shown: number };

/**
 * Short, single-line rendering of a value for messages: JSON (strings quoted, non-finite numbers
 * as `"NaN"`), cut to `maxLength` characters with `...`. Iterative and stops as soon as it has
 * enough text, so a value nested 100,000 levels deep or an array of a million items costs no more
 * than a short one (JSON.stringify would overflow the stack or build the whole text).
 */
export function showValue(value: unknown, maxLength = 80): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "function") return "[function]";
  let out = "";
  const stack: ShowFrame[] = [{ t: "value", v: value }];
  while (stack.length > 0 && out.length <= maxLength) {
    const top = stack[stack.length - 1]!;
    if (top.t === "value") {
      stack.pop();
      const v = top.v;
      if (typeof v === "string") out += JSON.stringify(v.length > maxLength ? v.slice(0, maxLength + 1) : v);
      else if (typeof v === "number") out += Number.isFinite(v) ? String(v) : `"${String(v)}"`;
      else if (v === null || v === undefined || typeof v === "function" || typeof v === "symbol") out += "null";
      else if (typeof v !== "object") out += String(v);
      else if (Array.isArray(v)) {
        out += "[";
        stack.push({ t: "array", a: v, i: 0 });
      } else {
        out += "{";
        stack.push({ t: "object", o: v as Record<string, unknown>, keys: Object.keys(v), i: 0, shown: 0 });
      }
    } else if (top.t === "array") {
      if (top.i >= top.a.length) {
        stack.pop();
        out += "]";
      } else {
        if (top.i > 0) out += ",";
        stack.push({ t: "value", v: top.a[top.i++] });
      }
    } else if (top.i >= top.keys.length) {
      stack.pop();
      out += "}";
    } else {
      const key = top.keys[top.i++]!;
      const v = top.o[key];
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue; // as JSON.stringify
      out += `${top.shown++ > 0 ? "," : ""}${JSON.stringify(key)}:`;
      stack.push({ t: "value", v });
    }
  }
  return out.length > maxLength ? `${out.slice(0, maxLength - 3)}...` : out;
}

/** `file: path: message (fix: ...)`, one line, invisible characters escaped (`\u202E`). */
export function formatProblem(p: NetworkProblem): string {
  const where = p.file === undefined ? p.path : `${p.file}: ${p.path}`;
  return showInvisible(`${where}: ${p.message} (fix: ${p.fix})`);
}

/**
 * A network file, folder or object is invalid. Thrown once per load with every problem found
 * (not just the first), each with its file, JSON path, bad value, message and fix.
 */
export class NetworkValidationError extends QiwanError {
  override name = "NetworkValidationError";
  readonly code = "NETWORK_INVALID";
  /** Every problem found, in file then document order. Never empty. */
  readonly problems: readonly NetworkProblem[];
  /** What was loaded: a path, or "network object". */
  readonly origin: string;

  constructor(origin: string, problems: readonly NetworkProblem[]) {
    const n = problems.length;
    super(
      `${origin}: ${n} problem${n === 1 ? "" : "s"} in network:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.origin = origin;
    this.problems = Object.freeze([...problems]);
  }
}

/** The kinds of entity a network holds, as used in lookup errors. */
export type EntityKind = "place" | "link" | "service" | "project" | "scenario" | "target";

/**
 * A caller named an id that the network does not have (e.g. `resolveScenario(net, "plan2025x")`).
 * Programmer or user error, not bad data: the CLI maps it to a usage error (exit 2).
 */
export class UnknownIdError extends QiwanError {
  override name = "UnknownIdError";
  readonly code = "UNKNOWN_ID";
  constructor(
    /** Which kind of entity was looked up. */
    readonly kind: EntityKind,
    /** The id asked for. */
    readonly id: string,
    /** The closest existing id, if any is close enough to be a typo. */
    readonly suggestion: string | undefined,
    /** Every id of that kind, for listing in help text. */
    readonly known: readonly string[],
    /** The argument that carried the id, for the message (e.g. "scenarioId", "--from"). */
    argument = `${kind} id`,
  ) {
    super(
      showInvisible(`unknown ${kind} ${JSON.stringify(id)} in ${argument}`) +
        (suggestion !== undefined
          ? `; did you mean ${JSON.stringify(suggestion)}?`
          : known.length > 0
            ? `; known ${kind}s: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", ..." : ""}`
            : `; the network has no ${kind}s`),
    );
  }
}

/**
 * A name given for a place matches several places equally well (`Chongqing` names four stations).
 * A usage error (exit 2): the message lists the candidates by id and name so the user can pick one.
 */
export class AmbiguousPlaceError extends QiwanError {
  override name = "AmbiguousPlaceError";
  readonly code = "PLACE_AMBIGUOUS";
  constructor(
    /** The text given. */
    readonly query: string,
    /** The places it could mean: id, names and kind. */
    readonly candidates: readonly { readonly id: string; readonly name: { readonly zh: string; readonly en: string }; readonly kind: string }[],
    /** The argument that carried it (e.g. "--from"). */
    argument = "place",
  ) {
    super(
      showInvisible(`${argument} ${JSON.stringify(query)} matches ${candidates.length} places; give one of their ids: `) +
        candidates
          .slice(0, 12)
          .map((c) => `${c.id} (${c.name.zh}, ${c.name.en}, ${c.kind})`)
          .join("; ") +
        (candidates.length > 12 ? `; and ${candidates.length - 12} more (qiwan places ${JSON.stringify(query)})` : ""),
    );
  }
}
