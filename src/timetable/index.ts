/**
 * Timetables: file formats (`formats/`), routing over typed arrays (`routing/`), and the bridge to
 * the travel-time model (`network.ts`, `door-to-door.ts`).
 */
export * from "./errors.js";
export * from "./formats/index.js";
export * from "./routing/index.js";
export * from "./network.js";
export * from "./door-to-door.js";
