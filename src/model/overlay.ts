/**
 * Which edges a query's mode filter and measure admit: the edge-level half of a measure (the
 * place-to-place half, where searches start and end, is the query layer's).
 */
import { RAIL_MODES, type Measure } from "../network/schema.js";
import type { ModeFilter, ModelEdgeAttributes, QueryFilter } from "./types.js";

const RAIL: ReadonlySet<string> = new Set<string>(RAIL_MODES);

/** Whether a filter admits the local road mesh: door-to-door trips by road or any mode, never rail-only. */
export function meshAdmitted(filter: QueryFilter = {}): boolean {
  return (filter.measure ?? "door-to-door") === "door-to-door" && (filter.modes ?? "multimodal") !== "rail";
}

/**
 * Per-edge admission (1/0) of a mode filter and measure: rides of the admitted modes; roads unless
 * `rail` (station-to-station: only for `road`); connectors and generated access door-to-door only,
 * except that with a mesh (`hasMesh`) the generated connectors that exist only by radius are
 * admitted only where the mesh is not (rail-only door-to-door); `arrive` edges always; the mesh's
 * edges (every index of `out` past `edges`) where {@link meshAdmitted}.
 */
export function admissionMask(
  edges: readonly ModelEdgeAttributes[],
  filter: QueryFilter = {},
  hasMesh = false,
  out: Uint8Array = new Uint8Array(edges.length),
): Uint8Array {
  const modes: ModeFilter = filter.modes ?? "multimodal";
  const measure: Measure = filter.measure ?? "door-to-door";
  const mesh = meshAdmitted(filter);
  edges.forEach((edge, e) => {
    let ok: boolean;
    switch (edge.kind) {
      case "arrive":
        ok = true;
        break;
      case "board":
      case "ride":
      case "dwell":
      case "alight":
        ok = modes === "multimodal" || (modes === "rail" && RAIL.has(edge.mode));
        break;
      case "road":
        ok = measure === "station-to-station" ? modes === "road" : modes !== "rail";
        break;
      case "connector":
        ok = measure === "door-to-door";
        break;
      case "access":
        ok = measure === "door-to-door" && !(hasMesh && mesh && edge.accessRule === "radius");
        break;
      case "mesh":
        ok = mesh;
        break;
    }
    out[e] = ok ? 1 : 0;
  });
  out.fill(mesh ? 1 : 0, edges.length);
  return out;
}
