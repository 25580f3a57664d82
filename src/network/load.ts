/**
 * Loading a network from an object: validate (schema and semantic checks, every problem collected),
 * then build the frozen {@link Network}. Browser-safe; reading files and folders is `load-files.ts`
 * (the `qiwan-access/node` entry point).
 */
import { checkNetworkData } from "./check.js";
import { NetworkValidationError, type NetworkProblem } from "./errors.js";
import { deepFreeze, FrozenMap } from "./freeze.js";
import { formatPath } from "./json-path.js";
import { decodeUtf8, parseJsonText } from "./json-text.js";
import { buildTowns } from "./towns.js";
import { LIMITS } from "../limits.js";
import { NetworkFileSchema, type NetworkFile } from "./schema.js";
import type { Network } from "./types.js";
import { problemsFromZod, type RawProblem } from "./zod-problems.js";

/** Options of `loadNetwork` (both entry points) and `loadNetworkSync` (`qiwan-access/node`). */
export interface LoadNetworkOptions {
  /**
   * Name used for an in-memory object in error messages and as `Network.origin`
   * (default: none; messages say "network object").
   */
  readonly origin?: string;
}

/** Entity lists a folder network keeps in files of their own (`places.json`, ...). */
const ENTITY_FILE_KEYS: readonly string[] = ["places", "links", "services", "projects", "scenarios", "targets"];

/** The file holding the header fields of a folder network. */
export const FOLDER_HEADER_FILE = "network.json";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function describeType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** Raw data plus, for a folder, which file each top-level key came from. */
export interface Assembled {
  readonly root: Record<string, unknown>;
  readonly fileOfKey: (key: string | number | undefined) => string | undefined;
  /** Set for a folder network: missing entity lists are then fixed by adding a file. */
  readonly folder?: string;
}

/** One JSON file's bytes, as read from disk (decoded strictly as UTF-8 when parsed). */
export interface TextFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** Decode (strict UTF-8) and parse (strict JSON) one file. */
export function parseFile(f: TextFile): { ok: true; value: unknown } | { ok: false; problems: NetworkProblem[] } {
  const decoded = decodeUtf8(f.bytes, f.file);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return parseJsonText(decoded.text, f.file);
}

/**
 * Nesting depth of plain data (a scalar is 0), counting at most `stopAbove + 1`: iterative, and each
 * object is visited once, so a cyclic or very deep object neither recurses nor loops.
 */
function nestingDepth(root: unknown, stopAbove: number): number {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[root, 0]];
  let max = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (d + 1 > max) max = d + 1;
    if (max > stopAbove) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

export function topLevelProblem(value: unknown, file: string | undefined): NetworkProblem {
  return {
    ...(file === undefined ? {} : { file }),
    path: "$",
    value,
    message: `a network must be a JSON object, got ${describeType(value)}`,
    fix: 'wrap the content in an object: { "schema": "qiwan-network", "version": 1, "places": [...], ... }',
  };
}

