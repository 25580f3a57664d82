/** `add-service`: add a service. */
import { z } from "zod";
import { BOUNDS, IdSchema, LocalNameSchema, SERVICE_MODES, ServiceSchema, type Service } from "../../network/schema.js";
import type { ModificationKind } from "./context.js";
import { quantityInput } from "./schema-parts.js";

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

/** `add-service`: add a service (stops must exist; at least two). */
export const AddServiceSchema = z.strictObject({ type: z.literal("add-service"), service: ServiceInputSchema });

/** Resolves to the service to add (a new id; at least two known stops, none repeated in a row). */
export const addService: ModificationKind<z.infer<typeof AddServiceSchema>, Service> = {
  schema: AddServiceSchema,
  resolve(mod, ctx) {
    const s = ctx.strict("service", mod.service, ["headwayMin", "dwellMin", "runMinutes", "speedKmh"], ServiceSchema);
    const m = mod.service;
    const duplicate = ctx.work.services.has(m.id);
    if (duplicate) ctx.problem("service.id", m.id, `duplicate service id "${m.id}"`, "choose an id no service uses");
    m.stops.forEach((p, i) => ctx.hasPlace(p, `service.stops[${i}]`));
    if (m.stops.length < 2) ctx.problem("service.stops", m.stops, `a service needs at least 2 stops, got ${m.stops.length}`, "list the stops in running order");
    m.stops.forEach((p, i) => {
      if (i > 0 && m.stops[i - 1] === p) ctx.problem(`service.stops[${i}]`, p, `stop "${p}" repeated consecutively`, "remove the repeated stop");
    });
    if (m.runMinutes !== undefined && m.runMinutes.length !== m.stops.length - 1) {
      ctx.problem("service.runMinutes", m.runMinutes, `runMinutes has ${m.runMinutes.length} segments but ${m.stops.length} stops need ${m.stops.length - 1}`, "give one running time per pair of consecutive stops");
    }
    (m.projects ?? []).forEach((p, i) => ctx.hasProject(p, `service.projects[${i}]`));
    (m.replaces ?? []).forEach((r, i) => ctx.service(r, `service.replaces[${i}]`));
    return duplicate ? undefined : s;
  },
  apply(service, work) {
    work.services.set(service.id, service);
  },
  reserveId(raw, work) {
    const id = (raw.service as { id?: unknown } | undefined)?.id;
    if (typeof id === "string" && !work.services.has(id)) work.services.set(id, { id, stops: [] as string[] } as unknown as Service);
  },
};
