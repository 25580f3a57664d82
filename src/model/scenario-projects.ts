import type { Id } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { ModelError, didYouMean } from "./errors.js";

/**
 * The project set of a scenario, following the format's rules: start from `extends`, add projects by
 * opening year (`byYear`, default true, with `statuses`, default existing / under-construction /
 * planned), then `include`, then remove `exclude`. Throws {@link ModelError} for an unknown scenario.
 */
export function scenarioProjectSet(network: Network, scenarioId: Id): Set<Id> {
  const seen = new Set<Id>();
  const resolve = (id: Id): Set<Id> => {
    const scenario = network.scenarioById.get(id);
    if (scenario === undefined) {
      throw new ModelError(`unknown scenario "${id}"${didYouMean(id, network.scenarioById.keys())}`);
    }
    if (seen.has(id)) throw new ModelError(`scenario "${id}" extends itself through a cycle`);
    seen.add(id);
    const set = scenario.extends === undefined ? new Set<Id>() : resolve(scenario.extends);
    const rules = scenario.projects ?? {};
    if (rules.byYear ?? true) {
      const statuses = new Set(rules.statuses ?? ["existing", "under-construction", "planned"]);
      for (const project of network.projects) {
        if (project.openingYear !== undefined && project.openingYear.value <= scenario.year && statuses.has(project.status)) {
          set.add(project.id);
        }
      }
    }
    for (const p of rules.include ?? []) set.add(p);
    for (const p of rules.exclude ?? []) set.delete(p);
    return set;
  };
  return resolve(scenarioId);
}
