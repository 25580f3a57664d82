/** The shortest-path core: compile a graph once into typed arrays, then search it many times. */
export { UNREACHABLE, UNREACHABLE_INT32, CoreError, QiwanError } from "./errors.js";
export {
  compileGraph,
  MAX_BUCKET_COST_SECS,
  type CompiledGraph,
  type CompileOptions,
  type EdgeListInput,
  type QueueKind,
} from "./graph.js";
export { compileGraphology, type GraphologyCompileOptions } from "./graphology.js";
export { ShortestPathSearch, type SearchOptions, type PathResult } from "./search.js";
export { matrix, type MatrixOptions } from "./matrix.js";
