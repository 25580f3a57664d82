/**
 * Loading a network from a file, a folder of files, or an object: parse, validate (schema and
 * semantic checks, every problem collected), then build the frozen {@link Network}.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
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

/** Options for {@link loadNetwork} and {@link loadNetworkSync}. */
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

/** One JSON file's bytes, as read from disk (decoded strictly as UTF-8 when parsed). */
interface TextFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** What a path turned out to hold, before parsing. */
type Source =
  | { readonly kind: "file"; readonly file: TextFile }
  | { readonly kind: "folder"; readonly folder: string; readonly files: readonly TextFile[] }
  | { readonly kind: "missing"; readonly problem: NetworkProblem };

function missing(p: string, err: unknown): Source {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return {
    kind: "missing",
    problem: {
      file: p,
      path: "$",
      value: p,
      message:
        code === "ENOENT"
          ? `no network file or folder at ${JSON.stringify(p)}`
          : `cannot read ${JSON.stringify(p)}: ${(err as Error | undefined)?.message ?? String(err)}`,
      fix:
        code === "ENOENT"
          ? "check the path (a network is a .json file or a folder holding network.json)"
          : "check the file permissions",
    },
  };
}

function jsonNames(names: readonly string[]): string[] {
  return names.filter((n) => n.toLowerCase().endsWith(".json")).sort();
}

async function readSource(p: string): Promise<Source> {
  try {
    const s = await stat(p);
    if (!s.isDirectory()) return { kind: "file", file: { file: p, bytes: await readFile(p) } };
    const names = jsonNames(await readdir(p));
    const files = await Promise.all(
      names.map(async (n) => ({ file: path.join(p, n), bytes: await readFile(path.join(p, n)) })),
    );
    return { kind: "folder", folder: p, files };
  } catch (err) {
    return missing(p, err);
  }
}

