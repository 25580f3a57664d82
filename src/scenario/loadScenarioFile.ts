import { readFileSync } from "node:fs";
import { ScenarioFileError } from "./errors.js";
import type { ModifiedScenarioJson } from "./modifications.js";

/**
 * Read a scenario file (`{ "base": "plan-2025", "modifications": [...] }`) as untyped JSON. Its
 * content is validated when it is applied to a network ({@link applyScenario} /
 * {@link resolveModifications}, which throw {@link ModificationError}), because ids can only be
 * checked against the network.
 *
 * @throws ScenarioFileError when the file cannot be read, is not JSON, or is not an object with
 *   `base` (string) and `modifications` (array).
 */
export function loadScenarioFile(path: string): ModifiedScenarioJson {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ScenarioFileError(path, `cannot read the file (${(e as Error).message})`);
  }
  return parseScenarioJson(text, path);
}

/** Parse scenario JSON text (see {@link loadScenarioFile}); `label` names the source in errors. */
export function parseScenarioJson(text: string, label = "<scenario>"): ModifiedScenarioJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioFileError(label, `not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new ScenarioFileError(label, 'a scenario file is an object { "base": "<scenario id>", "modifications": [...] }');
  const o = json as Record<string, unknown>;
  if (typeof o.base !== "string") throw new ScenarioFileError(label, `"base" must be a scenario id string, got ${JSON.stringify(o.base)}`);
  if (!Array.isArray(o.modifications)) throw new ScenarioFileError(label, `"modifications" must be an array, got ${JSON.stringify(o.modifications)}`);
  // Other keys are kept so that resolving reports unknown ones (e.g. a misspelt "modifcations").
  return { ...o, base: o.base, modifications: o.modifications } as unknown as ModifiedScenarioJson;
}
