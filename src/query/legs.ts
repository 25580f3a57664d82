/**
 * Route legs: the translation of a core path (edge indices) into legs a person can read.
 */
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import { ModelError } from "../model/errors.js";
import type { Reading } from "../model/types.js";
import type { Id } from "../network/schema.js";

/**
 * One leg of a route. `timeMin = waitMin + transferMin + inVehicleMin + accessMin + egressMin`, and the
 * legs of a route sum to the route's time.
 * - `access` / `egress`: connectors (explicit or generated) before the first / after the last
 *   non-connector leg; their time is in `accessMin` / `egressMin`;
 * - `drive`: one road link, time in `inVehicleMin`;
 * - `ride`: one service from boarding to alighting: `waitMin` (headway rule), `transferMin` (only
 *   when an earlier ride precedes it), `inVehicleMin` (running plus dwell at intermediate stops);
 * - `connector`: a connector between two rides (e.g. a walk between stations), time in `transferMin`.
 * Local roads of the town mesh (mode `local-road`) count as connectors: one leg per stretch between
 * two places, an `access` leg before the first other leg, `egress` after the last, else `connector`.
 */
export interface RouteLeg {
  readonly kind: "access" | "egress" | "drive" | "ride" | "connector";
  /** Service mode for rides, `car` for drives, and `car`, `walk`, `connector` or `local-road` (the town mesh) for connectors. */
  readonly mode: string;
  /** Display name: the service's or link's English name (the id when it has none). */
  readonly line: string;
  /** Service id (ride) or link id (drive, explicit connector); empty for generated connectors. */
  readonly lineIds: readonly Id[];
  /** Place ids where the leg starts and ends. */
  readonly from: Id;
  readonly to: Id;
  readonly timeMin: number;
  readonly waitMin: number;
  readonly transferMin: number;
  readonly inVehicleMin: number;
  readonly accessMin: number;
  readonly egressMin: number;
  /** Projects the leg's links or service need (sorted, unique). */
  readonly projects: readonly Id[];
}

interface MutableLeg {
  kind: RouteLeg["kind"];
  mode: string;
  lineIds: Id[];
  names: string[];
  from: Id;
  to: Id;
  waitSecs: number;
  transferSecs: number;
  inVehicleSecs: number;
  otherSecs: number;
  projects: Set<Id>;
}

/** A connector leg (access, egress, a listed connector or a stretch of local roads): all its time is `otherSecs`. */
function connectorLeg(mode: string, lineIds: Id[], name: string, from: Id, to: Id, secs: number, projects: Iterable<Id>): MutableLeg {
  return { kind: "connector", mode, lineIds, names: [name], from, to, waitSecs: 0, transferSecs: 0, inVehicleSecs: 0, otherSecs: secs, projects: new Set(projects) };
}

/**
 * Splits a path (edge indices in travel order, as `ShortestPathSearch.pathTo(...).edges`) into
 * {@link RouteLeg}s using the edge costs the search ran on. Zero-cost bookkeeping edges (alight,
 * arrive) are absorbed into the leg before them.
 */
