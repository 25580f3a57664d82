/**
 * The network file format, as zod schemas. The static types of the library are inferred from these
 * schemas, and `networks/schema.json` is generated from them, so the three can never disagree.
 *
 * Conventions of the format:
 * - Units are in the field names (`lengthKm`, `speedKmh`, `headwayMin`); coordinates are `[lon, lat]`
 *   (WGS84, GeoJSON order).
 * - Every measured or estimated number is a {@link Quantity}: a `value` with either a `source`
 *   (a citation) or an `assumption` (why, and a plausible `range`). Plain numbers appear only where
 *   the number is a definition (schema version, a scenario's year) or where the enclosing entity
 *   carries the provenance (a place's `coord`, covered by the place's `source`).
 * - Ids are plain strings used as `Map` keys: `__proto__` or `constructor` are ordinary ids.
 */
import { z } from "zod";

/** The schema identifier every network file declares in `schema`. */
export const NETWORK_SCHEMA_ID = "qiwan-network";
/** The only network format version this release reads. */
export const NETWORK_SCHEMA_VERSION = 1;

/** An entity id: letters, digits and `_ . : -`, 1–64 characters. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "an id is 1–64 characters of letters, digits, '_', '.', ':' or '-'");
/** An entity id (see `IdSchema`); ids are case-sensitive and compared with `Map`, so `__proto__` works. */
export type Id = z.infer<typeof IdSchema>;

/** A calendar date `YYYY-MM-DD` that exists: `2024-02-29` is one, `2025-02-29` and `2025-13-45` are not. */
export const DateSchema = z.iso.date();

/**
 * A date at year, month or day precision (`2026`, `2026-11`, `2026-11-05`), each part a real one:
 * for citations, whose access dates are often known to the month only.
 */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day 01-31")
  .refine((s) => s.length < 10 || DateSchema.safeParse(s).success, "is not a calendar date: that month has no such day");

/** A name in Chinese and English. */
export const LocalNameSchema = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
});
/** A name in Chinese (`zh`) and English (`en`), both non-empty. */
export type LocalName = z.infer<typeof LocalNameSchema>;

/** Why a value is an estimate, and the interval it could plausibly lie in. */
export const AssumptionSchema = z
  .strictObject({
    why: z.string().min(10, "explain the assumption in a sentence (at least 10 characters)"),
    range: z.tuple([z.number(), z.number()]),
    /** Most likely value; when given, Monte Carlo draws from a triangular distribution. */
    mode: z.number().optional(),
  })
  .superRefine((a, ctx) => {
    const [low, high] = a.range;
    if (!(low <= high)) {
      ctx.addIssue({ code: "custom", path: ["range"], message: `range [${low}, ${high}] must have low <= high` });
    }
    if (a.mode !== undefined && !(a.mode >= low && a.mode <= high)) {
      ctx.addIssue({ code: "custom", path: ["mode"], message: `mode ${a.mode} must lie inside range [${low}, ${high}]` });
    }
  });
/** Why a value is an estimate, its plausible `[low, high]` range (same unit as the value) and optional mode. */
export type Assumption = z.infer<typeof AssumptionSchema>;

/** Bounds for one kind of quantity: what is physically sensible, not what is likely. */
export interface QuantityBounds {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value ("absurd" beyond it). */
  readonly max: number;
  /** Whether `min` itself is allowed (false: the value must be strictly greater). */
  readonly minInclusive: boolean;
  /** Unit and meaning, used in error messages, e.g. "km". */
  readonly unit: string;
}

/** Bounds used by the schema, exported so that error messages and docs quote the same numbers. */
export const BOUNDS = {
  lengthKm: { min: 0, max: 5_000, minInclusive: false, unit: "km" },
  speedKmh: { min: 0, max: 1_000, minInclusive: false, unit: "km/h" },
  minutes: { min: 0, max: 48 * 60, minInclusive: false, unit: "min" },
  headwayMin: { min: 0, max: 24 * 60, minInclusive: false, unit: "min" },
  dwellMin: { min: 0, max: 120, minInclusive: false, unit: "min" },
  population: { min: 0, max: 100_000_000, minInclusive: false, unit: "persons" },
  year: { min: 1800, max: 2100, minInclusive: true, unit: "year" },
  thresholdMin: { min: 0, max: 48 * 60, minInclusive: false, unit: "min" },
  detourFactor: { min: 1, max: 3, minInclusive: true, unit: "ratio (road length / great-circle length)" },
} as const satisfies Record<string, QuantityBounds>;

