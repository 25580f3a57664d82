/**
 * qiwan-access: the public API, browser-safe (nothing reachable from here imports a `node:` module;
 * a CI step bundles it for the browser). Files, GTFS/ZIP, DIMACS, PNG and worker threads are in
 * `qiwan-access/node` (src/node.ts), which re-exports everything here.
 *
 * This file only re-exports, one name per line, grouped by stage: values first, then types. To add
 * an export, add one line to its stage's block (values sorted, types sorted), run `npm run api` and
 * commit the updated API report (docs/conventions.md).
 */

// Version
export {
  VERSION,
} from "./version.js";

// Limits (docs: LIMITS in src/limits.ts)
export {
  checkLimit,
  LimitError,
  LIMITS,
  limitsTable,
  type Limit,
  type LimitName,
} from "./limits.js";

// Errors (docs/errors.md): every error thrown on purpose is a QiwanError with a stable code
export {
  CoreError,
  QiwanError,
} from "./core/index.js";
export {
  AmbiguousPlaceError,
  NetworkValidationError,
  UnknownIdError,
} from "./network/index.js";
export {
  ModelError,
} from "./model/index.js";
export {
  ModificationError,
  ScenarioFileError,
} from "./scenario/index.js";
export {
  GtfsValidationError,
  TimetableError,
} from "./timetable/index.js";
export {
  IsochroneError,
} from "./isochrone/index.js";
export {
  AccessibilityError,
} from "./accessibility/index.js";
export {
  AttributionError,
} from "./attribution/index.js";
export {
  UncertaintyError,
} from "./uncertainty/index.js";
export {
  CalibrationFileError,
} from "./calibrate/index.js";

// How messages show user-given values, and the one "did you mean"
export {
  showInvisible,
} from "./util/visible.js";
export {
  closestMatch,
  formatProblem,
  showValue,
} from "./network/index.js";

// Core: compiled graphs and shortest-path searches
export {
  compileGraph,
  compileGraphology,
  matrix,
  ShortestPathSearch,
  UNREACHABLE,
  type CompiledGraph,
  type CompileOptions,
  type EdgeListInput,
  type GraphologyCompileOptions,
  type MatrixOptions,
  type PathResult,
  type QueueKind,
  type SearchOptions,
} from "./core/index.js";

// Network: load (in-memory object; files: qiwan-access/node), validate, resolve scenarios
export {
  findPlaces,
  haversineKm,
  LINK_MODES,
  loadNetwork,
  MEASURES,
  networkJsonSchema,
  networkToFile,
  originAreaName,
  originAreaTowns,
  PLACE_KINDS,
  PROJECT_STATUSES,
  READINGS,
  requirePlace,
  resolvePlace,
  resolveScenario,
  SERVICE_MODES,
  summarizeNetwork,
  type Assumption,
  type County,
  type EntityKind,
  type Id,
  type Link,
  type LinkMode,
  type LoadNetworkOptions,
  type LocalName,
  type LonLat,
  type Measure,
  type Network,
  type NetworkFile,
  type NetworkProblem,
  type NetworkSummary,
  type OriginArea,
  type Parameters,
  type Place,
  type PlaceKind,
  type Project,
  type ProjectCategory,
  type ProjectStatus,
  type Quantity,
  type QuantityBounds,
  type ReadingKind,
  type ResolvedScenario,
  type Scenario,
  type ScenarioSummary,
  type Service,
  type ServiceMode,
  type Source,
  type Target,
  type TerrainClass,
  type Town,
  type Towns,
  type TownsSection,
} from "./network/index.js";

// Model: the travel-time model compiled once per network
export {
  buildModel,
  DEFAULT_PARAMETERS,
  meshRoads,
  PARAMETER_SPECS,
  TravelTimeModel,
  type EdgeCosts,
  type ModeFilter,
  type ModelEdgeAttributes,
  type ModelEdgeKind,
  type ModelNodeAttributes,
  type ModelNodeKind,
  type MeshOptions,
  type ModelOptions,
  type ParameterName,
  type ParameterSpec,
  type ParameterValue,
  type ProjectSelection,
  type QuantityOverrides,
  type QueryFilter,
  type Reading,
  type ResolvedParameters,
  type WaitRule,
} from "./model/index.js";

// Query: place-to-place times, matrices and routes
export {
  DEFAULT_READING,
  findRoute,
  Query,
  type PlaceMatrixOptions,
  type PlaceTimesOptions,
  type QueryOptions,
  type RouteLeg,
  type RouteOptions,
  type RouteResult,
  type RoutesOptions,
  type TimedOrigin,
  type TravelTimeMatrix,
} from "./query/index.js";

// Targets: plan-target checks and reports
export {
  checkTargets,
  checkTargetsTimetable,
  DEFAULT_TIMETABLE_WINDOW,
  evaluateTarget,
  formatMinutes,
  frequencyTimes,
  renderTargetsMarkdown,
  PEOPLE_LEGEND,
  renderPeopleTable,
  renderVerdictMarkdown,
  renderVerdictTable,
  TargetEvaluator,
  targetPeople,
  targetsCsv,
  targetSensitivity,
  timetableTimes,
  VERDICT_LEGEND,
  verdictAnswer,
  verdictCell,
  verdictHeader,
  verdictOf,
  wrapText,
  type BindingLeg,
  type BoundTimeSource,
  type CheckTargetsOptions,
  type DestinationPeople,
  type EvaluateTargetOptions,
  type ItemOutcome,
  type PairReading,
  type PairResult,
  type PairStatus,
  type ReadingOptions,
  type SensitivityEntry,
  type TargetEvaluatorOptions,
  type TargetItem,
  type TargetPeople,
  type TargetPeopleNotApplicable,
  type TargetPeopleOptions,
  type TargetPeopleShare,
  type TargetResult,
  type TargetResultsOptions,
  type TargetRow,
  type TargetSensitivityOptions,
  type TargetSummary,
  type TargetTimeSource,
  type TimetableCheckOptions,
  type TimetablePairResult,
  type TimetablePairStats,
  type TimetableTargetResult,
  type TimetableTimesOptions,
  type Verdict,
  type VerdictInput,
  type VerdictRow,
} from "./targets/index.js";

