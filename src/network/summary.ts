import {
  LINK_MODES,
  PLACE_KINDS,
  PROJECT_STATUSES,
  SERVICE_MODES,
  type Id,
  type LinkMode,
  type LocalName,
  type PlaceKind,
  type ProjectStatus,
  type ServiceMode,
} from "./schema.js";
import { resolveScenario } from "./resolve.js";
import type { Network } from "./types.js";

/** Counts for one scenario (see {@link summarizeNetwork}). */
export interface ScenarioSummary {
  readonly id: Id;
  readonly name: LocalName;
  readonly year: number;
  /** Projects in the scenario, total and by status. */
  readonly projects: number;
  readonly projectsByStatus: Readonly<Record<ProjectStatus, number>>;
  /** Active links, total, by mode (modes with zero links omitted) and by status. */
  readonly links: number;
  readonly linksByMode: Readonly<Partial<Record<LinkMode, number>>>;
  readonly linksByStatus: Readonly<Record<ProjectStatus, number>>;
  /** Running services, total, by mode and by status. */
  readonly services: number;
  readonly servicesByMode: Readonly<Partial<Record<ServiceMode, number>>>;
  readonly servicesByStatus: Readonly<Record<ProjectStatus, number>>;
}

/** What `qiwan info` prints: network-wide counts and one {@link ScenarioSummary} per scenario. */
export interface NetworkSummary {
  readonly id: Id;
  readonly name: LocalName;
  readonly asOf: string;
  readonly places: number;
  /** Kinds with zero places omitted. */
  readonly placesByKind: Readonly<Partial<Record<PlaceKind, number>>>;
  readonly projects: number;
  readonly projectsByStatus: Readonly<Record<ProjectStatus, number>>;
  readonly links: number;
  readonly services: number;
  readonly targets: number;
  /** In the network's scenario order. */
  readonly scenarios: readonly ScenarioSummary[];
}

/** Least advanced first: an entity is only as far along as its least advanced project. */
const MATURITY: readonly ProjectStatus[] = ["study", "planned", "under-construction", "existing"];

function zeroStatuses(): Record<ProjectStatus, number> {
  return Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
}

function countBy<K extends string>(order: readonly K[], keys: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of order) {
    const n = keys.filter((x) => x === k).length;
    if (n > 0) out[k] = n;
  }
  return out;
}

/**
 * Counts of a network and of each of its scenarios: places by kind, projects by status, and active
 * links and services by mode and by status.
 *
 * The status of a link or service is that of its least advanced project (study < planned <
 * under-construction < existing); one with no `projects` counts as `existing` (it is part of the
 * base network).
 */
export function summarizeNetwork(network: Network): NetworkSummary {
  const statusOf = (projects: readonly Id[] | undefined): ProjectStatus => {
    let rank = MATURITY.length - 1;
    for (const id of projects ?? []) {
      const p = network.projectById.get(id);
      if (p) rank = Math.min(rank, MATURITY.indexOf(p.status));
    }
    return MATURITY[rank]!;
  };
  const byStatus = (statuses: readonly ProjectStatus[]) => {
    const out = zeroStatuses();
    for (const s of statuses) out[s]++;
    return out;
  };
  const scenarios = network.scenarios.map((s): ScenarioSummary => {
    const r = resolveScenario(network, s.id);
    return {
      id: s.id,
      name: s.name,
      year: s.year,
      projects: r.projects.size,
      projectsByStatus: byStatus([...r.projects].map((id) => network.projectById.get(id)!.status)),
      links: r.links.length,
      linksByMode: countBy(
        LINK_MODES,
        r.links.map((l) => l.mode),
      ),
      linksByStatus: byStatus(r.links.map((l) => statusOf(l.projects))),
      services: r.services.length,
      servicesByMode: countBy(
        SERVICE_MODES,
        r.services.map((x) => x.mode),
      ),
      servicesByStatus: byStatus(r.services.map((x) => statusOf(x.projects))),
    };
  });
  return {
    id: network.id,
    name: network.name,
    asOf: network.asOf,
    places: network.places.length,
    placesByKind: countBy(
      PLACE_KINDS,
      network.places.map((p) => p.kind),
    ),
    projects: network.projects.length,
    projectsByStatus: byStatus(network.projects.map((p) => p.status)),
    links: network.links.length,
    services: network.services.length,
    targets: network.targets.length,
    scenarios,
  };
}
