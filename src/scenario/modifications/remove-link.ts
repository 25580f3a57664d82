/** `remove-link`: remove links by id. */
import { z } from "zod";
import { removalKind } from "./remove-entities.js";
import { IdListSchema } from "./schema-parts.js";

/** `remove-link`: remove links by id (they also leave other links' `replaces`). */
export const RemoveLinkSchema = z.strictObject({ type: z.literal("remove-link"), links: IdListSchema });

/** Resolves to the known links to remove (one listed twice is reported as already removed). */
export const removeLink = removalKind({ what: "link", key: "links" }, RemoveLinkSchema);
