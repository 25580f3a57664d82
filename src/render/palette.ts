/**
 * Sequential colour schemes for isochrone bands and comparison layers, from the published ColorBrewer
 * 9-class values (Cynthia Brewer, Mark Harrower and The Pennsylvania State University, colorbrewer2.org,
 * Apache-2.0), and the CIELAB lightness used to check that they read as an ordered scale.
 */

/** A sequential scheme: colours from lightest to darkest, as `#rrggbb`. */
export type SequentialScheme = readonly string[];

/** ColorBrewer YlGnBu, 9 classes, light to dark: the isochrone bands. */
export const YL_GN_BU: SequentialScheme = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"];
/** ColorBrewer Oranges, 9 classes, light to dark: area newly within a cutoff. */
export const ORANGES: SequentialScheme = ["#fff5eb", "#fee6ce", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704"];
/** ColorBrewer Purples, 9 classes, light to dark: area no longer within a cutoff. */
export const PURPLES: SequentialScheme = ["#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d"];

/**
 * The part of a scheme that bands use, as positions in 0..1 along it (0 lightest). The lightest stops
 * are left out so that the longest band still stands out from a near-white map background; the darkest
 * so that black labels with a white halo stay legible on the shortest band.
 */
export const BAND_RANGE: readonly [light: number, dark: number] = [0.2, 0.86];

function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new TypeError(`colour ${JSON.stringify(hex)} is not #rrggbb`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** The colour at position `t` (0 lightest … 1 darkest) of `scheme`, interpolated linearly in sRGB between its stops. */
export function schemeColour(scheme: SequentialScheme, t: number): string {
  const u = Math.min(1, Math.max(0, t)) * (scheme.length - 1);
  const k = Math.min(scheme.length - 2, Math.floor(u));
  const a = parseHex(scheme[k]!);
  const b = parseHex(scheme[k + 1]!);
  const f = u - k;
  return toHex(a.map((c, i) => c + (b[i]! - c) * f));
}

/**
 * `count` colours of `scheme`, darkest first (rank 0 = the shortest cutoff), evenly spaced over
 * `range` (default {@link BAND_RANGE}); one colour sits two thirds of the way to the dark end.
 */
export function sequentialColours(count: number, scheme: SequentialScheme = YL_GN_BU, range: readonly [number, number] = BAND_RANGE): string[] {
  const [light, dark] = range;
  if (count <= 0) return [];
  if (count === 1) return [schemeColour(scheme, light + ((dark - light) * 2) / 3)];
  return Array.from({ length: count }, (_, k) => schemeColour(scheme, dark - ((dark - light) * k) / (count - 1)));
}

/** CIELAB lightness L* (0 black … 100 white, D65) of an `#rrggbb` sRGB colour. */
export function lightness(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const f = y > 216 / 24389 ? Math.cbrt(y) : (24389 / 27 * y + 16) / 116;
  return 116 * f - 16;
}

/** A darker shade of `hex` (each channel times `1 - amount`), for outlines drawn around a fill. */
export function darker(hex: string, amount = 0.35): string {
  return toHex(parseHex(hex).map((c) => c * (1 - amount)));
}