function readSourceSync(p: string): Source {
  try {
    if (!statSync(p).isDirectory()) return { kind: "file", file: { file: p, bytes: readFileSync(p) } };
    const names = jsonNames(readdirSync(p));
    return {
      kind: "folder",
      folder: p,
      files: names.map((n) => ({ file: path.join(p, n), bytes: readFileSync(path.join(p, n)) })),
    };
  } catch (err) {
    return missing(p, err);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function describeType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** Raw data plus, for a folder, which file each top-level key came from. */
interface Assembled {
  readonly root: Record<string, unknown>;
  readonly fileOfKey: (key: string | number | undefined) => string | undefined;
  /** Set for a folder network: missing entity lists are then fixed by adding a file. */
  readonly folder?: string;
}

/** Decode (strict UTF-8) and parse (strict JSON) one file. */
function parseFile(f: TextFile): { ok: true; value: unknown } | { ok: false; problems: NetworkProblem[] } {
  const decoded = decodeUtf8(f.bytes, f.file);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return parseJsonText(decoded.text, f.file);
}

function assemble(source: Source): Assembled | NetworkProblem[] {
  if (source.kind === "missing") return [source.problem];
  if (source.kind === "file") {
    const parsed = parseFile(source.file);
    if (!parsed.ok) return parsed.problems;
    if (!isPlainObject(parsed.value)) return [topLevelProblem(parsed.value, source.file.file)];
    const file = source.file.file;
    return { root: parsed.value, fileOfKey: () => file };
  }
  const problems: NetworkProblem[] = [];
  const header = path.join(source.folder, FOLDER_HEADER_FILE);
  if (!source.files.some((f) => f.file === header)) {
    problems.push({
      file: source.folder,
      path: "$",
      value: source.files.map((f) => path.basename(f.file)),
      message: `folder ${JSON.stringify(source.folder)} has no ${FOLDER_HEADER_FILE}`,
      fix: `add ${FOLDER_HEADER_FILE} holding schema, version, id, name and asOf (or pass a single-file network)`,
    });
  }
  const root: Record<string, unknown> = {};
  const keyFile = new Map<string, string>();
  for (const f of source.files) {
    const parsed = parseFile(f);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    if (!isPlainObject(parsed.value)) {
      problems.push(topLevelProblem(parsed.value, f.file));
      continue;
    }
    for (const [key, value] of Object.entries(parsed.value)) {
      if (key === "$schema") continue; // each file may point its editor at the schema
      const first = keyFile.get(key);
      if (first !== undefined) {
        problems.push({
          file: f.file,
          path: formatPath([key]),
          value: key,
          message: `entity key ${JSON.stringify(key)} appears in two files: ${path.basename(first)} and ${path.basename(f.file)}`,
          fix: `keep ${JSON.stringify(key)} in one file only (merge the two lists)`,
        });
        continue;
      }
      keyFile.set(key, f.file);
      // defineProperty: a key "__proto__" stays an ordinary key instead of changing the prototype.
      Object.defineProperty(root, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  if (problems.length > 0) return problems;
  return {
    root,
    folder: source.folder,
    fileOfKey: (key) => (typeof key === "string" ? keyFile.get(key) : undefined) ?? header,
  };
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

function topLevelProblem(value: unknown, file: string | undefined): NetworkProblem {
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

function finish(source: Source | { kind: "object"; value: unknown }, origin: string | undefined): Network {
  const label = origin ?? "network object";
  let assembled: Assembled | NetworkProblem[];
  if (source.kind === "object") {
    const depth = nestingDepth(source.value, LIMITS.jsonDepth.max);
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
      copy = structuredClone(source.value);
    } catch (err) {
      throw new NetworkValidationError(label, [
        {
          path: "$",
          value: source.value,
          message: `the network object is not plain data (${(err as Error).message.split("\n")[0]})`,
          fix: "pass plain JSON-like data: objects, arrays, strings, numbers, booleans",
        },
      ]);
    }
    assembled = isPlainObject(copy) ? { root: copy, fileOfKey: () => undefined } : [topLevelProblem(copy, undefined)];
  } else {
    assembled = assemble(source);
  }
  if (Array.isArray(assembled)) throw new NetworkValidationError(label, assembled);
  const v = validate(assembled);
  if (Array.isArray(v)) throw new NetworkValidationError(label, v);
  return build(v, origin);
}

/**
 * Load and validate a network.
 *
 * @param pathOrObject A path to a single-file network (`*.json`), a path to a folder network
 *   (`network.json` with the header fields plus one file per entity kind, e.g. `places.json`
 *   holding `{ "places": [...] }`; every `*.json` in the folder is read), or an in-memory object
 *   with the single-file layout. The object is copied, never modified; it may hold NaN or Infinity,
 *   which are reported as problems.
 * @returns A deeply frozen {@link Network} (its Maps and arrays are read-only too).
 * @throws {@link NetworkValidationError} listing every problem (unreadable, non-JSON or truncated
 *   files with line and column, schema violations, unknown references with "did you mean",
 *   implausible coordinates and lengths, cyclic scenario inheritance, ...). Nothing else is thrown
 *   for bad input.
 */
export async function loadNetwork(pathOrObject: string | object, options: LoadNetworkOptions = {}): Promise<Network> {
  if (typeof pathOrObject === "string") {
    return finish(await readSource(pathOrObject), options.origin ?? pathOrObject);
  }
  return finish({ kind: "object", value: pathOrObject }, options.origin);
}

/** Synchronous {@link loadNetwork}: same input, result and errors, reading with blocking fs calls. */
export function loadNetworkSync(pathOrObject: string | object, options: LoadNetworkOptions = {}): Network {
  if (typeof pathOrObject === "string") {
    return finish(readSourceSync(pathOrObject), options.origin ?? pathOrObject);
  }
  return finish({ kind: "object", value: pathOrObject }, options.origin);
}
