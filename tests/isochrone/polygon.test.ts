import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LonLat } from "../../src/network/schema.js";
import type { GridSpec } from "../../src/isochrone/grid.js";
import {
  ACCESS_DEFAULTS,
  EARTH_RADIUS_M,
  IsochroneError,
  type TimedNode,
  contourAtMost,
  gridCellCentre,
  gridFromBBox,
  haversineM,
  isochroneBands,
  isochroneDifference,
  multiPolygonAreaKm2,
  pointInMultiPolygon,
  polygonIsochrone,
  travelTimeSurface,
} from "../../src/isochrone/index.js";
import { distanceToBoundary, rfc7946Problems } from "./helpers.js";
import { runs } from "../util/property.js";

const LON0 = 106.65;
const LAT0 = 29.0;

/** Random networks: up to 12 nodes in a ~40 km box, times up to 90 min (some unreachable). */
const nodesArb = fc.array(
  fc.record({
    dx: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
    dy: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
    timeMin: fc.oneof(fc.double({ min: 0, max: 90, noNaN: true }), fc.constant(Infinity)),
  }),
  { minLength: 1, maxLength: 12 },
);
const toNodes = (raw: { dx: number; dy: number; timeMin: number }[]): TimedNode[] =>
  raw.map((r) => ({ coord: [LON0 + r.dx, LAT0 + r.dy] as LonLat, timeSecs: r.timeMin * 60 }));

const CUTOFFS = [20, 45, 90];
const OPTS = { cellSizeM: 1000 } as const;

/** The surface by definition: least node time plus off-network leg, within the horizon. */
/**
 * The surface at sample (i, j) by brute force: the least node time plus off-network leg, and the
 * time of every node whose own point lies in one of the four grid squares touching the sample.
 */
function bruteTime(nodes: readonly TimedNode[], p: LonLat, maxSecs: number, at?: { grid: GridSpec; i: number; j: number }): number {
  const secsPerM = (ACCESS_DEFAULTS.circuity * 3.6) / ACCESS_DEFAULTS.speedKmh;
  let best = Infinity;
  for (const n of nodes) {
    if (!Number.isFinite(n.timeSecs)) continue;
    if (at !== undefined && n.timeSecs <= maxSecs) {
      const x = (n.coord[0] - at.grid.west) / at.grid.dLon - 0.5;
      const y = (at.grid.north - n.coord[1]) / at.grid.dLat - 0.5;
      if (Math.abs(at.i - Math.floor(x) - 0.5) <= 0.5 && Math.abs(at.j - Math.floor(y) - 0.5) <= 0.5) best = Math.min(best, n.timeSecs);
    }
    const legSecs = haversineM(n.coord, p) * secsPerM;
    if (legSecs > ACCESS_DEFAULTS.maxAccessMin * 60 + 1e-6) continue;
    const t = n.timeSecs + legSecs;
    if (t <= maxSecs + 1e-6) best = Math.min(best, t);
  }
  return best;
}

describe("travelTimeSurface(nodes, maxTimeSecs, options)", () => {
  it("equals the brute-force minimum over nodes at every sample", () => {
    fc.assert(
      fc.property(nodesArb, (raw) => {
        const nodes = toNodes(raw);
        const s = travelTimeSurface(nodes, 90 * 60, OPTS);
        for (let j = 0; j < s.grid.height; j++) {
          for (let i = 0; i < s.grid.width; i++) {
            const want = bruteTime(nodes, gridCellCentre(s.grid, i, j), 90 * 60, { grid: s.grid, i, j });
            const got = s.timesSecs[i + j * s.grid.width]!;
            if (Number.isFinite(want) || Number.isFinite(got)) expect(got).toBeCloseTo(want, 3);
          }
        }
      }),
      runs(25),
    );
  });

  it("rejects a negative horizon and bad access parameters with IsochroneError", () => {
    expect(() => travelTimeSurface([], -1)).toThrow(IsochroneError);
    expect(() => travelTimeSurface([], 60, { access: { circuity: 0.5 } })).toThrow(/circuity/);
    expect(() => travelTimeSurface([], 60, { access: { speedKmh: 0 } })).toThrow(/speedKmh/);
  });

  it("keeps the grid under maxCells or says how to fix it", () => {
    const nodes = [{ coord: [LON0, LAT0] as LonLat, timeSecs: 0 }];
    expect(() => travelTimeSurface(nodes, 3600, { cellSizeM: 10, maxCells: 1000 })).toThrow(/maxCells/);
  });
});

