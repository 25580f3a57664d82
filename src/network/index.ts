export * from "./schema.js";
export type * from "./types.js";
export {
  NetworkValidationError,
  UnknownIdError,
  AmbiguousPlaceError,
  formatProblem,
  showValue,
  type NetworkProblem,
  type EntityKind,
} from "./errors.js";
export { loadNetwork, FOLDER_HEADER_FILE, type LoadNetworkOptions } from "./load.js";
export { resolveScenario, DEFAULT_BY_YEAR_STATUSES } from "./resolve.js";
export { requirePlace } from "./lookup.js";
export { findPlaces, resolvePlace } from "./place-names.js";
export { checkProvenance } from "./provenance.js";
export { closestMatch, editDistance } from "./suggest.js";
export { haversineKm } from "../util/geo.js";
export { summarizeNetwork, type NetworkSummary, type ScenarioSummary } from "./summary.js";
export { networkJsonSchema, NetworkHeaderFileSchema, EntityFileSchemas } from "./json-schema.js";
export { networkToFile } from "./to-file.js";
export { originAreaName, originAreaTowns } from "./origin-area.js";
