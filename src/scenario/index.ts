export * from "./modifications.js";
export * from "./errors.js";
export * from "./resolveModifications.js";
export * from "./applyScenario.js";
export * from "./loadScenarioFile.js";
export { canonicalJson, sha256Hex } from "./hash.js";
