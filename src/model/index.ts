export { buildModel, TravelTimeModel, DEFAULT_MODEL_OPTIONS, type EdgeCosts } from "./build-model.js";
export { buildGraph } from "./build-graph.js";
export {
  DEFAULT_PARAMETERS,
  PARAMETER_SPECS,
  resolveParameters,
  type ParameterName,
  type ParameterSpec,
  type ParameterValue,
  type ResolvedParameters,
} from "./parameters.js";
export { ModelError } from "./errors.js";
export { greatCircleKm } from "./geo.js";
export type * from "./types.js";
export { buildMesh, meshCosts, meshTerrainOf, DEFAULT_MESH_TERRAIN, type Mesh, type MeshOptions, type MeshTerrain } from "./mesh.js";
export { meshRoads, type ModelMesh } from "./mesh-model.js";
