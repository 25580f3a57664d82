import fc from "fast-check";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { type Box, type LabelRequest } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { LABEL_POSITIONS, boxInside, boxesOverlap, linesHeightPx, placeLabels, textWidthPx } from "../../src/render/index.js";
import { embeddedNetworkPath, findCjkFont } from "../../src/node.js";

const FRAME: Box = { x0: 12, y0: 60, x1: 612, y1: 460 };

const request = (id: string, x: number, y: number, priority = 0, zh = "綦江城区", en = "Qijiang"): LabelRequest => ({
  id,
  x,
  y,
  priority,
  lines: [
    { text: zh, sizePx: 13, weight: 700 },
    { text: en, sizePx: 10 },
  ],
});

/** Distance from a point to a box (0 inside). */
const distToBox = (x: number, y: number, b: Box) => Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));

const NAMES_ZH = ["綦江", "万盛城区(万盛街道)", "重庆中心城区(解放碑)", "永桐新城(永城—南桐)", "南川", "桐梓北站"];
const NAMES_EN = ["Qijiang", "Wansheng urban area", "Central Chongqing (Jiefangbei CBD)", "Yongtong new town", "Nanchuan", "Tongzi North station"];

describe("placeLabels(requests, frame, options)", () => {
  it("never overlaps two labels or an obstacle, keeps every label inside the frame and beside its point (fast-check, seeded)", () => {
    const arbRequest = fc.record({
      x: fc.double({ min: FRAME.x0, max: FRAME.x1, noNaN: true }),
      y: fc.double({ min: FRAME.y0, max: FRAME.y1, noNaN: true }),
      priority: fc.integer({ min: 0, max: 5 }),
      zh: fc.constantFrom(...NAMES_ZH),
      en: fc.constantFrom(...NAMES_EN),
      r: fc.integer({ min: 0, max: 8 }),
    });
    const arbBox = fc
      .record({ x: fc.double({ min: 0, max: 600, noNaN: true }), y: fc.double({ min: 0, max: 450, noNaN: true }), w: fc.double({ min: 1, max: 150, noNaN: true }), h: fc.double({ min: 1, max: 150, noNaN: true }) })
      .map(({ x, y, w, h }): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
    fc.assert(
      fc.property(fc.array(arbRequest, { maxLength: 60 }), fc.array(arbBox, { maxLength: 3 }), fc.array(arbBox, { maxLength: 5 }), (reqs, obstacles, soft) => {
        const requests = reqs.map((r, k) => ({ ...request(`P${k}`, r.x, r.y, r.priority, r.zh, r.en), markerRadiusPx: r.r }));
        const placed = placeLabels(requests, FRAME, { obstacles, softObstacles: soft });
        expect(new Set(placed.map((p) => p.id)).size).toBe(placed.length);
        for (const [a, p] of placed.entries()) {
          expect(boxInside(p.box, FRAME)).toBe(true);
          for (const o of obstacles) expect(boxesOverlap(p.box, o)).toBe(false);
          for (const q of placed.slice(a + 1)) expect(boxesOverlap(p.box, q.box)).toBe(false);
          const r = requests.find((x) => x.id === p.id)!;
          // Beside its point: the text (the box less its halo) is exactly marker radius + gap away.
          const text = { x0: p.box.x0 + 1.5, y0: p.box.y0 + 1.5, x1: p.box.x1 - 1.5, y1: p.box.y1 - 1.5 };
          expect(distToBox(r.x, r.y, text)).toBeCloseTo(r.markerRadiusPx + 3, 6);
        }
        // The first label in priority order always fits when only soft obstacles are around: the
        // frame is wider than two labels, so left or right fits across, and above or below fits down.
        if (requests.length > 0 && obstacles.length === 0) {
          const top = [...requests].sort((a, b) => b.priority - a.priority)[0]!;
          expect(placed[0]?.id).toBe(top.id);
        }
      }),
      { seed: 20211, numRuns: 300 },
    );
  });

  it("places a lone label right of its point, text starting one marker radius plus gap away", () => {
    const [p] = placeLabels([request("A", 300, 250)], FRAME);
    expect(p!.position).toBe("right");
    expect(p!.anchor).toBe("start");
    expect(p!.lines[0]!.x).toBeCloseTo(300 + 3 + 3, 9);
    expect(p!.box.x1 - p!.box.x0).toBeCloseTo(textWidthPx("綦江城区", 13, 700) + 3, 9);
  });

  it("moves a label to the left (text anchored at its end) when the right side would leave the frame", () => {
    const [p] = placeLabels([request("A", FRAME.x1 - 5, 250)], FRAME);
    expect(p!.position).toBe("left");
    expect(p!.anchor).toBe("end");
    expect(p!.lines[0]!.x).toBeCloseTo(FRAME.x1 - 5 - 6, 9);
  });

  it("falls back through the eight positions as the frame closes in: corners take the diagonals, a narrow frame above or below", () => {
    const one = (x: number, y: number, frame = FRAME) => placeLabels([request("A", x, y)], frame)[0]?.position;
    expect(one(FRAME.x0 + 2, FRAME.y0 + 2)).toBe("lower-right");
    expect(one(FRAME.x1 - 2, FRAME.y0 + 2)).toBe("lower-left");
    expect(one(FRAME.x0 + 2, FRAME.y1 - 2)).toBe("upper-right");
    expect(one(FRAME.x1 - 2, FRAME.y1 - 2)).toBe("upper-left");
    const w = textWidthPx("綦江城区", 13, 700) + 3;
    const narrow: Box = { x0: 300 - w / 2 - 1, y0: 0, x1: 300 + w / 2 + 1, y1: 500 };
    expect(one(300, 5, narrow)).toBe("below");
    expect(one(300, 495, narrow)).toBe("above");
    expect(one(300, 250, { x0: 299, y0: 249, x1: 301, y1: 251 })).toBeUndefined();
  });

  it("drops a label that fits nowhere: on one point, only right and left fit, the third label is left out", () => {
    const placed = placeLabels(Array.from({ length: 3 }, (_, k) => request(`P${k}`, 300, 250, 3 - k)), FRAME);
    expect(placed.map((p) => [p.id, p.position])).toEqual([["P0", "right"], ["P1", "left"]]);
  });

  it("serves higher priority first: the more important of two labels at one point gets the preferred spot", () => {
    const placed = placeLabels([request("low", 300, 250, 1), request("high", 300, 250, 2)], FRAME);
    expect(placed.find((p) => p.id === "high")!.position).toBe("right");
    expect(placed.find((p) => p.id === "low")!.position).toBe("left");
  });

  it("avoids soft obstacles when it can and ignores them when nothing else fits", () => {
    const all: Box = { x0: 0, y0: 0, x1: 700, y1: 500 };
    const right: Box = { x0: 303, y0: 200, x1: 500, y1: 300 };
    expect(placeLabels([request("A", 300, 250)], FRAME, { softObstacles: [right] })[0]!.position).toBe("left");
    expect(placeLabels([request("A", 300, 250)], FRAME, { softObstacles: [all] })[0]!.position).toBe("right");
    expect(placeLabels([request("A", 300, 250)], FRAME, { obstacles: [all] })).toEqual([]);
  });

  it("stacks lines: each baseline inside the box, the block exactly linesHeightPx tall plus the halo", () => {
    const [p] = placeLabels([request("A", 300, 250)], FRAME);
    const h = linesHeightPx([{ text: "x", sizePx: 13 }, { text: "x", sizePx: 10 }]);
    expect(p!.box.y1 - p!.box.y0).toBeCloseTo(h + 3, 9);
    expect(p!.lines[0]!.y).toBeLessThan(p!.lines[1]!.y);
    for (const l of p!.lines) expect(l.y).toBeGreaterThan(p!.box.y0);
    expect(p!.lines[1]!.y).toBeLessThan(p!.box.y1);
  });
});

describe("textWidthPx(text, sizePx, weight)", () => {
  it("counts CJK characters one em and Latin narrower", () => {
    expect(textWidthPx("綦江", 10)).toBe(20);
    expect(textWidthPx("ab", 10)).toBeLessThan(20);
    expect(textWidthPx("綦江", 10, 700)).toBeGreaterThan(20);
  });

  it("is never narrower than resvg's rendering with Noto Sans CJK: the longest place names of the embedded network, and wide Latin", async () => {
    const font = await findCjkFont();
    if (font === undefined) {
      console.warn("no CJK font installed (apt-get install fonts-noto-cjk); skipping the text-width check");
      return;
    }
    const network = await loadNetwork(embeddedNetworkPath());
    // resvg lays out text slowly (~0.1–0.3 s per element with the CJK collection), so the check takes the
    // 8 longest Chinese and English names at the map's largest sizes, plus strings of the widest glyphs.
    const longest = (names: string[], size: number, weight: number) =>
      [...new Set(names)].sort((a, b) => textWidthPx(b, size, weight) - textWidthPx(a, size, weight)).slice(0, 8);
    const cases: [string, number, number][] = [
      ...longest(network.places.map((p) => p.name.zh), 13, 700).map((t): [string, number, number] => [t, 13, 700]),
      ...longest(network.places.map((p) => p.name.en), 10, 400).map((t): [string, number, number] => [t, 10, 400]),
      ["WWW MMM mmm www @%", 10, 400],
      ["ABCDEFGHJKLNOPQRSTUVXYZ 0123456789", 10, 400],
      ["Yongtong new town (Yongcheng–Nantong)", 8.5, 400],
    ];
    // One render, one string per 40 px row; the rightmost inked pixel of a row is its rendered width
    // (text starts at x = 10).
    const rows = cases.map(([t, size, weight], k) => `<text x="10" y="${k * 40 + 28}" font-size="${size}" font-weight="${weight}">${t.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="${cases.length * 40}" font-family="Noto Sans CJK SC">${rows.join("")}</svg>`;
    const pixels = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: "Noto Sans CJK SC" } }).render().pixels; // a copying getter: read once
    let checked = 0;
    cases.forEach(([t, size, weight], k) => {
      let right = 10;
      for (let y = k * 40; y < k * 40 + 40; y++) for (let x = 999; x > right; x--) if (pixels[(y * 1000 + x) * 4 + 3]! > 0) right = x + 1;
      expect(right - 10, `${t} rendered`).toBeGreaterThan(size);
      expect(textWidthPx(t, size, weight), `${t} at ${size}px`).toBeGreaterThanOrEqual(right - 10);
      checked++;
    });
    expect(checked).toBe(19);
  }, 120_000);
});
