/**
 * Which edges a query's mode filter and measure admit: the edge-level half of a measure (the
 * place-to-place half, where searches start and end, is the query layer's).
 */
import { RAIL_MODES, type Measure } from "../network/schema.js";
import type { ModeFilter, ModelEdgeAttributes, QueryFilter } from "./types.js";

const RAIL: ReadonlySet<string> = new Set<string>(RAIL_MODES);

/**
 * Per-edge admission (1/0) of a mode filter and measure: rides of the admitted modes; roads unless
 * `rail` (station-to-station: only for `road`); connectors and generated access door-to-door only;
 * `arrive` edges always.
 */
export function admissionMask(edges: readonly ModelEdgeAttributes[], filter: QueryFilter = {}): Uint8Array {
  const modes: ModeFilter = filter.modes ?? "multimodal";
  const measure: Measure = filter.measure ?? "door-to-door";
  const mask = new Uint8Array(edges.length);
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
      case "access":
        ok = measure === "door-to-door";
        break;
    }
    mask[e] = ok ? 1 : 0;
  });
  return mask;
}
