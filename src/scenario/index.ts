/**
 * Modified scenarios. Vocabulary used throughout the library:
 * - a **scenario** is one of the network file's named scenarios (`baseline-2020`, `plan-2025`): a
 *   year and a project set, resolved by `resolveScenario` (network stage) into its active links and
 *   services; the CLI's `--scenario` names one;
 * - a **modified scenario** (`ModifiedScenario`, a scenario file) is a scenario (`base`) plus ordered,
 *   typed modifications; `applyScenario` applies it and adds the result to the network as a
 *   **derived scenario**, id `base:` + 12 hex digits, which is again a scenario in the first sense.
 */
export * from "./modifications.js";
export * from "./errors.js";
export * from "./resolveModifications.js";
export * from "./applyScenario.js";
export { parseScenarioJson } from "./parseScenarioJson.js";
export { canonicalJson, sha256Hex } from "./hash.js";
