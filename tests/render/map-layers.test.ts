import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { type BBox, type LonLat, type MapLayers, formatCutoffMin, networkLayers, renderMapSvg, renderPanelsSvg } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { bandColour, fitProjection, formatRangeMin, networkAttribution, scaleBar } from "../../src/render/index.js";
import { embeddedNetworkPath, readNetworkBoundaries } from "../../src/node.js";
import { haversineM, polygonIsochrone } from "../../src/isochrone/index.js";

const QJ: LonLat = [106.651, 29.028];
const EXTENT: BBox = [106.3, 28.7, 107.1, 29.3];

/** A synthetic town mesh: a jittered grid of `n × n` towns over the extent, each linked to its east and north neighbour. */
function syntheticMesh(n: number, extent: BBox = EXTENT): LonLat[][] {
  const [w, s, e, nn] = extent;
  let seed = 42;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const at = (i: number, j: number): LonLat => [w + ((e - w) * (i + 0.3 * rnd())) / n, s + ((nn - s) * (j + 0.3 * rnd())) / n];
  const grid = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => at(i, j)));
  const edges: LonLat[][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i + 1 < n) edges.push([grid[i]![j]!, grid[i + 1]![j]!]);
    if (j + 1 < n) edges.push([grid[i]![j]!, grid[i]![j + 1]!]);
  }
  return edges;
}

const cutoffs = [15, 30, 60, 120];
const { collection } = polygonIsochrone(
  [
    { coord: QJ, timeSecs: 0 },
    { coord: [106.927, 28.96], timeSecs: 1500 },
    { coord: [106.8, 28.85], timeSecs: 3000 },
    { coord: [106.55, 29.2], timeSecs: 5400 },
  ],
  cutoffs,
);