function inBounds(value: number, b: QuantityBounds): boolean {
  return Number.isFinite(value) && (b.minInclusive ? value >= b.min : value > b.min) && value <= b.max;
}

function boundsText(b: QuantityBounds): string {
  return `${b.minInclusive ? ">=" : ">"} ${b.min} and <= ${b.max} ${b.unit}`;
}

/**
 * A number with its provenance: exactly one of `source` (a citation) or `assumption`.
 * `value` and the assumption's range must lie within `bounds`, and the value inside the range.
 */
export function quantity(bounds: QuantityBounds) {
  return z
    .strictObject({
      value: z.number(),
      source: z.string().min(3).optional(),
      assumption: AssumptionSchema.optional(),
      note: z.string().optional(),
    })
    .superRefine((q, ctx) => {
      if (!inBounds(q.value, bounds)) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          input: q.value,
          message: `value ${q.value} is out of bounds: must be ${boundsText(bounds)}`,
        });
      }
      if ((q.source === undefined) === (q.assumption === undefined)) {
        ctx.addIssue({
          code: "custom",
          message:
            q.source === undefined
              ? 'a number needs provenance: add "source" (a citation) or "assumption": { "why", "range" }'
              : 'give either "source" or "assumption", not both (put the citation inside assumption.why)',
        });
      }
      if (q.assumption) {
        const [low, high] = q.assumption.range;
        for (const [i, end] of [low, high].entries()) {
          if (!inBounds(end, bounds)) {
            ctx.addIssue({
              code: "custom",
              path: ["assumption", "range", i],
              input: end,
              message: `range end ${end} is out of bounds: must be ${boundsText(bounds)}`,
            });
          }
        }
        if (low <= high && !(q.value >= low && q.value <= high)) {
          ctx.addIssue({
            code: "custom",
            path: ["value"],
            input: q.value,
            message: `value ${q.value} lies outside its assumption range [${low}, ${high}]`,
          });
        }
      }
    });
}
/** A sourced or assumed number (see `quantity`). */
export type Quantity = z.infer<ReturnType<typeof quantity>>;

/** `[lon, lat]` in WGS84 degrees. */
export const LonLatSchema = z.tuple([z.number(), z.number()]);
/** `[lon, lat]` in WGS84 degrees (GeoJSON axis order). */
export type LonLat = readonly [lon: number, lat: number];

/** Every {@link PlaceKind}, in documentation order. */
export const PLACE_KINDS = ["city", "town", "station", "airport", "port", "node"] as const;
/**
 * - `city`: the centre of a city, district or urban area (a target end point);
 * - `town`: a town centre; `station`: a rail or bus station; `airport`, `port`;
 * - `node`: a road junction or interchange that only shapes the road network.
 */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A place: `coord` is `[lon, lat]` in WGS84 degrees; `population` in persons. */
export const PlaceSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema,
  kind: z.enum(PLACE_KINDS),
  coord: LonLatSchema,
  /** Citation for `coord` (and for anything else on the place that is not a Quantity). */
  source: z.string().min(3),
  /** Resident population (persons), used to weight targets and accessibility. */
  population: quantity(BOUNDS.population).optional(),
  /** Stations that serve this place: the end points of the station-to-station interpretation. */
  stations: z.array(IdSchema).optional(),
  /** Free-text grouping, e.g. "Chongqing", "Guizhou", "Sichuan". */
  region: z.string().optional(),
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
});
/** A place as validated by `PlaceSchema`. */
export type Place = z.infer<typeof PlaceSchema>;

/** Track modes: ridden only by services, never driven. */
export const RAIL_MODES = ["hsr", "rail", "suburban", "metro"] as const;
/** Road modes: driven directly at the link (or class) speed. */
export const ROAD_MODES = ["expressway", "road", "urban-road"] as const;
/** Every {@link LinkMode}: rail, road, `connector` and `waterway`. */
export const LINK_MODES = [...RAIL_MODES, ...ROAD_MODES, "connector", "waterway"] as const;
/**
 * Infrastructure modes. Rail links (`hsr`, `rail`, `suburban`, `metro`) are track: they are ridden
 * only by services. Road links are driven directly. A `connector` is an explicit access/egress leg
 * (e.g. city centre to its station); `waterway` is a navigable channel (for freight projects).
 */
