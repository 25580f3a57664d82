import type { z } from "zod";
import { closestMatch } from "../core/suggest.js";
import type { Id, Link, Parameters, Place, Project, Scenario, Service } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { didYouMean } from "./didYouMean.js";
import { ModificationError, type ModificationProblem } from "./errors.js";
import { canonicalJson, sha256Hex } from "./hash.js";
import { addLink } from "./modifications/add-link.js";
import { addPlace } from "./modifications/add-place.js";
import { addService } from "./modifications/add-service.js";
import { adjustDwell } from "./modifications/adjust-dwell.js";
import { adjustHeadway } from "./modifications/adjust-headway.js";
import { adjustSpeed } from "./modifications/adjust-speed.js";
import { adjustTransferTime } from "./modifications/adjust-transfer-time.js";
import { ResolveContext, fieldOf, valueAt, type ModificationKind, type WorkingNetwork } from "./modifications/context.js";
import { removeLink } from "./modifications/remove-link.js";
import { removeService } from "./modifications/remove-service.js";
import { removeStop } from "./modifications/remove-stop.js";
import { setProject } from "./modifications/set-project.js";
import { MODIFICATION_TYPES, ModifiedScenarioSchema, type Modification, type ModificationOf, type ModificationType } from "./modifications.js";

export { TRANSFER_PARAMETER } from "./modifications/adjust-transfer-time.js";
/** Hex digits of SHA-256 kept in a derived scenario id (48 bits). */
export const SCENARIO_HASH_DIGITS = 12;

/** Each modification type's schema, resolve and apply (one file per type in `modifications/`). */
const KINDS: { readonly [T in ModificationType]: ModificationKind<ModificationOf<T>, unknown> } = {
  "add-place": addPlace,
  "add-link": addLink,
  "remove-link": removeLink,
  "adjust-speed": adjustSpeed,
  "adjust-headway": adjustHeadway,
  "adjust-dwell": adjustDwell,
  "add-service": addService,
  "remove-service": removeService,
  "remove-stop": removeStop,
  "set-project": setProject,
  "adjust-transfer-time": adjustTransferTime,
};

/**
 * A scenario whose modifications all resolved: every id bound, every number checked, and the
 * network content it produces, ready for {@link applyScenario} to assemble. Holds copies; the base
 * network is untouched.
 */
export interface ResolvedModifications {
  /** The base network scenario id. */
  readonly base: Id;
  /**
   * Id of the derived scenario: `base` itself when there are no modifications, otherwise
   * `base:` + the first 12 hex digits of SHA-256 over the canonical JSON of `{ base, modifications }`.
   */
  readonly scenarioId: Id;
  /** The validated modifications (numbers in added entities still as written). */
  readonly modifications: readonly Modification[];
  readonly places: readonly Place[];
  readonly links: readonly Link[];
  readonly services: readonly Service[];
  readonly projects: readonly Project[];
  readonly parameters: Parameters;
  /** Projects forced in (`true`) or out (`false`) of the derived scenario, last `set-project` wins. */
  readonly projectStates: ReadonlyMap<Id, boolean>;
}

/**
 * Check every modification of `spec` against `network` and compute what it produces, collecting all
 * problems before throwing one {@link ModificationError} (`.problems[]` names index, type, field,
 * value, message and fix). Modifications apply in order, so a later one may refer to an id an
 * earlier one added (and may not refer to one it removed). Never mutates `network`.
 *
 * @param spec `{ base, modifications }`; `modifications` may be untyped JSON (it is validated here).
 * @throws ModificationError for an unknown base, malformed modifications, unknown ids (with
 *   did-you-mean), duplicate ids, conflicting fields (`factor` with `speedKmh`…), non-positive or
 *   non-finite factors, results out of the format's bounds, a service left with fewer than 2 stops.
 */
