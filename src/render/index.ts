export * from "./style.js";
export * from "./projection.js";
export * from "./layers.js";
export * from "./svg.js";
export * from "./mapSvg.js";
export * from "./palette.js";
export * from "./labels.js";
export * from "./boundaries.js";
