export {
  checkTargets,
  evaluateTarget,
  type CheckTargetsOptions,
  type EvaluateTargetOptions,
} from "./check-targets.js";
export {
  summarizeTargetPairs,
  targetPairs,
  type BindingLeg,
  type PairReading,
  type PairResult,
  type PairStatus,
  type TargetItem,
  type TargetResult,
  type TargetSummary,
} from "./results.js";
export {
  TargetEvaluator,
  DEFAULT_UNREACHABLE_MIN,
  type ItemOutcome,
  type TargetEvaluatorOptions,
  type TargetResultsOptions,
} from "./evaluator.js";
export {
  frequencyTimes,
  type BoundTimeSource,
  type ReadingOptions,
  type TargetTimeSource,
} from "./time-source.js";
export {
  peopleDestinations,
  targetPeople,
  withTargetPeople,
  STATION_PEOPLE_REASON,
  type DestinationPeople,
  type TargetPeople,
  type TargetPeopleNotApplicable,
  type TargetPeopleOptions,
  type TargetPeopleShare,
} from "./people.js";
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
  peopleSentence,
  renderTargetsMarkdown,
  targetRows,
  targetsCsv,
  type TargetRow,
} from "./report.js";
export * from "./timetable.js";
export {
  peopleCell,
  PEOPLE_LEGEND,
  renderPeopleMarkdown,
  renderPeopleTable,
  renderVerdictMarkdown,
  renderVerdictTable,
  verdictAnswer,
  verdictCell,
  verdictHeader,
  verdictOf,
  wrapText,
  VERDICT_LEGEND,
  type Verdict,
  type VerdictInput,
  type VerdictRow,
} from "./verdict.js";
