import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { type MapLayers, IsochroneError, renderMapSvg, renderPanelsSvg, formatCutoffMin } from "../../src/index.js";
import { fitProjection, escapeXml, bandColour, sequentialColours, formatRangeMin } from "../../src/render/index.js";
import { findCjkFont, svgToPng } from "../../src/node.js";
import { haversineM, polygonIsochrone, isochroneDifference } from "../../src/isochrone/index.js";
import type { LonLat } from "../../src/index.js";

const QJ: LonLat = [106.651, 29.028];
const WS: LonLat = [106.927, 28.96];
const layers: MapLayers = {
  lines: [
    { id: "L1", coords: [QJ, WS], mode: "hsr", status: "existing" },
    { id: "L2", coords: [QJ, WS], mode: "expressway", status: "under-construction" },
    { id: "L3", coords: [QJ, WS], mode: "suburban", status: "planned" },
    { id: "L4", coords: [QJ, WS], mode: "rail", status: "study" },
  ],
  points: [
    { id: "QJ", coord: QJ, kind: "city", name: { zh: "綦江", en: "Qijiang <&>" } },
    { id: "WS", coord: WS, kind: "station", name: { zh: "万盛站", en: "Wansheng" } },
  ],
};
const nodes = [{ coord: QJ, timeSecs: 0 }, { coord: WS, timeSecs: 1500 }];

function sampleSvg(): string {
  const { collection } = polygonIsochrone(nodes, [15, 30, 45]);
  return renderMapSvg({ title: "Plan 2025 规划", subtitle: "door-to-door", layers, bands: collection, origins: [QJ] });
}

describe("renderMapSvg(panel, options)", () => {
  const svg = sampleSvg();
  it("is an SVG document with the SVG namespace on its root", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });
  it("parses as SVG (resvg rejects malformed XML) and renders to the declared size", () => {
    const r = new Resvg(svg, { font: { loadSystemFonts: false } });
    const m = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect([r.width, r.height]).toEqual([Number(m[1]), Number(m[2])]);
  });
  it("draws one band path per cutoff, a legend entry per cutoff, the scale bar and the title", () => {
    expect(svg.match(/<title>≤ \d+ min<\/title>/g)).toHaveLength(3);
    for (const c of [15, 30, 45]) expect(svg).toContain(`≤ ${formatCutoffMin(c)}`);
    expect(svg).toMatch(/class="scale-bar"[\s\S]*?\d+ km/);
    expect(svg).toContain("Plan 2025 规划");
  });
  it("styles links by status: dashed under construction, dotted planned, thin grey study", () => {
    expect(svg).toMatch(/stroke-dasharray="8 4"><title>L2/);
    expect(svg).toMatch(/stroke-dasharray="1.5 3.5" stroke-opacity="0.7"><title>L3/);
    expect(svg).toMatch(/stroke="#a6a6a6" stroke-width="1.25"[^>]*><title>L4/);
    expect(svg).not.toMatch(/stroke-dasharray[^>]*><title>L1/);
  });
  it("labels places in Chinese and English, escaping XML", () => {
    expect(svg).toContain(">綦江</text>");
    expect(svg).toContain("Qijiang &#60;&#38;&#62;");
    expect(svg).not.toContain("<&>");
  });
  it("places labels without overlap: of twelve cities on one spot, two are labelled (right, then left anchored at its end)", () => {
    const crowded: MapLayers = {
      lines: [],
      points: Array.from({ length: 12 }, (_, k) => ({ id: `P${k}`, coord: QJ, kind: "city" as const, name: { zh: `城${k}`, en: `Town ${k}` }, population: 1000 * (k + 1) })),
    };
    const out = renderMapSvg({ title: "t", layers: crowded }, { extent: [106.5, 28.9, 106.8, 29.1] });
    const zh = [...out.matchAll(/<text [^>]*font-size="13"[^>]*>(城\d+)<\/text>/g)];
    expect(zh).toHaveLength(2);
    // Largest population first: P11 gets the right side, P10 the left.
    expect(zh.map((m) => m[1])).toEqual(["城11", "城10"]);
    expect(zh[1]![0]).toContain('text-anchor="end"');
  });

  it("throws IsochroneError for an empty extent, no panels, or a panel size that leaves no room to draw", () => {
    expect(() => renderMapSvg({ title: "x" }, { extent: [1, 1, 1, 1] })).toThrow(IsochroneError);
    expect(() => renderMapSvg({ title: "x" }, { extent: [1, 1, 1, 1] })).toThrow(/extent/);
    expect(() => renderPanelsSvg([])).toThrow(IsochroneError);
    const extent: [number, number, number, number] = [106, 29, 107, 30];
    for (const bad of [{ panelWidthPx: -5 }, { panelWidthPx: Number.NaN }, { panelWidthPx: 24 }, { panelHeightPx: 60 }, { panelHeightPx: Infinity }]) {
      expect(() => renderMapSvg({ title: "x" }, { extent, ...bad }), JSON.stringify(bad)).toThrow(/panel(Width|Height)Px/);
    }
    expect(renderMapSvg({ title: "x" }, { extent, panelWidthPx: 100, panelHeightPx: 120 })).toMatch(/^<svg [^>]*width="100" height="120"/);
  });
});