describe("polygonIsochrone(nodes, cutoffsMin, options)", () => {
  it("puts every node whose time is within a cutoff inside that band", () => {
    fc.assert(
      fc.property(nodesArb, (raw) => {
        const nodes = toNodes(raw);
        const { collection } = polygonIsochrone(nodes, CUTOFFS, OPTS);
        for (const f of collection.features) {
          for (const n of nodes) {
            if (n.timeSecs <= f.properties.cutoffMin * 60) expect(pointInMultiPolygon(n.coord, f.geometry.coordinates)).toBe(true);
          }
        }
      }),
      runs(25),
    );
  });

  it("puts every sample with time <= cutoff inside the band and every other sample outside", () => {
    fc.assert(
      fc.property(nodesArb, (raw) => {
        const { collection, surface } = polygonIsochrone(toNodes(raw), CUTOFFS, OPTS);
        const { grid, timesSecs } = surface;
        for (const f of collection.features) {
          const limit = f.properties.cutoffMin * 60;
          for (let j = 0; j < grid.height; j++) {
            for (let i = 0; i < grid.width; i++) {
              const inside = pointInMultiPolygon(gridCellCentre(grid, i, j), f.geometry.coordinates);
              expect(inside).toBe(timesSecs[i + j * grid.width]! <= limit);
            }
          }
        }
      }),
      runs(25),
    );
  });

  it("bands nest: random points inside a band are inside every larger band", () => {
    fc.assert(
      fc.property(nodesArb, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 200, maxLength: 200 }), (raw, unit) => {
        // Cutoffs closer than one cell's travel time (~5 min on 1 km cells) so edges carry several crossings.
        const { collection, surface } = polygonIsochrone(toNodes(raw), [20, 22, 24, 45, 90], OPTS);
        const g = surface.grid;
        const bands = [...collection.features].sort((a, b) => a.properties.cutoffMin - b.properties.cutoffMin);
        for (const [u, v] of unit) {
          const p: LonLat = [g.west + u * g.width * g.dLon, g.north - v * g.height * g.dLat];
          for (let k = 0; k + 1 < bands.length; k++) {
            if (pointInMultiPolygon(p, bands[k]!.geometry.coordinates)) {
              expect(pointInMultiPolygon(p, bands[k + 1]!.geometry.coordinates)).toBe(true);
            }
          }
        }
        for (let k = 0; k + 1 < bands.length; k++) {
          expect(bands[k]!.properties.areaKm2).toBeLessThanOrEqual(bands[k + 1]!.properties.areaKm2 + 1e-9);
          // Every vertex of the smaller band lies inside the larger one or on its boundary (1e-6° ≈ 10 cm).
          const outer = bands[k + 1]!.geometry.coordinates;
          for (const poly of bands[k]!.geometry.coordinates) {
            for (const ring of poly) {
              for (const v of ring) {
                if (!pointInMultiPolygon(v, outer)) expect(distanceToBoundary(v, outer)).toBeLessThan(1e-6);
              }
            }
          }
        }
      }),
      runs(25),
    );
  });

  it("a point inside a band lies in a cell square with a corner sample within the cutoff", () => {
    fc.assert(
      fc.property(nodesArb, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 200, maxLength: 200 }), (raw, unit) => {
        const { collection, surface } = polygonIsochrone(toNodes(raw), CUTOFFS, OPTS);
        const g = surface.grid;
        for (const f of collection.features) {
          const limit = f.properties.cutoffMin * 60;
          for (const [u, v] of unit) {
            const x = u * g.width;
            const y = v * g.height;
            const p: LonLat = [g.west + x * g.dLon, g.north - y * g.dLat];
            if (!pointInMultiPolygon(p, f.geometry.coordinates)) continue;
            const i0 = Math.floor(x - 0.5);
            const j0 = Math.floor(y - 0.5);
            const corners = [[i0, j0], [i0 + 1, j0], [i0, j0 + 1], [i0 + 1, j0 + 1]]
              .filter(([i, j]) => i! >= 0 && j! >= 0 && i! < g.width && j! < g.height)
              .map(([i, j]) => surface.timesSecs[i! + j! * g.width]!);
            expect(Math.min(...corners)).toBeLessThanOrEqual(limit);
          }
        }
      }),
      runs(25),
    );
  });

  it("produces valid RFC 7946 MultiPolygons (closed rings, >= 4 positions, orientation, ranges, simple)", () => {
    fc.assert(
      fc.property(nodesArb, (raw) => {
        const { collection } = polygonIsochrone(toNodes(raw), CUTOFFS, OPTS);
        collection.features.forEach((f, k) => expect(rfc7946Problems(f, `features[${k}]`)).toEqual([]));
      }),
      runs(40),
    );
  });

  it("a faster network (every node time lower or equal) never shrinks a band", () => {
    fc.assert(
      fc.property(nodesArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), (raw, cut) => {
        const slow = toNodes(raw);
        const fast = slow.map((n, k) => ({ ...n, timeSecs: n.timeSecs * cut[k]! }));
        const d = isochroneDifference(slow, fast, CUTOFFS, OPTS);
        const g = d.a.surface.grid;
        for (const [k, fa] of d.a.collection.features.entries()) {
          const fb = d.b.collection.features[k]!;
          expect(fb.properties.areaKm2).toBeGreaterThanOrEqual(fa.properties.areaKm2 - 1e-9);
          expect(d.lost.features[k]!.geometry.coordinates).toEqual([]);
          for (let j = 0; j < g.height; j++) {
            for (let i = 0; i < g.width; i++) {
              const p = gridCellCentre(g, i, j);
              if (pointInMultiPolygon(p, fa.geometry.coordinates)) {
                expect(pointInMultiPolygon(p, fb.geometry.coordinates)).toBe(true);
              }
            }
          }
        }
      }),
      runs(20),
    );
  });

  it("the same input gives byte-identical GeoJSON", () => {
    fc.assert(
      fc.property(nodesArb, (raw) => {
        const a = JSON.stringify(polygonIsochrone(toNodes(raw), CUTOFFS).collection);
        const b = JSON.stringify(polygonIsochrone(toNodes(raw).map((n) => ({ ...n })), CUTOFFS).collection);
        expect(a).toBe(b);
      }),
      runs(10),
    );
  });

  it("one node at time 0: the 30-min band is the access disk (radius 15 km/h × 0.5 h / 1.3)", () => {
    const nodes = [{ coord: [LON0, LAT0] as LonLat, timeSecs: 0 }];
    const { collection } = polygonIsochrone(nodes, [30, 60], { cellSizeM: 100 });
    const rKm = (15 * 0.5) / 1.3;
    const disk = Math.PI * rKm * rKm;
    // maxAccessMin = 30 caps both bands at the same disk.
    for (const f of collection.features) expect(f.properties.areaKm2 / disk).toBeCloseTo(1, 1);
    const twoHours = polygonIsochrone(nodes, [30, 60], { cellSizeM: 100, access: { maxAccessMin: 60 } });
    const f60 = twoHours.collection.features.find((f) => f.properties.cutoffMin === 60)!;
    expect(f60.properties.areaKm2 / (4 * disk)).toBeCloseTo(1, 1);
  });

  it("counts the population of places inside each band, null when none is known", () => {
    const nodes = [{ coord: [LON0, LAT0] as LonLat, timeSecs: 0 }];
    const near: LonLat = [LON0 + 0.01, LAT0];
    const far: LonLat = [LON0 + 1, LAT0];
    const withPop = polygonIsochrone(nodes, [30], {
      places: [{ coord: near, population: 1000 }, { coord: far, population: 5 }, { coord: near }],
      properties: { scenario: "s" },
    });
    expect(withPop.collection.features[0]!.properties.populationCovered).toBe(1000);
    expect(withPop.collection.features[0]!.properties["scenario"]).toBe("s");
    const none = polygonIsochrone(nodes, [30], { places: [{ coord: near }] });
    expect(none.collection.features[0]!.properties.populationCovered).toBeNull();
  });

  it("with nothing reached, every band is an empty MultiPolygon of area 0", () => {
    const { collection } = polygonIsochrone([{ coord: [LON0, LAT0], timeSecs: 7200 }], [30, 60]);
    for (const f of collection.features) {
      expect(f.geometry.coordinates).toEqual([]);
      expect(f.properties.areaKm2).toBe(0);
    }
  });

  it("orders features largest cutoff first and rejects bad cutoffs", () => {
    const { collection } = polygonIsochrone([{ coord: [LON0, LAT0], timeSecs: 0 }], [60, 30, 45]);
    expect(collection.features.map((f) => f.properties.cutoffMin)).toEqual([60, 45, 30]);
    expect(() => polygonIsochrone([], [])).toThrow(IsochroneError);
    expect(() => polygonIsochrone([], [30, -5])).toThrow(/cutoffsMin\[1\]/);
  });
});

