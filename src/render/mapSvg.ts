import type { IsochroneCollection } from "../isochrone/bands.js";
import type { BBox } from "../isochrone/grid.js";
import type { LinkMode, LonLat, PlaceKind, ProjectStatus } from "../network/schema.js";
import { IsochroneError } from "../isochrone/errors.js";
import { type Box, type LabelRequest, placeLabels, textWidthPx } from "./labels.js";
import type { MapLayers, MapPoint } from "./layers.js";
import { ORANGES, PURPLES, darker, sequentialColours } from "./palette.js";
import { type FittedProjection, fitProjection } from "./projection.js";
import {
  BOUNDARY_STYLE,
  FONT_FAMILY,
  KIND_RADIUS_PX,
  LAND_COLOUR,
  MODE_COLOURS,
  MODE_LABELS,
  MODE_WIDTHS_PX,
  ROAD_STYLE,
  STATUS_LABELS,
  STATUS_STYLES,
  bandColour,
} from "./style.js";
import { escapeXml, multiPolygonPath, px } from "./svg.js";

type Bands = IsochroneCollection<{ readonly cutoffMin: number }>;

/** One map panel: a network, optional isochrone layers, and its title. */
export interface MapPanel {
  /** Title drawn top-left, e.g. the scenario name ("Plan 2025 规划2025"). */
  readonly title: string;
  /** Second title line, e.g. "Door-to-door from Qijiang". */
  readonly subtitle?: string;
  readonly layers?: MapLayers;
  /** Isochrone bands, filled by cutoff rank (shortest darkest). */
  readonly bands?: Bands;
  /** Bands drawn as dashed outlines only (e.g. the baseline in a comparison). */
  readonly outlineBands?: Bands;
  /** Area newly within each cutoff (comparison maps). */
  readonly gained?: Bands;
  /** Area no longer within each cutoff (comparison maps). */
  readonly lost?: Bands;
  /** Origins, marked with a red ring; a place at an origin is labelled first. */
  readonly origins?: readonly LonLat[];
  /** Heading of the legend's band entries (default "Travel time"). */
  readonly legendTitle?: string;
}

/** Options of {@link renderMapSvg} and {@link renderPanelsSvg}. */
export interface MapOptions {
  /** Width of one panel in pixels (default 900 for one panel, 640 per panel side by side); must exceed 24 (the margins). */
  readonly panelWidthPx?: number;
  /** Height of one panel in pixels without the attribution footer (default: from the extent's aspect ratio, 360–1200); must exceed 76 (header and margins). */
  readonly panelHeightPx?: number;
  /** Extent `[west, south, east, north]` (default: the bands' extent, else the network's, grown 5 %). */
  readonly extent?: BBox;
  /** Which places get labels: every one, cities and airports only, or none (default "auto": all if at most 40 are in view, else cities and airports). Labels that would collide are left out. */
  readonly labels?: "all" | "cities" | "none" | "auto";
  /** Credits added to those of the panels' layers on the attribution line (e.g. for bands built from other data). */
  readonly attribution?: readonly string[];
}

const MARGIN_PX = 12;
const HEADER_PX = 48;
const LEGEND_LINE_PX = 16;
const LEGEND_PAD_PX = 8;
const FOOTER_LINE_PX = 12;
const FOOTER_SIZE_PX = 9.5;

/**
 * An SVG map (a complete document, root `<svg xmlns="http://www.w3.org/2000/svg">`) of one panel:
 * isochrone bands with a legend giving each band's minutes, local roads and administrative boundaries
 * when the layers have them, the network's links by mode and status, places with Chinese and English
 * labels placed without overlap, a kilometre scale bar, the title and a data-attribution line.
 *
 * @throws IsochroneError when the extent is empty or not finite, or a panel size leaves no room to draw.
 */
export function renderMapSvg(panel: MapPanel, options: MapOptions = {}): string {
  return renderPanelsSvg([panel], { panelWidthPx: 900, ...options });
}

