/**
 * The model's services as a timetable sees them: the running and dwell edges of each service and
 * the transfer time of each boarding, read from the model's edges by meaning, never by graph key.
 */
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { ModeFilter } from "../model/types.js";

/**
 * Transfer seconds charged when boarding mode `m` at place `p` after a ride, keyed `"<p>@<m>"`,
 * from the board edges' transfer component in `costs`.
 */
export function boardingTransferSecs(model: TravelTimeModel, costs: EdgeCosts): Map<string, number> {
  const out = new Map<string, number>();
  model.networkEdges.forEach((e, i) => {
    if (e.kind === "board" && e.layer === 1) out.set(`${e.fromPlaceId}@${e.mode}`, costs.transferSecs[i]!);
  });
  return out;
}

/**
 * Running and dwell seconds of a service in its forward direction under `costs`: `runSecs[k]` from
 * stop k to k + 1, `dwellSecs[k]` at stop k + 1 (see `TravelTimeModel.serviceEdges`).
 */
export function serviceSecs(model: TravelTimeModel, serviceIndex: number, costs: EdgeCosts): { runSecs: Float64Array; dwellSecs: Float64Array } {
  const edges = model.serviceEdges[serviceIndex]!;
  return {
    runSecs: Float64Array.from(edges.ride, (e) => costs.costsSecs[e]!),
    dwellSecs: Float64Array.from(edges.dwell, (e) => costs.costsSecs[e]!),
  };
}

/** Whether a mode filter admits service `serviceIndex`'s rides (the model's rule for ride edges). */
export function serviceAdmitted(model: TravelTimeModel, serviceIndex: number, modes: ModeFilter): boolean {
  return model.filterMask({ modes }).at(model.serviceEdges[serviceIndex]!.ride[0]!) === 1;
}
