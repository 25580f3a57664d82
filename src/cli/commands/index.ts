/**
 * Every CLI command, in help order. To add a command: write `commands/<name>.ts` exporting a
 * `RegisterCommand`, and add one line here.
 */
import type { RegisterCommand } from "../context.js";
import { registerCheck } from "./check.js";
import { registerInfo } from "./info.js";
import { registerPlaces } from "./places.js";
import { registerMatrix } from "./matrix.js";
import { registerRoute } from "./route.js";
import { registerIsochrone } from "./isochrone.js";
import { registerMap } from "./map.js";
import { registerCompare } from "./compare.js";
import { registerAttribute } from "./attribute.js";
import { registerUncertainty } from "./uncertainty.js";
import { registerCalibrate } from "./calibrate.js";

// One entry per line, so that helpers adding commands in parallel do not conflict.
export const COMMANDS: readonly RegisterCommand[] = [
  registerInfo,
  registerPlaces,
  registerCheck,
  registerRoute,
  registerMatrix,
  registerIsochrone,
  registerMap,
  registerCompare,
  registerAttribute,
  registerUncertainty,
  registerCalibrate,
];
