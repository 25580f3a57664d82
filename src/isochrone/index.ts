export * from "./errors.js";
export * from "./geo.js";
export * from "./grid.js";
export * from "./surface.js";
export * from "./contour.js";
export * from "./cutoffs.js";
export * from "./nodeIsochrone.js";
export * from "./polygonIsochrone.js";
