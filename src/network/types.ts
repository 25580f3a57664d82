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
  TerrainClass,
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
  /** The town centres of the `towns` section; absent when the network has none. */
  readonly towns?: Towns;
  /** Where it was loaded from: a file or folder path, or undefined for an in-memory object. */
  readonly origin?: string;
}

/** A town centre of the `towns` section (one row of `towns.rows`). */
export interface Town {
  readonly id: Id;
  readonly name: string;
  /** `[lon, lat]`, WGS84 degrees. */
  readonly coord: readonly [lon: number, lat: number];
  /** Residents (persons); null when unknown. */
  readonly population: number | null;
  /** True when `population` is an estimate (e.g. a county total split evenly over its towns), not a count. */
  readonly populationEstimated: boolean;
  /** Id of the town's county in `Towns.counties`, or null. */
  readonly county: Id | null;
  /** Terrain class id (a key of `Towns.terrain`), or null for the library's default local-road parameters. */
  readonly terrain: Id | null;
}

/** A county of `towns.counties`: the total the town estimates were derived from. */
export interface County {
  readonly id: Id;
  readonly name: string;
  /** Residents (persons) as counted by the cited source; null when unknown. */
  readonly population: number | null;
}

/** The validated `towns` section of a network, with lookups. Deeply frozen. */
export interface Towns {
  /** Citation covering every coordinate and population of the towns. */
  readonly source: string;
  readonly note?: string;
  /** Towns in file order. */
  readonly list: readonly Town[];
  readonly byId: ReadonlyMap<Id, Town>;
  /** Citation of the county populations; absent when the section has no counties. */
  readonly countySource?: string;
  /** Counties in file order (empty when the section has none). */
  readonly counties: readonly County[];
  readonly countyById: ReadonlyMap<Id, County>;
  /** Terrain classes by id, in file order (empty when the section has none). */
  readonly terrain: ReadonlyMap<Id, TerrainClass>;
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
