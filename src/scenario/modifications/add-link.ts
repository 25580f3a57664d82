/** `add-link`: add a link. */
import { z } from "zod";
import { BOUNDS, IdSchema, LINK_MODES, LinkSchema, LocalNameSchema, type Link } from "../../network/schema.js";
import type { ModificationKind } from "./context.js";
import { quantityInput } from "./schema-parts.js";

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

/** `add-link`: add a link (endpoints, projects and replaced links must exist). */
export const AddLinkSchema = z.strictObject({ type: z.literal("add-link"), link: LinkInputSchema });

/** Resolves to the link to add (a new id, known endpoints, projects and replaced links). */
export const addLink: ModificationKind<z.infer<typeof AddLinkSchema>, Link> = {
  schema: AddLinkSchema,
  resolve(mod, ctx) {
    const l = ctx.strict("link", mod.link, ["lengthKm", "speedKmh", "minutes"], LinkSchema);
    const m = mod.link;
    const duplicate = ctx.work.links.has(m.id);
    if (duplicate) ctx.problem("link.id", m.id, `duplicate link id "${m.id}"`, "choose an id no link uses");
    ctx.hasPlace(m.from, "link.from");
    ctx.hasPlace(m.to, "link.to");
    if (m.from === m.to) ctx.problem("link.to", m.to, "a link must join two different places", 'give a different "to"');
    if (m.minutes === undefined && m.lengthKm === undefined) ctx.problem("link.lengthKm", undefined, "a link needs a length or a time", 'add "lengthKm" (and "speedKmh") or "minutes"');
    (m.projects ?? []).forEach((p, i) => ctx.hasProject(p, `link.projects[${i}]`));
    (m.replaces ?? []).forEach((r, i) => ctx.link(r, `link.replaces[${i}]`));
    return duplicate ? undefined : l;
  },
  apply(link, work) {
    work.links.set(link.id, link);
  },
  reserveId(raw, work) {
    const id = (raw.link as { id?: unknown } | undefined)?.id;
    if (typeof id === "string" && !work.links.has(id)) work.links.set(id, { id } as Link);
  },
};
