import { quantileSorted } from "d3-array";
import { checkLimit } from "../limits.js";
import { TargetEvaluator, type ItemOutcome } from "../targets/evaluator.js";
import { buildModel, type TravelTimeModel } from "../model/build-model.js";
import type { Id, Measure, ReadingKind } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { distributionOf, quantileOf, type Distribution } from "./distributions.js";
import { mulberry32 } from "../util/random.js";
import { QiwanError } from "../core/errors.js";

/** R-7 quantile of ascending values; Infinity where the interpolation reaches an unreachable draw (d3 gives NaN for ∞ − ∞). */
function quantile(sorted: number[], p: number): number {
  const q = quantileSorted(sorted, p)!;
  return Number.isNaN(q) ? Infinity : q;
}

/** Error for misuse of the uncertainty analysis. */
export class UncertaintyError extends QiwanError {
  override name = "UncertaintyError";
  readonly code = "UNCERTAINTY_INVALID_INPUT";
}

/** A readable name for a quantity pointer (entity id instead of array index). */
export function labelOf(network: Network, pointer: string): string {
  const [, collection, index, ...rest] = pointer.split("/");
  const field = rest.join(".");
  if (collection === "links" || collection === "services" || collection === "places" || collection === "projects") {
    const entity = (network[collection] as readonly { id: string }[])[Number(index)];
    if (entity) return `${collection.slice(0, -1)} ${entity.id} ${field}`;
  }
  if (collection === "parameters") return `parameter ${[index, ...rest].join(".")}`;
  return pointer;
}

/** One uncertain quantity the model's costs read. */
export interface UncertainInput {
  /** JSON Pointer into the network or the model parameters (as `TravelTimeModel.costsWith` reads). */
  readonly pointer: string;
  /** Readable name: `link <id> speedKmh`, `service <id> headwayMin`, `parameter transferMin.hsr`. */
  readonly label: string;
  /** Base value (the network's or the parameter default's `value`). */
  readonly value: number;
  readonly distribution: Distribution;
  /** The assumption's rationale. */
  readonly why: string;
}

/**
 * Every quantity the model's edge costs read under either reading that carries an `assumption`
 * (network quantities and the model's default parameters, `connectionWaitMin` included), as a
 * distribution. Sorted by pointer; zero-width ranges included.
 */
export function uncertainInputs(model: TravelTimeModel): UncertainInput[] {
  const out: UncertainInput[] = [];
  for (const q of model.quantities({ reading: "scheduled" })) {
    const a = q.quantity?.assumption;
    if (!a) continue;
    out.push({ pointer: q.pointer, label: labelOf(model.network, q.pointer), value: q.value, distribution: distributionOf(a), why: a.why });
  }
  return out.sort((x, y) => (x.pointer < y.pointer ? -1 : x.pointer > y.pointer ? 1 : 0));
}

