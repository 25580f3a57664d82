/**
 * Target checks: every scenario × target × measure × origin–destination pair, with travel time,
 * threshold, pass/fail, margin, route legs and the binding leg (a {@link TargetEvaluator} per call).
 */
import type { Id, Measure, Target } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { buildModel, type EdgeCosts, type TravelTimeModel } from "../model/build-model.js";
import { UnknownIdError } from "../network/errors.js";
import { closestMatch } from "../network/suggest.js";
import type { ModelOptions, ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import { TargetEvaluator } from "./evaluator.js";
import { withTargetPeople } from "./people.js";
import type { TargetResult } from "./results.js";

/** Options of {@link checkTargets}. */
export interface CheckTargetsOptions {
  /** Scenario ids (default: every scenario, in network order). */
  readonly scenarios?: readonly Id[];
  /** Target ids (default: every target). */
  readonly targets?: readonly Id[];
  /** Interpretations to evaluate, overriding each target's `measures` (default: the target's, else both). */
  readonly measures?: readonly Measure[];
  /**
   * How waits are read, overriding every target's declared reading (default: each target's
   * `reading.kind`, else `scheduled`; see `Reading`). Every result states its `reading`.
   */
  readonly reading?: Reading;
  /** A model built from this network, to reuse (default: built here with `modelOptions`). */
  readonly model?: TravelTimeModel;
  /** Options of the model built here when `model` is not given (default: `buildModel` defaults); ignored with `model`. */
  readonly modelOptions?: ModelOptions;
  /** Compute route legs and binding legs (default true; false is faster). */
  readonly routes?: boolean;
  /** Quantity overrides (Monte Carlo draws), see {@link TravelTimeModel.costsWith}. */
  readonly quantities?: QuantityOverrides;
  /**
   * Fill in `summary.people` (the share of each target's origin area within its threshold; one
   * search per destination). Default: on when `routes` is on, off on the fast path.
   */
  readonly people?: boolean;
  /** Called after each scenario × target × measure result (results done, results in all), e.g. for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** An `UnknownIdError` with a did-you-mean for `id` among `keys` (internal; shared with the timetable check). */
export function unknown(kind: "scenario" | "target", id: Id, keys: Iterable<Id>, argument: string): UnknownIdError {
  const known = [...keys];
  return new UnknownIdError(kind, id, closestMatch(id, known), known, argument);
}

/** The scenario and target ids of a check, validated (internal; shared with the timetable check). */
export function checkedIds(
  network: Network,
  options: { readonly scenarios?: readonly Id[]; readonly targets?: readonly Id[] },
): { scenarios: Id[]; targets: Id[] } {
  const scenarios = (options.scenarios ?? network.scenarios.map((s) => s.id)).map((id) => {
    if (!network.scenarioById.has(id)) throw unknown("scenario", id, network.scenarioById.keys(), "scenarios");
    return id;
  });
  const targets = (options.targets ?? network.targets.map((t) => t.id)).map((id) => {
    if (!network.targetById.has(id)) throw unknown("target", id, network.targetById.keys(), "targets");
    return id;
  });
  return { scenarios, targets };
}

/**
 * Evaluators already made for a model, by targets, measures and reading: a loop of `checkTargets`
 * calls on one model plans its searches once. Safe because an evaluator's answers never depend on
 * its earlier calls (its searches are self-contained, like a `Query`'s).
 */
const evaluators = new WeakMap<TravelTimeModel, Map<string, TargetEvaluator>>();

function evaluatorFor(model: TravelTimeModel, targets: readonly Id[], options: CheckTargetsOptions): TargetEvaluator {
  const key = JSON.stringify([targets, options.measures ?? null, options.reading ?? null]);
  let byKey = evaluators.get(model);
  if (byKey === undefined) evaluators.set(model, (byKey = new Map()));
  let ev = byKey.get(key);
  if (ev === undefined) {
    ev = new TargetEvaluator(model, {
      targets,
      ...(options.measures && { measures: options.measures }),
      ...(options.reading && { reading: options.reading }),
    });
    // A handful of distinct checks per model at most; forget the oldest beyond that.
    if (byKey.size >= 16) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, ev);
  }
  return ev;
}

/**
 * Check a network's targets in every scenario. For each scenario × target × measure the result lists
 * every origin–destination pair (cross: origins × destinations, skipping a place paired with itself;
 * all-pairs: every ordered pair of distinct origins) and a summary. Unreachable pairs are results
 * (`status: "no-route"`), not errors. Unknown scenario or target ids throw `UnknownIdError` with a
 * did-you-mean.
 */
export function checkTargets(network: Network, options: CheckTargetsOptions = {}): TargetResult[] {
  const model = options.model ?? buildModel(network, options.modelOptions);
  const { scenarios, targets } = checkedIds(network, options);
  const ev = evaluatorFor(model, targets, options);
  const total = scenarios.length * ev.items.length;
  const out: TargetResult[] = [];
  for (const scenario of scenarios) {
    const done = out.length;
    out.push(
      ...ev.results(scenario, {
        routes: options.routes ?? true,
        ...(options.quantities && { quantities: options.quantities }),
        ...(options.onProgress && { onProgress: (k: number) => options.onProgress!(done + k, total) }),
      }),
    );
  }
  if (!(options.people ?? options.routes ?? true)) return out;
  return withTargetPeople(model, out, options.quantities && { quantities: options.quantities });
}

/** Options of {@link evaluateTarget}. */
export interface EvaluateTargetOptions {
  readonly selection: ProjectSelection;
  readonly measure: Measure;
  /** How waits are read (default: the target's declared reading, else `scheduled`). */
  readonly reading?: Reading;
  /** Route legs (default true). */
  readonly routes?: boolean;
  /** Quantity overrides (recomputes every edge cost; prefer `edgeCosts` when evaluating many targets on one draw). */
  readonly quantities?: QuantityOverrides;
  /** Edge costs from `model.costsWith(quantities)`, computed once per draw and shared by many evaluations. */
  readonly edgeCosts?: EdgeCosts;
}

/**
 * One target under one project selection and measure: {@link TargetEvaluator.results} for a single
 * item, for callers that evaluate a target under many project sets or quantity draws on one model.
 */
export function evaluateTarget(model: TravelTimeModel, target: Target, options: EvaluateTargetOptions): TargetResult {
  const ev = new TargetEvaluator(model, {
    targets: [target],
    measures: [options.measure],
    ...(options.reading && { reading: options.reading }),
  });
  return ev.results(options.selection, {
    routes: options.routes ?? true,
    ...(options.quantities && { quantities: options.quantities }),
    ...(options.edgeCosts && { edgeCosts: options.edgeCosts }),
  })[0]!;
}
