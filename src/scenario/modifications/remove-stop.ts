/** `remove-stop`: services skip a stop. */
import { z } from "zod";
import { IdSchema, type Id, type Quantity, type Service } from "../../network/schema.js";
import type { ModificationKind } from "./context.js";
import { IdListSchema } from "./schema-parts.js";

/** `remove-stop`: services skip a stop (running times of the merged segments add up). */
export const RemoveStopSchema = z.strictObject({
  type: z.literal("remove-stop"),
  /** The stop (a place id) the services no longer call at. */
  stop: IdSchema,
  /** Services affected (default: every service calling at `stop`). */
  services: IdListSchema.optional(),
});

function sumQuantities(a: Quantity, b: Quantity, label: string): Quantity {
  const value = a.value + b.value;
  if (a.assumption || b.assumption) {
    const ra = a.assumption?.range ?? [a.value, a.value];
    const rb = b.assumption?.range ?? [b.value, b.value];
    return { value, assumption: { why: `${label}: sum of two merged segments' running times`, range: [ra[0] + rb[0], ra[1] + rb[1]] } };
  }
  return { value, source: `${label}: sum of ${a.value} (${a.source}) and ${b.value} (${b.source})` };
}

/**
 * `s` without `stop`: an intermediate stop's two segments merge (their running times add, a slight
 * overestimate since no stop is made); an end stop's segment is dropped.
 */
function withoutStop(s: Service, stop: Id, label: string): Service {
  let stops = s.stops;
  let run = s.runMinutes;
  let i: number;
  while ((i = stops.indexOf(stop)) >= 0) {
    stops = [...stops.slice(0, i), ...stops.slice(i + 1)];
    if (run) {
      if (i === 0) run = run.slice(1);
      else if (i === run.length) run = run.slice(0, -1);
      else run = [...run.slice(0, i - 1), sumQuantities(run[i - 1]!, run[i]!, label), ...run.slice(i + 1)];
    }
  }
  return run ? { ...s, stops, runMinutes: run } : { ...s, stops };
}

/**
 * Resolves to the services without the stop. A service left with fewer than two stops, or calling
 * at one stop twice in a row, is a problem (remove the service instead).
 */
export const removeStop: ModificationKind<z.infer<typeof RemoveStopSchema>, Map<Id, Service>> = {
  schema: RemoveStopSchema,
  resolve(mod, ctx) {
    if (!ctx.hasPlace(mod.stop, "stop")) return undefined;
    const change = new Map<Id, Service>();
    const targets: [Service, string][] = [];
    if (mod.services) {
      mod.services.forEach((id, i) => {
        const s = ctx.service(id, `services[${i}]`);
        if (!s) return;
        if (!s.stops.includes(mod.stop)) ctx.problem(`services[${i}]`, id, `service "${id}" does not call at "${mod.stop}"`, `its stops are ${s.stops.join(", ")}`);
        else targets.push([s, `services[${i}]`]);
      });
    } else {
      for (const s of ctx.work.services.values()) if (s.stops.includes(mod.stop)) targets.push([s, "stop"]);
      if (targets.length === 0) ctx.problem("stop", mod.stop, `no service calls at "${mod.stop}"`, "name a stop some service calls at");
    }
    for (const [s, field] of targets) {
      const next = withoutStop(s, mod.stop, ctx.label);
      if (next.stops.length < 2) {
        ctx.problem(field, field === "stop" ? mod.stop : s.id, `removing "${mod.stop}" would leave service "${s.id}" with ${next.stops.length} stop${next.stops.length === 1 ? "" : "s"}`, `remove the service instead (remove-service "${s.id}")`);
        continue;
      }
      const repeat = next.stops.findIndex((p, i) => i > 0 && next.stops[i - 1] === p);
      if (repeat > 0) {
        ctx.problem(field, field === "stop" ? mod.stop : s.id, `removing "${mod.stop}" would leave service "${s.id}" calling at "${next.stops[repeat]}" twice in a row`, "remove the service or edit it with remove-service + add-service");
        continue;
      }
      change.set(s.id, next);
    }
    return change;
  },
  apply(change, work) {
    for (const [id, s] of change) work.services.set(id, s);
  },
};
