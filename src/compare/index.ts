export * from "./targetEvaluator.js";