/**
 * Several panels side by side on one shared extent and scale (e.g. baseline vs plan), one legend
 * per panel and one attribution line for the whole document. The document is `panels × panelWidthPx` wide.
 *
 * @throws IsochroneError for no panels, an empty or non-finite extent, or a panel size that leaves no
 *   room to draw.
 */
export function renderPanelsSvg(panels: readonly MapPanel[], options: MapOptions = {}): string {
  if (panels.length === 0) throw new IsochroneError("panels is empty; give at least one MapPanel");
  const extent = options.extent ?? defaultExtent(panels);
  const [w, s, e, n] = extent;
  if (![w, s, e, n].every(Number.isFinite) || !(w < e) || !(s < n)) {
    throw new IsochroneError(
      `map extent [${extent.join(", ")}] is empty or not finite; give extent [west, south, east, north] with west < east and south < north`,
    );
  }
  const panelW = options.panelWidthPx ?? (panels.length === 1 ? 900 : 640);
  // The map area is the panel less its margins (and the header, vertically): it must be positive.
  if (!(Number.isFinite(panelW) && panelW > 2 * MARGIN_PX)) {
    throw new IsochroneError(`panelWidthPx ${panelW} leaves no room for the map; give a width in pixels > ${2 * MARGIN_PX}, e.g. 640`);
  }
  const heightPx = options.panelHeightPx;
  if (heightPx !== undefined && !(Number.isFinite(heightPx) && heightPx > HEADER_PX + 2 * MARGIN_PX)) {
    throw new IsochroneError(`panelHeightPx ${heightPx} leaves no room for the map; give a height in pixels > ${HEADER_PX + 2 * MARGIN_PX}, or omit it`);
  }
  const aspect = (n - s) / ((e - w) * Math.cos((((s + n) / 2) * Math.PI) / 180));
  const panelH = options.panelHeightPx ?? Math.round(Math.min(1200, Math.max(360, (panelW - 2 * MARGIN_PX) * aspect + HEADER_PX + 2 * MARGIN_PX)));
  const totalW = panelW * panels.length;
  const credits = [...new Set([...panels.flatMap((p) => p.layers?.attribution ?? []), ...(options.attribution ?? [])])];
  const footer = wrapWords(credits.length > 0 ? `Data: ${credits.join(" · ")}` : "", totalW - 2 * MARGIN_PX, FOOTER_SIZE_PX);
  const totalH = panelH + footer.length * FOOTER_LINE_PX;
  const body = panels
    .map((p, k) => {
      const proj = fitProjection(extent, MARGIN_PX, HEADER_PX + MARGIN_PX, panelW - MARGIN_PX, panelH - MARGIN_PX);
      return `<g transform="translate(${k * panelW},0)">${renderPanel(p, proj, panelW, panelH, k, options.labels ?? "auto", k === networkLegendPanel(panels))}</g>`;
    })
    .join("\n");
  const footerSvg = footer
    .map((line, k) => `<text x="${MARGIN_PX}" y="${px(panelH - MARGIN_PX / 2 + (k + 1) * FOOTER_LINE_PX - 3)}" font-size="${FOOTER_SIZE_PX}" fill="#555555">${escapeXml(line)}</text>`)
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${totalW}" height="${totalH}" viewBox="0 0 ${totalW} ${totalH}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect width="${totalW}" height="${totalH}" fill="#ffffff"/>`,
    body,
    footer.length > 0 ? `<g class="attribution">${footerSvg}</g>` : "",
    `</svg>`,
    "",
  ].join("\n");
}

/**
 * The panel whose legend lists the network's styles (modes, statuses, roads, boundaries): the one
 * showing the most of them, the first on a tie; the other panels list only their bands, so side by
 * side maps do not repeat the same long legend.
 */
function networkLegendPanel(panels: readonly MapPanel[]): number {
  let best = 0;
  let bestScore = -1;
  panels.forEach((p, k) => {
    const l = p.layers;
    const score = new Set(l?.lines.map((x) => `${x.mode}/${x.status}`)).size + (l?.roads?.length ? 1 : 0) + (l?.boundaries?.length ? 1 : 0);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Opacity of the local-road layer: {@link ROAD_STYLE}'s where a typical road segment is at least
 * 16 px long on the map, fading in proportion below that (down to 0.1), so a dense mesh at national
 * extent stays a texture and does not turn the map grey.
 */
function roadOpacity(roads: readonly (readonly LonLat[])[], proj: FittedProjection): number {
  const lengths: number[] = [];
  for (const r of roads) {
    for (let k = 0; k + 1 < r.length && lengths.length < 2000; k++) {
      const [x0, y0] = proj.project(r[k]!);
      const [x1, y1] = proj.project(r[k + 1]!);
      lengths.push(Math.hypot(x1 - x0, y1 - y0));
    }
  }
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return Number(Math.min(ROAD_STYLE.opacity, Math.max(0.1, (ROAD_STYLE.opacity * median) / 16)).toFixed(2));
}

function defaultExtent(panels: readonly MapPanel[]): BBox {
  const box = { w: Infinity, s: Infinity, e: -Infinity, n: -Infinity };
  const add = (p: LonLat) => {
    box.w = Math.min(box.w, p[0]);
    box.e = Math.max(box.e, p[0]);
    box.s = Math.min(box.s, p[1]);
    box.n = Math.max(box.n, p[1]);
  };
  for (const panel of panels) {
    for (const c of [panel.bands, panel.outlineBands, panel.gained, panel.lost]) {
      for (const f of c?.features ?? []) for (const poly of f.geometry.coordinates) for (const q of poly[0] ?? []) add(q);
    }
    for (const o of panel.origins ?? []) add(o);
  }
  if (!(box.w <= box.e)) {
    for (const panel of panels) {
      for (const p of panel.layers?.points ?? []) add(p.coord);
      for (const l of panel.layers?.lines ?? []) l.coords.forEach(add);
    }
  }
  if (!(box.w <= box.e)) return [0, 0, 0, 0];
  // Grow by 5 % (and at least ~1 km) so nothing touches the frame.
  const dx = Math.max((box.e - box.w) * 0.05, 0.01);
  const dy = Math.max((box.n - box.s) * 0.05, 0.01);
  return [box.w - dx, box.s - dy, box.e + dx, box.n + dy];
}

const STATUS_ORDER: readonly ProjectStatus[] = ["study", "planned", "under-construction", "existing"];

/** One legend row: a swatch (or line sample) and its text; `heading` rows have no swatch. */
interface LegendRow {
  readonly swatch: string;
  readonly text: string;
  readonly heading?: boolean;
}

/** The `[west, south, east, north]` the frame shows (wider than the extent along one axis when aspects differ). */
function viewBbox(proj: FittedProjection, frame: Box): BBox {
  const [w, n] = proj.invert([frame.x0, frame.y0]);
  const [e, s] = proj.invert([frame.x1, frame.y1]);
  return [w, s, e, n];
}

function linePath(coords: readonly LonLat[], proj: FittedProjection): string {
  return coords
    .map((c, k) => {
      const [x, y] = proj.project(c);
      return `${k === 0 ? "M" : "L"}${px(x)},${px(y)}`;
    })
    .join("");
}

function renderPanel(
  panel: MapPanel,
  proj: FittedProjection,
  width: number,
  height: number,
  index: number,
  labels: NonNullable<MapOptions["labels"]>,
  networkLegend: boolean,
): string {
  const out: string[] = [];
  const clip = `qiwan-clip-${index}`;
  const frame: Box = { x0: MARGIN_PX, y0: HEADER_PX + MARGIN_PX, x1: width - MARGIN_PX, y1: height - MARGIN_PX };
  const frameAttrs = `x="${frame.x0}" y="${frame.y0}" width="${frame.x1 - frame.x0}" height="${frame.y1 - frame.y0}"`;
  out.push(`<defs><clipPath id="${clip}"><rect ${frameAttrs}/></clipPath></defs>`);
  out.push(`<rect ${frameAttrs} fill="${LAND_COLOUR}"/>`);
  out.push(`<g clip-path="url(#${clip})">`);
  const legend: LegendRow[] = [];

  const cutoffsOf = (c: Bands | undefined) => [...(c?.features ?? [])].map((f) => f.properties.cutoffMin).sort((a, b) => a - b);
  const cutoffs = [...new Set([...cutoffsOf(panel.bands), ...cutoffsOf(panel.outlineBands), ...cutoffsOf(panel.gained), ...cutoffsOf(panel.lost)])].sort((a, b) => a - b);
  const colourOf = (c: number) => bandColour(cutoffs.indexOf(c), cutoffs.length);
  const largestFirst = (c: Bands) => [...c.features].sort((a, b) => b.properties.cutoffMin - a.properties.cutoffMin);

  // Bands are opaque and drawn largest first, so each ring shows exactly its legend colour; a darker
  // outline keeps small pieces visible at national extent.
  if (panel.bands) {
    out.push(`<g class="bands" fill-rule="evenodd" stroke-width="0.8" stroke-linejoin="round">`);
    for (const f of largestFirst(panel.bands)) {
      const d = multiPolygonPath(f.geometry.coordinates, proj.project);
      const fill = colourOf(f.properties.cutoffMin);
      if (d !== "") out.push(`<path d="${d}" fill="${fill}" stroke="${darker(fill, 0.3)}"><title>≤ ${f.properties.cutoffMin} min</title></path>`);
    }
    out.push(`</g>`);
    const shown = cutoffsOf(panel.bands);
    legend.push({ swatch: "", text: panel.legendTitle ?? "Travel time", heading: true });
    shown.forEach((c, k) => legend.push({ swatch: swatchRect(colourOf(c), 1), text: k === 0 ? `≤ ${formatCutoffMin(c)}` : formatRangeMin(shown[k - 1]!, c) }));
  }
  for (const [layer, scheme, label] of [
    [panel.lost, PURPLES, "no longer"],
    [panel.gained, ORANGES, "newly"],
  ] as const) {
    if (!layer) continue;
    const colours = sequentialColours(cutoffs.length, scheme, [0.3, 0.85]);
    const fillOf = (c: number) => colours[cutoffs.indexOf(c)] ?? colours[0]!;
    out.push(`<g class="${label === "newly" ? "gained" : "lost"}" fill-rule="evenodd" fill-opacity="0.85" stroke-width="0.8">`);
    for (const f of largestFirst(layer)) {
      const d = multiPolygonPath(f.geometry.coordinates, proj.project);
      const fill = fillOf(f.properties.cutoffMin);
      if (d !== "") out.push(`<path d="${d}" fill="${fill}" stroke="${darker(fill, 0.3)}"><title>${label} ≤ ${f.properties.cutoffMin} min</title></path>`);
    }
    out.push(`</g>`);
    for (const f of [...layer.features].filter((x) => x.geometry.coordinates.length > 0).sort((a, b) => a.properties.cutoffMin - b.properties.cutoffMin)) {
      legend.push({ swatch: swatchRect(fillOf(f.properties.cutoffMin), 0.85), text: `${label} ≤ ${formatCutoffMin(f.properties.cutoffMin)}` });
    }
  }
  if (panel.outlineBands) {
    out.push(`<g class="outline-bands" fill="none" fill-rule="evenodd" stroke-dasharray="4 3">`);
    for (const f of largestFirst(panel.outlineBands)) {
      const d = multiPolygonPath(f.geometry.coordinates, proj.project);
      if (d !== "") out.push(`<path d="${d}" stroke="${darker(colourOf(f.properties.cutoffMin), 0.2)}" stroke-width="1.5"/>`);
    }
    out.push(`</g>`);
    legend.push({ swatch: sampleLine("#555555", 1.5, "4 3"), text: "before (outline)" });
  }

  // Lines wholly outside the view are left out of the document (the clip would hide them anyway).
  const [vw, vs, ve, vn] = viewBbox(proj, frame);
  const inViewLine = (coords: readonly LonLat[]) => {
    let [w0, s0, e0, n0] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of coords) [w0, s0, e0, n0] = [Math.min(w0, x), Math.min(s0, y), Math.max(e0, x), Math.max(n0, y)];
    return w0 <= ve && e0 >= vw && s0 <= vn && n0 >= vs;
  };
  const roads = (panel.layers?.roads ?? []).filter(inViewLine);
  if (roads.length > 0) {
    const d = roads.map((r) => linePath(r, proj)).join("");
    const opacity = roadOpacity(roads, proj);
    out.push(`<path class="roads" d="${d}" fill="none" stroke="${ROAD_STYLE.colour}" stroke-width="${ROAD_STYLE.widthPx}" stroke-opacity="${opacity}" stroke-linecap="round"/>`);
    if (networkLegend) legend.push({ swatch: sampleLine(ROAD_STYLE.colour, 1, undefined, ROAD_STYLE.opacity), text: "local road" });
  }
  const boundaries = (panel.layers?.boundaries ?? []).filter((b) => inViewLine(b.coords));
  if (boundaries.length > 0) {
    const inner = boundaries.filter((b) => b.shared).map((b) => linePath(b.coords, proj)).join("");
    const outer = boundaries.filter((b) => !b.shared).map((b) => linePath(b.coords, proj)).join("");
    const st = BOUNDARY_STYLE;
    if (inner !== "") out.push(`<path class="boundaries" d="${inner}" fill="none" stroke="${st.colour}" stroke-width="${st.widthPx}" stroke-dasharray="${st.dasharray}"/>`);
    if (outer !== "") out.push(`<path class="coast" d="${outer}" fill="none" stroke="${st.colour}" stroke-width="${st.outerWidthPx}"/>`);
    if (inner !== "" && networkLegend) legend.push({ swatch: sampleLine(st.colour, st.widthPx, st.dasharray), text: "province boundary" });
  }

  const lines = panel.layers?.lines ?? [];
  const modesShown = new Set<LinkMode>();
  const statusesShown = new Set<ProjectStatus>();
  // Each link gets a white casing first, so coloured lines stay legible on every band colour.
  const casing: string[] = [];
  const strokes: string[] = [];
  for (const status of STATUS_ORDER) {
    for (const line of lines) {
      if (line.status !== status) continue;
      const st = STATUS_STYLES[status];
      if (status !== "study") modesShown.add(line.mode);
      statusesShown.add(status);
      const d = linePath(line.coords, proj);
      const widthPx = MODE_WIDTHS_PX[line.mode] * st.widthFactor;
      casing.push(`<path d="${d}" stroke-width="${px(widthPx + 2)}"/>`);
      strokes.push(
        `<path d="${d}" stroke="${st.colour ?? MODE_COLOURS[line.mode]}" stroke-width="${widthPx}"${st.dasharray ? ` stroke-dasharray="${st.dasharray}"` : ""}${st.opacity < 1 ? ` stroke-opacity="${st.opacity}"` : ""}><title>${escapeXml(line.id)} (${line.mode}, ${status})</title></path>`,
      );
    }
  }
  out.push(`<g class="casing" fill="none" stroke="#ffffff" stroke-opacity="0.8" stroke-linecap="round">${casing.join("")}</g>`);
  out.push(`<g class="links" fill="none" stroke-linecap="round">`, ...strokes, `</g>`);

  const [w, s, e, n] = proj.bbox;
  const inView = (panel.layers?.points ?? []).filter((p) => p.coord[0] >= w && p.coord[0] <= e && p.coord[1] >= s && p.coord[1] <= n && KIND_RADIUS_PX[p.kind] > 0);
  const obstacles: Box[] = [];
  const markers: Box[] = [];
  out.push(`<g class="places">`);
  for (const p of inView) {
    const r = KIND_RADIUS_PX[p.kind];
    const [x, y] = proj.project(p.coord);
    const fill = p.kind === "station" ? "#ffffff" : "#222222";
    out.push(`<circle cx="${px(x)}" cy="${px(y)}" r="${r}" fill="${fill}" stroke="#222222" stroke-width="1"><title>${escapeXml(`${p.name.zh} ${p.name.en} (${p.id})`)}</title></circle>`);
    markers.push({ x0: x - r - 1, y0: y - r - 1, x1: x + r + 1, y1: y + r + 1 });
  }
  out.push(`</g>`);
  for (const o of panel.origins ?? []) {
    const [x, y] = proj.project(o);
    out.push(`<circle cx="${px(x)}" cy="${px(y)}" r="7" fill="none" stroke="#d62728" stroke-width="2.5"/><circle cx="${px(x)}" cy="${px(y)}" r="2.5" fill="#d62728"/>`);
    obstacles.push({ x0: x - 8.5, y0: y - 8.5, x1: x + 8.5, y1: y + 8.5 }); // the ring's outer edge
  }
  out.push(`</g>`);

  if (networkLegend) for (const mode of [...modesShown].sort()) legend.push({ swatch: sampleLine(MODE_COLOURS[mode], MODE_WIDTHS_PX[mode]), text: MODE_LABELS[mode] });
  for (const status of networkLegend ? STATUS_ORDER.filter((x) => statusesShown.has(x)).reverse() : []) {
    const st = STATUS_STYLES[status];
    legend.push({ swatch: sampleLine(st.colour ?? "#444444", 2 * st.widthFactor, st.dasharray, st.opacity), text: STATUS_LABELS[status] });
  }

  // Legend (top right) and scale bar (bottom left) are drawn above the map and labels avoid them.
  const legendBox = legendBoxOf(legend, frame);
  if (legendBox !== undefined) obstacles.push(legendBox);
  const bar = scaleBar(proj, frame.x1 - frame.x0 > 400 ? 160 : (frame.x1 - frame.x0) / 3);
  const barX = frame.x0 + 10;
  const barY = frame.y1 - 12;
  obstacles.push({ x0: barX - 6, y0: barY - 18, x1: barX + bar.lengthPx + 22, y1: barY + 8 });

  out.push(`<g class="labels">`);
  const labelOrigins = panel.origins ?? [];
  const labelAll = labels === "all" || (labels === "auto" && inView.length <= 40);
  const requests: LabelRequest[] = inView
    .filter((p) => labels !== "none" && (isMajor(p.kind) || labelAll))
    .map((p) => {
      const [x, y] = proj.project(p.coord);
      const major = isMajor(p.kind);
      const size = major ? 13 : 11;
      const atOrigin = labelOrigins.some((o) => Math.abs(o[0] - p.coord[0]) < 1e-6 && Math.abs(o[1] - p.coord[1]) < 1e-6);
      return {
        id: p.id,
        x,
        y,
        lines: [
          { text: p.name.zh, sizePx: size, weight: major ? 700 : 400 },
          { text: p.name.en, sizePx: major ? 10 : 8.5 },
        ],
        priority: labelPriority(p, atOrigin),
        markerRadiusPx: atOrigin ? 12 : KIND_RADIUS_PX[p.kind],
      };
    });
  const halo = `stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
  for (const label of placeLabels(requests, frame, { obstacles, softObstacles: markers })) {
    const anchor = label.anchor === "start" ? "" : ` text-anchor="${label.anchor}"`;
    for (const [k, line] of label.lines.entries()) {
      const style = k === 0 ? `font-weight="${line.weight}" fill="#111111"` : `fill="#333333"`;
      out.push(`<text x="${px(line.x)}" y="${px(line.y)}" font-size="${line.sizePx}" ${style}${anchor} ${halo}>${escapeXml(line.text)}</text>`);
    }
  }
  out.push(`</g>`);

  if (legendBox !== undefined) {
    out.push(`<g class="legend" transform="translate(${px(legendBox.x0)},${px(legendBox.y0)})"><rect width="${px(legendBox.x1 - legendBox.x0)}" height="${px(legendBox.y1 - legendBox.y0)}" fill="#ffffff" fill-opacity="0.92" stroke="#bbbbbb"/>`);
    legend.forEach((row, k) => {
      const y = LEGEND_PAD_PX / 2 + k * LEGEND_LINE_PX;
      out.push(
        row.heading === true
          ? `<text x="${LEGEND_PAD_PX}" y="${y + 11}" font-size="11" font-weight="700" fill="#111111">${escapeXml(row.text)}</text>`
          : `<g class="legend-entry" transform="translate(${LEGEND_PAD_PX},${y})">${row.swatch}<text x="26" y="11" font-size="11" fill="#111111">${escapeXml(row.text)}</text></g>`,
      );
    });
    out.push(`</g>`);
  }
  out.push(
    `<g class="scale-bar" transform="translate(${px(barX)},${px(barY)})">`,
    `<rect x="-6" y="-18" width="${px(bar.lengthPx + 28)}" height="26" fill="#ffffff" fill-opacity="0.85"/>`,
    `<rect x="0" y="-3" width="${px(bar.lengthPx / 2)}" height="4" fill="#111111"/>`,
    `<rect x="${px(bar.lengthPx / 2)}" y="-3" width="${px(bar.lengthPx / 2)}" height="4" fill="#ffffff" stroke="#111111" stroke-width="0.8"/>`,
    `<rect x="0" y="-3" width="${px(bar.lengthPx)}" height="4" fill="none" stroke="#111111" stroke-width="0.8"/>`,
    `<text x="0" y="-6" font-size="10" text-anchor="middle" fill="#111111">0</text>`,
    `<text x="${px(bar.lengthPx)}" y="-6" font-size="10" text-anchor="middle" fill="#111111">${bar.km} km</text>`,
    `</g>`,
  );
  out.push(`<rect ${frameAttrs} fill="none" stroke="#b5b5b5"/>`);
  out.push(`<text x="${MARGIN_PX}" y="21" font-size="16" font-weight="700" fill="#111111">${escapeXml(panel.title)}</text>`);
  const subtitle = panelSubtitle(panel);
  if (subtitle) out.push(`<text x="${MARGIN_PX}" y="40" font-size="12" fill="#444444">${escapeXml(subtitle)}</text>`);
  return out.join("\n");
}

