/**
 * Road rows of the calibration set (published drive times, door to door). Placeholder: the road
 * rows are written with the road data (issue 10, road part).
 */
import type { CalibrationRow } from "./calibration-types.js";

export const CALIBRATION_ROAD: CalibrationRow[] = [];
