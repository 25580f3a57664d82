/** `remove-service`: remove services by id. */
import { z } from "zod";
import { removalKind } from "./remove-entities.js";
import { IdListSchema } from "./schema-parts.js";

/** `remove-service`: remove services by id (they also leave other services' `replaces`). */
export const RemoveServiceSchema = z.strictObject({ type: z.literal("remove-service"), services: IdListSchema });

/** Resolves to the known services to remove (one listed twice is reported as already removed). */
export const removeService = removalKind({ what: "service", key: "services" }, RemoveServiceSchema);
