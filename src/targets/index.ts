export {
  checkTargets,
  evaluateTarget,
  summarizeTargetPairs,
  targetPairs,
  type BindingLeg,
  type CheckTargetsOptions,
  type EvaluateTargetOptions,
  type PairResult,
  type PairStatus,
  type TargetResult,
  type TargetSummary,
} from "./check-targets.js";
export {
  targetSensitivity,
  describeQuantity,
  type SensitivityEntry,
  type TargetSensitivityOptions,
} from "./sensitivity.js";
export {
  csvCell,
  formatMinutes,
  formatRoute,
  renderTargetsMarkdown,
  targetRows,
  targetsCsv,
  type TargetRow,
} from "./report.js";
export * from "./timetable.js";