describe("isochroneDifference(nodesA, nodesB, cutoffsMin)", () => {
  it("gained area covers exactly the samples within the cutoff in B and not in A", () => {
    fc.assert(
      fc.property(nodesArb, nodesArb, (ra, rb) => {
        const d = isochroneDifference(toNodes(ra), toNodes(rb), [45], OPTS);
        const g = d.a.surface.grid;
        const gained = d.gained.features[0]!.geometry.coordinates;
        const lost = d.lost.features[0]!.geometry.coordinates;
        for (let j = 0; j < g.height; j++) {
          for (let i = 0; i < g.width; i++) {
            const k = i + j * g.width;
            const inA = d.a.surface.timesSecs[k]! <= 2700;
            const inB = d.b.surface.timesSecs[k]! <= 2700;
            const p = gridCellCentre(g, i, j);
            expect(pointInMultiPolygon(p, gained)).toBe(inB && !inA);
            expect(pointInMultiPolygon(p, lost)).toBe(inA && !inB);
          }
        }
      }),
      runs(15),
    );
  });
});

describe("contourAtMost(grid, values, threshold, edge, tracer)", () => {
  const canonical = (coords: LonLat[][][]): string =>
    coords
      .map((poly) =>
        poly
          .map((ring) => {
            const open = ring.slice(0, -1).map((p) => p.join(","));
            let k = 0;
            for (let i = 1; i < open.length; i++) if (open[i]! < open[k]!) k = i;
            return [...open.slice(k), ...open.slice(0, k)].join(" ");
          })
          .map((r, i) => (i === 0 ? `E ${r}` : r))
          .sort()
          .join(" / "),
      )
      .sort()
      .join(" | ");

  it("the linear tracer and d3-contour give the same polygons, holes included", () => {
    fc.assert(
      fc.property(nodesArb, fc.integer({ min: 5, max: 90 }), (raw, cutoffMin) => {
        const s = travelTimeSurface(toNodes(raw), 90 * 60, OPTS);
        const edge = { headroom: s.headroomSecs, perCell: s.secsPerCell };
        const a = contourAtMost(s.grid, s.timesSecs, cutoffMin * 60, edge, "linear");
        const b = contourAtMost(s.grid, s.timesSecs, cutoffMin * 60, edge, "d3");
        expect(canonical(a)).toBe(canonical(b));
      }),
      runs(60),
    );
  });

  it("random boolean fields: same rings as d3-contour, each hole inside its own exterior", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.array(fc.boolean(), { minLength: 144, maxLength: 144 }), (w, h, bits) => {
        const grid = gridFromBBox([LON0, LAT0, LON0 + 0.01 * w, LAT0 + 0.01 * h], { cellSizeM: (0.01 * EARTH_RADIUS_M * Math.PI) / 180 });
        const values = Float64Array.from({ length: grid.width * grid.height }, (_, k) => (bits[k % 144] ? 0 : 1));
        const a = contourAtMost(grid, values, 0.5, undefined, "linear");
        expect(canonical(a)).toBe(canonical(contourAtMost(grid, values, 0.5, undefined, "d3")));
        for (const poly of a) for (const hole of poly.slice(1)) expect(pointInMultiPolygon(hole[0]!, [[poly[0]!]])).toBe(true);
        for (let j = 0; j < grid.height; j++) {
          for (let i = 0; i < grid.width; i++) {
            expect(pointInMultiPolygon(gridCellCentre(grid, i, j), a)).toBe(values[i + j * grid.width] === 0);
          }
        }
      }),
      runs(300),
    );
  });

  it("traces a hole as a clockwise ring inside a counter-clockwise exterior", () => {
    const grid = gridFromBBox([LON0, LAT0, LON0 + 0.05, LAT0 + 0.05], { cellSizeM: 1000 });
    const values = new Float64Array(grid.width * grid.height).fill(0);
    const mid = Math.floor(grid.width / 2) + Math.floor(grid.height / 2) * grid.width;
    values[mid] = 10;
    const coords = contourAtMost(grid, values, 5);
    expect(coords).toHaveLength(1);
    expect(coords[0]).toHaveLength(2);
    expect(rfc7946Problems({ type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: coords } })).toEqual([]);
  });
});