export type LinkMode = (typeof LINK_MODES)[number];

/**
 * A link between two places: `lengthKm` (km), `speedKmh` (km/h) or `minutes` (min, overrides
 * length and speed); two-way unless `oneway`.
 */
export const LinkSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema.optional(),
  mode: z.enum(LINK_MODES),
  from: IdSchema,
  to: IdSchema,
  lengthKm: quantity(BOUNDS.lengthKm).optional(),
  /** Design or posted speed; the travel-time model applies a commercial-speed factor per mode. */
  speedKmh: quantity(BOUNDS.speedKmh).optional(),
  /** Explicit traversal time; overrides length and speed. */
  minutes: quantity(BOUNDS.minutes).optional(),
  /** One-way link (default false: usable in both directions at the same cost). */
  oneway: z.boolean().optional(),
  /** The link exists only in scenarios that include every one of these projects. */
  projects: z.array(IdSchema).optional(),
  /** Links this one supersedes when it is active (an upgrade or a replacement alignment). */
  replaces: z.array(IdSchema).optional(),
  note: z.string().optional(),
});
/** A link as validated by `LinkSchema`. */
export type Link = z.infer<typeof LinkSchema>;

/** Every {@link ServiceMode}. */
export const SERVICE_MODES = ["hsr", "rail", "suburban", "metro", "bus", "coach", "ferry", "air"] as const;
/** Mode of a scheduled service (rail, bus, coach, ferry or air); sets its default dwell and speed factor. */
export type ServiceMode = (typeof SERVICE_MODES)[number];

/**
 * Link modes a service of mode `mode` can run on: any rail track for rail services, roads for buses
 * and coaches, waterways for ferries, none for air. A service lists the links it uses beyond its own
 * mode's ({@link ownTrackModes}) in `links`.
 */
export function trackModes(mode: ServiceMode): readonly LinkMode[] {
  if ((RAIL_MODES as readonly string[]).includes(mode)) return RAIL_MODES;
  if (mode === "bus" || mode === "coach") return ROAD_MODES;
  return mode === "ferry" ? ["waterway"] : [];
}

/**
 * Link modes a service runs on without listing them: a rail service its own mode's track only (a
 * `suburban` service on `rail` track lists those links), buses and coaches every road, ferries
 * waterways, air nothing.
 */
export function ownTrackModes(mode: ServiceMode): readonly LinkMode[] {
  return (RAIL_MODES as readonly string[]).includes(mode) ? [mode as LinkMode] : trackModes(mode);
}

/** Every {@link ServiceRole}. */
export const SERVICE_ROLES = ["trains", "frequency-aggregate"] as const;
/**
 * What a service stands for: `trains` (default) runs its own trains; `frequency-aggregate` stands
 * for trains other services already run (e.g. every train between two stations, whatever its stop
 * pattern), so that the typical reading waits for the next of them. An aggregate is read only by the
 * typical reading: the scheduled reading and synthesized timetables skip it (its trains are already
 * there).
 */
export type ServiceRole = (typeof SERVICE_ROLES)[number];

/**
 * A frequency-based service: ordered `stops`, `headwayMin` (min between departures), `dwellMin` (min
 * per intermediate stop), and either `runMinutes` per segment (min) or `speedKmh` over the links (km/h).
 */
export const ServiceSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema,
  mode: z.enum(SERVICE_MODES),
  /** Station places in running order (at least two, no stop repeated consecutively). */
  stops: z.array(IdSchema),
  /** Time between departures at each stop. */
  headwayMin: quantity(BOUNDS.headwayMin),
  /** Dwell at each intermediate stop (default per mode in the travel-time model). */
  dwellMin: quantity(BOUNDS.dwellMin).optional(),
  /** Running time of each segment between consecutive stops (length = stops.length - 1). */
  runMinutes: z.array(quantity(BOUNDS.minutes)).optional(),
  /**
   * Alternative to `runMinutes`: the service's average running speed over the links between
   * consecutive stops, each link capped at its own speed. Each segment follows the fastest path over
   * the links of the service's own mode (a `hsr` service: `hsr` links; `bus`/`coach`: road links;
   * `ferry`: waterways) and the links listed in `links`.
   */
  speedKmh: quantity(BOUNDS.speedKmh).optional(),
  /**
   * Track links of another mode the service may also run on (ids), e.g. a `suburban` service on
   * conventional `rail` track. Only read for segments without `runMinutes`.
   */
  links: z.array(IdSchema).optional(),
  /** Runs in both directions (default true) with the same times reversed. */
  bidirectional: z.boolean().optional(),
  /**
   * `trains` (default): the service runs its own trains. `frequency-aggregate`: it stands for trains
   * other services run (their combined headway, a representative time); read by the typical reading
   * only, never synthesized into a timetable.
   */
  role: z.enum(SERVICE_ROLES).optional(),
  /** The service runs only in scenarios that include every one of these projects. */
  projects: z.array(IdSchema).optional(),
  /** Services this one supersedes when it is active. */
  replaces: z.array(IdSchema).optional(),
  note: z.string().optional(),
});
/** A service as validated by `ServiceSchema`. */
export type Service = z.infer<typeof ServiceSchema>;

