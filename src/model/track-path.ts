/**
 * Running times of service segments: from `runMinutes` when given, else along the shortest track
 * path between the two stops (links of the service's track modes that the service may use).
 */
import { RAIL_MODES, ROAD_MODES, type Id, type Link, type Service } from "../network/schema.js";
import type { Network } from "../network/types.js";
import type { CostFn } from "./costs.js";

const RAIL: ReadonlySet<string> = new Set<string>(RAIL_MODES);
const ROAD: ReadonlySet<string> = new Set<string>(ROAD_MODES);

/**
 * Running-time recipes of a service's segments (forward order), from runMinutes or link lengths and
 * speeds. Segments without either get a great-circle estimate and a warning.
 */
export function segmentCosts(
  network: Network,
  placeIndex: ReadonlyMap<Id, number>,
  service: Service,
  j: number,
  stops: readonly number[],
  crowKm: (a: number, b: number) => number,
  warnings: string[],
): CostFn[] {
  const out: CostFn[] = [];
  const speedPointer = `/services/${j}/speedKmh`;
  const trackModes: ReadonlySet<string> = RAIL.has(service.mode)
    ? RAIL
    : service.mode === "bus" || service.mode === "coach"
      ? ROAD
      : service.mode === "ferry"
        ? new Set(["waterway"])
        : new Set();
  const circuity = ROAD.has([...trackModes][0] ?? "") ? "road" : "rail";
  const allowed = new Set(service.projects ?? []);
  for (let k = 0; k + 1 < stops.length; k++) {
    const run = service.runMinutes?.[k];
    if (run !== undefined) {
      const pointer = `/services/${j}/runMinutes/${k}`;
      out.push((v) => v.q(pointer, run.value) * 60);
      continue;
    }
    const path = trackPath(network.links, placeIndex, stops[k]!, stops[k + 1]!, trackModes, allowed, crowKm);
    if (path === null) {
      const km = crowKm(stops[k]!, stops[k + 1]!);
      warnings.push(
        `services[${j}] "${service.id}" segment ${service.stops[k]} → ${service.stops[k + 1]}: no runMinutes and no ${[...trackModes].join("/") || "track"} link path usable by the service; length estimated as great-circle × circuityFactor.${circuity}`,
      );
      out.push((v) => {
        const kmh = service.speedKmh
          ? v.q(speedPointer, service.speedKmh.value)
          : v.p("designSpeedKmh", service.mode) * v.p("commercialSpeedFactor", service.mode);
        return ((km * v.p("circuityFactor", circuity)) / kmh) * 3600;
      });
      continue;
    }
    // A service's own speedKmh is its average running speed between stops (dwell excluded), as the
    // data states it: used as is, capped by each link's design speed. Without it, each link runs at
    // its design speed times the service mode's commercial-speed factor.
    out.push((v) => {
      const serviceKmh = service.speedKmh ? v.q(speedPointer, service.speedKmh.value) : undefined;
      const factor = serviceKmh === undefined ? v.p("commercialSpeedFactor", service.mode) : 1;
      let secs = 0;
      for (const i of path) {
        const link = network.links[i]!;
        if (link.minutes) {
          secs += v.q(`/links/${i}/minutes`, link.minutes.value) * 60;
          continue;
        }
        const km = link.lengthKm
          ? v.q(`/links/${i}/lengthKm`, link.lengthKm.value)
          : crowKm(placeIndex.get(link.from)!, placeIndex.get(link.to)!) * v.p("circuityFactor", circuity);
        const linkKmh = link.speedKmh ? v.q(`/links/${i}/speedKmh`, link.speedKmh.value) : v.p("designSpeedKmh", link.mode);
        secs += (km / (serviceKmh === undefined ? linkKmh * factor : Math.min(serviceKmh, linkKmh))) * 3600;
      }
      return secs;
    });
  }
  return out;
}

/**
 * Shortest track path (by length) between two stops over links of the given modes that the service
 * may use: links needing only the service's projects, less those such a link replaces.
 */
export function trackPath(
  links: readonly Link[],
  placeIndex: ReadonlyMap<Id, number>,
  a: number,
  b: number,
  modes: ReadonlySet<string>,
  allowedProjects: ReadonlySet<Id>,
  crowKm: (a: number, b: number) => number,
): number[] | null {
  if (modes.size === 0) return null;
  // Adjacency over usable links; the graphs are small (tens to hundreds of links), so a linear-scan Dijkstra is enough.
  const adjacency = new Map<number, Array<{ to: number; km: number; link: number }>>();
  const push = (u: number, w: number, km: number, link: number): void => {
    let list = adjacency.get(u);
    if (!list) adjacency.set(u, (list = []));
    list.push({ to: w, km, link });
  };
  // The usable links exist wherever the service runs, so a link one of them replaces never does.
  const usable = (link: Link): boolean => (link.projects ?? []).every((p) => allowedProjects.has(p));
  const replaced = new Set<Id>();
  for (const link of links) if (usable(link)) for (const r of link.replaces ?? []) replaced.add(r);
  links.forEach((link, i) => {
    if (!modes.has(link.mode) || !usable(link) || replaced.has(link.id)) return;
    const u = placeIndex.get(link.from);
    const w = placeIndex.get(link.to);
    if (u === undefined || w === undefined) return;
    const km = link.lengthKm?.value ?? crowKm(u, w);
    push(u, w, km, i);
    if (!link.oneway) push(w, u, km, i);
  });
  const dist = new Map<number, number>([[a, 0]]);
  const via = new Map<number, { prev: number; link: number }>();
  const done = new Set<number>();
  for (;;) {
    let u = -1;
    let best = Infinity;
    for (const [n, d] of dist) if (!done.has(n) && d < best) ((best = d), (u = n));
    if (u < 0) return null;
    if (u === b) break;
    done.add(u);
    for (const { to, km, link } of adjacency.get(u) ?? []) {
      const d = best + km;
      if (d < (dist.get(to) ?? Infinity)) {
        dist.set(to, d);
        via.set(to, { prev: u, link });
      }
    }
  }
  const path: number[] = [];
  for (let n = b; n !== a; ) {
    const step = via.get(n)!;
    path.push(step.link);
    n = step.prev;
  }
  return path.reverse();
}