export function routeLegs(model: TravelTimeModel, edges: readonly number[], costs: EdgeCosts = model.base): RouteLeg[] {
  const network = model.network;
  const raw: MutableLeg[] = [];
  let ride: MutableLeg | null = null;
  for (const e of edges) {
    if (!(Number.isInteger(e) && e >= 0 && e < model.edgeCount))
      throw new ModelError(`routeLegs(model, edges): edge ${e} is not an edge of the model (0..${model.edgeCount - 1})`);
    const edge = model.edgeAttributes(e);
    const secs = costs.costsSecs[e]!;
    switch (edge.kind) {
      case "arrive":
        break;
      case "board": {
        const transfer = costs.transferSecs[e]!;
        const service = network.serviceById.get(edge.serviceId!);
        ride = {
          kind: "ride",
          mode: edge.mode,
          lineIds: [edge.serviceId!],
          names: [service?.name.en ?? edge.serviceId!],
          from: edge.fromPlaceId,
          to: edge.toPlaceId,
          waitSecs: secs - transfer,
          transferSecs: transfer,
          inVehicleSecs: 0,
          otherSecs: 0,
          projects: new Set(edge.projects),
        };
        raw.push(ride);
        break;
      }
      case "ride":
      case "dwell":
        if (ride === null) throw new ModelError(`routeLegs: edge ${e} (${edge.kind}) is not preceded by a board edge`);
        ride.inVehicleSecs += secs;
        ride.to = edge.toPlaceId;
        break;
      case "alight":
        ride = null;
        break;
      case "road": {
        // One drive leg per road link (a link is one edge), so that the binding leg names a link.
        const link = network.linkById.get(edge.linkId!);
        raw.push({
          kind: "drive",
          mode: "car",
          lineIds: [edge.linkId!],
          names: [link?.name?.en ?? edge.linkId!],
          from: edge.fromPlaceId,
          to: edge.toPlaceId,
          waitSecs: 0,
          transferSecs: 0,
          inVehicleSecs: secs,
          otherSecs: 0,
          projects: new Set(edge.projects),
        });
        break;
      }
      case "mesh": {
        // One leg per stretch of local roads between two places (the towns in between are not legs).
        const prev = raw[raw.length - 1];
        if (prev !== undefined && prev.mode === "local-road" && prev.to === "") {
          prev.otherSecs += secs;
          prev.to = edge.toPlaceId;
        } else {
          raw.push(connectorLeg("local-road", [], "local roads (town mesh)", edge.fromPlaceId, edge.toPlaceId, secs, []));
        }
        break;
      }
      case "connector":
      case "access": {
        const link = edge.linkId === undefined ? undefined : network.linkById.get(edge.linkId);
        const name = link?.name?.en ?? edge.linkId ?? `${edge.mode === "walk" ? "walk" : "drive"} (generated connector)`;
        raw.push(connectorLeg(edge.mode, edge.linkId === undefined ? [] : [edge.linkId], name, edge.fromPlaceId, edge.toPlaceId, secs, edge.projects));
        break;
      }
    }
  }
  let first = raw.findIndex((l) => l.kind !== "connector");
  let last = raw.length - 1 - [...raw].reverse().findIndex((l) => l.kind !== "connector");
  if (first < 0) {
    first = raw.length;
    last = raw.length;
  }
  return raw.map((l, i) => {
    const kind: RouteLeg["kind"] =
      l.kind !== "connector" ? l.kind : i < first ? "access" : i > last ? "egress" : "connector";
    const accessSecs = kind === "access" ? l.otherSecs : 0;
    const egressSecs = kind === "egress" ? l.otherSecs : 0;
    const transferSecs = l.transferSecs + (kind === "connector" ? l.otherSecs : 0);
    return {
      kind,
      mode: l.mode,
      line: l.names.join(", "),
      lineIds: l.lineIds,
      from: l.from,
      to: l.to,
      timeMin: (l.waitSecs + l.transferSecs + l.inVehicleSecs + l.otherSecs) / 60,
      waitMin: l.waitSecs / 60,
      transferMin: transferSecs / 60,
      inVehicleMin: l.inVehicleSecs / 60,
      accessMin: accessSecs / 60,
      egressMin: egressSecs / 60,
      projects: [...l.projects].sort(),
    };
  });
}

/**
 * The wait before the first boarding of a route (min): the first ride's wait when no ride precedes
 * it, which is 0 under the scheduled reading and the wait rule's wait under the typical one; 0 for a
 * route without rides. Part of the route's time, reported so that no measure hides it.
 */
export function initialWaitMin(legs: readonly RouteLeg[]): number {
  const first = legs.find((l) => l.kind === "ride");
  return first === undefined ? 0 : first.waitMin;
}

/**
 * The binding leg of a route: the leg with the largest `timeMin` (the first of equals), or -1 for a
 * route without legs. Improving any one leg can save at most that leg's whole time, so this is the
 * leg with the largest possible saving (see docs/design-choices.md).
 */
export function bindingLegIndex(legs: readonly RouteLeg[]): number {
  let best = -1;
  let bestMin = -Infinity;
  legs.forEach((leg, i) => {
    if (leg.timeMin > bestMin) {
      bestMin = leg.timeMin;
      best = i;
    }
  });
  return best;
}

/** A route query's answer (see {@link Query.route}). */
export interface RouteResult {
  /**
   * `ok`; `no-route` (unreachable with these projects and modes); `no-station` (station-to-station
   * for a place without stations); `same-station` (station-to-station, the places share a station:
   * time 0, no legs).
   */
  readonly status: "ok" | "no-route" | "no-station" | "same-station";
  readonly from: Id;
  readonly to: Id;
  /** Travel time (min), null unless `ok` (0 for `same-station`). */
  readonly timeMin: number | null;
  /** The reading the time was computed under (see `Reading`): `scheduled` has no initial wait. */
  readonly reading: Reading;
  readonly legs: readonly RouteLeg[];
  /**
   * Where the route starts and ends: the places themselves (door-to-door) or the best station pair.
   * `fromStation` comes from the path, so it is absent when legs were not asked for.
   */
  readonly fromStation?: Id;
  readonly toStation?: Id;
}