/**
 * The subtitle a panel is drawn with: its `subtitle`, completed with how its bands were computed,
 * read from their properties (`measure`, `reading`, as model isochrones set them), when it does not
 * say so already: "door-to-door from Qijiang" becomes "door-to-door from Qijiang · scheduled reading".
 * A map of times must say which measure and which reading it shows.
 */
export function panelSubtitle(panel: MapPanel): string {
  const given = panel.subtitle ?? "";
  const props = [panel.bands, panel.gained, panel.outlineBands, panel.lost]
    .flatMap((b) => b?.features ?? [])
    .map((f) => f.properties as Readonly<Record<string, unknown>>);
  const first = (key: string): string | undefined => {
    const p = props.find((x) => typeof x[key] === "string");
    return p === undefined ? undefined : (p[key] as string);
  };
  const measure = first("measure");
  const reading = first("reading");
  const missing = [
    ...(measure !== undefined && !given.includes(measure) ? [measure] : []),
    ...(reading !== undefined && !given.includes(reading) ? [`${reading} reading`] : []),
  ];
  if (missing.length === 0) return given;
  return given === "" ? missing.join(", ") : `${given} · ${missing.join(", ")}`;
}

function isMajor(kind: PlaceKind): boolean {
  return kind === "city" || kind === "airport";
}

