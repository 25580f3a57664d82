import type { IsochroneCollection } from "../isochrone/bands.js";
import type { BBox } from "../isochrone/grid.js";
import type { LinkMode, LonLat, PlaceKind, ProjectStatus } from "../network/schema.js";
import { IsochroneError } from "../isochrone/errors.js";
import type { MapLayers } from "./layers.js";
import { type FittedProjection, fitProjection } from "./projection.js";
import {
  FONT_FAMILY,
  GAINED_COLOUR,
  KIND_RADIUS_PX,
  LOST_COLOUR,
  MODE_COLOURS,
  MODE_WIDTHS_PX,
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
  /** Origins, marked with a star-like ring. */
  readonly origins?: readonly LonLat[];
}

/** Options of {@link renderMapSvg} and {@link renderPanelsSvg}. */
export interface MapOptions {
  /** Width of one panel in pixels (default 900 for one panel, 640 per panel side by side); must exceed 24 (the margins). */
  readonly panelWidthPx?: number;
  /** Height of one panel in pixels (default: from the extent's aspect ratio, 360–1200); must exceed 68 (header and margins). */
  readonly panelHeightPx?: number;
  /** Extent `[west, south, east, north]` (default: the bands' extent, else the network's, grown 5 %). */
  readonly extent?: BBox;
  /** Which places get labels: every one, cities and airports only, or none (default "auto": all if at most 40 are in view). */
  readonly labels?: "all" | "cities" | "none" | "auto";
}

const MARGIN_PX = 12;
const LEGEND_W_PX = 150;
const LEGEND_LINE_PX = 16;
const HEADER_PX = 44;

/**
 * An SVG map (a complete document, root `<svg xmlns="http://www.w3.org/2000/svg">`) of one panel:
 * isochrone bands with a legend, the network's links by mode and status, places with Chinese and
 * English labels, a kilometre scale bar and the title.
 *
 * @throws IsochroneError when the extent is empty or not finite, or a panel size leaves no room to draw.
 */
export function renderMapSvg(panel: MapPanel, options: MapOptions = {}): string {
  return renderPanelsSvg([panel], { panelWidthPx: 900, ...options });
}

