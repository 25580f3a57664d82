export * from "./compareScenarios.js";
