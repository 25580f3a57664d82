import { readFileSync } from "node:fs";
import { decodeUtf8 } from "../network/json-text.js";
import { parseScenarioJson } from "./parseScenarioJson.js";
import { ScenarioFileError } from "./errors.js";
import type { ModifiedScenarioJson } from "./modifications.js";

export { parseScenarioJson };

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
