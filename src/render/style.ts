import type { LinkMode, PlaceKind, ProjectStatus } from "../network/schema.js";

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

/**
 * Fill colours for isochrone bands, shortest cutoff first (YlGnBu, dark to light): the band rank,
 * not the minute value, picks the colour, so any cutoff list gets distinct colours.
 */
export const BAND_COLOURS = ["#253494", "#2c7fb8", "#41b6c4", "#7fcdbb", "#c7e9b4", "#ffffcc"] as const;

/** Fill of the area newly within a cutoff in a comparison map. */
export const GAINED_COLOUR = "#e6550d";
/** Fill of the area no longer within a cutoff in a comparison map. */
export const LOST_COLOUR = "#756bb1";

/** CSS font-family for labels: Noto Sans CJK first (what the PNG renderer loads), then platform CJK fonts. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** The colour of band `rank` (0 = shortest cutoff) among `count` bands, spread over {@link BAND_COLOURS}. */
export function bandColour(rank: number, count: number): string {
  const n = BAND_COLOURS.length;
  const k = count <= 1 ? 0 : Math.round((rank * (n - 2)) / (count - 1));
  return BAND_COLOURS[Math.min(n - 1, Math.max(0, k))]!;
}
