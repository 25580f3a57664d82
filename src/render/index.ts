export * from "./style.js";
export * from "./projection.js";
export * from "./layers.js";
export * from "./svg.js";
export * from "./mapSvg.js";
export * from "./png.js";
