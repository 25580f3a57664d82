/** `set-project`: force a project in or out of the derived scenario, and/or set its opening year. */
import { z } from "zod";
import { BOUNDS, IdSchema, type Id, type Project } from "../../network/schema.js";
import type { ModificationKind } from "./context.js";

/** `set-project`: force a project in or out of the derived scenario, and/or set its opening year. */
export const SetProjectSchema = z.strictObject({
  type: z.literal("set-project"),
  project: IdSchema,
  /** true: the scenario includes the project; false: it excludes it; absent: unchanged. */
  in: z.boolean({ error: "in must be true or false" }).optional(),
  /** New opening year (affects scenarios that add projects by year). */
  openingYear: z
    .number({ error: "openingYear must be a year" })
    .int({ error: "openingYear must be an integer year" })
    .min(BOUNDS.year.min, { error: `openingYear must be >= ${BOUNDS.year.min}` })
    .max(BOUNDS.year.max, { error: `openingYear must be <= ${BOUNDS.year.max}` })
    .optional(),
});

/** The project's state in the derived scenario and its (possibly new) record. */
interface ProjectChange {
  readonly id: Id;
  /** true / false: forced in / out of the derived scenario; undefined: unchanged. */
  readonly in: boolean | undefined;
  /** The project with its new opening year; undefined: unchanged. */
  readonly project: Project | undefined;
}

/** Resolves to the project's new state and opening year; giving neither is a problem. */
export const setProject: ModificationKind<z.infer<typeof SetProjectSchema>, ProjectChange> = {
  schema: SetProjectSchema,
  resolve(mod, ctx) {
    if (!ctx.hasProject(mod.project, "project")) return undefined;
    if (mod.in === undefined && mod.openingYear === undefined) {
      ctx.problem("in", undefined, 'set-project changes nothing: give "in" and/or "openingYear"', 'add "in": true or false');
      return undefined;
    }
    const p = ctx.work.projects.get(mod.project)!;
    return { id: mod.project, in: mod.in, project: mod.openingYear === undefined ? undefined : { ...p, openingYear: { value: mod.openingYear, source: ctx.label } } };
  },
  apply(change, work) {
    if (change.in !== undefined) work.projectStates.set(change.id, change.in);
    if (change.project) work.projects.set(change.id, change.project);
  },
};