const KIND_PRIORITY: Readonly<Record<PlaceKind, number>> = { city: 5, airport: 4, town: 3, port: 2, station: 1, node: 0 };

/**
 * Origins first, then by kind (city, airport, town, port, station), emphasised places first within a
 * kind, then by population (log scale, < 10 so neither kinds nor emphasis swap).
 */
function labelPriority(p: MapPoint, atOrigin: boolean): number {
  const people = p.population !== undefined && p.population > 0 ? Math.min(9.9, Math.log10(p.population + 1)) : 0;
  return (atOrigin ? 1000 : 0) + KIND_PRIORITY[p.kind] * 100 + 50 * Math.min(1, Math.max(0, p.emphasis ?? 0)) + people;
}

function swatchRect(colour: string, opacity: number): string {
  return `<rect y="1" width="18" height="11" fill="${colour}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ""} stroke="${darker(colour, 0.3)}" stroke-width="0.8"/>`;
}

function sampleLine(colour: string, widthPx: number, dasharray?: string, opacity = 1): string {
  return `<line x1="0" y1="7" x2="18" y2="7" stroke="${colour}" stroke-width="${widthPx}"${dasharray ? ` stroke-dasharray="${dasharray}"` : ""}${opacity < 1 ? ` stroke-opacity="${opacity}"` : ""}/>`;
}