/**
 * Several panels side by side on one shared extent and scale (e.g. baseline vs plan), one legend
 * per panel. The document is `panels × panelWidthPx` wide.
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
  const body = panels
    .map((p, k) => {
      const proj = fitProjection(extent, MARGIN_PX, HEADER_PX + MARGIN_PX, panelW - MARGIN_PX, panelH - MARGIN_PX);
      return `<g transform="translate(${k * panelW},0)">${renderPanel(p, proj, panelW, panelH, k, options.labels ?? "auto")}</g>`;
    })
    .join("\n");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${totalW}" height="${panelH}" viewBox="0 0 ${totalW} ${panelH}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect width="${totalW}" height="${panelH}" fill="#ffffff"/>`,
    body,
    `</svg>`,
    "",
  ].join("\n");
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

function renderPanel(
  panel: MapPanel,
  proj: FittedProjection,
  width: number,
  height: number,
  index: number,
  labels: NonNullable<MapOptions["labels"]>,
): string {
  const out: string[] = [];
  const clip = `qiwan-clip-${index}`;
  out.push(`<defs><clipPath id="${clip}"><rect x="${MARGIN_PX}" y="${HEADER_PX + MARGIN_PX}" width="${width - 2 * MARGIN_PX}" height="${height - HEADER_PX - 2 * MARGIN_PX}"/></clipPath></defs>`);
  out.push(`<rect x="${MARGIN_PX}" y="${HEADER_PX + MARGIN_PX}" width="${width - 2 * MARGIN_PX}" height="${height - HEADER_PX - 2 * MARGIN_PX}" fill="#f7f7f4" stroke="#cccccc"/>`);
  out.push(`<g clip-path="url(#${clip})">`);
  const legend: string[] = [];

  const bandRanks = (c: Bands | undefined) => [...(c?.features ?? [])].map((f) => f.properties.cutoffMin).sort((a, b) => a - b);
  const cutoffs = [...new Set([...bandRanks(panel.bands), ...bandRanks(panel.outlineBands), ...bandRanks(panel.gained)])].sort((a, b) => a - b);
  const colourOf = (c: number) => bandColour(cutoffs.indexOf(c), cutoffs.length);
  const largestFirst = (c: Bands) => [...c.features].sort((a, b) => b.properties.cutoffMin - a.properties.cutoffMin);

  if (panel.bands) {
    out.push(`<g class="bands" fill-rule="evenodd" fill-opacity="0.55">`);
    for (const f of largestFirst(panel.bands)) {
      const d = multiPolygonPath(f.geometry.coordinates, proj.project);
      if (d !== "") out.push(`<path d="${d}" fill="${colourOf(f.properties.cutoffMin)}"><title>≤ ${f.properties.cutoffMin} min</title></path>`);
    }
    out.push(`</g>`);
    for (const c of bandRanks(panel.bands)) legend.push(legendSwatch(colourOf(c), `≤ ${formatCutoffMin(c)}`, 0.55));
  }
  for (const [layer, colour, label] of [
    [panel.lost, LOST_COLOUR, "no longer"],
    [panel.gained, GAINED_COLOUR, "newly"],
  ] as const) {
    if (!layer) continue;
    out.push(`<g class="${label === "newly" ? "gained" : "lost"}" fill-rule="evenodd">`);
    for (const f of largestFirst(layer)) {
      const d = multiPolygonPath(f.geometry.coordinates, proj.project);
      const opacity = 0.35 + 0.5 * (1 - cutoffs.indexOf(f.properties.cutoffMin) / Math.max(1, cutoffs.length));
      if (d !== "") out.push(`<path d="${d}" fill="${colour}" fill-opacity="${opacity.toFixed(2)}"><title>${label} ≤ ${f.properties.cutoffMin} min</title></path>`);
    }
    out.push(`</g>`);
    for (const f of [...layer.features].filter((x) => x.geometry.coordinates.length > 0).sort((a, b) => a.properties.cutoffMin - b.properties.cutoffMin)) {
      const opacity = 0.35 + 0.5 * (1 - cutoffs.indexOf(f.properties.cutoffMin) / Math.max(1, cutoffs.length));
      legend.push(legendSwatch(colour, `${label} ≤ ${formatCutoffMin(f.properties.cutoffMin)}`, opacity));
    }
  }
  if (panel.outlineBands) {
    out.push(`<g class="outline-bands" fill="none" fill-rule="evenodd" stroke-dasharray="4 3">`);
    for (const f of largestFirst(panel.outlineBands)) {
      const d = multiPolygonPath(f.geometry.coordinates, proj.project);
      if (d !== "") out.push(`<path d="${d}" stroke="${colourOf(f.properties.cutoffMin)}" stroke-width="1.5"/>`);
    }
    out.push(`</g>`);
    legend.push(`<line x1="0" y1="6" x2="18" y2="6" stroke="#555555" stroke-width="1.5" stroke-dasharray="4 3"/><text x="24" y="10" font-size="11">before (outline)</text>`);
  }

  const lines = panel.layers?.lines ?? [];
  const modesShown = new Set<LinkMode>();
  const statusesShown = new Set<ProjectStatus>();
  out.push(`<g class="links" fill="none" stroke-linecap="round">`);
  for (const status of STATUS_ORDER) {
    for (const line of lines) {
      if (line.status !== status) continue;
      const st = STATUS_STYLES[status];
      modesShown.add(line.mode);
      statusesShown.add(status);
      const d = line.coords.map((c, k) => {
        const [x, y] = proj.project(c);
        return `${k === 0 ? "M" : "L"}${px(x)},${px(y)}`;
      }).join("");
      out.push(
        `<path d="${d}" stroke="${st.colour ?? MODE_COLOURS[line.mode]}" stroke-width="${MODE_WIDTHS_PX[line.mode] * st.widthFactor}"${st.dasharray ? ` stroke-dasharray="${st.dasharray}"` : ""}${st.opacity < 1 ? ` stroke-opacity="${st.opacity}"` : ""}><title>${escapeXml(line.id)} (${line.mode}, ${status})</title></path>`,
      );
    }
  }
  out.push(`</g>`);

  const [w, s, e, n] = proj.bbox;
  const inView = (panel.layers?.points ?? []).filter((p) => p.coord[0] >= w && p.coord[0] <= e && p.coord[1] >= s && p.coord[1] <= n);
  const labelAll = labels === "all" || (labels === "auto" && inView.length <= 40);
  out.push(`<g class="places">`);
  for (const p of inView) {
    const r = KIND_RADIUS_PX[p.kind];
    if (r === 0) continue;
    const [x, y] = proj.project(p.coord);
    const fill = p.kind === "station" ? "#ffffff" : "#222222";
    out.push(`<circle cx="${px(x)}" cy="${px(y)}" r="${r}" fill="${fill}" stroke="#222222" stroke-width="1"><title>${escapeXml(`${p.name.zh} ${p.name.en} (${p.id})`)}</title></circle>`);
  }
  // Greedy label placement: major places first, each label right of its marker, else left, then
  // the same a line above or below; dropped if all collide, so labels never overlap one another.
  const placed: [number, number, number, number][] = [];
  // The legend box (drawn later, top right) is an obstacle too.
  const legendItems = legend.length + modesShown.size + statusesShown.size;
  if (legendItems > 0) {
    const x0 = width - MARGIN_PX - LEGEND_W_PX - 6;
    const y0 = HEADER_PX + MARGIN_PX + 6;
    placed.push([x0, y0, x0 + LEGEND_W_PX, y0 + legendItems * LEGEND_LINE_PX + 10]);
  }
  const candidates = inView
    .filter((p) => labels !== "none" && KIND_RADIUS_PX[p.kind] > 0 && (isMajor(p.kind) || labelAll))
    .sort((a, b) => Number(isMajor(b.kind)) - Number(isMajor(a.kind)));
  for (const p of candidates) {
    const major = isMajor(p.kind);
    const [x, y] = proj.project(p.coord);
    const size = major ? 13 : 10;
    const w = Math.max(p.name.zh.length * size, p.name.en.length * (size - 3) * 0.56) + 2;
    const h = 2 * size + 1;
    const spots: [number, number][] = [];
    for (const dy of [0, -h + 4, h - 4]) spots.push([x + 6, dy], [x - 6 - w, dy]);
    const spot = spots.find(
      ([left, dy]) => !placed.some(([l, t, r, b]) => left < r && left + w > l && y + dy - size - 1 < b && y + dy + size > t),
    );
    if (spot === undefined) continue;
    const [left, dy] = spot;
    placed.push([left, y + dy - size - 1, left + w, y + dy + size]);
    const halo = `stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
    out.push(`<text x="${px(left)}" y="${px(y + dy - 2)}" font-size="${size}" font-weight="${major ? 700 : 400}" fill="#111111" ${halo}>${escapeXml(p.name.zh)}</text>`);
    out.push(`<text x="${px(left)}" y="${px(y + dy + size - 1)}" font-size="${size - 3}" fill="#333333" ${halo}>${escapeXml(p.name.en)}</text>`);
  }
  out.push(`</g>`);
  for (const o of panel.origins ?? []) {
    const [x, y] = proj.project(o);
    out.push(`<circle cx="${px(x)}" cy="${px(y)}" r="7" fill="none" stroke="#d62728" stroke-width="2.5"/><circle cx="${px(x)}" cy="${px(y)}" r="2.5" fill="#d62728"/>`);
  }
  out.push(`</g>`);

  for (const mode of [...modesShown].sort()) {
    legend.push(`<line x1="0" y1="6" x2="18" y2="6" stroke="${MODE_COLOURS[mode]}" stroke-width="${MODE_WIDTHS_PX[mode]}"/><text x="24" y="10" font-size="11">${escapeXml(mode)}</text>`);
  }
  for (const status of STATUS_ORDER.filter((x) => statusesShown.has(x)).reverse()) {
    const st = STATUS_STYLES[status];
    legend.push(`<line x1="0" y1="6" x2="18" y2="6" stroke="${st.colour ?? "#444444"}" stroke-width="${2 * st.widthFactor}"${st.dasharray ? ` stroke-dasharray="${st.dasharray}"` : ""}${st.opacity < 1 ? ` stroke-opacity="${st.opacity}"` : ""}/><text x="24" y="10" font-size="11">${escapeXml(status)}</text>`);
  }
  if (legend.length > 0) {
    const lh = LEGEND_LINE_PX;
    const boxW = LEGEND_W_PX;
    const boxH = legend.length * lh + 10;
    const x0 = width - MARGIN_PX - boxW - 6;
    const y0 = HEADER_PX + MARGIN_PX + 6;
    out.push(`<g class="legend" transform="translate(${x0},${y0})"><rect width="${boxW}" height="${boxH}" fill="#ffffff" fill-opacity="0.88" stroke="#bbbbbb"/>`);
    legend.forEach((item, k) => out.push(`<g transform="translate(8,${5 + k * lh})">${item}</g>`));
    out.push(`</g>`);
  }

  out.push(scaleBar(proj, MARGIN_PX + 10, height - MARGIN_PX - 12, width / 5));
  out.push(`<text x="${MARGIN_PX}" y="20" font-size="16" font-weight="700" fill="#111111">${escapeXml(panel.title)}</text>`);
  if (panel.subtitle) out.push(`<text x="${MARGIN_PX}" y="38" font-size="12" fill="#444444">${escapeXml(panel.subtitle)}</text>`);
  return out.join("\n");
}

function isMajor(kind: PlaceKind): boolean {
  return kind === "city" || kind === "airport";
}

function legendSwatch(colour: string, label: string, opacity: number): string {
  return `<rect width="18" height="11" fill="${colour}" fill-opacity="${opacity}" stroke="#666666" stroke-width="0.5"/><text x="24" y="10" font-size="11">${escapeXml(label)}</text>`;
}

/** "45 min", "2 h", "2 h 30 min". */
export function formatCutoffMin(min: number): string {
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = Math.round(min - h * 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A kilometre scale bar of a round length no longer than `maxPx`. */
function scaleBar(proj: FittedProjection, x: number, y: number, maxPx: number): string {
  const maxKm = maxPx * proj.kmPerPx;
  const steps = [1, 2, 5];
  let km = 1;
  for (let p = 0.001; p <= 1e5; p *= 10) for (const st of steps) if (st * p <= maxKm) km = st * p;
  const len = km / proj.kmPerPx;
  const label = `${Number(km.toPrecision(3))} km`;
  return [
    `<g class="scale-bar" transform="translate(${px(x)},${px(y)})">`,
    `<rect x="-4" y="-16" width="${px(len + 8)}" height="24" fill="#ffffff" fill-opacity="0.8"/>`,
    `<path d="M0,-4V4H${px(len)}V-4" fill="none" stroke="#111111" stroke-width="1.5"/>`,
    `<text x="${px(len / 2)}" y="-6" font-size="11" text-anchor="middle" fill="#111111">${label}</text>`,
    `</g>`,
  ].join("");
}
