/**
 * The scenario modification vocabulary, as zod schemas: a JSON-serialisable discriminated union on
 * `type`, in the manner of Conveyal R5's `analyst/scenario/` modifications. A {@link ScenarioSpec}
 * is a base scenario id plus an ordered list of modifications; {@link resolveModifications} checks
 * them all (collecting every problem) before {@link applyScenario} derives a new network.
 *
 * Numbers inside added entities (`add-link`, `add-service`, `add-place`) may be plain numbers or
 * network-format Quantities (`{ value, source }` / `{ value, assumption }`); plain numbers are given
 * the provenance "scenario modification" when applied.
 */
import { z } from "zod";
import {
  BOUNDS,
  IdSchema,
  LINK_MODES,
  LocalNameSchema,
  LonLatSchema,
  PLACE_KINDS,
  SERVICE_MODES,
  quantity,
  type QuantityBounds,
} from "../network/schema.js";

/** A plain number or a full Quantity, within `bounds`. */
function quantityInput(bounds: QuantityBounds) {
  return z.union([z.number(), quantity(bounds)]);
}

/** A multiplier: finite and > 0 (1 leaves the value unchanged). */
const FactorSchema = z
  .number({ error: "factor must be a finite number > 0 (e.g. 1.25 for 25% faster)" })
  .positive({ error: "factor must be > 0 (e.g. 1.25 for 25% faster, 0.8 for 20% slower)" });

function positive(name: string, b: QuantityBounds) {
  return z
    .number({ error: `${name} must be a finite number in ${b.unit}` })
    .positive({ error: `${name} must be > 0 ${b.unit}` })
    .max(b.max, { error: `${name} must be <= ${b.max} ${b.unit}` });
}

const IdListSchema = z.array(IdSchema).min(1, { error: "list at least one id" });

/** A place to add, as in the network format, with plain numbers allowed for `population`. */
export const PlaceInputSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema,
  kind: z.enum(PLACE_KINDS),
  coord: LonLatSchema,
  source: z.string().min(3).optional(),
  population: quantityInput(BOUNDS.population).optional(),
  stations: z.array(IdSchema).optional(),
  region: z.string().optional(),
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
});

/** A link to add, as in the network format, with plain numbers allowed for its quantities. */
export const LinkInputSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema.optional(),
  mode: z.enum(LINK_MODES),
  from: IdSchema,
  to: IdSchema,
  lengthKm: quantityInput(BOUNDS.lengthKm).optional(),
  speedKmh: quantityInput(BOUNDS.speedKmh).optional(),
  minutes: quantityInput(BOUNDS.minutes).optional(),
  oneway: z.boolean().optional(),
  projects: z.array(IdSchema).optional(),
  replaces: z.array(IdSchema).optional(),
  note: z.string().optional(),
});

/** A service to add, as in the network format, with plain numbers allowed for its quantities. */
export const ServiceInputSchema = z.strictObject({
  id: IdSchema,
  name: LocalNameSchema,
  mode: z.enum(SERVICE_MODES),
  stops: z.array(IdSchema),
  headwayMin: quantityInput(BOUNDS.headwayMin),
  dwellMin: quantityInput(BOUNDS.dwellMin).optional(),
  runMinutes: z.array(quantityInput(BOUNDS.minutes)).optional(),
  speedKmh: quantityInput(BOUNDS.speedKmh).optional(),
  bidirectional: z.boolean().optional(),
  projects: z.array(IdSchema).optional(),
  replaces: z.array(IdSchema).optional(),
  note: z.string().optional(),
});

