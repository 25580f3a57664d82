/**
 * Structural options of the travel-time model (the quantities are parameters): defaults and checks.
 */
import { ModelError } from "./errors.js";
import type { ModelOptions } from "./types.js";

/** Default options of {@link buildModel}. */
export const DEFAULT_MODEL_OPTIONS = {
  wait: "half-headway",
  generateAccess: true,
  accessRadiusKm: 30,
  walkMaxKm: 1.5,
  mesh: true,
} as const satisfies Required<ModelOptions>;

/** The options with defaults filled in; throws {@link ModelError} naming a bad option and the fix. */
export function resolveModelOptions(options: ModelOptions): Required<ModelOptions> {
  const o: Required<ModelOptions> = { ...DEFAULT_MODEL_OPTIONS, ...options };
  const bad = (what: string, value: unknown, fix: string): never => {
    throw new ModelError(`buildModel options: ${what} = ${JSON.stringify(value)} is invalid; ${fix}`);
  };
  const w = o.wait;
  if (typeof w === "string") {
    if (w !== "half-headway" && w !== "full-headway")
      bad("wait", w, 'use "half-headway", "full-headway", { fixedMin } or { capMin }');
  } else if (w === null || typeof w !== "object") {
    bad("wait", w, 'use "half-headway", "full-headway", { fixedMin } or { capMin }');
  } else {
    const value = "fixedMin" in w ? w.fixedMin : "capMin" in w ? w.capMin : undefined;
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0))
      bad("wait", w, "give { fixedMin } or { capMin } as minutes >= 0");
  }
  if (!(Number.isFinite(o.accessRadiusKm) && o.accessRadiusKm >= 0))
    bad("accessRadiusKm", o.accessRadiusKm, "give a distance in km >= 0");
  if (!(Number.isFinite(o.walkMaxKm) && o.walkMaxKm >= 0)) bad("walkMaxKm", o.walkMaxKm, "give a distance in km >= 0");
  if (typeof o.mesh !== "boolean" && (o.mesh === null || typeof o.mesh !== "object"))
    bad("mesh", o.mesh, "give true, false or mesh options { maxEdgeKm, anchorTowns, anchorMaxKm }");
  return o;
}
