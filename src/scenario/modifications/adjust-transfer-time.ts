/** `adjust-transfer-time`: scale or set the model's transfer time by service mode or at stations. */
import { z } from "zod";
import { SERVICE_MODES, type Quantity } from "../../network/schema.js";
import { DEFAULT_PARAMETERS } from "../../model/parameters.js";
import { scaled, type ModificationKind } from "./context.js";
import { FactorSchema, IdListSchema } from "./schema-parts.js";

/** Name of the model parameter (keyed by service mode, minutes) that `adjust-transfer-time` sets. */
export const TRANSFER_PARAMETER = "transferMin";

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

/** A keyed model parameter with its new values. */
interface ParameterChange {
  readonly name: string;
  readonly value: Record<string, Quantity>;
}

/**
 * Resolves to the new value of the parameter `transferMin` (by mode; scaling a mode without a value
 * in the network scales the model's default) or `stationTransferMin` (by station; scaling needs a
 * value in the network). Results must stay within 0–240 min.
 */
export const adjustTransferTime: ModificationKind<z.infer<typeof AdjustTransferTimeSchema>, ParameterChange> = {
  schema: AdjustTransferTimeSchema,
  resolve(mod, ctx) {
    if (!ctx.oneOf(mod, "factor", "transferMin")) return undefined;
    if (mod.stations && mod.modes) {
      ctx.problem("modes", mod.modes, 'conflicting fields: both "stations" and "modes" are given', "use one modification per stations list and one per modes list");
      return undefined;
    }
    const name = mod.stations ? "stationTransferMin" : TRANSFER_PARAMETER;
    const current = (ctx.work.parameters[name] ?? {}) as Record<string, Quantity>;
    if (typeof (current as { value?: unknown }).value === "number") {
      ctx.problem("type", mod.type, `the network's "${name}" parameter is a scalar, but the model keys it by ${mod.stations ? "station" : "mode"}`, `fix the network's parameters.${name}`);
      return undefined;
    }
    const next: Record<string, Quantity> = { ...current };
    const keys = mod.stations ?? mod.modes ?? SERVICE_MODES;
    keys.forEach((key, i) => {
      if (mod.stations && !ctx.hasPlace(key, `stations[${i}]`)) return;
      if (mod.transferMin !== undefined) {
        next[key] = { value: mod.transferMin, source: ctx.label };
        return;
      }
      const q: Quantity | undefined = current[key] ?? (mod.stations ? undefined : (DEFAULT_PARAMETERS.transferMin as Record<string, Quantity>)[key]);
      if (q === undefined) {
        ctx.problem(mod.stations ? `stations[${i}]` : "factor", mod.stations ? key : mod.factor, `no ${name} is set for "${key}", so there is nothing to scale`, 'give "transferMin" instead of "factor"');
        return;
      }
      const v = q.value * mod.factor!;
      if (!(v >= 0 && v <= 240)) ctx.problem("factor", mod.factor, `${name} for "${key}" would become ${v} min, outside 0–240 min`, "use a factor closer to 1");
      else next[key] = scaled(q, mod.factor!, ctx.label);
    });
    return { name, value: next };
  },
  apply(change, work) {
    work.parameters = { ...work.parameters, [change.name]: change.value };
  },
};
