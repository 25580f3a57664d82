import type { Id } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { ModificationError } from "./errors.js";
import type { ModifiedScenario, ModifiedScenarioJson } from "./modifications.js";
import { derivedScenario, resolveModifications, type ResolvedModifications } from "./resolveModifications.js";

/** The result of applying a scenario: a new network that contains the derived scenario. */
export interface AppliedScenario {
  /** The new network (the base network is returned as is when there are no modifications). */
  readonly network: Network;
  /** Id of the derived scenario in `network` (the base id when there are no modifications). */
  readonly scenarioId: Id;
  /** What was resolved (validated modifications and the content they produce). */
  readonly resolved: ResolvedModifications;
}

function byId<T extends { readonly id: Id }>(items: readonly T[]): ReadonlyMap<Id, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/**
 * Apply the modified scenario `spec` (base scenario id + ordered modifications) to `network`: resolve everything first
 * (see {@link resolveModifications}; all problems in one {@link ModificationError}), then assemble a
 * new frozen `Network` holding the modified places, links, services, projects and parameters plus a
 * derived scenario `scenarioId` that extends `spec.base` with the `set-project` changes.
 *
 * - The input network is never mutated; unchanged entities are shared by reference.
 * - No modifications: returns `{ network, scenarioId: spec.base }` (the very same network object).
 * - Other scenarios in the returned network see the modified infrastructure too (modifications edit
 *   the network, as in R5); only the project set is specific to the derived scenario.
 * - Targets are not modified; a removed place or service is never referenced by the result.
 *
 * @throws ModificationError listing every problem (index, type, field, value, message, fix).
 */
export function applyScenario(network: Network, spec: ModifiedScenario | ModifiedScenarioJson): AppliedScenario {
  const resolved = resolveModifications(network, spec);
  if (resolved.modifications.length === 0) return { network, scenarioId: resolved.base, resolved };
  const base = network.scenarioById.get(resolved.base);
  if (!base) throw new ModificationError([{ index: -1, type: "scenario", field: "base", value: spec.base, message: "unknown base scenario", fix: "use a scenario id of the network" }]);
  const scenario = Object.freeze(derivedScenario(base, resolved));
  const scenarios = [...network.scenarios.filter((s) => s.id !== scenario.id), scenario];
  const places = Object.freeze([...resolved.places]);
  const links = Object.freeze([...resolved.links]);
  const services = Object.freeze([...resolved.services]);
  const projects = Object.freeze([...resolved.projects]);
  const out: Network = Object.freeze({
    id: network.id,
    name: network.name,
    ...(network.description !== undefined ? { description: network.description } : {}),
    asOf: network.asOf,
    sources: network.sources,
    parameters: Object.freeze({ ...resolved.parameters }),
    places,
    links,
    services,
    projects,
    scenarios: Object.freeze(scenarios),
    targets: network.targets,
    placeById: byId(places),
    linkById: byId(links),
    serviceById: byId(services),
    projectById: byId(projects),
    scenarioById: byId(scenarios),
    targetById: network.targetById,
    ...(network.towns !== undefined ? { towns: network.towns } : {}),
    ...(network.origin !== undefined ? { origin: network.origin } : {}),
  });
  return { network: out, scenarioId: resolved.scenarioId, resolved };
}