describe("renderMapSvg: the legend", () => {
  const svg = renderMapSvg({ title: "t", bands: collection, origins: [QJ] }, { extent: EXTENT });
  const entries = [...svg.matchAll(/<g class="legend-entry"[^>]*><rect [^>]*fill="(#[0-9a-f]{6})"[^>]*\/><text [^>]*>([^<]*)<\/text><\/g>/g)];
  it("has one entry per band, in cutoff order, each giving the band's minutes", () => {
    expect(entries).toHaveLength(collection.features.length);
    expect(entries.map((m) => m[2])).toEqual(["≤ 15 min", formatRangeMin(15, 30), formatRangeMin(30, 60), formatRangeMin(60, 120)].map((t) => t.replace(/&/g, "&#38;")));
    expect(svg).toContain(">Travel time</text>");
  });
  it("gives each entry the fill of its band's path (shortest darkest)", () => {
    const fills = new Map([...svg.matchAll(/<path d="[^"]*" fill="(#[0-9a-f]{6})"[^>]*><title>≤ (\d+) min<\/title>/g)].map((m) => [Number(m[2]), m[1]]));
    expect(entries.map((m) => m[1])).toEqual(cutoffs.map((c) => fills.get(c)));
    expect(entries.map((m) => m[1])).toEqual(cutoffs.map((_, k) => bandColour(k, cutoffs.length)));
  });
});

describe("scaleBar(projection, maxPx)", () => {
  it("is a round length (1, 2 or 5 × 10ⁿ km), the longest within maxPx, and measures true along the centre parallel", () => {
    for (const [bbox, maxPx] of [
      [EXTENT, 160],
      [[103.2, 21.9, 115, 31.6], 160],
      [[106.6, 29, 106.7, 29.05], 120],
      [[10, 59, 11, 60.5], 200],
    ] as [BBox, number][]) {
      const proj = fitProjection(bbox, 12, 60, 988, 900);
      const bar = scaleBar(proj, maxPx);
      const mantissa = bar.km / 10 ** Math.floor(Math.log10(bar.km) + 1e-9);
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9), `${bar.km} km`).toBe(true);
      expect(bar.lengthPx).toBeLessThanOrEqual(maxPx + 1e-9);
      expect(bar.lengthPx).toBeGreaterThan(maxPx / 2.5);
      // The bar laid along the parallel through the frame's centre spans bar.km on the sphere.
      const cy = (60 + 900) / 2;
      const a = proj.invert([300, cy]);
      const b = proj.invert([300 + bar.lengthPx, cy]);
      expect(Math.abs(a[1] - (bbox[1] + bbox[3]) / 2)).toBeLessThan(1e-9);
      expect(haversineM(a, b) / 1000 / bar.km).toBeCloseTo(1, 4);
    }
  });
  it("is the bar drawn on the map, labelled with its length", () => {
    const svg = renderMapSvg({ title: "t", bands: collection }, { extent: EXTENT });
    const m = /class="scale-bar"[\s\S]*?<rect x="0" y="-3" width="([\d.]+)" height="4" fill="none"[\s\S]*?>(\d+(?:\.\d+)?) km<\/text>/.exec(svg)!;
    const [w, s, e, n] = EXTENT;
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const proj = fitProjection([w, s, e, n], 12, 60, 888, height - 12 - (svg.includes('class="attribution"') ? 12 : 0));
    expect(Number(m[1]) * proj.kmPerPx).toBeCloseTo(Number(m[2]), 0);
  });
});

describe("renderMapSvg: local roads (the town mesh)", () => {
  const roads = syntheticMesh(8);
  const layers: MapLayers = { lines: [{ id: "L", coords: [QJ, [106.927, 28.96]], mode: "expressway", status: "existing" }], points: [], roads };
  const svg = renderMapSvg({ title: "t", layers, bands: collection }, { extent: EXTENT });
  it("draws every segment once, as one light path under the bands' legend entries and before the links", () => {
    const path = /<path class="roads" d="([^"]*)"[^>]*stroke-opacity="([\d.]+)"/.exec(svg)!;
    expect(path[1]!.match(/M/g)).toHaveLength(roads.length);
    expect(svg.indexOf('class="roads"')).toBeGreaterThan(svg.indexOf('class="bands"'));
    expect(svg.indexOf('class="roads"')).toBeLessThan(svg.indexOf('class="links"'));
    expect(svg).toContain(">local road</text>");
  });
  it("fades as the mesh gets denser on screen, so a national map is not greyed out", () => {
    const opacity = (n: number) => Number(/class="roads"[^>]*stroke-opacity="([\d.]+)"/.exec(renderMapSvg({ title: "t", layers: { lines: [], points: [], roads: syntheticMesh(n) } }, { extent: EXTENT }))![1]);
    expect(opacity(60)).toBeLessThan(opacity(8));
    expect(opacity(60)).toBeGreaterThanOrEqual(0.1);
  });
  it("is absent, with no legend entry, when the layers have no roads", () => {
    const plain = renderMapSvg({ title: "t", layers: { lines: [], points: [] }, bands: collection }, { extent: EXTENT });
    expect(plain).not.toContain('class="roads"');
    expect(plain).not.toContain("local road");
  });
});

