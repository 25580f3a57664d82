/**
 * Map label placement: each label tries candidate positions around its point in a fixed cartographic
 * order; labels are taken greedily by priority and a label that fits nowhere is dropped, so no two
 * labels overlap, none covers an obstacle (legend, scale bar, markers) and every one lies inside the frame.
 */

/** An axis-aligned box in SVG pixels (y down), `x0 ≤ x1`, `y0 ≤ y1`. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One line of a label. */
export interface LabelLine {
  readonly text: string;
  readonly sizePx: number;
  /** CSS font weight (default 400); bold text is estimated wider. */
  readonly weight?: number;
}

/** A label to place next to a point. */
export interface LabelRequest {
  readonly id: string;
  /** The labelled point, in pixels. */
  readonly x: number;
  readonly y: number;
  /** Lines from top to bottom (e.g. the Chinese name, then the English one). */
  readonly lines: readonly LabelLine[];
  /** Higher is placed first (e.g. cities before stations, larger populations first). Ties keep input order. */
  readonly priority: number;
  /** Radius of the point's marker in pixels: the label keeps clear of it (default 3). */
  readonly markerRadiusPx?: number;
}

/** Where a label sits relative to its point, in the order they are tried. */
export const LABEL_POSITIONS = ["right", "left", "upper-right", "lower-right", "upper-left", "lower-left", "above", "below"] as const;
export type LabelPosition = (typeof LABEL_POSITIONS)[number];

/** A placed label: its box (halo included) and where each line's text starts. */
export interface PlacedLabel {
  readonly id: string;
  readonly position: LabelPosition;
  readonly box: Box;
  /** SVG `text-anchor` of every line: `start` right of the point, `end` left of it, `middle` above or below. */
  readonly anchor: "start" | "middle" | "end";
  /** Per line: the `x` (at `anchor`) and baseline `y` to draw it at. */
  readonly lines: readonly { readonly text: string; readonly sizePx: number; readonly weight: number; readonly x: number; readonly y: number }[];
}

/** Options of `placeLabels`. */
export interface PlaceLabelsOptions {
  /** Boxes no label may overlap (legend, scale bar, the origin marker). */
  readonly obstacles?: readonly Box[];
  /**
   * Boxes a label avoids when it can (markers of other points): a label that fits nowhere clear of
   * them is placed in a second pass that ignores them, so a city among its stations keeps its name.
   */
  readonly softObstacles?: readonly Box[];
  /** Space between a marker's edge and its label, pixels (default 3). */
  readonly gapPx?: number;
  /** Added around the text on every side, for the white halo (default 1.5). */
  readonly haloPx?: number;
}

/** Ascent and descent of a line as a fraction of the font size (Noto Sans CJK: ideographs reach 0.88 em up, parentheses 0.2 em down). */
const ASCENT_EM = 0.92;
const DESCENT_EM = 0.24;
const LINE_GAP_EM = 0.08;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * A conservative estimate of the width in pixels of `text` in Noto Sans CJK at `sizePx`: CJK and
 * fullwidth characters 1 em, Latin by width class (measured with resvg and rounded up), bold 8 % wider.
 * Never less than the rendered width for the labels this library draws (a test measures it).
 */
export function textWidthPx(text: string, sizePx: number, weight = 400): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (isWide(code)) em += 1;
    else if (/[il.,:;'!|`]/.test(ch)) em += 0.3;
    else if (/[ fjrtI()[\]{}\-/\\"]/.test(ch)) em += 0.4;
    else if (/[MWmw@%]/.test(ch)) em += 0.92;
    else if (/[A-Z&]/.test(ch)) em += 0.7;
    else if (code === 0x2014) em += 1;
    else em += 0.6;
  }
  return em * sizePx * (weight >= 600 ? 1.08 : 1);
}

/** Height in pixels of a block of lines as `placeLabels` stacks them. */
export function linesHeightPx(lines: readonly LabelLine[]): number {
  return lines.reduce((h, l, k) => h + (ASCENT_EM + DESCENT_EM) * l.sizePx + (k > 0 ? LINE_GAP_EM * l.sizePx : 0), 0);
}

/** True when two boxes share interior area (touching edges do not overlap). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** True when `inner` lies inside `outer` (edges included). */
export function boxInside(inner: Box, outer: Box): boolean {
  return inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;
}

/**
 * Places labels greedily by descending priority: each tries {@link LABEL_POSITIONS} in order and takes
 * the first whose box (text plus halo) lies inside `frame` and overlaps neither an already placed label
 * nor an obstacle, first also clear of every soft obstacle, then (if none is) ignoring them; a label
 * that fits nowhere is left out. The result is in placement order.
 */
export function placeLabels(requests: readonly LabelRequest[], frame: Box, options: PlaceLabelsOptions = {}): PlacedLabel[] {
  const gap = options.gapPx ?? 3;
  const halo = options.haloPx ?? 1.5;
  const obstacles = options.obstacles ?? [];
  const soft = options.softObstacles ?? [];
  const order = requests.map((r, k) => ({ r, k })).sort((a, b) => b.r.priority - a.r.priority || a.k - b.k);
  const placed: PlacedLabel[] = [];
  for (const { r } of order) {
    if (r.lines.length === 0) continue;
    const w = Math.max(...r.lines.map((l) => textWidthPx(l.text, l.sizePx, l.weight)));
    const h = linesHeightPx(r.lines);
    const d = (r.markerRadiusPx ?? 3) + gap;
    const dd = d * Math.SQRT1_2;
    for (const position of [...LABEL_POSITIONS.map((p) => [p, true] as const), ...LABEL_POSITIONS.map((p) => [p, false] as const)]) {
      const [where, avoidSoft] = position;
      const [left, top, anchor] = corner(where, r.x, r.y, w, h, d, dd);
      const box = { x0: left - halo, y0: top - halo, x1: left + w + halo, y1: top + h + halo };
      if (!boxInside(box, frame)) continue;
      if (placed.some((p) => boxesOverlap(p.box, box)) || obstacles.some((o) => boxesOverlap(o, box))) continue;
      if (avoidSoft && soft.some((o) => boxesOverlap(o, box))) continue;
      const x = anchor === "start" ? left : anchor === "end" ? left + w : left + w / 2;
      let y = top;
      const lines = r.lines.map((l, k) => {
        y += (k > 0 ? DESCENT_EM * r.lines[k - 1]!.sizePx + LINE_GAP_EM * l.sizePx : 0) + ASCENT_EM * l.sizePx;
        return { text: l.text, sizePx: l.sizePx, weight: l.weight ?? 400, x, y };
      });
      placed.push({ id: r.id, position: where, box, anchor, lines });
      break;
    }
  }
  return placed;
}

/** Top-left corner of a `w × h` label at `position` around (x, y), and the text anchor that keeps it flush with the point. */
function corner(position: LabelPosition, x: number, y: number, w: number, h: number, d: number, dd: number): [number, number, PlacedLabel["anchor"]] {
  switch (position) {
    case "right":
      return [x + d, y - h / 2, "start"];
    case "left":
      return [x - d - w, y - h / 2, "end"];
    case "upper-right":
      return [x + dd, y - dd - h, "start"];
    case "lower-right":
      return [x + dd, y + dd, "start"];
    case "upper-left":
      return [x - dd - w, y - dd - h, "end"];
    case "lower-left":
      return [x - dd - w, y + dd, "end"];
    case "above":
      return [x - w / 2, y - d - h, "middle"];
    case "below":
      return [x - w / 2, y + d, "middle"];
  }
}
