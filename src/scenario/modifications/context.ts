/**
 * What every modification type works with: the working copy of the network that modifications edit
 * in order (never the base network), and the context a modification is resolved in (its index, the
 * problem list, id lookups with did-you-mean, and the checks several types share).
 */
import type { z } from "zod";
import { BOUNDS, type Id, type Link, type Parameters, type Place, type Project, type Quantity, type QuantityBounds, type Service } from "../../network/schema.js";
import { didYouMean } from "../didYouMean.js";
import type { ModificationProblem } from "../errors.js";

/**
 * The network as the modifications so far left it: copies of the base network's tables, edited in
 * order. Entities are replaced, never mutated, so unchanged ones stay shared with the base.
 */
export interface WorkingNetwork {
  readonly places: Map<Id, Place>;
  readonly links: Map<Id, Link>;
  readonly services: Map<Id, Service>;
  readonly projects: Map<Id, Project>;
  parameters: Parameters;
  /** Projects forced in (`true`) or out (`false`) of the derived scenario, last `set-project` wins. */
  readonly projectStates: Map<Id, boolean>;
  /** Index of the modification that removed each removed link, for "already removed" messages. */
  readonly removedLinks: Map<Id, number>;
  /** Index of the modification that removed each removed service. */
  readonly removedServices: Map<Id, number>;
}

/**
 * One modification type, in the manner of Conveyal R5's `Modification` classes: its zod `schema`
 * (the JSON vocabulary), `resolve` (check the modification against the working network, reporting
 * every problem through the context, and return the change it makes: the valid part, or nothing),
 * and `apply` (make that change in the working network). Resolving never writes; applying never
 * checks. A change is applied even when part of the modification had problems, so that later
 * modifications are checked against what this one did (e.g. "already removed by modifications[0]").
 */
export interface ModificationKind<M, Change> {
  readonly schema: z.ZodType<M>;
  resolve(mod: M, ctx: ResolveContext): Change | undefined;
  apply(change: Change, work: WorkingNetwork, index: number): void;
  /**
   * For additions: the id a malformed modification of this type would add, reserved in the working
   * network so that later references to it do not cascade into "unknown id" problems.
   */
  reserveId?(raw: Record<string, unknown>, work: WorkingNetwork): void;
}

type Path = readonly PropertyKey[];

/** `links[1]`, `service.stops[0]`: the path of a field inside a modification. */
export function fieldOf(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s === "" ? "(modification)" : s;
}

/** The value at `path` in `root`, stopping at the deepest value that exists. */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return v;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const FIXES: Record<string, string> = {
  factor: "give a finite number > 0 (1.2 = 20% more)",
  speedKmh: "give a speed in km/h > 0",
  headwayMin: "give a headway in minutes > 0",
  dwellMin: "give a dwell in minutes > 0",
  transferMin: "give a transfer time in minutes >= 0",
  openingYear: `give an integer year between ${BOUNDS.year.min} and ${BOUNDS.year.max}`,
  in: "give true (include the project) or false (exclude it)",
  links: 'give a non-empty list of link ids, e.g. ["L1"]',
  services: 'give a non-empty list of service ids, e.g. ["S1"]',
};

function fixFor(field: string, code: string): string {
  const last = field.replace(/\[\d+\]$/, "").split(".").pop() ?? field;
  if (code === "invalid_union") return 'give a number, or a Quantity { "value", "source" } or { "value", "assumption" }';
  return FIXES[last] ?? `correct ${field} (see the modification vocabulary in the README, "Scenario modifications")`;
}

/** Plain numbers in the given Quantity fields, turned into Quantities with the modification as source. */
function normaliseQuantities(obj: Record<string, unknown>, fields: readonly string[], label: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...obj };
  const q = (v: unknown) => (typeof v === "number" ? { value: v, source: label } : v);
  for (const f of fields) {
    const v = out[f];
    if (v === undefined) continue;
    out[f] = Array.isArray(v) ? v.map(q) : q(v);
  }
  return out;
}

/** `q` times `factor`, its provenance saying so (an assumption's range scales with it). */
export function scaled(q: Quantity, factor: number, label: string): Quantity {
  const value = q.value * factor;
  if (q.assumption) {
    const [lo, hi] = q.assumption.range;
    const ends = [lo * factor, hi * factor].sort((a, b) => a - b) as [number, number];
    return {
      value,
      assumption: {
        why: `${q.assumption.why} [${label}: scaled by ${factor}]`,
        range: ends,
        ...(q.assumption.mode !== undefined ? { mode: q.assumption.mode * factor } : {}),
      },
    };
  }
  return { value, source: `${label}: ${factor} × ${q.value} (${q.source ?? "no source"})` };
}

function withinBounds(v: number, b: QuantityBounds): boolean {
  return Number.isFinite(v) && (b.minInclusive ? v >= b.min : v > b.min) && v <= b.max;
}

/** The context one modification is resolved in. */
export class ResolveContext {
  constructor(
    /** The working network, as the modifications before this one left it. */
    readonly work: WorkingNetwork,
    /** Position of the modification in the list. */
    readonly index: number,
    /** Its `type` as written (possibly not a known type). */
    readonly type: string,
    /** The modification as given (untyped), for values in problems. */
    readonly raw: unknown,
    private readonly problems: ModificationProblem[],
    /** Field names the modification's schema knows, for did-you-mean on unknown fields. */
    private readonly knownFields: readonly string[] = [],
  ) {}

