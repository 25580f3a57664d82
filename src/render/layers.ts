import type { Id, LinkMode, LocalName, LonLat, PlaceKind, ProjectStatus } from "../network/schema.js";
import type { Network, ResolvedScenario } from "../network/types.js";

/** A link drawn on a map. */
export interface MapLine {
  readonly id: string;
  /** `[lon, lat]` vertices, from → to. */
  readonly coords: readonly LonLat[];
  readonly mode: LinkMode;
  readonly status: ProjectStatus;
}

/** A place drawn on a map. */
export interface MapPoint {
  readonly id: string;
  readonly coord: LonLat;
  readonly kind: PlaceKind;
  readonly name: LocalName;
}

/** What a map draws of a network. */
export interface MapLayers {
  readonly lines: readonly MapLine[];
  readonly points: readonly MapPoint[];
}

const MATURITY: readonly ProjectStatus[] = ["study", "planned", "under-construction", "existing"];

/**
 * The status a link is drawn with: that of its least advanced project (study < planned <
 * under-construction < existing); a link without projects is existing.
 */
export function linkStatus(network: Network, projects: readonly Id[] | undefined): ProjectStatus {
  let rank = MATURITY.length - 1;
  for (const id of projects ?? []) {
    const p = network.projectById.get(id);
    if (p !== undefined) rank = Math.min(rank, MATURITY.indexOf(p.status));
  }
  return MATURITY[rank]!;
}

/**
 * The map layers of a network: every link (or only those of `scenario`) as a straight line between
 * its end places, styled by status, and every place except road `node`s.
 */
export function networkLayers(network: Network, scenario?: ResolvedScenario): MapLayers {
  const links = scenario?.links ?? network.links;
  const lines: MapLine[] = [];
  for (const link of links) {
    const from = network.placeById.get(link.from);
    const to = network.placeById.get(link.to);
    if (from === undefined || to === undefined) continue;
    lines.push({ id: link.id, coords: [from.coord, to.coord], mode: link.mode, status: linkStatus(network, link.projects) });
  }
  const points = network.places
    .filter((p) => p.kind !== "node")
    .map((p) => ({ id: p.id, coord: p.coord, kind: p.kind, name: p.name }));
  return { lines, points };
}
