/**
 * Loading a network from a file or a folder of files (Node only: the `qiwan-access/node` entry
 * point): read, parse, then validate and build as an object network is (`load.ts`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { formatPath } from "./json-path.js";
import type { NetworkProblem } from "./errors.js";
import {
  FOLDER_HEADER_FILE,
  isPlainObject,
  networkFrom,
  networkFromObject,
  parseFile,
  topLevelProblem,
  type Assembled,
  type LoadNetworkOptions,
  type TextFile,
} from "./load.js";
import type { Network } from "./types.js";

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
  if (typeof pathOrObject !== "string") return networkFromObject(pathOrObject, options.origin);
  const origin = options.origin ?? pathOrObject;
  return networkFrom(assemble(await readSource(pathOrObject)), origin, origin);
}

/** Synchronous {@link loadNetwork}: same input, result and errors, reading with blocking fs calls. */
export function loadNetworkSync(pathOrObject: string | object, options: LoadNetworkOptions = {}): Network {
  if (typeof pathOrObject !== "string") return networkFromObject(pathOrObject, options.origin);
  const origin = options.origin ?? pathOrObject;
  return networkFrom(assemble(readSourceSync(pathOrObject)), origin, origin);
}
