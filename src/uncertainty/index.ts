export { mulberry32 } from "../util/random.js";
export * from "./distributions.js";
export * from "./runUncertainty.js";