/** Every {@link ProjectStatus}, from built to merely studied. */
export const PROJECT_STATUSES = ["existing", "under-construction", "planned", "study"] as const;
/** Status of a project as of the network's `asOf` date; scenarios admit projects by status. */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** Every {@link ProjectCategory}. */
export const PROJECT_CATEGORIES = [
  "rail",
  "rail-service",
  "urban-rail",
  "road",
  "airport",
  "waterway",
  "logistics",
] as const;
/** What kind of infrastructure or service a project is (for grouping in reports and maps). */
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** A project (plan item or existing infrastructure) that gates links and services; `openingYear` is a calendar year. */
export const ProjectSchema = z.strictObject({
  id: IdSchema,
  /** `zh` is the plan's own wording where the project is a plan item. */
  name: LocalNameSchema,
  category: z.enum(PROJECT_CATEGORIES),
  /** Status as of the network's `asOf` date. */
  status: z.enum(PROJECT_STATUSES),
  /** Year the project opened or is assumed to open (absent: no date, e.g. a study). */
  openingYear: quantity(BOUNDS.year).optional(),
  /** The sentence of the plan that names this project, quoted verbatim (absent: not a plan item). */
  planText: z.string().optional(),
  /** Citation for the status (and anything else not carried by a Quantity). */
  source: z.string().min(3),
  note: z.string().optional(),
});
/** A project as validated by `ProjectSchema`. */
export type Project = z.infer<typeof ProjectSchema>;

/** A scenario: a `year` and the rule that picks its project set (`byYear`, `include`, `exclude`, `extends`). */
export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema,
  /** The year the scenario represents (a definition, not a measurement). */
  year: z.number().int().min(BOUNDS.year.min).max(BOUNDS.year.max),
  description: z.string().optional(),
  /** Start from another scenario's project set (cycles are rejected). */
  extends: IdSchema.optional(),
  projects: z
    .strictObject({
      /**
       * Add every project whose `openingYear.value <= year` and whose status is in `statuses`
       * (default true).
       */
      byYear: z.boolean().optional(),
      /** Statuses that `byYear` admits (default: existing, under-construction, planned). */
      statuses: z.array(z.enum(PROJECT_STATUSES)).optional(),
      /** Projects added explicitly, after `byYear`. */
      include: z.array(IdSchema).optional(),
      /** Projects removed explicitly, last. */
      exclude: z.array(IdSchema).optional(),
    })
    .optional(),
});
/** A scenario as validated by `ScenarioSchema`. */
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Every {@link Measure}. */
export const MEASURES = ["door-to-door", "station-to-station"] as const;
/**
 * - `door-to-door`: from the origin place to the destination place, access and egress included;
 * - `station-to-station`: between the best pair of stations serving the two places, no access/egress.
 */
export type Measure = (typeof MEASURES)[number];

/** Every {@link ReadingKind}: how a promise's travel time is read. */
export const READINGS = ["scheduled", "typical"] as const;
/**
 * How a promise's travel time is read (the waits counted):
 * - `scheduled`: the fastest scheduled connection: riding plus realistic transfers, no wait before
 *   the first boarding (how plans, timetables and the press quote "1 hour to Guiyang");
 * - `typical`: what a traveller who arrives at a random moment meets: waits from the headways at
 *   every boarding (or timetable percentiles over a departure window).
 */
export type ReadingKind = (typeof READINGS)[number];

/**
 * How a target's promise is read, with its justification: exactly one of `source` (a citation that
 * says how such promises are measured) or `rationale` (the argument, in a sentence or more).
 */
