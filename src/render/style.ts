import type { LinkMode, PlaceKind, ProjectStatus } from "../network/schema.js";
import { sequentialColours } from "./palette.js";

/** Stroke colour per link mode (ColorBrewer-like, distinguishable in print and for most colour-blind readers). */
export const MODE_COLOURS: Readonly<Record<LinkMode, string>> = {
  hsr: "#c0392b",
  rail: "#6c3483",
  suburban: "#d35400",
  metro: "#1f618d",
  expressway: "#1e8449",
  road: "#7f8c8d",
  "urban-road": "#aab7b8",
  connector: "#95a5a6",
  waterway: "#2e86c1",
};

/** Stroke width in pixels per link mode (rail and expressways above local roads). */
export const MODE_WIDTHS_PX: Readonly<Record<LinkMode, number>> = {
  hsr: 3,
  rail: 2.5,
  suburban: 2.5,
  metro: 2.5,
  expressway: 2.5,
  road: 1.5,
  "urban-road": 1,
  connector: 1,
  waterway: 2,
};

/** How a link's project status is drawn: existing solid, under construction dashed, planned dotted and lighter, study thin grey. */
export interface StatusStyle {
  readonly dasharray?: string;
  readonly opacity: number;
  /** Multiplies the mode's width. */
  readonly widthFactor: number;
  /** Replaces the mode colour (study lines are grey whatever their mode). */
  readonly colour?: string;
}

/** Line style per project status: solid existing, dashed under construction, dotted planned, thin grey study. */
export const STATUS_STYLES: Readonly<Record<ProjectStatus, StatusStyle>> = {
  existing: { opacity: 1, widthFactor: 1 },
  "under-construction": { dasharray: "8 4", opacity: 1, widthFactor: 1 },
  planned: { dasharray: "1.5 3.5", opacity: 0.7, widthFactor: 1 },
  study: { opacity: 0.8, widthFactor: 0.5, colour: "#a6a6a6" },
};

/** Marker radius in pixels per place kind (`node`: junctions are not drawn). */
export const KIND_RADIUS_PX: Readonly<Record<PlaceKind, number>> = {
  city: 5,
  town: 3,
  station: 3,
  airport: 4,
  port: 3,
  node: 0,
};

/** Fill of the area newly within a cutoff in a comparison map (the middle of ColorBrewer Oranges). */
export const GAINED_COLOUR = "#e6550d";
/** Fill of the area no longer within a cutoff in a comparison map (the middle of ColorBrewer Purples). */
export const LOST_COLOUR = "#756bb1";

/** Readable legend names of link modes. */
export const MODE_LABELS: Readonly<Record<LinkMode, string>> = {
  hsr: "high-speed rail",
  rail: "conventional rail",
  suburban: "suburban rail",
  metro: "metro",
  expressway: "expressway",
  road: "trunk road",
  "urban-road": "urban road",
  connector: "station access",
  waterway: "waterway",
};

/** Readable legend names of project statuses. */
export const STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  existing: "existing",
  "under-construction": "under construction",
  planned: "planned",
  study: "under study",
};

/** Local roads (the town mesh): thin and light, context under the modelled links. */
export const ROAD_STYLE = { colour: "#8c8c8c", widthPx: 0.6, opacity: 0.55 } as const;
/** Province boundaries dash-dotted, coasts and outer borders solid, both in a neutral grey. */
export const BOUNDARY_STYLE = { colour: "#6e6e6e", widthPx: 0.9, dasharray: "6 2 1.5 2", outerWidthPx: 0.8 } as const;
/** Background of the map frame (CIELAB L* ≈ 97, lighter than every band colour). */
export const LAND_COLOUR = "#f6f5f1";

/** CSS font-family for labels: Noto Sans CJK first (what the PNG renderer loads), then platform CJK fonts. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * The fill of band `rank` (0 = shortest cutoff) among `count` bands: {@link sequentialColours} over
 * ColorBrewer YlGnBu, darkest first, so every band list gets colours ordered in lightness.
 */
export function bandColour(rank: number, count: number): string {
  const colours = sequentialColours(Math.max(1, count));
  return colours[Math.min(colours.length - 1, Math.max(0, rank))]!;
}
