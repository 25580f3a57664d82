import { readFileSync } from "node:fs";
import { decodeUtf8, parseJsonText } from "../network/json-text.js";
import { ScenarioFileError } from "./errors.js";
import type { ModifiedScenarioJson } from "./modifications.js";

/**
 * Read a scenario file (`{ "base": "plan-2025", "modifications": [...] }`) as untyped JSON. Its
 * content is validated when it is applied to a network ({@link applyScenario} /
 * {@link resolveModifications}, which throw {@link ModificationError}), because ids can only be
 * checked against the network.
 *
 * @throws ScenarioFileError when the file cannot be read, is not UTF-8 or not JSON (duplicate keys
 *   and nesting beyond `LIMITS.jsonDepth` included), or is not an object with `base` (string) and
 *   `modifications` (array).
 */
export function loadScenarioFile(path: string): ModifiedScenarioJson {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ScenarioFileError(path, `cannot read the file (${(e as Error).message})`);
  }
  const decoded = decodeUtf8(bytes, undefined);
  if (!decoded.ok) throw new ScenarioFileError(path, `${decoded.problem.message}; ${decoded.problem.fix}`);
  return parseScenarioJson(decoded.text, path);
}

/** Parse scenario JSON text (see {@link loadScenarioFile}); `label` names the source in errors. */
export function parseScenarioJson(text: string, label = "<scenario>"): ModifiedScenarioJson {
  // The network's strict reader: syntax errors at line:column, duplicate keys, bounded nesting.
  const parsed = parseJsonText(text, undefined);
  if (!parsed.ok) {
    throw new ScenarioFileError(label, parsed.problems.map((p) => `${p.path === "$" ? "" : `${p.path}: `}${p.message}`).join("; "));
  }
  const json = parsed.value;
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new ScenarioFileError(label, 'a scenario file is an object { "base": "<scenario id>", "modifications": [...] }');
  const o = json as Record<string, unknown>;
  if (typeof o.base !== "string") throw new ScenarioFileError(label, `"base" must be a scenario id string, got ${JSON.stringify(o.base)}`);
  if (!Array.isArray(o.modifications)) throw new ScenarioFileError(label, `"modifications" must be an array, got ${JSON.stringify(o.modifications)}`);
  // Other keys are kept so that resolving reports unknown ones (e.g. a misspelt "modifcations").
  return { ...o, base: o.base, modifications: o.modifications } as unknown as ModifiedScenarioJson;
}
