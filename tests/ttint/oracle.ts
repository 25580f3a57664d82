/**
 * Brute-force oracle for door-to-door timetable times: a time-dependent Dijkstra over the scenario's
 * graphology graph (`buildGraph`): street edges (road, connector, access) as constant costs, and every
 * trip generated here from the graph's ride and dwell costs and the service headway. Boarding from a
 * place reached after a ride pays `stationTransferMin` or `transferMin[mode]`. It shares no routing
 * code with RAPTOR, the (place, mode) stops, footpaths or the access/egress composition.
 */
import type { MultiDirectedGraph } from "graphology";
import type { ModelEdgeAttributes, ModelNodeAttributes, Network, TravelTimeModel } from "../../src/index.js";

interface Trip {
  mode: string;
  places: string[];
  arr: number[];
  dep: number[];
}

/**
 * Trips of every service present in `graph`: departures `first + i·headway ≤ last` from each terminus.
 * Times are the graph's ride and dwell costs accumulated from the forward terminus and rounded to whole
 * seconds at each stop; the backward trip mirrors those rounded times (the convention of
 * `synthesizeTrips`: the same running and dwell times reversed), so both directions take equally long.
 */
export function bruteTrips(network: Network, graph: MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>, first: number, last: number): Trip[] {
  const trips: Trip[] = [];
  for (const service of network.services) {
    const n = service.stops.length;
    // Graph costs of one direction's rides and dwells, or null when the service is absent from the scenario.
    const costs = (direction: "forward" | "backward"): { ride: number[]; dwell: number[] } | null => {
      const ride: number[] = [];
      const dwell: number[] = [];
      for (let i = 0; i < n - 1; i++) {
        const from = `departure:${service.id}:${direction}:${i}`;
        const to = `arrival:${service.id}:${direction}:${i + 1}`;
        const e = graph.hasNode(from) && graph.hasNode(to) ? graph.edges(from, to)[0] : undefined;
        if (e === undefined) return null;
        ride.push(graph.getEdgeAttribute(e, "costSecs"));
        if (i > 0) dwell.push(graph.getEdgeAttribute(graph.edges(`arrival:${service.id}:${direction}:${i}`, from)[0]!, "costSecs"));
      }
      return { ride, dwell };
    };
    const forward = costs("forward");
    if (forward === null) continue;
    // Arrival and departure at each stop, seconds after the forward trip leaves its first stop.
    const fa = [0];
    const fd = [0];
    let clock = 0;
    for (let i = 0; i < n - 1; i++) {
      clock += forward.ride[i]!;
      fa.push(Math.round(clock));
      if (i < n - 2) clock += forward.dwell[i]!;
      fd.push(Math.round(clock));
    }
    const total = fa[n - 1]!;
    for (const direction of ["forward", "backward"] as const) {
      if (direction === "backward" && (service.bidirectional === false || costs("backward") === null)) continue;
      const places = direction === "forward" ? [...service.stops] : [...service.stops].reverse();
      const relArr = direction === "forward" ? fa : fd.map((d) => total - d).reverse();
      const relDep = direction === "forward" ? fd : fa.map((a) => total - a).reverse();
      const h = Math.round(service.headwayMin.value * 60);
      for (let t0 = first; t0 <= last; t0 += h) {
        const arr = relArr.map((t) => t0 + t);
        const dep = relDep.map((t) => t0 + t);
        trips.push({ mode: service.mode, places, arr, dep });
      }
    }
  }
  return trips;
}

const STREET = new Set(["road", "connector", "access"]);

/**
 * Earliest arrival at every place leaving `origin` at `departSecs`: seconds of travel per place id
 * (Infinity if unreachable). Labels on (place, layer): layer 1 = after at least one ride.
 */
export function bruteDoorToDoor(
  model: TravelTimeModel,
  graph: MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>,
  trips: readonly Trip[],
  origin: string,
  departSecs: number,
): Map<string, number> {
  const label = new Map<string, number>();
  const done = new Set<string>();
  label.set(`place:${origin}`, departSecs);
  const transfer = (place: string, mode: string): number => {
    const at = model.parameters.get("stationTransferMin", place);
    return Math.round((at?.value ?? model.parameters.get("transferMin", mode)!.value) * 60);
  };
  for (;;) {
    let u: string | undefined;
    let t = Infinity;
    for (const [k, v] of label) if (!done.has(k) && v < t) ((u = k), (t = v));
    if (u === undefined) break;
    done.add(u);
    const relax = (k: string, v: number) => {
      if (v < (label.get(k) ?? Infinity)) label.set(k, v);
    };
    graph.forEachOutEdge(u, (_e, attrs, _s, target) => {
      if (STREET.has(attrs.kind)) relax(target, t + attrs.costSecs);
    });
    const after = u.startsWith("after-ride:");
    const place = u.slice(u.indexOf(":") + 1);
    for (const trip of trips) {
      for (let i = 0; i < trip.places.length - 1; i++) {
        if (trip.places[i] !== place) continue;
        const ready = after ? t + transfer(place, trip.mode) : t;
        if (trip.dep[i]! < ready) continue;
        for (let k = i + 1; k < trip.places.length; k++) relax(`after-ride:${trip.places[k]}`, trip.arr[k]!);
      }
    }
  }
  const out = new Map<string, number>();
  for (const p of model.network.places) {
    out.set(p.id, Math.min(label.get(`place:${p.id}`) ?? Infinity, label.get(`after-ride:${p.id}`) ?? Infinity) - departSecs);
  }
  return out;
}
