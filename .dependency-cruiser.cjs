/**
 * Layer rules (docs/architecture.md), checked by `npm run lint:deps` in CI.
 * Data flows up: core → network → model → query → analyses → outputs; the CLI sees only the entry
 * points; Node-only modules are reachable only from the "./node" entry point (src/node.ts).
 * @type {import("dependency-cruiser").IConfiguration}
 */
const NODE_ONLY = [
  "^src/network/(load-files|embedded)\\.ts$",
  "^src/core/(dimacs|matrix-parallel|matrix-worker)\\.ts$",
  "^src/scenario/loadScenarioFile\\.ts$",
  "^src/timetable/formats/(gtfs|gtfs-feed|gtfs-trips|gtfs-write|zip)\\.ts$",
  "^src/render/(png|boundaries-file)\\.ts$",
];
const ENTRY_NODE = "^src/node\\.ts$";
const ANALYSES = "^src/(targets|compare|attribution|uncertainty|accessibility|isochrone|calibrate|timetable|render)/";

module.exports = {
  forbidden: [
    {
      name: "core-imports-nothing",
      comment:
        "src/core is dependency-free: no other folder and no npm package, except src/limits.ts (the LIMITS table) and the " +
        "types of graphology (compileGraphology's parameter); Node built-ins only in its Node-only files",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: ["^src/core/", "^src/limits\\.ts$", "^node_modules/graphology-types/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "network-below-model",
      comment: "src/network imports only src/util, src/core and src/limits.ts",
      severity: "error",
      from: { path: "^src/network/" },
      to: { path: "^src/", pathNot: ["^src/(network|util|core)/", "^src/limits\\.ts$"] },
    },
    {
      name: "model-below-query",
      comment: "src/model imports core, network, util (never query or an analysis)",
      severity: "error",
      from: { path: "^src/model/" },
      to: { path: "^src/", pathNot: ["^src/(model|network|util|core)/", "^src/limits\\.ts$"] },
    },
    {
      name: "query-below-analyses",
      comment: "src/query imports core, model, network, util (never an analysis)",
      severity: "error",
      from: { path: "^src/query/" },
      to: { path: "^src/", pathNot: ["^src/(query|model|network|util|core)/", "^src/limits\\.ts$"] },
    },
    {
      name: "nothing-imports-compare",
      comment: "scenario comparison is a leaf analysis: only the entry points re-export it",
      severity: "error",
      from: { pathNot: ["^src/compare/", "^src/(index|node)\\.ts$"] },
      to: { path: "^src/compare/" },
    },
    {
      name: "library-not-cli",
      comment: "the library never imports the CLI",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/cli/"] },
      to: { path: "^src/cli/" },
    },
    {
      name: "cli-through-entry-points",
      comment: "src/cli reaches the library only through src/index.ts and src/node.ts",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/", pathNot: ["^src/cli/", "^src/(index|node)\\.ts$"] },
    },
    {
      name: "node-builtins-only-in-node-modules",
      comment: "a node: import (other than a type) only in the Node-only modules listed in NODE_ONLY, the CLI and src/node.ts",
      severity: "error",
      from: { path: "^src/", pathNot: [...NODE_ONLY, "^src/cli/", ENTRY_NODE] },
      to: { dependencyTypes: ["core"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "node-only-from-node-entry",
      comment: "Node-only modules are imported only by each other, src/node.ts and the CLI",
      severity: "error",
      from: { path: "^src/", pathNot: [...NODE_ONLY, "^src/cli/", ENTRY_NODE] },
      to: { path: NODE_ONLY },
    },
    {
      name: "browser-entry-reaches-no-node-only",
      comment: "nothing Node-only is reachable from the browser-safe entry point src/index.ts",
      severity: "error",
      from: { path: "^src/index\\.ts$" },
      to: { path: NODE_ONLY, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    parser: "swc",
    combinedDependencies: false,
    exclude: { path: "^src/.*\\.d\\.ts$" },
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
