/** `adjust-dwell`: scale or set services' dwell at intermediate stops. */
import { z } from "zod";
import { BOUNDS } from "../../network/schema.js";
import { serviceQuantityKind } from "./adjust-service-quantity.js";
import { FactorSchema, IdListSchema, positive } from "./schema-parts.js";

/** `adjust-dwell`: scale or set services' dwell at intermediate stops (minutes). */
export const AdjustDwellSchema = z.strictObject({
  type: z.literal("adjust-dwell"),
  services: IdListSchema,
  /** Dwell multiplier (> 0). Give `factor` or `dwellMin`. */
  factor: FactorSchema.optional(),
  /** New dwell at each intermediate stop, minutes. */
  dwellMin: positive("dwellMin", BOUNDS.dwellMin).optional(),
});

/** Resolves to the services with their new `dwellMin`. */
export const adjustDwell = serviceQuantityKind("dwellMin", BOUNDS.dwellMin, AdjustDwellSchema);