/** Options of {@link runUncertainty}; every field has a default. */
export interface UncertaintyOptions {
  /** Scenario ids (default all) and target ids (default all); measures (default each target's, else both). */
  readonly scenarios?: readonly Id[];
  readonly targets?: readonly Id[];
  readonly measures?: readonly Measure[];
  /** Reading of every target, overriding each target's declared one (default: the target's, else `scheduled`). */
  readonly reading?: ReadingKind;
  /** Monte Carlo draws (default 1,000). */
  readonly draws?: number;
  /** Seed of the mulberry32 generator (default 1): the same seed gives identical output. */
  readonly seed?: number;
  /** Inputs to vary (default: all of `uncertainInputs`); others stay at their base value. */
  readonly inputs?: readonly UncertainInput[];
  /** One-at-a-time low/high swings per input (default true). */
  readonly tornado?: boolean;
  /** Tornado entries kept per result, largest swing first (default 10). */
  readonly tornadoTop?: number;
  readonly model?: TravelTimeModel;
  /** Called after each draw (done, total), e.g. to drive a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Percentiles of the worst pair time over the draws, minutes, the worst taken over the pairs that
 * have a time (see {@link UncertaintyResult.base}`.pairsReachable`); Infinity when no pair has one.
 */
export interface TimePercentiles {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** One tornado bar: the worst pair time with one input at its low and at its high end. */
export interface TornadoEntry {
  readonly pointer: string;
  /** See {@link UncertainInput.label}. */
  readonly label: string;
  readonly low: number;
  readonly high: number;
  readonly timeAtLowMin: number;
  readonly timeAtHighMin: number;
  /** |timeAtHigh − timeAtLow|, minutes (Infinity − Infinity counts as 0). */
  readonly swingMin: number;
}

/** Monte Carlo result for one scenario × target × measure. */
export interface UncertaintyResult {
  readonly scenarioId: Id;
  readonly targetId: Id;
  readonly measure: Measure;
  /** The reading the times were read under (the target's declared one unless overridden). */
  readonly reading: ReadingKind;
  readonly thresholdMin: number;
  /**
   * Outcome with every quantity at its base value. Its `pairsReachable` of `pairs` is the pair set
   * every draw's worst time is taken over: draws change costs, not which links exist.
   */
  readonly base: ItemOutcome;
  /** Share of draws in which every pair meets the threshold. */
  readonly probabilityMet: number;
  /** Percentiles of the worst pair time (min), d3-array `quantileSorted`. */
  readonly worstTimeMin: TimePercentiles;
  /** Largest swings first (empty when `tornado` is false). */
  readonly tornado: readonly TornadoEntry[];
}

/** The result of {@link runUncertainty}. */
export interface UncertaintyReport {
  readonly draws: number;
  readonly seed: number;
  readonly inputs: readonly UncertainInput[];
  readonly results: readonly UncertaintyResult[];
}

/**
 * Monte Carlo over every assumption's range: each draw samples all inputs (seeded mulberry32,
 * independent, uniform or triangular), recomputes the edge costs of the ONE compiled model
 * (`costsWith`, no rebuild) and evaluates every scenario × target × measure. Reports the probability
 * that each target is met, p5/p50/p95 of its worst pair time, and a tornado ranking of the inputs by
 * one-at-a-time low/high swing (others at base values).
 *
 * Edge cases: zero-width ranges give zero variance; an unreachable pair never meets the target (so
 * `probabilityMet` is 0) and is left out of the worst time, which is Infinity only when no pair is
 * reachable; read the percentiles with `base.pairsReachable`.
 *
 * @throws UncertaintyError when draws is not a positive integer; LimitError above `LIMITS.draws`.
 */
export function runUncertainty(network: Network, options: UncertaintyOptions = {}): UncertaintyReport {
  const draws = options.draws ?? 1000;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new UncertaintyError(`draws = ${draws}: give a positive integer number of Monte Carlo draws (default 1000)`);
  checkLimit("draws", draws, "draws");
  const seed = options.seed ?? 1;
  const model = options.model ?? buildModel(network);
  const inputs = options.inputs ?? uncertainInputs(model);
  const scenarios = options.scenarios ?? network.scenarios.map((s) => s.id);
  const projectSets = scenarios.map((s) => [...model.scenarioProjects(s)]);
  const ev = new TargetEvaluator(model, {
    ...(options.targets ? { targets: options.targets } : {}),
    ...(options.measures ? { measures: options.measures } : {}),
    ...(options.reading ? { reading: options.reading } : {}),
  });
  const nItems = ev.items.length;
  const nScen = scenarios.length;
  const worst = Array.from({ length: nScen * nItems }, () => new Float64Array(draws));
  const metCount = new Uint32Array(nScen * nItems);
  const random = mulberry32(seed);
  const overrides = new Map<string, number>();
  for (let d = 0; d < draws; d++) {
    for (const inp of inputs) overrides.set(inp.pointer, quantileOf(inp.distribution, random()));
    const costs = model.costsWith(overrides);
    for (let s = 0; s < nScen; s++) {
      const o = ev.evaluate(projectSets[s]!, costs);
      for (let i = 0; i < nItems; i++) {
        worst[s * nItems + i]![d] = o[i]!.worstTimeMin;
        if (o[i]!.met) metCount[s * nItems + i]!++;
      }
    }
    options.onProgress?.(d + 1, draws);
  }
  const baseOutcomes = projectSets.map((p) => ev.evaluate(p));

  // Tornado: each input alone at its low and high end.
  const swings: { pointer: string; label: string; low: number; high: number; lo: number[]; hi: number[] }[] = [];
  if (options.tornado ?? true) {
    for (const inp of inputs) {
      const ends = [inp.distribution.low, inp.distribution.high];
      const at = ends.map((v) => {
        const costs = model.costsWith(new Map([[inp.pointer, v]]));
        return projectSets.flatMap((p) => ev.evaluate(p, costs).map((o) => o.worstTimeMin));
      });
      swings.push({ pointer: inp.pointer, label: inp.label, low: ends[0]!, high: ends[1]!, lo: at[0]!, hi: at[1]! });
    }
  }
  const top = options.tornadoTop ?? 10;
  const results: UncertaintyResult[] = [];
  for (let s = 0; s < nScen; s++) {
    for (let i = 0; i < nItems; i++) {
      const it = ev.items[i]!;
      const k = s * nItems + i;
      // Typed-array sort is numeric and orders Infinity last.
      const sorted = Array.from(worst[k]!.slice().sort());
      const tornado = swings
        .map((w): TornadoEntry => {
          const a = w.lo[k]!;
          const b = w.hi[k]!;
          const swing = a === b ? 0 : Math.abs(b - a);
          return { pointer: w.pointer, label: w.label, low: w.low, high: w.high, timeAtLowMin: a, timeAtHighMin: b, swingMin: Number.isNaN(swing) ? 0 : swing };
        })
        .filter((t) => t.swingMin > 0)
        .sort((x, y) => y.swingMin - x.swingMin || (x.pointer < y.pointer ? -1 : 1))
        .slice(0, top);
      results.push({
        scenarioId: scenarios[s]!,
        targetId: it.target.id,
        measure: it.measure,
        reading: it.reading,
        thresholdMin: it.thresholdMin,
        base: baseOutcomes[s]![i]!,
        probabilityMet: metCount[k]! / draws,
        worstTimeMin: { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) },
        tornado,
      });
    }
  }
  return { draws, seed, inputs, results };
}