/** Validate assembled raw data; returns the parsed file content or every problem found. */
function validate(a: Assembled): NetworkFile | NetworkProblem[] {
  const raw: RawProblem[] = [];
  const result = NetworkFileSchema.safeParse(a.root, { reportInput: true });
  if (!result.success) raw.push(...problemsFromZod(result.error.issues, a.root, NetworkFileSchema));
  raw.push(...checkNetworkData(a.root));
  if (raw.length === 0 && result.success) return result.data;
  // Report in reading order: by file, then by position in the document (header fields first,
  // then entity lists in the schema's order, items by index); ties keep zod-then-semantic order.
  const order = Object.keys(NetworkFileSchema.shape);
  const rank = (seg: string | number | undefined) => (typeof seg === "string" ? order.indexOf(seg) : -1);
  type Located = RawProblem & { readonly file: string | undefined };
  const cmp = (p: Located, q: Located): number => {
    const fp = p.file ?? "";
    const fq = q.file ?? "";
    if (fp !== fq) return fp < fq ? -1 : 1;
    for (let i = 0; i < Math.min(p.segments.length, q.segments.length); i++) {
      const x = p.segments[i]!;
      const y = q.segments[i]!;
      if (x === y) continue;
      if (typeof x === "number" && typeof y === "number") return x - y;
      if (i === 0 && rank(x) !== rank(y))
        return (rank(x) === -1 ? order.length : rank(x)) - (rank(y) === -1 ? order.length : rank(y));
      return 0; // keys inside an entity: keep the order the checks found them in
    }
    return p.segments.length - q.segments.length;
  };
  const seen = new Set<string>();
  const problems: NetworkProblem[] = [];
  for (const r of raw.map((r): Located => ({ ...r, file: a.fileOfKey(r.segments[0]) })).sort(cmp)) {
    const key0 = r.segments[0];
    const missingList =
      a.folder !== undefined &&
      r.segments.length === 1 &&
      r.value === undefined &&
      typeof key0 === "string" &&
      ENTITY_FILE_KEYS.includes(key0);
    const p: NetworkProblem = {
      ...(r.file === undefined ? {} : { file: r.file }),
      path: formatPath(r.segments),
      value: r.value,
      message: r.message,
      fix: missingList ? `add ${key0}.json holding { "${key0}": [...] } to the folder` : r.fix,
    };
    const key = `${p.file}\0${p.path}\0${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return collapseRepeats(problems);
}

/** Paths listed when one problem repeats at many places. */
const REPEAT_PATHS_SHOWN = 3;

/**
 * One bad id used in many places (an unknown place in 23 links and services) is one mistake: its
 * problems (same message, same fix, same string value) become one, at the first path, saying how
 * many uses there are and where the first few are.
 */
function collapseRepeats(problems: readonly NetworkProblem[]): NetworkProblem[] {
  const groups = new Map<string, NetworkProblem[]>();
  const out: (NetworkProblem | NetworkProblem[])[] = [];
  for (const p of problems) {
    if (typeof p.value !== "string") {
      out.push(p);
      continue;
    }
    const key = `${p.message}\0${p.fix}\0${p.value}`;
    const group = groups.get(key);
    if (group !== undefined) group.push(p);
    else {
      const fresh = [p];
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.map((g) => {
    if (!Array.isArray(g)) return g;
    const first = g[0]!;
    if (g.length === 1) return first;
    const where = (p: NetworkProblem) => (p.file !== undefined && p.file !== first.file ? `${p.file}: ${p.path}` : p.path);
    const shown = g.slice(0, REPEAT_PATHS_SHOWN).map(where).join(", ");
    const more = g.length > REPEAT_PATHS_SHOWN ? `, and ${g.length - REPEAT_PATHS_SHOWN} more` : "";
    return { ...first, message: `${first.message} (${g.length} uses: ${shown}${more})` };
  });
}

function build(data: NetworkFile, origin: string | undefined): Network {
  const byId = <T extends { id: string }>(xs: readonly T[]) => new FrozenMap(xs.map((x) => [x.id, x] as const));
  const sources = data.sources ?? [];
  const places = data.places;
  const links = data.links;
  const services = data.services ?? [];
  const projects = data.projects;
  const scenarios = data.scenarios;
  const targets = data.targets ?? [];
  deepFreeze(data);
  const network: Network = {
    id: data.id,
    name: data.name,
    ...(data.description === undefined ? {} : { description: data.description }),
    asOf: data.asOf,
    sources: deepFreeze(sources),
    parameters: deepFreeze(data.parameters ?? {}),
    places,
    links,
    services: deepFreeze(services),
    projects,
    scenarios,
    targets: deepFreeze(targets),
    placeById: byId(places),
    linkById: byId(links),
    serviceById: byId(services),
    projectById: byId(projects),
    scenarioById: byId(scenarios),
    targetById: byId(targets),
    ...(data.towns === undefined ? {} : { towns: buildTowns(data.towns) }),
    ...(origin === undefined ? {} : { origin }),
  };
  return Object.freeze(network);
}

/** Validate assembled data (or report the problems found while assembling it) and build the network. */
export function networkFrom(assembled: Assembled | NetworkProblem[], label: string, origin: string | undefined): Network {
  if (Array.isArray(assembled)) throw new NetworkValidationError(label, assembled);
  const v = validate(assembled);
  if (Array.isArray(v)) throw new NetworkValidationError(label, v);
  return build(v, origin);
}

/** An in-memory network object, copied (never modified), validated and frozen. */
export function networkFromObject(value: unknown, origin: string | undefined): Network {
  const label = origin ?? "network object";
  const depth = nestingDepth(value, LIMITS.jsonDepth.max);
  if (depth > LIMITS.jsonDepth.max) {
    throw new NetworkValidationError(label, [
      {
        path: "$",
        value: undefined,
        message: `the network object nests deeper than ${LIMITS.jsonDepth.max} levels (LIMITS.jsonDepth)`,
        fix: "pass network data: a network nests at most a few levels (check for a self-containing value)",
      },
    ]);
  }
  let copy: unknown;
  try {
    // A private copy: validation and freezing must never touch the caller's object.
    copy = structuredClone(value);
  } catch (err) {
    throw new NetworkValidationError(label, [
      {
        path: "$",
        value: value,
        message: `the network object is not plain data (${(err as Error).message.split("\n")[0]})`,
        fix: "pass plain JSON-like data: objects, arrays, strings, numbers, booleans",
      },
    ]);
  }
  const assembled = isPlainObject(copy) ? { root: copy, fileOfKey: () => undefined } : [topLevelProblem(copy, undefined)];
  return networkFrom(assembled, label, origin);
}

/** The problem reported when a browser-safe loader is handed a path. */
function pathProblem(p: string): NetworkProblem {
  return {
    path: "$",
    value: p,
    message: `a path (${JSON.stringify(p)}) needs the Node entry point: this loadNetwork takes a network object`,
    fix: 'import { loadNetwork } from "qiwan-access/node" to read a file or folder, or pass the parsed object',
  };
}

/**
 * Validate an in-memory network object (browser-safe). To read a file or a folder, use `loadNetwork`
 * from `qiwan-access/node`, which takes a path or an object.
 *
 * @param data An object with the single-file layout (`networks/schema.json`). It is copied, never
 *   modified; it may hold NaN or Infinity, which are reported as problems.
 * @returns A deeply frozen {@link Network} (its Maps and arrays are read-only too).
 * @throws {@link NetworkValidationError} listing every problem (schema violations, unknown
 *   references with "did you mean", implausible coordinates and lengths, cyclic scenario
 *   inheritance, ...), or naming the Node entry point when `data` is a path string.
 */
export async function loadNetwork(data: object, options: LoadNetworkOptions = {}): Promise<Network> {
  if (typeof data === "string") throw new NetworkValidationError(data, [pathProblem(data)]);
  return networkFromObject(data, options.origin);
}
