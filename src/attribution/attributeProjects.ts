import { gravityAccessibility, weightedMean, type Decay } from "../accessibility/indicators.js";
import { buildModel, type TravelTimeModel } from "../model/build-model.js";
import { Query } from "../query/query.js";
import { TargetEvaluator, DEFAULT_UNREACHABLE_MIN, type ItemOutcome } from "../targets/evaluator.js";
import { UnknownIdError } from "../network/errors.js";
import type { Id, Measure, ReadingKind } from "../network/schema.js";
import { closestMatch } from "../network/suggest.js";
import type { Network } from "../network/types.js";
import {
  AttributionError,
  coalitionTable,
  MAX_EXACT_PLAYERS,
  minimalCoalitions,
  shapleyFromTable,
  shapleySampled,
} from "./shapley.js";

/** What attribution computes. */
export type AttributionMethod = "shapley" | "loo" | "both";

/** Options of {@link attributeProjects}; every field has a default. */
export interface AttributeOptions {
  /** Scenario whose projects are attributed (default: the network's last scenario, usually its most complete plan). */
  readonly scenario?: Id;
  /**
   * Projects to attribute (default: the scenario's projects that quote the plan, `planText`, and gate
   * at least one link or service; a project that gates nothing is a dummy with value 0).
   */
  readonly projects?: readonly Id[];
  /** Target ids (default all) and measures (default each target's, else both). */
  readonly targets?: readonly Id[];
  readonly measures?: readonly Measure[];
  /** Reading of every target, overriding each target's declared one (default: the target's, else `scheduled`). */
  readonly reading?: ReadingKind;
  /** Default "both". */
  readonly method?: AttributionMethod;
  /** Exact Shapley up to this many projects (default 16, at most 20); permutation sampling beyond. */
  readonly exactMaxProjects?: number;
  /** Permutation sampling beyond `exactMaxProjects`: orders (default 2,000) and seed (default 1). */
  readonly permutations?: number;
  readonly seed?: number;
  /** Minutes an unreachable pair counts as in mean times (default 600). */
  readonly unreachableMin?: number;
  /**
   * Accessibility index attributed alongside the targets: population-weighted gravity accessibility
   * (exponential decay, default beta ln 2 / 60 per min) over places with a population. Its exact
   * Shapley needs one matrix per coalition, so it is computed when k <= `accessibilityShapleyMaxProjects`
   * (default 10); leave-one-out always. false disables it.
   */
  readonly accessibility?: false | { readonly decay?: Extract<Decay, { kind: "exponential" }>; readonly shapleyMaxProjects?: number };
  /** A model of `network` to reuse (default: built here). */
  readonly model?: TravelTimeModel;
  /** Called after each coalition (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One project's share for one value. Units: minutes of mean time saving (targets) or persons (accessibility). */
export interface ProjectShare {
  readonly project: Id;
  /** Shapley value (absent when method is "loo"). */
  readonly shapley?: number;
  /** Standard error of a sampled Shapley value (0 for exact). */
  readonly shapleyStandardError?: number;
  /** Leave-one-out: value of the scenario minus value without this project (absent for "shapley"). */
  readonly leaveOneOut?: number;
}

/** Attribution of one target under one measure. */
export interface TargetAttribution {
  readonly targetId: Id;
  readonly measure: Measure;
  /** The reading the times were read under (the target's declared one unless overridden). */
  readonly reading: ReadingKind;
  readonly thresholdMin: number;
  /** Outcome with every attributed project (the scenario) and with none of them. */
  readonly withAll: ItemOutcome;
  readonly withNone: ItemOutcome;
  /** Value gained: mean pair time without the projects minus with them (min); Σ Shapley = gain. */
  readonly gainMin: number;
  readonly shares: readonly ProjectShare[];
  /**
   * Leave-one-out loss of the worst-pair margin (min): worst time without the project minus with
   * all, over the same pairs; Infinity when removing the project leaves some pair without a time
   * (removing a project never gives a pair a route, so equal reachable counts mean equal pair sets).
   */
  readonly marginLossMin?: Readonly<Record<Id, number>>;
  /** Whether removing each project alone makes the target fail (leave-one-out). */
  readonly metWithout?: Readonly<Record<Id, boolean>>;
  /**
   * Minimal project sets (with the scenario's other projects) that meet the target, minimal under
   * inclusion; [] when none does; [[]] when it is met without any. Null unless exact Shapley ran.
   */
  readonly minimalSets: readonly (readonly Id[])[] | null;
}

/** The result of {@link attributeProjects}. */
export interface AttributionResult {
  readonly scenarioId: Id;
  /** Attributed projects (players), in order. */
  readonly projects: readonly Id[];
  /** The scenario's other projects, present in every coalition. */
  readonly fixedProjects: readonly Id[];
  readonly method: AttributionMethod;
  /** "exact" (2^k table) or "sampled" (permutations); null for "loo". */
  readonly shapleyMethod: "exact" | "sampled" | null;
  /** Coalitions evaluated (each: every target and measure, one overlay per filter). */
  readonly evaluations: number;
  readonly targets: readonly TargetAttribution[];
  /** Population-weighted gravity accessibility (persons): with all, with none, per-project shares. */
  readonly accessibility: { readonly withAll: number; readonly withNone: number; readonly gain: number; readonly shares: readonly ProjectShare[] } | null;
}

/**
 * Worst time without a project minus with all (min), like-for-like: a pair that loses its time
 * makes the loss Infinity rather than dropping out of the worst and making the project look harmful.
 */
function marginLoss(without: ItemOutcome, all: ItemOutcome): number {
  if (without.pairsReachable < all.pairsReachable) return Infinity;
  if (all.pairsReachable === 0) return 0; // no pair has a time either way: nothing to lose
  return without.worstTimeMin - all.worstTimeMin;
}

function defaultScenario(network: Network): Id {
  const last = network.scenarios[network.scenarios.length - 1];
  if (!last) throw new AttributionError("the network has no scenarios: add one, or pass options.scenario");
  return last.id;
}

/**
 * Which project does what: for the attributed projects of a scenario, leave-one-out (what each
 * target's mean time, margin and met status, and the accessibility index, lose when the project alone
 * is removed) and Shapley values (each project's share of the gain over the scenario without any of
 * them). The value of a coalition S for a target is minus its mean pair time (min) with the
 * scenario's other projects plus S, so Σ Shapley = mean time saving. Every coalition is a cost
 * overlay on ONE compiled model (never recompiled): exact over all 2^k coalitions (Gray-code order)
 * for k <= 16, seeded permutation sampling with standard errors beyond.
 *
 * Edge cases: k = 0 gives empty shares and gain 0; an unreachable pair counts as `unreachableMin`.
 *
 * @throws UnknownIdError for an unknown id in `options.projects` or `options.targets`;
 *   AttributionError when the network has no scenario to default to.
 */
export function attributeProjects(network: Network, options: AttributeOptions = {}): AttributionResult {
  const model = options.model ?? buildModel(network);
  const scenarioId = options.scenario ?? defaultScenario(network);
  const scenarioProjects = model.scenarioProjects(scenarioId);
  // A project that gates no link or service cannot change a time (a dummy, Shapley value 0 by
  // definition), so by default it is left out: each such player would double the 2^k coalitions.
  const gating = new Set([...network.links, ...network.services].flatMap((e) => e.projects ?? []));
  const players = options.projects
    ? [...options.projects]
    : network.projects.filter((p) => p.planText !== undefined && scenarioProjects.has(p.id) && gating.has(p.id)).map((p) => p.id);
  for (const p of players) {
    if (!network.projectById.has(p)) {
      const known = [...network.projectById.keys()];
      throw new UnknownIdError("project", p, closestMatch(p, known), known, "options.projects");
    }
  }
  const playerSet = new Set(players);
  const fixed = [...scenarioProjects].filter((p) => !playerSet.has(p));
  const k = players.length;
  const method = options.method ?? "both";
  const exactMax = Math.min(options.exactMaxProjects ?? 16, MAX_EXACT_PLAYERS);
  const exact = method !== "loo" && k <= exactMax;
  const ev = new TargetEvaluator(model, {
    ...(options.targets ? { targets: options.targets } : {}),
    ...(options.measures ? { measures: options.measures } : {}),
    ...(options.reading ? { reading: options.reading } : {}),
    unreachableMin: options.unreachableMin ?? DEFAULT_UNREACHABLE_MIN,
  });
  const nItems = ev.items.length;
  const projectsOf = (mask: number): Id[] => {
    const out = [...fixed];
    for (let i = 0; i < k; i++) if (mask & (1 << i)) out.push(players[i]!);
    return out;
  };

  // Accessibility: population-weighted gravity over places with a population.
  const acc = options.accessibility === false ? null : (options.accessibility ?? {});
  const popPlaces = network.places.filter((p) => (p.population?.value ?? 0) > 0);
  const popIds = popPlaces.map((p) => p.id);
  const pops = Float64Array.from(popPlaces, (p) => p.population!.value);
  const query = new Query(model);
  const accessIndex = (mask: number): number => {
    const m = query.placeMatrix(popIds, popIds, {
      selection: { projects: projectsOf(mask) },
      ...(options.reading ? { reading: options.reading } : {}),
    });
    return weightedMean(gravityAccessibility(m, pops, acc?.decay ?? { kind: "exponential" }), pops);
  };
  const accShapley = acc !== null && popIds.length > 0 && exact && k <= (acc.shapleyMaxProjects ?? 10);

  let evaluations = 0;
  const full = 2 ** k - 1;
  const cache = new Map<number, ItemOutcome[]>();
  const outcomesOf = (mask: number): ItemOutcome[] => {
    let o = cache.get(mask);
    if (!o) {
      o = ev.evaluate(projectsOf(mask));
      evaluations++;
      cache.set(mask, o);
    }
    return o;
  };

  // Exact: one pass over all coalitions fills a table per item (mean time) and a met table.
  let meanTables: Float64Array[] | null = null;
  let metTables: Uint8Array[] | null = null;
  let accTable: Float64Array | null = null;
  if (exact) {
    const n = 2 ** k;
    meanTables = ev.items.map(() => new Float64Array(n));
    metTables = ev.items.map(() => new Uint8Array(n));
    if (accShapley) accTable = new Float64Array(n);
    let done = 0;
    coalitionTable(k, (mask) => {
      const o = ev.evaluate(projectsOf(mask));
      evaluations++;
      for (let i = 0; i < nItems; i++) {
        meanTables![i]![mask] = -o[i]!.meanTimeMin;
        metTables![i]![mask] = o[i]!.met ? 1 : 0;
      }
      // Keep only what leave-one-out and the summaries read: all, none, and all-but-one.
      const missing = full ^ mask;
      if (mask === 0 || missing === 0 || (missing & (missing - 1)) === 0) cache.set(mask, o);
      if (accTable) accTable[mask] = accessIndex(mask);
      options.onProgress?.(++done, n);
      return 0;
    });
  }

  const withAll = outcomesOf(full);
  const withNone = outcomesOf(0);
  const loo = method !== "shapley" ? players.map((_, i) => outcomesOf(full ^ (1 << i))) : null;

  let sampled: ReturnType<typeof shapleySampled>[] | null = null;
  if (method !== "loo" && !exact) {
    sampled = ev.items.map((_, item) =>
      shapleySampled(k, (mask) => -outcomesOf(mask)[item]!.meanTimeMin, { permutations: options.permutations ?? 2000, seed: options.seed ?? 1 }),
    );
  }

  const targets: TargetAttribution[] = ev.items.map((it, item) => {
    const shapley = meanTables ? shapleyFromTable(k, meanTables[item]!) : sampled ? sampled[item]!.values : null;
    const se = sampled ? sampled[item]!.standardErrors : null;
    const shares: ProjectShare[] = players.map((project, i) => ({
      project,
      ...(shapley ? { shapley: shapley[i]!, shapleyStandardError: se ? se[i]! : 0 } : {}),
      ...(loo ? { leaveOneOut: loo[i]![item]!.meanTimeMin - withAll[item]!.meanTimeMin } : {}),
    }));
    const minimalSets = metTables
      ? minimalCoalitions(k, (m) => metTables![item]![m] === 1).map((m) => players.filter((_, i) => m & (1 << i)))
      : null;
    return {
      targetId: it.target.id,
      measure: it.measure,
      reading: it.reading,
      thresholdMin: it.thresholdMin,
      withAll: withAll[item]!,
      withNone: withNone[item]!,
      gainMin: withNone[item]!.meanTimeMin - withAll[item]!.meanTimeMin,
      shares,
      ...(loo
        ? {
            marginLossMin: Object.fromEntries(players.map((p, i) => [p, marginLoss(loo[i]![item]!, withAll[item]!)])),
            metWithout: Object.fromEntries(players.map((p, i) => [p, loo[i]![item]!.met])),
          }
        : {}),
      minimalSets,
    };
  });

  let accessibility: AttributionResult["accessibility"] = null;
  if (acc !== null && popIds.length > 0) {
    const a = accTable ? accTable[full]! : accessIndex(full);
    const z = accTable ? accTable[0]! : accessIndex(0);
    const phi = accTable ? shapleyFromTable(k, accTable) : null;
    const looAcc = method !== "shapley" ? players.map((_, i) => a - (accTable ? accTable[full ^ (1 << i)]! : accessIndex(full ^ (1 << i)))) : null;
    accessibility = {
      withAll: a,
      withNone: z,
      gain: a - z,
      shares: players.map((project, i) => ({
        project,
        ...(phi ? { shapley: phi[i]!, shapleyStandardError: 0 } : {}),
        ...(looAcc ? { leaveOneOut: looAcc[i]! } : {}),
      })),
    };
  }
  return {
    scenarioId,
    projects: players,
    fixedProjects: fixed,
    method,
    shapleyMethod: method === "loo" ? null : exact ? "exact" : "sampled",
    evaluations,
    targets,
    accessibility,
  };
}
