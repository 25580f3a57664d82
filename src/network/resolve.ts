/**
 * Scenario resolution: which projects, links and services exist in a scenario.
 */
import { UnknownIdError } from "./errors.js";
import { FrozenSet } from "./freeze.js";
import type { Id, Link, ProjectStatus, Scenario, Service } from "./schema.js";
import { closestMatch } from "./suggest.js";
import type { Network, ResolvedScenario } from "./types.js";

/** Statuses admitted by `byYear` when a scenario gives no `statuses`. */
export const DEFAULT_BY_YEAR_STATUSES: readonly ProjectStatus[] = Object.freeze([
  "existing",
  "under-construction",
  "planned",
]);

function lookupScenario(network: Network, id: string, argument: string): Scenario {
  const s = network.scenarioById.get(id);
  if (s === undefined) {
    const known = [...network.scenarioById.keys()];
    throw new UnknownIdError("scenario", id, closestMatch(id, known), known, argument);
  }
  return s;
}

function projectSet(network: Network, scenario: Scenario, seen: Set<Id>): Set<Id> {
  if (seen.has(scenario.id)) {
    // The loader rejects cycles; this guards networks assembled by hand.
    throw new Error(`cyclic scenario inheritance through ${JSON.stringify(scenario.id)}`);
  }
  seen.add(scenario.id);
  const set =
    scenario.extends === undefined
      ? new Set<Id>()
      : projectSet(
          network,
          lookupScenario(network, scenario.extends, `scenarios[${JSON.stringify(scenario.id)}].extends`),
          seen,
        );
  const rule = scenario.projects ?? {};
  if (rule.byYear ?? true) {
    const statuses = new Set<ProjectStatus>(rule.statuses ?? DEFAULT_BY_YEAR_STATUSES);
    for (const p of network.projects) {
      if (p.openingYear !== undefined && p.openingYear.value <= scenario.year && statuses.has(p.status)) set.add(p.id);
    }
  }
  for (const id of rule.include ?? []) set.add(id);
  for (const id of rule.exclude ?? []) set.delete(id);
  return set;
}

function active<T extends Link | Service>(entities: readonly T[], projects: ReadonlySet<Id>): T[] {
  const candidates = entities.filter((e) => (e.projects ?? []).every((p) => projects.has(p)));
  const replaced = new Set<Id>();
  for (const e of candidates) for (const r of e.replaces ?? []) replaced.add(r);
  return candidates.filter((e) => !replaced.has(e.id));
}

/**
 * Resolve a scenario of a network: its project set, and the links and services that exist in it.
 * (A scenario is one of the network's named scenarios, or one derived from it by `applyScenario`;
 * a modified scenario, `{ base, modifications }`, becomes one only once applied.)
 *
 * The project set is built in this order:
 * 1. `extends`: start from the parent scenario's resolved set (recursively); otherwise empty;
 * 2. `projects.byYear` (default true): add every project with `openingYear.value <= year` whose
 *    `status` is in `projects.statuses` (default existing, under-construction, planned). Projects
 *    without an opening year are never added by year;
 * 3. `projects.include`: add these;
 * 4. `projects.exclude`: remove these (last, so exclude always wins).
 *
 * A link or service is active when every project it lists is in the set (one with no `projects`
 * is always active), unless an active entity of the same kind lists it in `replaces`. Replacement
 * is decided among the project-active entities, so in a chain of upgrades (C ← B ← A, all active)
 * only A remains.
 *
 * @param network A loaded network (not modified).
 * @param scenarioId The scenario's id.
 * @returns A frozen {@link ResolvedScenario}; links and services keep the network's order.
 * @throws {@link UnknownIdError} if `scenarioId` is not a scenario of the network (with a
 *   "did you mean" suggestion).
 */
export function resolveScenario(network: Network, scenarioId: Id): ResolvedScenario {
  const scenario = lookupScenario(network, scenarioId, "scenarioId");
  const projects = new FrozenSet(projectSet(network, scenario, new Set()));
  return Object.freeze({
    scenario,
    id: scenario.id,
    year: scenario.year,
    projects,
    links: Object.freeze(active(network.links, projects)),
    services: Object.freeze(active(network.services, projects)),
  });
}
