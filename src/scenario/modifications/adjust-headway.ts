/** `adjust-headway`: scale or set services' headways. */
import { z } from "zod";
import { BOUNDS } from "../../network/schema.js";
import { serviceQuantityKind } from "./adjust-service-quantity.js";
import { FactorSchema, IdListSchema, positive } from "./schema-parts.js";

/** `adjust-headway`: scale or set services' headways (minutes). */
export const AdjustHeadwaySchema = z.strictObject({
  type: z.literal("adjust-headway"),
  services: IdListSchema,
  /** Headway multiplier (> 0): 0.5 doubles the frequency. Give `factor` or `headwayMin`. */
  factor: FactorSchema.optional(),
  /** New headway, minutes. */
  headwayMin: positive("headwayMin", BOUNDS.headwayMin).optional(),
});

/** Resolves to the services with their new `headwayMin`. */
export const adjustHeadway = serviceQuantityKind("headwayMin", BOUNDS.headwayMin, AdjustHeadwaySchema);
