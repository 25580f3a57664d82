/**
 * Edge costs of the travel-time model: every edge carries a recipe that reads quantities (with
 * optional overrides, e.g. a Monte Carlo draw) and parameters, so that one topology can be costed
 * many times without rebuilding it.
 */
import type { Quantity } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { ModelError } from "./errors.js";
import { PARAMETER_SPECS, type ParameterName, type ResolvedParameters } from "./parameters.js";
import type { QuantityOverrides, Reading, WaitRule } from "./types.js";

/** Reads quantities (with overrides) and parameters while computing edge costs. */
export interface Values {
  q(pointer: string, base: number): number;
  p(name: ParameterName, key?: string): number;
}

/** A cost recipe: seconds, from quantities and parameters. */
export type CostFn = (v: Values) => number;

/**
 * What the cost pass needs of an edge. A board edge gives its components: `wait` (the wait rule),
 * and after a ride `transfer` and `connectionWaitMode` (the boarded mode, whose `connectionWaitMin`
 * is the scheduled reading's wait); its typical cost is `wait + transfer`. Every other edge gives `cost`.
 */
export interface CostRecipe {
  readonly cost?: CostFn;
  readonly wait?: CostFn;
  readonly transfer?: CostFn;
  readonly connectionWaitMode?: string;
}

/**
 * Edge costs of one variant (a quantity draw) under one reading: totals, and the components of
 * board edges that readings recombine and route legs report.
 */
export interface EdgeCosts {
  /** Seconds per edge; Infinity where the edge is absent. */
  readonly costsSecs: Float64Array;
  /** Transfer part of each board edge's cost (s); 0 elsewhere. */
  readonly transferSecs: Float64Array;
  /** Wait part of each board edge's cost (s) in the typical reading (the wait rule); 0 elsewhere. */
  readonly waitSecs: Float64Array;
  /**
   * Wait of each board edge after a ride in the scheduled reading (s): `connectionWaitMin` of the
   * boarded mode, at most the typical wait; 0 elsewhere (the scheduled first boarding has no wait).
   */
  readonly connectionWaitSecs: Float64Array;
}

/** Seconds waited when boarding a service of headway `headwayMin` under a wait rule. */
export function waitSecs(rule: WaitRule, headwayMin: number): number {
  if (rule === "half-headway") return headwayMin * 30;
  if (rule === "full-headway") return headwayMin * 60;
  if ("fixedMin" in rule) return rule.fixedMin * 60;
  return Math.min(headwayMin * 30, rule.capMin * 60);
}

/** Overrides as a Map by pointer, a trailing `/value` removed. */
export function toOverrideMap(q: QuantityOverrides | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (q === undefined) return out;
  const entries = q instanceof Map ? q.entries() : Object.entries(q);
  for (const [k, v] of entries) out.set(k.endsWith("/value") ? k.slice(0, -6) : k, v);
  return out;
}

/**
 * Runs every edge's recipe with the overrides; `record`, when given, receives every pointer the
 * typical costs read with its base value (this is how the model learns which quantities its costs
 * depend on), and `recordScheduled` those only the scheduled reading reads.
 */
export function computeCosts(
  recipes: readonly CostRecipe[],
  params: ResolvedParameters,
  overrides: ReadonlyMap<string, number>,
  record?: Map<string, number>,
  recordScheduled?: Map<string, number>,
): EdgeCosts {
  const values = reader(params, overrides, record);
  const scheduledValues = reader(params, overrides, recordScheduled);
  const E = recipes.length;
  const costsSecs = new Float64Array(E);
  const transferSecs = new Float64Array(E);
  const waitSecs = new Float64Array(E);
  const connectionWaitSecs = new Float64Array(E);
  // connectionWaitMin by mode, read once per pass: thousands of board edges share a few modes.
  const connectionWaitByMode = new Map<string, number>();
  for (let e = 0; e < E; e++) {
    const recipe = recipes[e]!;
    if (recipe.wait === undefined) {
      costsSecs[e] = recipe.cost!(values);
      continue;
    }
    const w = recipe.wait(values);
    waitSecs[e] = w;
    if (recipe.transfer === undefined) {
      costsSecs[e] = w;
      continue;
    }
    const t = recipe.transfer(values);
    transferSecs[e] = t;
    costsSecs[e] = w + t;
    const mode = recipe.connectionWaitMode;
    if (mode === undefined) continue;
    let cw = connectionWaitByMode.get(mode);
    if (cw === undefined) connectionWaitByMode.set(mode, (cw = scheduledValues.p("connectionWaitMin", mode) * 60));
    connectionWaitSecs[e] = Math.min(cw, w);
  }
  return { costsSecs, transferSecs, waitSecs, connectionWaitSecs };
}

/**
 * The costs of a reading: `typical` is the costs as computed (the wait rule at every boarding);
 * `scheduled` re-costs every board edge (`boardEdges`) as its transfer plus its connection wait, so
 * the first boarding is free, and closes the board edges of frequency aggregates (`aggregateBoardEdges`,
 * services whose trains other services already run). Only board edges differ.
 */
export function readingCosts(
  costs: EdgeCosts,
  reading: Reading,
  boardEdges: Int32Array,
  aggregateBoardEdges: Int32Array = new Int32Array(0),
): EdgeCosts {
  if (reading === "typical") return costs;
  const costsSecs = Float64Array.from(costs.costsSecs);
  for (const e of boardEdges) costsSecs[e] = costs.transferSecs[e]! + costs.connectionWaitSecs[e]!;
  for (const e of aggregateBoardEdges) costsSecs[e] = Infinity;
  return { ...costs, costsSecs, waitSecs: costs.connectionWaitSecs };
}

/** The quantity and parameter reader of one cost pass; `record` collects every pointer read. */
function reader(params: ResolvedParameters, overrides: ReadonlyMap<string, number>, record?: Map<string, number>): Values {
  return {
    q(pointer, base) {
      record?.set(pointer, base);
      const o = overrides.get(pointer);
      return o === undefined ? base : o;
    },
    p(name, key) {
      const pointer = key === undefined ? `/parameters/${name}` : `/parameters/${name}/${key}`;
      const given = params.get(name, key);
      if (given === undefined) {
        throw new ModelError(
          `parameter ${name}${key === undefined ? "" : `.${key}`} has no value: add it to the network's parameters section (${PARAMETER_SPECS[name].unit})`,
        );
      }
      record?.set(pointer, given.value);
      const o = overrides.get(pointer);
      return o === undefined ? given.value : o;
    },
  };
}

/** Whether a pointer names a model parameter (`/parameters/<name>[/<key>]`). */
export function isParameterPointer(pointer: string): boolean {
  const m = /^\/parameters\/([^/]+)(?:\/(.+))?$/.exec(pointer);
  return m !== null && m[1]! in PARAMETER_SPECS;
}

/** The network's Quantity (or the parameter's value) a pointer names, or undefined. */
export function lookupQuantity(network: Network, params: ResolvedParameters, pointer: string): Quantity | undefined {
  const parts = pointer.split("/").slice(1);
  if (parts[0] === "parameters") {
    const v = params.get(parts[1] as ParameterName, parts[2]);
    return v as Quantity | undefined;
  }
  let node: unknown = network;
  for (const part of parts) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as Quantity | undefined;
}
