/**
 * The scenario modification vocabulary, as zod schemas: a JSON-serialisable discriminated union on
 * `type`, in the manner of Conveyal R5's `analyst/scenario/` modifications, one file per type under
 * `modifications/` (schema, resolve, apply). A {@link ModifiedScenario} is a base scenario id plus
 * an ordered list of modifications; {@link resolveModifications} checks them all (collecting every
 * problem) before {@link applyScenario} derives a new network.
 *
 * Numbers inside added entities (`add-link`, `add-service`, `add-place`) may be plain numbers or
 * network-format Quantities (`{ value, source }` / `{ value, assumption }`); plain numbers are given
 * the provenance "scenario modification" when applied.
 */
import { z } from "zod";
import { IdSchema } from "../network/schema.js";
import { AddLinkSchema, LinkInputSchema } from "./modifications/add-link.js";
import { AddPlaceSchema, PlaceInputSchema } from "./modifications/add-place.js";
import { AddServiceSchema, ServiceInputSchema } from "./modifications/add-service.js";
import { AdjustDwellSchema } from "./modifications/adjust-dwell.js";
import { AdjustHeadwaySchema } from "./modifications/adjust-headway.js";
import { AdjustSpeedSchema } from "./modifications/adjust-speed.js";
import { AdjustTransferTimeSchema } from "./modifications/adjust-transfer-time.js";
import { RemoveLinkSchema } from "./modifications/remove-link.js";
import { RemoveServiceSchema } from "./modifications/remove-service.js";
import { RemoveStopSchema } from "./modifications/remove-stop.js";
import { SetProjectSchema } from "./modifications/set-project.js";

export {
  AddLinkSchema,
  AddPlaceSchema,
  AddServiceSchema,
  AdjustDwellSchema,
  AdjustHeadwaySchema,
  AdjustSpeedSchema,
  AdjustTransferTimeSchema,
  LinkInputSchema,
  PlaceInputSchema,
  RemoveLinkSchema,
  RemoveServiceSchema,
  RemoveStopSchema,
  ServiceInputSchema,
  SetProjectSchema,
};

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

/**
 * A modified scenario as JSON (a scenario file): a base scenario of the network plus ordered
 * modifications, checked loosely (the modifications are checked one by one when resolved).
 */
export const ModifiedScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Id of the network scenario the modifications start from, e.g. "plan-2025". */
  base: IdSchema,
  /** Human-readable label (not part of the derived id). */
  name: z.string().optional(),
  description: z.string().optional(),
  modifications: z.array(z.unknown()),
});
/** @deprecated Renamed {@link ModifiedScenarioSchema}. */
export const ScenarioSpecSchema = ModifiedScenarioSchema;

/**
 * A modified scenario: a scenario of the network (`base`, e.g. "plan-2025") plus ordered, typed
 * modifications, applied in order by {@link applyScenario}, which adds the result to the network as
 * a derived scenario (id `base:` + hash). "Scenario" alone always means a scenario of the network.
 *
 * `modifications` is a discriminated union on `type`, so a misspelt type or field fails to compile:
 * `{ type: "adjust-headwy" }` is a type error.
 */
export interface ModifiedScenario {
  readonly base: string;
  readonly name?: string;
  readonly description?: string;
  readonly modifications: readonly Modification[];
}
/** @deprecated Renamed {@link ModifiedScenario}. */
export type ScenarioSpec = ModifiedScenario;

declare const unchecked: unique symbol;

/**
 * A modified scenario read from JSON (`loadScenarioFile`, {@link parseScenarioJson}), not yet
 * checked: its modifications are untyped until {@link applyScenario} or {@link resolveModifications}
 * checks them against the network. Only those readers make one (the brand keeps an object literal
 * with mistyped modifications from passing as one).
 */
export interface ModifiedScenarioJson {
  readonly base: string;
  readonly name?: string;
  readonly description?: string;
  readonly modifications: readonly unknown[];
  readonly [unchecked]: true;
}
/** @deprecated Renamed {@link ModifiedScenarioJson}. */
export type ScenarioSpecInput = ModifiedScenarioJson;

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
