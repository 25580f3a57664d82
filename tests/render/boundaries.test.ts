import fc from "fast-check";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type LonLat, IsochroneError } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { borderLines, parseBoundaries, simplifyLine } from "../../src/render/index.js";
import { readNetworkBoundaries } from "../../src/node.js";
import { NETWORK_DIR } from "../data/network-folder.js";

type Area = LonLat[][][];
const square = (x: number, y: number, s = 1): Area => [[[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]];
/** Undirected edge keys of a set of lines. */
const edgesOf = (lines: readonly { coords: readonly LonLat[] }[]) =>
  lines.flatMap((l) => l.coords.slice(1).map((b, k) => [String(l.coords[k]), String(b)].sort().join("|")));

describe("borderLines(areas)", () => {
  it("draws the edge two squares share once, as a shared line, and their outer edges as outer lines", () => {
    const lines = borderLines([square(0, 0), square(1, 0)]);
    const shared = lines.filter((l) => l.shared);
    expect(shared).toHaveLength(1);
    expect(edgesOf(shared)).toEqual(["1,0|1,1"]);
    const edges = edgesOf(lines);
    expect(edges).toHaveLength(7);
    expect(new Set(edges).size).toBe(7);
  });

  it("keeps an island without neighbours as one closed outer line", () => {
    const [line, ...rest] = borderLines([square(5, 5)]);
    expect(rest).toEqual([]);
    expect(line!.shared).toBe(false);
    expect(line!.coords).toHaveLength(5);
    expect(line!.coords[0]).toEqual(line!.coords[4]);
  });

  it("on any set of grid cells: every edge appears exactly once, shared exactly when two cells meet there, lines end only at junctions (fast-check, seeded)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 20, selector: ([x, y]) => `${x},${y}` }), (cells) => {
        const lines = borderLines(cells.map(([x, y]) => square(x, y)));
        // Brute force: count each cell edge over all cells.
        const count = new Map<string, number>();
        for (const [x, y] of cells) {
          const ring = square(x, y)[0]![0]!;
          for (let k = 0; k < 4; k++) {
            const key = [String(ring[k]), String(ring[k + 1])].sort().join("|");
            count.set(key, (count.get(key) ?? 0) + 1);
          }
        }
        const got = edgesOf(lines);
        expect(got.length).toBe(count.size);
        expect(new Set(got)).toEqual(new Set(count.keys()));
        for (const l of lines) for (const e of edgesOf([l])) expect(l.shared).toBe(count.get(e) === 2);
        // An open line ends where 1, 3 or 4 edges meet, or where a shared edge meets an outer one.
        const around = new Map<string, string[]>();
        for (const key of count.keys()) for (const v of key.split("|")) around.set(v, [...(around.get(v) ?? []), key]);
        for (const l of lines) {
          const [a, b] = [String(l.coords[0]), String(l.coords.at(-1))];
          if (a === b) continue;
          for (const v of [a, b]) {
            const es = around.get(v)!;
            expect(es.length !== 2 || count.get(es[0]!) !== count.get(es[1]!), `line end ${v}`).toBe(true);
          }
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe("simplifyLine(coords, toleranceDeg)", () => {
  it("keeps both ends, drops collinear vertices, and keeps every vertex farther than the tolerance", () => {
    expect(simplifyLine([[0, 0], [1, 0], [2, 0], [3, 0]], 0.01)).toEqual([[0, 0], [3, 0]]);
    expect(simplifyLine([[0, 0], [1, 0.5], [2, 0]], 0.1)).toEqual([[0, 0], [1, 0.5], [2, 0]]);
    expect(simplifyLine([[0, 0], [1, 0.05], [2, 0]], 0.1)).toEqual([[0, 0], [2, 0]]);
  });
  it("leaves no dropped vertex farther than the tolerance from the simplified line (fast-check, seeded)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true })), { minLength: 2, maxLength: 40 }), fc.double({ min: 0.001, max: 0.2, noNaN: true }), (pts, tol) => {
        // A line at the equator (cos = 1) running east: x sorted.
        const line = pts.map(([x, y]) => [x, y] as LonLat).sort((a, b) => a[0] - b[0]);
        const cos = Math.cos((line.reduce((s, c) => s + c[1], 0) / line.length) * (Math.PI / 180));
        const out = simplifyLine(line, tol);
        expect(out[0]).toEqual(line[0]);
        expect(out.at(-1)).toEqual(line.at(-1));
        const dist = (p: LonLat, a: LonLat, b: LonLat) => {
          const [px, py, ax, ay, bx, by] = [p[0] * cos, p[1], a[0] * cos, a[1], b[0] * cos, b[1]];
          const dx = bx - ax;
          const dy = by - ay;
          const t = dx * dx + dy * dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
          return Math.hypot(px - ax - t * dx, py - ay - t * dy);
        };
        for (const p of line) {
          const d = Math.min(...out.slice(1).map((b, k) => dist(p, out[k]!, b)));
          expect(d).toBeLessThanOrEqual(tol + 1e-12);
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe("parseBoundaries(json, where)", () => {
  it("reads LineString and MultiLineString features, `shared` defaulting to true, and the attribution", () => {
    const b = parseBoundaries({
      type: "FeatureCollection",
      attribution: "Boundaries: test",
      features: [
        { type: "Feature", properties: { shared: false }, geometry: { type: "LineString", coordinates: [[0, 0], [1, 1]] } },
        { type: "Feature", properties: null, geometry: { type: "MultiLineString", coordinates: [[[0, 0], [1, 0]], [[2, 2], [3, 3], [4, 4]]] } },
      ],
    });
    expect(b.lines.map((l) => [l.coords.length, l.shared])).toEqual([[2, false], [2, true], [3, true]]);
    expect(b.attribution).toBe("Boundaries: test");
  });
  it("throws IsochroneError naming the file and feature for anything else", () => {
    expect(() => parseBoundaries([], "b.geojson")).toThrow(IsochroneError);
    expect(() => parseBoundaries({ type: "FeatureCollection", features: [{ geometry: { type: "Point", coordinates: [0, 0] } }] }, "b.geojson")).toThrow(/b\.geojson: features\[0\]/);
    expect(() => parseBoundaries({ type: "FeatureCollection", features: [{ geometry: { type: "LineString", coordinates: [[0, "x"], [1, 1]] } }] })).toThrow(/features\[0\]/);
  });
});

describe("readNetworkBoundaries(network)", () => {
  it("gives no lines for a network built in memory", async () => {
    const inMemory = await loadNetwork(NETWORK_DIR).then((n) => ({ ...n, origin: undefined }));
    expect((await readNetworkBoundaries(inMemory)).lines).toEqual([]);
  });
  it("throws IsochroneError naming the file when boundaries.geojson beside the network is not JSON or not lines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qiwan-boundaries-"));
    try {
      cpSync(NETWORK_DIR, dir, { recursive: true });
      const network = await loadNetwork(dir);
      writeFileSync(path.join(dir, "boundaries.geojson"), "{ not json");
      await expect(readNetworkBoundaries(network)).rejects.toThrow(/boundaries\.geojson: not JSON/);
      writeFileSync(path.join(dir, "boundaries.geojson"), JSON.stringify({ type: "FeatureCollection", features: [{ geometry: { type: "Polygon", coordinates: [] } }] }));
      await expect(readNetworkBoundaries(network)).rejects.toThrow(IsochroneError);
      rmSync(path.join(dir, "boundaries.geojson"));
      expect((await readNetworkBoundaries(network)).lines).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("reads networks/qijiang-wansheng/boundaries.geojson: finite [lon, lat] lines around the network's places, Natural Earth credited", async () => {
    const network = await loadNetwork(NETWORK_DIR);
    const b = await readNetworkBoundaries(network);
    const lons = network.places.map((p) => p.coord[0]);
    const lats = network.places.map((p) => p.coord[1]);
    for (const l of b.lines) {
      expect(l.coords.length).toBeGreaterThanOrEqual(2);
      for (const [lon, lat] of l.coords) {
        expect(lon).toBeGreaterThan(Math.min(...lons) - 3);
        expect(lon).toBeLessThan(Math.max(...lons) + 3);
        expect(lat).toBeGreaterThan(Math.min(...lats) - 3);
        expect(lat).toBeLessThan(Math.max(...lats) + 3);
      }
    }
    expect(b.attribution).toBe("Boundaries: Natural Earth (public domain)");
    const doc = JSON.parse(readFileSync(path.join(NETWORK_DIR, "boundaries.geojson"), "utf8")) as { source: string };
    expect(doc.source).toMatch(/sha256 [0-9a-f]{64}/);
  });
});
