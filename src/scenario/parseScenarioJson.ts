import { parseJsonText } from "../network/json-text.js";
import { ScenarioFileError } from "./errors.js";
import type { ModifiedScenarioJson } from "./modifications.js";

/** Parse scenario JSON text (what `loadScenarioFile` of `qiwan-access/node` does after reading the file); `label` names the source in errors. */
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