// Modified scenarios (typed modifications)
export {
  applyScenario,
  MODIFICATION_TYPES,
  parseScenarioJson,
  resolveModifications,
  scenarioJsonSchema,
  type AppliedScenario,
  type Modification,
  type ModificationOf,
  type ModificationProblem,
  type ModificationType,
  type ModifiedScenario,
  type ModifiedScenarioJson,
  type ResolvedModifications,
  type ScenarioSpec,
  type ScenarioSpecInput,
} from "./scenario/index.js";

// Timetables: routing and the bridge to the model (GTFS files: qiwan-access/node)
export {
  DEFAULT_MAX_RIDES,
  doorToDoorTimes,
  formatSecs,
  parseClockSecs,
  parseWindow,
  rangeRaptor,
  raptor,
  scenarioTimetable,
  TIMETABLE_STATISTICS,
  TimetableBuilder,
  type ArriveByQuery,
  type DepartureWindow,
  type DestinationTimes,
  type FeedInput,
  type FootpathOptions,
  type GtfsProblem,
  type Journey,
  type Leg,
  type NetworkTimetable,
  type PlannedLine,
  type ProfileEntry,
  type RangeQuery,
  type RaptorQuery,
  type ScenarioTimetableOptions,
  type StopInput,
  type StopSecs,
  type SyntheticTrip,
  type Timetable,
  type TimetableBuilderOptions,
  type TimetableStatistic,
  type TravelTimeOptions,
  type TravelTimeStats,
  type TripInput,
} from "./timetable/index.js";

// Isochrones
export {
  modelIsochroneDifference,
  modelNodeIsochrone,
  modelPolygonIsochrone,
  timetableNodeIsochrone,
  timetablePolygonIsochrone,
  type AccessOptions,
  type BandOptions,
  type BBox,
  type ContourTracer,
  type DifferenceProperties,
  type GridSpec,
  type IsochroneBandProperties,
  type IsochroneCollection,
  type IsochroneDifference,
  type IsochroneFeature,
  type IsochroneOrigin,
  type IsochroneRequest,
  type MultiPolygonCoords,
  type NodeIsochroneBand,
  type PlaceTime,
  type PlaceTimes,
  type PolygonIsochrone,
  type PopulatedPlace,
  type SurfaceOptions,
  type TimedNode,
  type TimetableIsochroneRequest,
  type TravelTimeGrid,
} from "./isochrone/index.js";

// Accessibility indicators
export {
  accessibilityIndicators,
  cumulativeOpportunities,
  gravityAccessibility,
  peopleShareWithin,
  peopleWithin,
  type AccessibilityOptions,
  type AccessibilityResult,
  type CumulativeOptions,
  type Decay,
  type PeopleCount,
  type PeopleShare,
  type PlaceAccessibility,
  type PopulatedTown,
} from "./accessibility/index.js";

// Scenario comparison
export {
  compareScenarios,
  type ComparedScenario,
  type CompareOptions,
  type IsochroneAreaChange,
  type ScenarioComparison,
  type ScenarioRef,
  type TargetChange,
} from "./compare/index.js";

// Attribution of changes to projects
export {
  attributeProjects,
  type AttributeOptions,
  type AttributionMethod,
  type AttributionResult,
  type CoalitionValue,
  type ProjectShare,
  type SampledShapley,
  type TargetAttribution,
} from "./attribution/index.js";

// Uncertainty (Monte Carlo over assumption ranges)
export {
  runUncertainty,
  type Distribution,
  type TimePercentiles,
  type TornadoEntry,
  type UncertainInput,
  type UncertaintyOptions,
  type UncertaintyReport,
  type UncertaintyResult,
} from "./uncertainty/index.js";

// Rendering to SVG (PNG: qiwan-access/node)
export {
  formatCutoffMin,
  networkLayers,
  renderMapSvg,
  renderPanelsSvg,
  type Boundaries,
  type BoundaryLine,
  type Box,
  type FittedProjection,
  type LabelLine,
  type LabelPosition,
  type LabelRequest,
  type MapLayers,
  type MapLine,
  type MapOptions,
  type MapPanel,
  type MapPoint,
  type PlacedLabel,
  type PlaceLabelsOptions,
  type SequentialScheme,
  type StatusStyle,
} from "./render/index.js";

// Calibration against observed times
export {
  calibrationReportCsv,
  evaluateCalibration,
  parseCalibrationCsv,
  renderCalibrationMarkdown,
  type CalibrationCause,
  type CalibrationOptions,
  type CalibrationProblem,
  type CalibrationReport,
  type CalibrationResult,
  type CalibrationRow,
  type CalibrationSummary,
  type RangeEndAssumption,
} from "./calibrate/index.js";