  /** Provenance of the values this modification sets. */
  get label(): string {
    return `scenario modification #${this.index} (${this.type})`;
  }

  /** Problems reported so far for this modification. */
  get problemCount(): number {
    return this.problems.length;
  }

  /** Reports a problem of this modification. */
  problem(field: string, value: unknown, message: string, fix: string): void {
    this.problems.push({ index: this.index, type: this.type, field, value, message, fix });
  }

  /** Reports zod issues, under `prefix` inside the modification. */
  reportIssues(issues: readonly z.core.$ZodIssue[], prefix: Path): void {
    const root = this.raw;
    for (const issue of issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const path = [...prefix, ...issue.path, key];
          this.problem(fieldOf(path), valueAt(root, path), `unknown field "${key}"`, issue.path.length === 0 ? didYouMean(key, this.knownFields, "field") : `remove "${key}"`);
        }
        continue;
      }
      let path: Path = [...prefix, ...issue.path];
      // A plain number given where a Quantity is allowed: report the number, not its virtual ".value".
      for (let k = 1; k < path.length; k++) {
        const v = valueAt(root, path.slice(0, k));
        if (v === null || typeof v !== "object") {
          path = path.slice(0, k);
          break;
        }
      }
      const field = fieldOf(path);
      this.problem(field, valueAt(root, path), issue.message, fixFor(field, issue.code));
    }
  }

  /**
   * The link `id` of the working network, or a problem on `field` (unknown, or already removed).
   * `removing`: links this modification removes before `id`, as if already gone.
   */
  link(id: Id, field: string, removing?: ReadonlySet<Id>): Link | undefined {
    return this.#lookup("link", this.work.links, this.work.removedLinks, id, field, removing);
  }

  /** The service `id` of the working network, or a problem on `field` (see {@link link}). */
  service(id: Id, field: string, removing?: ReadonlySet<Id>): Service | undefined {
    return this.#lookup("service", this.work.services, this.work.removedServices, id, field, removing);
  }

  #lookup<T>(what: string, table: ReadonlyMap<Id, T>, removed: ReadonlyMap<Id, number>, id: Id, field: string, removing: ReadonlySet<Id> | undefined): T | undefined {
    const x = removing?.has(id) ? undefined : table.get(id);
    if (x) return x;
    const j = removing?.has(id) ? this.index : removed.get(id);
    const known = removing === undefined ? table.keys() : [...table.keys()].filter((k) => !removing.has(k));
    this.problem(field, id, j !== undefined ? `${what} "${id}" was already removed by modifications[${j}]` : `unknown ${what} "${id}"`, j !== undefined ? "remove it only once" : didYouMean(id, known, what));
    return undefined;
  }

  /** Whether place `id` exists (`pending`: one this modification adds); else a problem on `field`. */
  hasPlace(id: Id, field: string, pending?: Id): boolean {
    if (id === pending || this.work.places.has(id)) return true;
    const known = pending === undefined || this.work.places.has(pending) ? this.work.places.keys() : [...this.work.places.keys(), pending];
    this.problem(field, id, `unknown place "${id}"`, didYouMean(id, known, "place (or add it first with add-place)"));
    return false;
  }

  /** Whether project `id` exists; else a problem on `field`. */
  hasProject(id: Id, field: string): boolean {
    if (this.work.projects.has(id)) return true;
    this.problem(field, id, `unknown project "${id}"`, didYouMean(id, this.work.projects.keys(), "project"));
    return false;
  }

  /** Exactly one of two alternative fields of `m`; else a problem. */
  oneOf(m: object, a: string, b: string): boolean {
    const r = m as Record<string, unknown>;
    const hasA = r[a] !== undefined;
    const hasB = r[b] !== undefined;
    if (hasA && hasB) this.problem(b, r[b], `conflicting fields: both "${a}" and "${b}" are given`, `keep only one of "${a}" and "${b}"`);
    else if (!hasA && !hasB) this.problem(a, undefined, `missing field: give "${a}" or "${b}"`, `add "${a}" or "${b}"`);
    return hasA !== hasB;
  }

  /** A `factor` whose result leaves the format's bounds is reported on `factor`, naming the entity. */
  checkBound(factor: number | undefined, value: number, b: QuantityBounds, what: string): void {
    if (!withinBounds(value, b)) this.problem("factor", factor, `${what} would become ${value} ${b.unit}, outside the format's bounds (${b.minInclusive ? ">=" : ">"} ${b.min} and <= ${b.max})`, "use a factor closer to 1");
  }

  /**
   * An entity added by this modification (at `key`), checked against the network format's strict
   * schema after its plain numbers (`quantityFields`) became Quantities; undefined after reporting.
   */
  strict<T>(key: string, value: Record<string, unknown>, quantityFields: readonly string[], schema: z.ZodType<T>): T | undefined {
    const r = schema.safeParse(normaliseQuantities(value, quantityFields, this.label));
    if (r.success) return r.data;
    this.reportIssues(r.error.issues, [key]);
    return undefined;
  }
}
