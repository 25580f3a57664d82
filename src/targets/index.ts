export {
  checkTargets,
  evaluateTarget,
  targetPairs,
  type BindingLeg,
  type CheckTargetsOptions,
  type EvaluateTargetOptions,
  type PairResult,
  type PairStatus,
  type TargetResult,
  type TargetSummary,
} from "./check-targets.js";
