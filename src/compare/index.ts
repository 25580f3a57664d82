export * from "./targetEvaluator.js";
export * from "./compareScenarios.js";
