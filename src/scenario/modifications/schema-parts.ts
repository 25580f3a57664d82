/** Zod building blocks shared by the modification schemas. */
import { z } from "zod";
import { IdSchema, quantity, type QuantityBounds } from "../../network/schema.js";

/** A plain number or a full Quantity, within `bounds`. */
export function quantityInput(bounds: QuantityBounds) {
  return z.union([z.number(), quantity(bounds)]);
}

/** A multiplier: finite and > 0 (1 leaves the value unchanged). */
export const FactorSchema = z
  .number({ error: "factor must be a finite number > 0 (e.g. 1.25 for 25% faster)" })
  .positive({ error: "factor must be > 0 (e.g. 1.25 for 25% faster, 0.8 for 20% slower)" });

/** A number > 0 and at most the format's bound, in the bound's unit. */
export function positive(name: string, b: QuantityBounds) {
  return z
    .number({ error: `${name} must be a finite number in ${b.unit}` })
    .positive({ error: `${name} must be > 0 ${b.unit}` })
    .max(b.max, { error: `${name} must be <= ${b.max} ${b.unit}` });
}

/** A non-empty list of ids. */
export const IdListSchema = z.array(IdSchema).min(1, { error: "list at least one id" });
