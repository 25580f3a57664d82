import type { Id, LinkMode, LocalName, LonLat, PlaceKind, ProjectStatus } from "../network/schema.js";
import type { Network, ResolvedScenario } from "../network/types.js";
import type { Boundaries, BoundaryLine } from "./boundaries.js";

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
  /** Resident population (persons), when known: larger places are labelled first. */
  readonly population?: number;
  /**
   * How much the reader looks for this place, 0..1 (e.g. 1 for the one destination of a plan target):
   * places of one kind are labelled in order of emphasis, then of population.
   */
  readonly emphasis?: number;
}

/** What a map draws of a network. */
export interface MapLayers {
  readonly lines: readonly MapLine[];
  readonly points: readonly MapPoint[];
  /**
   * Local roads drawn as a light layer under the network's links: each entry is one polyline of
   * `[lon, lat]` vertices (a mesh edge is a two-vertex line).
   */
  readonly roads?: readonly (readonly LonLat[])[];
  /** Administrative boundaries drawn as thin grey lines (see `borderLines`). */
  readonly boundaries?: readonly BoundaryLine[];
  /** Credits for the data drawn, one per source, shown on the map's attribution line. */
  readonly attribution?: readonly string[];
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
 * its end places, styled by status, every place except road `node`s (those named in a target
 * emphasised, the more so the fewer places the target names, so they are labelled first), and the credits of the
 * network's licensed sources (`networkAttribution`); `extras` adds local roads and boundary
 * lines (e.g. from `readNetworkBoundaries`) with their credit.
 */
export function networkLayers(
  network: Network,
  scenario?: ResolvedScenario,
  extras: { readonly roads?: readonly (readonly LonLat[])[]; readonly boundaries?: Boundaries } = {},
): MapLayers {
  const links = scenario?.links ?? network.links;
  const lines: MapLine[] = [];
  for (const link of links) {
    const from = network.placeById.get(link.from);
    const to = network.placeById.get(link.to);
    if (from === undefined || to === undefined) continue;
    lines.push({ id: link.id, coords: [from.coord, to.coord], mode: link.mode, status: linkStatus(network, link.projects) });
  }
  // A place named in a target is emphasised by how specific the promise is: 1 for the only destination
  // ("half an hour to central Chongqing"), 1/20 for one of twenty "main cities".
  const emphasis = new Map<Id, number>();
  for (const t of network.targets) {
    for (const ids of [t.origins, t.destinations ?? []]) for (const id of ids) emphasis.set(id, Math.max(emphasis.get(id) ?? 0, 1 / ids.length));
  }
  const points = network.places
    .filter((p) => p.kind !== "node")
    .map((p) => ({
      id: p.id,
      coord: p.coord,
      kind: p.kind,
      name: p.name,
      ...(p.population !== undefined && { population: p.population.value }),
      ...(emphasis.has(p.id) && { emphasis: emphasis.get(p.id)! }),
    }));
  const attribution = networkAttribution(network);
  const b = extras.boundaries;
  if (b?.attribution !== undefined && b.lines.length > 0) attribution.push(b.attribution);
  return {
    lines,
    points,
    ...(extras.roads !== undefined && { roads: extras.roads }),
    ...(b !== undefined && { boundaries: b.lines }),
    attribution,
  };
}

/** Licences recognised in a source citation, in the wording a credit line uses. */
const LICENCES: readonly [RegExp, string][] = [
  [/\bODbL\b/i, "ODbL"],
  [/\bCC[ -]BY[ -]SA[ -]?(\d\.\d)/i, "CC BY-SA $1"],
  [/\bCC[ -]BY[ -]?(\d\.\d)/i, "CC BY $1"],
  [/\bCC0\b/i, "CC0"],
  [/\bMIT\b/, "MIT"],
  [/public domain/i, "public domain"],
];

/**
 * Credits for a network's sources whose citation names an open licence (ODbL, CC BY, CC0, MIT, public
 * domain): OpenStreetMap as "© OpenStreetMap contributors (ODbL)", any other as the citation's first
 * phrase (up to the first parenthesis, comma or semicolon) and the licence. Sources without a licence
 * (plans, papers, web pages quoted for facts) need no credit line and are left out.
 */
export function networkAttribution(network: Network): string[] {
  const out: string[] = [];
  for (const source of network.sources ?? []) {
    const hit = LICENCES.map(([re, name]) => {
      const m = re.exec(source.citation);
      return m === null ? undefined : name.replace("$1", m[1] ?? "");
    }).find((x) => x !== undefined);
    if (hit === undefined) continue;
    const credit = /openstreetmap/i.test(source.citation)
      ? "© OpenStreetMap contributors (ODbL)"
      : `${source.citation.split(/\s[(（]|[,;，；]/)[0]!.trim()} (${hit})`;
    if (!out.includes(credit)) out.push(credit);
  }
  return out;
}