export const TargetReadingSchema = z
  .strictObject({
    kind: z.enum(READINGS),
    source: z.string().min(3).optional(),
    rationale: z.string().min(10, "explain the reading in a sentence (at least 10 characters)").optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.source === undefined) === (r.rationale === undefined)) {
      ctx.addIssue({
        code: "custom",
        message:
          r.source === undefined
            ? 'a reading needs a justification: "source" (a citation) or "rationale" (why the promise is read this way)'
            : 'a reading has both "source" and "rationale"',
      });
    }
  });
/** A target's reading as validated by {@link TargetReadingSchema}. */
export type TargetReading = z.infer<typeof TargetReadingSchema>;

/**
 * The people a target's promise is made for: the towns (of the network's `towns` section) of the
 * listed counties, plus the towns whose centre lies inside `polygon`. Analyses report the share of
 * their residents whose door-to-door time to the target's destinations meets the threshold. At
 * least one of `counties` and `polygon` is required, and together they must hold at least one town.
 */
export const OriginAreaSchema = z.strictObject({
  /** How reports name the area (e.g. `綦江/万盛`); default: the counties' names joined by `/`. */
  name: z.string().min(1).optional(),
  /** County ids as in `towns.counties` (or the towns' `county` column), e.g. census codes `500110`. */
  counties: z.array(IdSchema).optional(),
  /**
   * A polygon as GeoJSON `Polygon` coordinates: rings of `[lon, lat]` (WGS84 degrees), the first the
   * outline, any further ones holes; a ring may be open or closed. A town belongs to the area when
   * its centre is inside the outline and outside every hole.
   */
  polygon: z.array(z.array(LonLatSchema)).optional(),
});
/** A target's origin area as validated by the `originArea` section of the network schema. */
export type OriginArea = z.infer<typeof OriginAreaSchema>;

/**
 * A plan target: every pair (origins × destinations, or all ordered pairs of `origins`) must take at
 * most (`<=`) or less than (`<`) `thresholdMin` minutes.
 */
export const TargetSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema,
  /** The plan's sentence that makes the promise, quoted verbatim. */
  planText: z.string().min(1),
  origins: z.array(IdSchema).min(1),
  /** Required when `pairs` is "cross". */
  destinations: z.array(IdSchema).optional(),
  /**
   * `cross` (default): every origin to every destination. `all-pairs`: every ordered pair of
   * distinct places in `origins` (a commuting circle among them).
   */
  pairs: z.enum(["cross", "all-pairs"]).optional(),
  thresholdMin: quantity(BOUNDS.thresholdMin),
  /** Whether a time equal to the threshold meets the target. */
  comparison: z.enum(["<=", "<"]),
  /** Interpretations to evaluate (default both). */
  measures: z.array(z.enum(MEASURES)).min(1).optional(),
  /** Which modes may be used (default multimodal). */
  modes: z.enum(["multimodal", "rail", "road"]).optional(),
  /**
   * How the promise is read, with a source or rationale (default: the library's default reading,
   * `scheduled`). A check can override it for every target (`--reading`).
   */
  reading: TargetReadingSchema.optional(),
  /**
   * The people the promise is made for (counties and/or a polygon over the network's towns):
   * checks then report the share of them within the threshold of the destinations, door-to-door.
   */
  originArea: OriginAreaSchema.optional(),
  /** Why these origins and destinations (e.g. which cities count as "main"). */
  rationale: z.string().min(1),
});
/** A target as validated by `TargetSchema`. */
export type Target = z.infer<typeof TargetSchema>;