describe("multiPolygonAreaKm2(coordinates)", () => {
  const square = (w: number, s: number, size: number): LonLat[] => [
    [w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s],
  ];
  it("matches the spherical area of a 0.1° lon/lat square, R²·Δλ·(sin φ2 − sin φ1)", () => {
    for (const lat of [0, 29, 60]) {
      const rad = Math.PI / 180;
      const want = (EARTH_RADIUS_M / 1000) ** 2 * 0.1 * rad * (Math.sin((lat + 0.1) * rad) - Math.sin(lat * rad));
      const ccw = square(106, lat, 0.1);
      expect(multiPolygonAreaKm2([[ccw]]) / want).toBeCloseTo(1, 5);
      // Orientation-independent, and a hole is subtracted.
      expect(multiPolygonAreaKm2([[[...ccw].reverse()]]) / want).toBeCloseTo(1, 5);
      const hole = [...square(106.025, lat + 0.025, 0.05)].reverse();
      expect(multiPolygonAreaKm2([[ccw, hole]]) / (want * 0.75)).toBeCloseTo(1, 3);
    }
  });
});

describe("isochroneBands(surface, cutoffsMin)", () => {
  it("bands from a surface equal polygonIsochrone's", () => {
    const nodes: TimedNode[] = [{ coord: [LON0, LAT0], timeSecs: 0 }, { coord: [LON0 + 0.1, LAT0], timeSecs: 600 }];
    const { collection, surface } = polygonIsochrone(nodes, [15, 30]);
    expect(isochroneBands(surface, [30, 15])).toEqual(collection);
  });
});