describe("renderPanelsSvg(panels)", () => {
  it("lays panels side by side on one extent, with gained/lost layers", () => {
    const d = isochroneDifference(nodes, nodes.map((n) => ({ ...n, timeSecs: n.timeSecs / 2 })), [30]);
    const svg = renderPanelsSvg([
      { title: "A", layers, bands: d.a.collection },
      { title: "B", layers, bands: d.b.collection },
      { title: "B vs A", layers, gained: d.gained, outlineBands: d.a.collection },
    ], { panelWidthPx: 400 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200"/);
    expect(svg.match(/<g transform="translate\(\d+,0\)">/g)).toHaveLength(3);
    expect(svg).toContain("newly ≤ 30 min");
    new Resvg(svg, { font: { loadSystemFonts: false } });
  });
});

describe("fitProjection(bbox, x0, y0, x1, y1)", () => {
  it("keeps the bbox inside the box and gets kilometres per pixel right", () => {
    const p = fitProjection([106, 28.5, 107.5, 29.5], 10, 20, 510, 420);
    for (const c of [[106, 28.5], [107.5, 29.5], [106, 29.5], [107.5, 28.5]] as LonLat[]) {
      const [x, y] = p.project(c);
      expect(x).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(x).toBeLessThanOrEqual(510 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(y).toBeLessThanOrEqual(420 + 1e-9);
    }
    const [x0, y0] = p.project([106.75, 29]);
    const [x1, y1] = p.project([106.75, 29.1]);
    const km = haversineM([106.75, 29], [106.75, 29.1]) / 1000;
    expect(Math.hypot(x1 - x0, y1 - y0) * p.kmPerPx).toBeCloseTo(km, 6);
  });
});

describe("style helpers", () => {
  it("bandColour spreads ranks over the palette, darkest first; escapeXml escapes the five characters", () => {
    expect(bandColour(0, 4)).toBe(sequentialColours(4)[0]);
    expect(new Set([0, 1, 2, 3].map((r) => bandColour(r, 4))).size).toBe(4);
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;&#60;/a&#62;");
    expect(formatCutoffMin(150)).toBe("2 h 30 min");
    expect([formatRangeMin(15, 30), formatRangeMin(30, 60), formatRangeMin(60, 120), formatRangeMin(120, 150)]).toEqual(["15–30 min", "30 min – 1 h", "1–2 h", "2 h – 2 h 30 min"]);
  });
});

describe("svgToPng(svg, options)", () => {
  it("writes a PNG (signature, size) and warns when no CJK font is found", async () => {
    const svg = sampleSvg();
    const half = await svgToPng(svg, { widthPx: 450, fontDirs: [] });
    expect([...half.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(half.warnings.join(" ")).toMatch(/no CJK font found.*fonts-noto-cjk/);
    // IHDR width, big-endian at bytes 16..19.
    expect(new DataView(half.png.buffer, half.png.byteOffset).getUint32(16)).toBe(450);
  });
  it("rejects a widthPx that is not a whole number of pixels in 1..8192 with IsochroneError (resvg ignores some and aborts the process on huge ones)", async () => {
    const svg = sampleSvg();
    for (const widthPx of [0, -10, Number.NaN, 2.5, 8193, 1e9]) {
      await expect(svgToPng(svg, { widthPx, fontDirs: [] }), String(widthPx)).rejects.toThrow(IsochroneError);
    }
    await expect(svgToPng(svg, { widthPx: -10, fontDirs: [] })).rejects.toThrow(/widthPx -10.*1\.\.8192/);
  });
  it.skipIf(process.platform !== "linux")("finds Noto Sans CJK when fonts-noto-cjk is installed", async () => {
    const font = await findCjkFont();
    if (font === undefined) {
      console.warn("no CJK font installed (apt-get install fonts-noto-cjk); skipping the font check");
      return;
    }
    const r = await svgToPng(sampleSvg());
    expect(r.fontFile).toBe(font);
    expect(r.warnings).toEqual([]);
  });
});