export function resolveModifications(
  network: Network,
  spec: { readonly base: string; readonly modifications: readonly unknown[] },
): ResolvedModifications {
  const problems: ModificationProblem[] = [];
  const head = ModifiedScenarioSchema.safeParse(spec);
  if (!head.success) {
    for (const issue of head.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          problems.push({ index: -1, type: "scenario", field: key, value: (spec as Record<string, unknown>)[key], message: `unknown field "${key}" in the scenario`, fix: didYouMean(key, Object.keys(ModifiedScenarioSchema.shape), "field (base, modifications, name, description, $schema)") });
        }
        continue;
      }
      const field = fieldOf(issue.path);
      problems.push({ index: -1, type: "scenario", field, value: valueAt(spec, issue.path), message: issue.message, fix: `give ${field} as in the README, "Scenario modifications"` });
    }
    throw new ModificationError(problems);
  }
  if (!network.scenarioById.has(spec.base)) {
    problems.push({
      index: -1,
      type: "scenario",
      field: "base",
      value: spec.base,
      message: `unknown base scenario "${spec.base}"`,
      fix: didYouMean(spec.base, network.scenarioById.keys(), "scenario"),
    });
  }

  const work: WorkingNetwork = {
    places: new Map(network.placeById),
    links: new Map(network.links.map((l) => [l.id, l])),
    services: new Map(network.services.map((s) => [s.id, s])),
    projects: new Map(network.projects.map((p) => [p.id, p])),
    parameters: network.parameters,
    projectStates: new Map(),
    removedLinks: new Map(),
    removedServices: new Map(),
  };
  const valid: Modification[] = [];

  spec.modifications.forEach((raw, index) => {
    const typeName = raw !== null && typeof raw === "object" ? (raw as { type?: unknown }).type : undefined;
    const typeText = typeof typeName === "string" ? typeName : String(typeName);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      problems.push({ index, type: typeText, field: "(modification)", value: raw, message: 'a modification must be an object with a "type"', fix: `write { "type": "${MODIFICATION_TYPES[0]}", ... }` });
      return;
    }
    if (typeof typeName !== "string" || !Object.hasOwn(KINDS, typeName)) {
      const fix = typeof typeName === "string" && closestMatch(typeName, MODIFICATION_TYPES) ? didYouMean(typeName, MODIFICATION_TYPES, "type") : `use one of ${MODIFICATION_TYPES.join(", ")}`;
      problems.push({ index, type: typeText, field: "type", value: typeName, message: `unknown modification type ${JSON.stringify(typeName)}`, fix });
      return;
    }
    const kind = KINDS[typeName as ModificationType] as ModificationKind<Modification, unknown>;
    const schema = kind.schema as unknown as z.ZodObject;
    const ctx = new ResolveContext(work, index, typeName, raw, problems, Object.keys(schema.shape));
    const before = ctx.problemCount;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      ctx.reportIssues(parsed.error.issues, []);
      reportUnknownRefs(ctx, raw as Record<string, unknown>, new Set(problems.slice(before).map((p) => p.field)));
      kind.reserveId?.(raw as Record<string, unknown>, work);
      return;
    }
    const mod = parsed.data as Modification;
    const change = kind.resolve(mod, ctx);
    if (change !== undefined) kind.apply(change, work, index);
    if (ctx.problemCount === before) valid.push(mod);
  });

  if (problems.length > 0) throw new ModificationError(problems);
  const modifications = valid;
  return {
    base: spec.base,
    scenarioId: scenarioIdFor(spec.base, modifications),
    modifications,
    places: [...work.places.values()],
    links: [...work.links.values()],
    services: [...work.services.values()],
    projects: [...work.projects.values()],
    parameters: work.parameters,
    projectStates: work.projectStates,
  };
}

/**
 * In a malformed modification, still check the ids it names (`links`, `services`, `project`), so
 * that one pass reports every problem of the modification; fields already `flagged` are skipped.
 */
function reportUnknownRefs(ctx: ResolveContext, r: Record<string, unknown>, flagged: ReadonlySet<string>): void {
  const refs: [string, ReadonlyMap<Id, unknown>, string][] = [["links", ctx.work.links, "link"], ["services", ctx.work.services, "service"]];
  for (const [key, known, what] of refs) {
    const ids = r[key];
    if (!Array.isArray(ids)) continue;
    ids.forEach((id, i) => {
      if (typeof id === "string" && !known.has(id) && !flagged.has(`${key}[${i}]`)) ctx.problem(`${key}[${i}]`, id, `unknown ${what} "${id}"`, didYouMean(id, known.keys(), what));
    });
  }
  if (typeof r.project === "string" && !ctx.work.projects.has(r.project) && !flagged.has("project")) ctx.problem("project", r.project, `unknown project "${r.project}"`, didYouMean(r.project, ctx.work.projects.keys(), "project"));
}

/**
 * The id of the scenario `base` + `modifications`: `base` itself for an empty list, otherwise
 * `base:` + 12 hex digits of SHA-256 over the canonical JSON (sorted keys) of
 * `{ base, modifications }`. Key order and whitespace do not change it; any value does.
 */
export function scenarioIdFor(base: Id, modifications: readonly unknown[]): Id {
  if (modifications.length === 0) return base;
  return `${base}:${sha256Hex(canonicalJson({ base, modifications })).slice(0, SCENARIO_HASH_DIGITS)}`;
}

/** The derived scenario record added to the network for a resolved spec. */
export function derivedScenario(base: Scenario, r: ResolvedModifications): Scenario {
  const include: Id[] = [];
  const exclude: Id[] = [];
  for (const [id, on] of r.projectStates) (on ? include : exclude).push(id);
  return {
    id: r.scenarioId,
    name: { zh: `${base.name.zh}（修改）`, en: `${base.name.en} (modified)` },
    year: base.year,
    description: `${base.id} with ${r.modifications.length} modification${r.modifications.length === 1 ? "" : "s"}`,
    extends: base.id,
    // byYear off: the base's own project set (already year-filtered) is the starting point.
    projects: { byYear: false, include, exclude },
  };
}
