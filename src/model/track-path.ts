/**
 * Running times of service segments: from `runMinutes` when given, else along the fastest track path
 * between the two stops over the links the service runs on (its own mode's, and those it lists in
 * `links`), so that adding a link, or raising a speed, can only make a segment faster.
 */
import { ownTrackModes, ROAD_MODES, type Id, type Link, type Service } from "../network/schema.js";
import type { Network } from "../network/types.js";
import type { CostFn, Values } from "./costs.js";
import type { ParameterName, ResolvedParameters } from "./parameters.js";

const ROAD: ReadonlySet<string> = new Set<string>(ROAD_MODES);

/**
 * Running-time recipes of a service's segments (forward order), from runMinutes or the fastest path
 * over the service's links. Segments without either get a great-circle estimate and a warning.
 */
export function segmentCosts(
  network: Network,
  placeIndex: ReadonlyMap<Id, number>,
  service: Service,
  j: number,
  stops: readonly number[],
  crowKm: (a: number, b: number) => number,
  warnings: string[],
  parameters: ResolvedParameters,
): CostFn[] {
  const out: CostFn[] = [];
  const speedPointer = `/services/${j}/speedKmh`;
  const own = ownTrackModes(service.mode);
  const circuity = own.some((m) => ROAD.has(m)) ? "road" : "rail";
  const links = network.links;
  const endsOf = (link: Link): [number, number] => [placeIndex.get(link.from)!, placeIndex.get(link.to)!];
  /**
   * Seconds to run link `i` under the values `v`. A service's own speedKmh is its average running
   * speed between stops (dwell excluded), as the data states it: used as is, capped by each link's
   * design speed. Without it, each link runs at its design speed times the service mode's
   * commercial-speed factor.
   */
  const linkSecs = (v: Values, i: number): number => {
    const link = links[i]!;
    if (link.minutes) return v.q(`/links/${i}/minutes`, link.minutes.value) * 60;
    const km = link.lengthKm
      ? v.q(`/links/${i}/lengthKm`, link.lengthKm.value)
      : crowKm(...endsOf(link)) * v.p("circuityFactor", circuity);
    const linkKmh = link.speedKmh ? v.q(`/links/${i}/speedKmh`, link.speedKmh.value) : v.p("designSpeedKmh", link.mode);
    const serviceKmh = service.speedKmh ? v.q(speedPointer, service.speedKmh.value) : undefined;
    const kmh = serviceKmh === undefined ? linkKmh * v.p("commercialSpeedFactor", service.mode) : Math.min(serviceKmh, linkKmh);
    return (km / kmh) * 3600;
  };
  const base = baseValues(parameters);
  const usable = usableLinks(links, service, new Set(own));
  for (let k = 0; k + 1 < stops.length; k++) {
    const run = service.runMinutes?.[k];
    if (run !== undefined) {
      const pointer = `/services/${j}/runMinutes/${k}`;
      out.push((v) => v.q(pointer, run.value) * 60);
      continue;
    }
    const path = fastestPath(links, usable, placeIndex, stops[k]!, stops[k + 1]!, (i) => linkSecs(base, i));
    if (path === null) {
      const km = crowKm(stops[k]!, stops[k + 1]!);
      warnings.push(
        `services[${j}] "${service.id}" segment ${service.stops[k]} → ${service.stops[k + 1]}: no runMinutes and no ${own.join("/") || "track"} link path usable by the service (list other track in its "links"); length estimated as great-circle × circuityFactor.${circuity}`,
      );
      out.push((v) => {
        const kmh = service.speedKmh
          ? v.q(speedPointer, service.speedKmh.value)
          : v.p("designSpeedKmh", service.mode) * v.p("commercialSpeedFactor", service.mode);
        return ((km * v.p("circuityFactor", circuity)) / kmh) * 3600;
      });
      continue;
    }
    // The path is chosen once, at base values; a quantity draw re-costs the same links.
    out.push((v) => {
      let secs = 0;
      for (const i of path) secs += linkSecs(v, i);
      return secs;
    });
  }
  return out;
}

/** Quantities and parameters at their base values (the reader that chooses paths at build). */
function baseValues(parameters: ResolvedParameters): Values {
  return {
    q: (_pointer, value) => value,
    p: (name: ParameterName, key?: string) => parameters.get(name, key)?.value ?? NaN,
  };
}

/**
 * Indices of the links a service may run on: links of its own track modes or listed in its
 * `links`, needing only the service's projects (so they exist wherever it runs), less those such a
 * link replaces.
 */
function usableLinks(links: readonly Link[], service: Service, own: ReadonlySet<string>): number[] {
  const allowed = new Set(service.projects ?? []);
  const listed = new Set(service.links ?? []);
  const present = (link: Link): boolean => (link.projects ?? []).every((p) => allowed.has(p));
  const replaced = new Set<Id>();
  for (const link of links) if (present(link)) for (const r of link.replaces ?? []) replaced.add(r);
  const out: number[] = [];
  links.forEach((link, i) => {
    if ((own.has(link.mode) || listed.has(link.id)) && present(link) && !replaced.has(link.id)) out.push(i);
  });
  return out;
}

/**
 * Fastest path (by `secsOf`, seconds ≥ 0; a NaN time makes a link unusable) between two places over
 * the given links, both ways unless a link is one-way; link indices in travel order, or null.
 * Ties keep the path found first (links in network order), so the choice is deterministic.
 */
export function fastestPath(
  links: readonly Link[],
  usable: readonly number[],
  placeIndex: ReadonlyMap<Id, number>,
  a: number,
  b: number,
  secsOf: (link: number) => number,
): number[] | null {
  // Adjacency over usable links; the graphs are small (tens to hundreds of links), so a linear-scan Dijkstra is enough.
  const adjacency = new Map<number, Array<{ to: number; secs: number; link: number }>>();
  const push = (u: number, w: number, secs: number, link: number): void => {
    let list = adjacency.get(u);
    if (!list) adjacency.set(u, (list = []));
    list.push({ to: w, secs, link });
  };
  for (const i of usable) {
    const link = links[i]!;
    const u = placeIndex.get(link.from);
    const w = placeIndex.get(link.to);
    const secs = secsOf(i);
    if (u === undefined || w === undefined || !(secs >= 0)) continue;
    push(u, w, secs, i);
    if (!link.oneway) push(w, u, secs, i);
  }
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
    for (const { to, secs, link } of adjacency.get(u) ?? []) {
      const d = best + secs;
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