function legendBoxOf(rows: readonly LegendRow[], frame: Box): Box | undefined {
  if (rows.length === 0) return undefined;
  const textW = Math.max(...rows.map((r) => textWidthPx(r.text, 11, r.heading === true ? 700 : 400) + (r.heading === true ? 0 : 26)));
  const w = Math.ceil(textW + 2 * LEGEND_PAD_PX);
  const h = rows.length * LEGEND_LINE_PX + LEGEND_PAD_PX;
  const x1 = frame.x1 - 6;
  const y0 = frame.y0 + 6;
  return { x0: x1 - w, y0, x1, y1: y0 + h };
}

/** Splits `text` at spaces into lines no wider than `maxPx` (by {@link textWidthPx}); a single long word gets its own line. */
function wrapWords(text: string, maxPx: number, sizePx: number): string[] {
  if (text === "") return [];
  const lines: string[] = [];
  let cur = "";
  for (const word of text.split(" ")) {
    const next = cur === "" ? word : `${cur} ${word}`;
    if (cur !== "" && textWidthPx(next, sizePx) > maxPx) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur !== "") lines.push(cur);
  return lines;
}

/** "45 min", "2 h", "2 h 30 min". */
export function formatCutoffMin(min: number): string {
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = Math.round(min - h * 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A band between two cutoffs: "30–45 min", "30 min – 1 h", "1–2 h", "2 h – 2 h 30 min". */
export function formatRangeMin(fromMin: number, toMin: number): string {
  if (toMin < 60) return `${fromMin}–${toMin} min`;
  if (fromMin >= 60 && fromMin % 60 === 0 && toMin % 60 === 0) return `${fromMin / 60}–${toMin / 60} h`;
  return `${formatCutoffMin(fromMin)} – ${formatCutoffMin(toMin)}`;
}

/**
 * The scale bar of a fitted projection: the longest round length (1, 2 or 5 × 10ⁿ km) whose bar is at
 * most `maxPx` long, and that length in pixels. True along the parallel through the extent's centre,
 * where the projection is true to scale.
 */
export function scaleBar(proj: FittedProjection, maxPx: number): { km: number; lengthPx: number } {
  const maxKm = maxPx * proj.kmPerPx;
  let km = 0.001;
  for (let p = 0.001; p <= 1e5; p *= 10) for (const st of [1, 2, 5]) if (st * p <= maxKm) km = Number((st * p).toPrecision(3));
  return { km, lengthPx: km / proj.kmPerPx };
}
