/**
 * qiwan-access/node: everything in `qiwan-access` plus what needs Node (files, native modules,
 * worker threads). `loadNetwork` here also reads a network file or folder. Browser code imports
 * `qiwan-access`; nothing reachable from it imports `node:` modules.
 *
 * To add a Node-only export: one line in the group of its stage below (see docs/conventions.md).
 */
export * from "./index.js";

// network: files and folders (this loadNetwork takes a path or an object)
export { loadNetwork, loadNetworkSync } from "./network/load-files.js";
export { embeddedNetworkPath } from "./network/embedded.js";

// core: DIMACS files, worker threads
export { readDimacs } from "./core/dimacs.js";
export { matrixParallel, type ParallelMatrixOptions } from "./core/matrix-parallel.js";

// scenario files
export { loadScenarioFile } from "./scenario/loadScenarioFile.js";

// timetable: GTFS folders and zip archives
export { loadGtfs, MAX_FREQUENCY_TRIPS, type LoadGtfsOptions } from "./timetable/formats/gtfs.js";
export { writeGtfs, type WriteGtfsOptions } from "./timetable/formats/gtfs-write.js";

// render: PNG (optional native dependency @resvg/resvg-js) and boundary files
export {
  findCjkFont,
  FONT_DIRS,
  MAX_PNG_WIDTH_PX,
  MissingDependencyError,
  svgToPng,
  type PngResult,
} from "./render/png.js";
export { readNetworkBoundaries } from "./render/boundaries-file.js";