/** `add-place`: add a place (the network format's Place; `source` optional, plain numbers allowed). */
export const AddPlaceSchema = z.strictObject({ type: z.literal("add-place"), place: PlaceInputSchema });
/** `add-link`: add a link (endpoints, projects and replaced links must exist). */
export const AddLinkSchema = z.strictObject({ type: z.literal("add-link"), link: LinkInputSchema });
/** `remove-link`: remove links by id (they also leave other links' `replaces`). */
export const RemoveLinkSchema = z.strictObject({ type: z.literal("remove-link"), links: IdListSchema });
/** `adjust-speed`: scale or set the speed of links or services. */
export const AdjustSpeedSchema = z.strictObject({
  type: z.literal("adjust-speed"),
  /** Links whose `speedKmh` (or `minutes`) changes. Give `links` or `services`, not both. */
  links: IdListSchema.optional(),
  /** Services whose `speedKmh` (or `runMinutes`) changes. */
  services: IdListSchema.optional(),
  /** Speed multiplier (> 0); times are divided by it. Give `factor` or `speedKmh`, not both. */
  factor: FactorSchema.optional(),
  /** New absolute speed, km/h. */
  speedKmh: positive("speedKmh", BOUNDS.speedKmh).optional(),
});
/** `adjust-headway`: scale or set services' headways (minutes). */
export const AdjustHeadwaySchema = z.strictObject({
  type: z.literal("adjust-headway"),
  services: IdListSchema,
  /** Headway multiplier (> 0): 0.5 doubles the frequency. Give `factor` or `headwayMin`. */
  factor: FactorSchema.optional(),
  /** New headway, minutes. */
  headwayMin: positive("headwayMin", BOUNDS.headwayMin).optional(),
});
/** `adjust-dwell`: scale or set services' dwell at intermediate stops (minutes). */
export const AdjustDwellSchema = z.strictObject({
  type: z.literal("adjust-dwell"),
  services: IdListSchema,
  /** Dwell multiplier (> 0). Give `factor` or `dwellMin`. */
  factor: FactorSchema.optional(),
  /** New dwell at each intermediate stop, minutes. */
  dwellMin: positive("dwellMin", BOUNDS.dwellMin).optional(),
});
/** `add-service`: add a service (stops must exist; at least two). */
export const AddServiceSchema = z.strictObject({ type: z.literal("add-service"), service: ServiceInputSchema });
/** `remove-service`: remove services by id. */
export const RemoveServiceSchema = z.strictObject({ type: z.literal("remove-service"), services: IdListSchema });
/** `remove-stop`: services skip a stop (running times of the merged segments add up). */
export const RemoveStopSchema = z.strictObject({
  type: z.literal("remove-stop"),
  /** The stop (a place id) the services no longer call at. */
  stop: IdSchema,
  /** Services affected (default: every service calling at `stop`). */
  services: IdListSchema.optional(),
});
/** `set-project`: force a project in or out of the derived scenario, and/or set its opening year. */
export const SetProjectSchema = z.strictObject({
  type: z.literal("set-project"),
  project: IdSchema,
  /** true: the scenario includes the project; false: it excludes it; absent: unchanged. */
  in: z.boolean({ error: "in must be true or false" }).optional(),
  /** New opening year (affects scenarios that add projects by year). */
  openingYear: z
    .number({ error: "openingYear must be a year" })
    .int({ error: "openingYear must be an integer year" })
    .min(BOUNDS.year.min, { error: `openingYear must be >= ${BOUNDS.year.min}` })
    .max(BOUNDS.year.max, { error: `openingYear must be <= ${BOUNDS.year.max}` })
    .optional(),
});
/** `adjust-transfer-time`: scale or set the model's transfer time by service mode or at stations. */
export const AdjustTransferTimeSchema = z.strictObject({
  type: z.literal("adjust-transfer-time"),
  /** Transfer-time multiplier (> 0). Give `factor` or `transferMin`. */
  factor: FactorSchema.optional(),
  /** New transfer time, minutes (>= 0). */
  transferMin: z
    .number({ error: "transferMin must be a finite number of minutes" })
    .min(0, { error: "transferMin must be >= 0 min" })
    .max(240, { error: "transferMin must be <= 240 min" })
    .optional(),
  /** Service modes whose `transferMin` parameter changes (default: every service mode). */
  modes: z.array(z.enum(SERVICE_MODES)).min(1, { error: "list at least one mode" }).optional(),
  /** Stations (place ids) whose `stationTransferMin` is set instead of the per-mode parameter. */
  stations: IdListSchema.optional(),
});

/** Every modification schema, by `type`. */
export const MODIFICATION_SCHEMAS = {
  "add-place": AddPlaceSchema,
  "add-link": AddLinkSchema,
  "remove-link": RemoveLinkSchema,
  "adjust-speed": AdjustSpeedSchema,
  "adjust-headway": AdjustHeadwaySchema,
  "adjust-dwell": AdjustDwellSchema,
  "add-service": AddServiceSchema,
  "remove-service": RemoveServiceSchema,
  "remove-stop": RemoveStopSchema,
  "set-project": SetProjectSchema,
  "adjust-transfer-time": AdjustTransferTimeSchema,
} as const;

/** The modification types, in documentation order. */
export const MODIFICATION_TYPES = Object.keys(MODIFICATION_SCHEMAS) as ModificationType[];
/** The `type` of a modification. */
export type ModificationType = keyof typeof MODIFICATION_SCHEMAS;

/** One scenario modification (a discriminated union on `type`). */
export const ModificationSchema = z.discriminatedUnion("type", [
  AddPlaceSchema,
  AddLinkSchema,
  RemoveLinkSchema,
  AdjustSpeedSchema,
  AdjustHeadwaySchema,
  AdjustDwellSchema,
  AddServiceSchema,
  RemoveServiceSchema,
  RemoveStopSchema,
  SetProjectSchema,
  AdjustTransferTimeSchema,
]);
/** One scenario modification, as written in a scenario file or in code. */
export type Modification = z.infer<typeof ModificationSchema>;
/** A modification of one given type. */
export type ModificationOf<T extends ModificationType> = Extract<Modification, { type: T }>;

/** A scenario file: a base scenario of the network plus ordered modifications. */
export const ScenarioSpecSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Id of the network scenario the modifications start from, e.g. "plan-2025". */
  base: IdSchema,
  /** Human-readable label (not part of the derived id). */
  name: z.string().optional(),
  description: z.string().optional(),
  modifications: z.array(z.unknown()),
});
/** A scenario: `base` (a network scenario id) plus ordered modifications, applied in order. */
export interface ScenarioSpec {
  readonly base: string;
  readonly name?: string;
  readonly description?: string;
  readonly modifications: readonly Modification[];
}

/** A scenario read from JSON, not yet validated (its modifications are checked when applied). */
export interface ScenarioSpecInput {
  readonly base: string;
  readonly name?: string;
  readonly description?: string;
  readonly modifications: readonly unknown[];
}

/**
 * The JSON Schema (draft 2020-12) of a scenario file, for editors and `$schema` references.
 * Generated from the zod schemas, so it cannot drift from the validator.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const file = z.strictObject({
    $schema: z.string().optional(),
    base: IdSchema,
    name: z.string().optional(),
    description: z.string().optional(),
    modifications: z.array(ModificationSchema),
  });
  return z.toJSONSchema(file, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
