export { parseCalibrationCsv, formatCalibrationCsv } from "./csv.js";
export { CalibrationFileError, type CalibrationProblem } from "./errors.js";
export {
  evaluateCalibration,
  rangeEndAssumptions,
  type CalibrationOptions,
} from "./evaluate.js";
export { renderCalibrationMarkdown, calibrationReportCsv, legsText } from "./report.js";
export {
  CALIBRATION_COLUMNS,
  type CalibrationCause,
  type CalibrationReport,
  type CalibrationResult,
  type CalibrationRow,
  type CalibrationSummary,
  type RangeEndAssumption,
} from "./types.js";
