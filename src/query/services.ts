/**
 * The model's services as a timetable sees them: the running and dwell edges of each service and
 * the transfer time of each boarding, read from the model's edges by meaning (kind, service, stop
 * index), never by graph key.
 */
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";

/** Per service: the forward ride edge of each segment and the dwell edge of each intermediate stop. */
export interface ServiceEdges {
  /** `ride[k]`: edge from stop k to stop k + 1, forward direction. */
  readonly ride: Int32Array;
  /** `dwell[k]`: dwell edge at stop k + 1 (the intermediate stops), forward direction. */
  readonly dwell: Int32Array;
}

const serviceEdgeCache = new WeakMap<TravelTimeModel, readonly ServiceEdges[]>();

/** {@link ServiceEdges} of every service, in network order (cached per model). */
export function serviceEdges(model: TravelTimeModel): readonly ServiceEdges[] {
  const hit = serviceEdgeCache.get(model);
  if (hit !== undefined) return hit;
  const services = model.network.services;
  const byId = new Map(services.map((s, j) => [s.id, j]));
  const out = services.map((s) => ({
    ride: new Int32Array(s.stops.length - 1).fill(-1),
    dwell: new Int32Array(Math.max(0, s.stops.length - 2)).fill(-1),
  }));
  for (const edge of model.networkEdges) {
    if (edge.direction !== "forward" || (edge.kind !== "ride" && edge.kind !== "dwell")) continue;
    const j = byId.get(edge.serviceId!)!;
    if (edge.kind === "ride") out[j]!.ride[edge.stopIndex!] = edge.index;
    else out[j]!.dwell[edge.stopIndex! - 1] = edge.index;
  }
  serviceEdgeCache.set(model, out);
  return out;
}

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
