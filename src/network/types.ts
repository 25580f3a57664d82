/**
 * The loaded, validated, immutable network: what `loadNetwork` returns and every later stage reads.
 */
import type {
  Id,
  Link,
  LocalName,
  Parameters,
  Place,
  Project,
  Scenario,
  Service,
  Source,
  Target,
} from "./schema.js";

/** A validated network. Deeply frozen: stages derive new objects, they never mutate this one. */
export interface Network {
  readonly id: Id;
  readonly name: LocalName;
  readonly description?: string;
  /** Date (YYYY-MM-DD) the project statuses describe. */
  readonly asOf: string;
  readonly sources: readonly Source[];
  readonly parameters: Parameters;
  readonly places: readonly Place[];
  readonly links: readonly Link[];
  readonly services: readonly Service[];
  readonly projects: readonly Project[];
  readonly scenarios: readonly Scenario[];
  readonly targets: readonly Target[];
  /** Lookups by id (`Map`, so ids such as `__proto__` are ordinary keys). */
  readonly placeById: ReadonlyMap<Id, Place>;
  readonly linkById: ReadonlyMap<Id, Link>;
  readonly serviceById: ReadonlyMap<Id, Service>;
  readonly projectById: ReadonlyMap<Id, Project>;
  readonly scenarioById: ReadonlyMap<Id, Scenario>;
  readonly targetById: ReadonlyMap<Id, Target>;
  /** Where it was loaded from: a file or folder path, or undefined for an in-memory object. */
  readonly origin?: string;
}

/** A scenario with its project set resolved: what exists in it. */
export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly id: Id;
  readonly year: number;
  /** Projects in the scenario. */
  readonly projects: ReadonlySet<Id>;
  /** Links present: every listed project is in, and no active link replaces them. */
  readonly links: readonly Link[];
  /** Services running, by the same rule. */
  readonly services: readonly Service[];
}