describe("networkLayers(network, scenario, { boundaries }) and the attribution line", async () => {
  const network = await loadNetwork(embeddedNetworkPath());
  const boundaries = await readNetworkBoundaries(network);
  it("reads the embedded network's province boundaries with their Natural Earth credit", () => {
    expect(boundaries.lines.length).toBeGreaterThan(10);
    expect(boundaries.lines.some((l) => l.shared)).toBe(true);
    expect(boundaries.attribution).toMatch(/Natural Earth.*public domain/);
  });
  it("credits the licensed sources: OpenStreetMap (ODbL) and the CC BY 4.0 district centres", () => {
    const credits = networkAttribution(network);
    expect(credits).toContain("© OpenStreetMap contributors (ODbL)");
    expect(credits.some((c) => /adcode.*\(CC BY 4\.0\)$/.test(c))).toBe(true);
    // Unlicensed citations (the plan, fact sheets) need no credit.
    expect(credits.some((c) => /渝府办/.test(c))).toBe(false);
  });
  it("draws boundaries dash-dotted with a legend entry, and one attribution line for the whole document", () => {
    const layers = networkLayers(network, undefined, { boundaries });
    const svg = renderPanelsSvg([{ title: "a", layers }, { title: "b", layers }], { extent: [105.5, 27.5, 108, 30], panelWidthPx: 500 });
    expect(svg).toMatch(/class="boundaries" d="M[^"]+" fill="none"[^>]*stroke-dasharray/);
    expect(svg.match(/>province boundary<\/text>/g)).toHaveLength(1);
    const footer = /<g class="attribution">([\s\S]*?)<\/g>/.exec(svg)![1]!;
    expect(footer.match(/<text/g)!.length).toBeGreaterThanOrEqual(1);
    expect(footer).toContain("Data: © OpenStreetMap contributors (ODbL)");
    expect(footer).toContain("Natural Earth (public domain)");
    expect(svg.match(/class="attribution"/g)).toHaveLength(1);
    new Resvg(svg, { font: { loadSystemFonts: false } });
  });
  it("wraps a long attribution line within the document width", () => {
    const svg = renderMapSvg({ title: "t", layers: { lines: [], points: [], attribution: Array.from({ length: 12 }, (_, k) => `A rather long credit line number ${k} (CC BY 4.0)`) } }, { extent: EXTENT, panelWidthPx: 400 });
    const lines = [.../<g class="attribution">([\s\S]*?)<\/g>/.exec(svg)![1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(" ")).toContain("number 11");
  });
});

describe("label priority", () => {
  it("labels the place a target is about (emphasis 1) before a more populous one of the same kind; the origin's place before both", async () => {
    const at = (id: string, extra: object) => ({ id, coord: [106.65, 29.0] as LonLat, kind: "city" as const, name: { zh: id, en: id }, ...extra });
    const order = (points: MapLayers["points"], origins: LonLat[] = []) =>
      [...renderMapSvg({ title: "t", layers: { lines: [], points }, origins }, { extent: EXTENT }).matchAll(/font-weight="700"[^>]*>([A-Z]+)<\/text>/g)].map((m) => m[1]);
    expect(order([at("BIG", { population: 5e6 }), at("TARGET", { emphasis: 1 })])).toEqual(["TARGET", "BIG"]);
    expect(order([at("BIG", { population: 5e6 }), at("TARGET", { emphasis: 1 }), { ...at("HOME", {}), coord: [106.651, 29.028] }], [[106.651, 29.028]])[0]).toBe("HOME");
    const network = await loadNetwork(embeddedNetworkPath());
    const cbd = networkLayers(network).points.find((p) => p.id === "CQ_CBD")!;
    const jiangjin = networkLayers(network).points.find((p) => p.id === "JIANGJIN")!;
    expect(cbd.emphasis).toBe(1);
    expect(jiangjin.emphasis).toBeGreaterThan(0);
    expect(jiangjin.emphasis).toBeLessThan(0.1);
  });
});

describe("svg and PNG agree on band colours", () => {
  it("fills the inside of each band in the PNG with the band's legend colour", async () => {
    const svg = renderMapSvg({ title: "t", bands: collection }, { extent: EXTENT, labels: "none" });
    const r = new Resvg(svg, { font: { loadSystemFonts: false } });
    const img = r.render();
    const pixels = img.pixels;
    const width = img.width;
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(svg).not.toContain('class="attribution"');
    const proj = fitProjection(EXTENT, 12, 60, 888, height - 12);
    // The origin lies in the shortest band; a point 1,500 s away lies in the 30-min band only.
    for (const [coord, rank] of [
      [QJ, 0],
      [[106.927, 28.96], 1],
    ] as [LonLat, number][]) {
      const [x, y] = proj.project(coord).map(Math.round) as [number, number];
      const i = (y * width + x) * 4;
      const hex = `#${[0, 1, 2].map((c) => pixels[i + c]!.toString(16).padStart(2, "0")).join("")}`;
      expect(hex, `${formatCutoffMin(cutoffs[rank]!)} band at ${coord}`).toBe(bandColour(rank, cutoffs.length));
    }
  });
});
