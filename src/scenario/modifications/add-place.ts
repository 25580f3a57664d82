/** `add-place`: add a place. */
import { z } from "zod";
import { BOUNDS, IdSchema, LocalNameSchema, LonLatSchema, PLACE_KINDS, PlaceSchema, type Place } from "../../network/schema.js";
import type { ModificationKind } from "./context.js";
import { quantityInput } from "./schema-parts.js";

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

/** `add-place`: add a place (the network format's Place; `source` optional, plain numbers allowed). */
export const AddPlaceSchema = z.strictObject({ type: z.literal("add-place"), place: PlaceInputSchema });

/** Resolves to the place to add (its id must be new; its stations must exist, or be the place itself). */
export const addPlace: ModificationKind<z.infer<typeof AddPlaceSchema>, Place> = {
  schema: AddPlaceSchema,
  resolve(mod, ctx) {
    const p = ctx.strict("place", { source: ctx.label, ...mod.place }, ["population"], PlaceSchema);
    if (ctx.work.places.has(mod.place.id)) ctx.problem("place.id", mod.place.id, `duplicate place id "${mod.place.id}"`, "choose an id no place uses");
    (mod.place.stations ?? []).forEach((s, i) => ctx.hasPlace(s, `place.stations[${i}]`, p?.id));
    return p;
  },
  apply(place, work) {
    work.places.set(place.id, place);
  },
  reserveId(raw, work) {
    const id = (raw.place as { id?: unknown } | undefined)?.id;
    if (typeof id === "string" && !work.places.has(id)) work.places.set(id, { id } as Place);
  },
};
