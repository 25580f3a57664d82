export * from "./random.js";
export * from "./distributions.js";
export * from "./runUncertainty.js";