/** A citation the network's quantities may refer to by id. */
export const SourceSchema = z.strictObject({
  id: IdSchema,
  citation: z.string().min(3),
  url: z.string().optional(),
  /** When the source was read: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  accessed: PartialDateSchema.optional(),
});
/** A citation as validated by `SourceSchema`. */
export type Source = z.infer<typeof SourceSchema>;

const AnyQuantitySchema = quantity({ min: -1e9, max: 1e9, minInclusive: true, unit: "" });
/**
 * Model parameters overriding the travel-time model's defaults, by name (e.g.
 * `commercialSpeedFactor.hsr`), each a quantity or a record of quantities in the unit the model
 * documents for that name. The model documents the names it reads.
 */
export const ParametersSchema = z.record(
  z.string(),
  z.union([AnyQuantitySchema, z.record(z.string(), AnyQuantitySchema)]),
);
/** Model parameter overrides as validated by `ParametersSchema`. */
export type Parameters = z.infer<typeof ParametersSchema>;

/** Column order of a row of `towns.rows` (the `columns` header must repeat it). */
export const TOWN_COLUMNS = ["id", "name", "lon", "lat", "population", "populationEstimated", "county", "terrain"] as const;
/** Column order of a row of `towns.counties.rows`. */
export const COUNTY_COLUMNS = ["id", "name", "population"] as const;

/** One cell of a town or county row; which type each column takes is checked by `loadNetwork`. */
const TableCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const columnsHeader = <const C extends readonly [string, ...string[]]>(columns: C) =>
  z.tuple(columns.map((c) => z.literal(c)) as unknown as { [K in keyof C]: z.ZodLiteral<C[K]> });

/**
 * A terrain class of the towns: the speed of the local roads between towns of the class and how much
 * they wind (`detourFactor` = road length / great-circle length, at least 1).
 */
export const TerrainClassSchema = z.strictObject({
  description: z.string().min(1),
  speedKmh: quantity(BOUNDS.speedKmh),
  detourFactor: quantity(BOUNDS.detourFactor),
});
/** A terrain class as validated by `TerrainClassSchema`. */
export type TerrainClass = z.infer<typeof TerrainClassSchema>;

/**
 * The `towns` section: thousands of town centres as a table (one row per town, columns
 * {@link TOWN_COLUMNS}), with the provenance given once for the section (`source` covers every
 * coordinate and population of the rows) rather than a Quantity per number. Optional parts:
 * `counties` (census populations the town estimates were derived from: id, name, population) and
 * `terrain` (classes referenced by the towns' `terrain` column). Cell types and everything
 * relational (unique ids, coordinates, populations >= 0, known county and terrain) are checked by
 * `loadNetwork`, with messages that name the town. See docs/network-format-towns.md.
 */
export const TownsSectionSchema = z.strictObject({
  /** Citation covering the coordinates and populations of every row (and their licences). */
  source: z.string().min(3),
  note: z.string().optional(),
  /** Terrain classes by id, referenced by the `terrain` column. */
  terrain: z.record(IdSchema, TerrainClassSchema).optional(),
  /** County (or district) totals the town populations were derived from; `population` is a count. */
  counties: z
    .strictObject({
      /** Citation of the county populations (e.g. a census table). */
      source: z.string().min(3),
      columns: columnsHeader(COUNTY_COLUMNS),
      rows: z.array(z.array(TableCellSchema)),
    })
    .optional(),
  columns: columnsHeader(TOWN_COLUMNS),
  /**
   * `[id, name, lon, lat, population, populationEstimated, county, terrain]`: id (an id, unique
   * among towns), name (non-empty), lon and lat (WGS84 degrees), population (persons >= 0, or null
   * when unknown), populationEstimated (true when the population is an estimate, e.g. a county
   * total split evenly over its towns), county (a county id, or null), terrain (a terrain class id,
   * or null for the library's default).
   */
  rows: z.array(z.array(TableCellSchema)),
});
/** The `towns` section as in the file, validated by `TownsSectionSchema`. */
export type TownsSection = z.infer<typeof TownsSectionSchema>;

/** A whole network in one object: the content of a single-file network. */
export const NetworkFileSchema = z.strictObject({
  $schema: z.string().optional(),
  schema: z.literal(NETWORK_SCHEMA_ID),
  version: z.literal(NETWORK_SCHEMA_VERSION),
  id: IdSchema,
  name: LocalNameSchema,
  description: z.string().optional(),
  /** Date (YYYY-MM-DD) the statuses describe. */
  asOf: DateSchema,
  sources: z.array(SourceSchema).optional(),
  parameters: ParametersSchema.optional(),
  places: z.array(PlaceSchema),
  links: z.array(LinkSchema),
  services: z.array(ServiceSchema).optional(),
  projects: z.array(ProjectSchema),
  scenarios: z.array(ScenarioSchema),
  targets: z.array(TargetSchema).optional(),
  /** Town centres with populations: the local road mesh's nodes and the people counted by analyses. */
  towns: TownsSectionSchema.optional(),
});
/** A whole single-file network as validated by `NetworkFileSchema`. */
export type NetworkFile = z.infer<typeof NetworkFileSchema>;
