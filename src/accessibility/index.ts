export * from "./matrix.js";
export * from "./indicators.js";
export * from "./summary.js";
