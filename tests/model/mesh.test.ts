import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelError, ShortestPathSearch, compileGraph } from "../../src/index.js";
import { DEFAULT_MESH_TERRAIN, MESH_EDGE_KINDS, buildMesh, meshCosts, type Mesh, type MeshTown } from "../../src/model/mesh.js";
import { haversineKm } from "../../src/util/geo.js";

const RUNS = { seed: 20261204, numRuns: 60 };

type LonLat = readonly [number, number];

/** Points in a 1° × 1° box near Qijiang, rounded to 1e-5° (about 1 m) like the data. */
const point = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
  .map(([x, y]): LonLat => [106 + x / 1e5, 28.5 + y / 1e5]);
const towns = (min: number, max: number) =>
  fc.array(point, { minLength: min, maxLength: max }).map((ps) => ps.map((coord): MeshTown => ({ coord })));

/** The plane the mesh triangulates in, as its documentation states: x = lon·cos φ0, y = lat. */
function plane(ts: readonly MeshTown[]): Array<[number, number]> {
  const lats = ts.map((t) => t.coord[1]);
  const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  return ts.map((t) => [t.coord[0] * k, t.coord[1]]);
}

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const edgeKeys = (m: Mesh, kind?: (typeof MESH_EDGE_KINDS)[number]) =>
  [...m.from.keys()].filter((e) => kind === undefined || MESH_EDGE_KINDS[m.kind[e]!] === kind).map((e) => pairKey(m.from[e]!, m.to[e]!));

/** Components of the towns under the given edges (brute force: repeated BFS). */
function components(n: number, m: Mesh, keep: (e: number) => boolean): number {
  const adj = Array.from({ length: n }, () => [] as number[]);
  for (let e = 0; e < m.edgeCount; e++) {
    if (!keep(e) || m.from[e]! >= n || m.to[e]! >= n) continue;
    adj[m.from[e]!]!.push(m.to[e]!);
    adj[m.to[e]!]!.push(m.from[e]!);
  }
  const seen = new Uint8Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    count++;
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) for (const v of adj[stack.pop()!]!) if (!seen[v]) (seen[v] = 1), stack.push(v);
  }
  return count;
}

/** Brute-force Delaunay edges: pairs that belong to a triangle whose circumcircle holds no other point. */
function bruteDelaunay(p: ReadonlyArray<readonly [number, number]>): Set<string> {
  const out = new Set<string>();
  const n = p.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      for (let k = j + 1; k < n; k++) {
        const [ax, ay] = p[i]!;
        const [bx, by] = p[j]!;
        const [cx, cy] = p[k]!;
        const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
        if (Math.abs(d) < 1e-12) continue; // collinear triple: no circle
        const ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
        const uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
        const r2 = (ax - ux) ** 2 + (ay - uy) ** 2;
        let empty = true;
        for (let m = 0; m < n && empty; m++)
          if (m !== i && m !== j && m !== k && (p[m]![0] - ux) ** 2 + (p[m]![1] - uy) ** 2 < r2 * (1 - 1e-9)) empty = false;
        if (empty) for (const [a, b] of [[i, j], [j, k], [i, k]] as const) out.add(pairKey(a, b));
      }
  return out;
}

describe("buildMesh(towns, anchors, options)", () => {
  it("neighbour edges are exactly the Delaunay edges (brute-force empty-circle oracle) when nothing is capped", () => {
    fc.assert(
      fc.property(towns(3, 11), (ts) => {
        const p = plane(ts);
        const distinct = new Set(p.map((q) => q.join())).size === p.length;
        const brute = bruteDelaunay(p);
        fc.pre(distinct && brute.size > 0);
        const mesh = buildMesh(ts, [], { maxEdgeKm: Infinity });
        expect(new Set(edgeKeys(mesh, "neighbour"))).toEqual(brute);
        expect(edgeKeys(mesh, "bridge")).toEqual([]);
      }),
      RUNS,
    );
  });

  it("every town is connected, the cap holds for neighbour edges, and each bridge is needed", () => {
    // Two clusters far apart plus stragglers, so that the cap splits them and bridges must join them.
    const clustered = fc
      .tuple(towns(1, 25), towns(1, 25), towns(0, 4))
      .map(([a, b, c]) => [...a, ...b.map((t) => ({ coord: [t.coord[0] + 3, t.coord[1]] as const })), ...c.map((t) => ({ coord: [t.coord[0] - 2, t.coord[1] + 1.5] as const }))]);
    fc.assert(
      fc.property(clustered, fc.integer({ min: 0, max: 40 }), (ts, capKm) => {
        const mesh = buildMesh(ts, [], { maxEdgeKm: capKm });
        expect(components(ts.length, mesh, () => true)).toBe(1);
        for (let e = 0; e < mesh.edgeCount; e++) {
          if (MESH_EDGE_KINDS[mesh.kind[e]!] === "neighbour") expect(mesh.crowKm[e]).toBeLessThanOrEqual(capKm);
          else expect(mesh.crowKm[e]).toBeGreaterThan(capKm);
        }
        const bridges = edgeKeys(mesh, "bridge").length;
        expect(components(ts.length, mesh, (e) => MESH_EDGE_KINDS[mesh.kind[e]!] !== "bridge")).toBe(bridges + 1);
      }),
      RUNS,
    );
  });

  it("every town's nearest other town is a neighbour when it lies within the cap (brute force)", () => {
    fc.assert(
      fc.property(towns(2, 60), (ts) => {
        const mesh = buildMesh(ts, [], { maxEdgeKm: 20 });
        const keys = new Set(edgeKeys(mesh));
        const p = plane(ts);
        ts.forEach((_, i) => {
          let best = -1;
          let bestD = Infinity;
          p.forEach((q, j) => {
            const d = (q[0] - p[i]![0]) ** 2 + (q[1] - p[i]![1]) ** 2;
            if (j !== i && d < bestD) (bestD = d), (best = j);
          });
          const tied = p.filter((q, j) => j !== i && (q[0] - p[i]![0]) ** 2 + (q[1] - p[i]![1]) ** 2 === bestD).length > 1;
          if (!tied && haversineKm(ts[i]!.coord, ts[best]!.coord) <= 20) expect(keys.has(pairKey(i, best)), `${i}→${best}`).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("edges are simple and symmetric: no loops or repeated pairs, and times agree in both directions", () => {
    fc.assert(
      fc.property(towns(2, 40), fc.array(point, { maxLength: 4 }), (ts, anchors) => {
        const mesh = buildMesh(ts, anchors);
        const keys = edgeKeys(mesh);
        expect(new Set(keys).size).toBe(keys.length);
        expect([...mesh.from.keys()].every((e) => mesh.from[e] !== mesh.to[e])).toBe(true);
        const g = compileGraph({ nodeCount: mesh.nodeCount, from: mesh.from, to: mesh.to, costSecs: mesh.secs, directed: false });
        const s = new ShortestPathSearch(g);
        const last = mesh.nodeCount - 1;
        const fromFirst = Float64Array.from(s.oneToAll(0));
        const fromLast = s.oneToAll(last);
        expect(fromLast[0]).toBeCloseTo(fromFirst[last]!, 6);
      }),
      RUNS,
    );
  });

  it("lengths are great circle × the ends' mean detour, never shorter than the great circle; times follow the ends' classes", () => {
    const terrain = { hill: { speedKmh: 30, detourFactor: 1.5 }, plain: { speedKmh: 60, detourFactor: 1.1 } };
    fc.assert(
      fc.property(towns(2, 30), fc.array(fc.constantFrom("hill", "plain", null), { minLength: 30, maxLength: 30 }), (ts, classes) => {
        const withClass = ts.map((t, i) => ({ coord: t.coord, terrain: classes[i]! }));
        const mesh = buildMesh(withClass, [], { terrain, maxEdgeKm: 25 });
        const par = (i: number) => (withClass[i]!.terrain === null ? DEFAULT_MESH_TERRAIN : terrain[withClass[i]!.terrain as "hill" | "plain"]);
        for (let e = 0; e < mesh.edgeCount; e++) {
          const a = par(mesh.from[e]!);
          const b = par(mesh.to[e]!);
          const crow = haversineKm(ts[mesh.from[e]!]!.coord, ts[mesh.to[e]!]!.coord);
          expect(mesh.crowKm[e]).toBeCloseTo(crow, 9);
          expect(mesh.lengthKm[e]).toBeGreaterThanOrEqual(crow);
          expect(mesh.lengthKm[e]).toBeCloseTo((crow * (a.detourFactor + b.detourFactor)) / 2, 9);
          expect(mesh.secs[e]).toBeCloseTo(((crow / 2) * (a.detourFactor / a.speedKmh + b.detourFactor / b.speedKmh)) * 3600, 6);
        }
      }),
      RUNS,
    );
  });

  it("an anchor joins its k nearest towns within anchorMaxKm (brute force), or is listed as unattached", () => {
    fc.assert(
      fc.property(towns(1, 40), fc.array(point, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 }), (ts, anchors, k, maxKm) => {
        const mesh = buildMesh(ts, anchors, { anchorTowns: k, anchorMaxKm: maxKm });
        const p = plane(ts);
        const lats = ts.map((t) => t.coord[1]);
        const kx = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
        const firstAt = new Map<string, number>();
        p.forEach((q, i) => firstAt.has(q.join()) || firstAt.set(q.join(), i));
        anchors.forEach((a, j) => {
          const got = [...mesh.from.keys()].filter((e) => mesh.from[e] === ts.length + j).map((e) => mesh.to[e]!);
          // Expected: the k nearest distinct positions (first town at each), then the cap.
          const d = (i: number) => (p[i]![0] - a[0] * kx) ** 2 + (p[i]![1] - a[1]) ** 2;
          const order = [...firstAt.values()].sort((x, y) => d(x) - d(y) || x - y);
          const tie = order.length > k && d(order[k - 1]!) === d(order[k]!);
          const want = order.slice(0, k).filter((i) => haversineKm(a, ts[i]!.coord) <= maxKm);
          if (!tie) expect(got.sort((x, y) => x - y)).toEqual(want.sort((x, y) => x - y));
          expect(mesh.unattachedAnchors.includes(j)).toBe(got.length === 0);
          for (const e of [...mesh.from.keys()].filter((e) => mesh.from[e] === ts.length + j)) expect(MESH_EDGE_KINDS[mesh.kind[e]!]).toBe("anchor");
        });
      }),
      RUNS,
    );
  });

  it("meshCosts recomputes the costs for new terrain parameters without changing the topology", () => {
    const ts = [0, 1, 2, 3, 4, 5].map((i): MeshTown => ({ coord: [106 + 0.05 * i, 29 + 0.03 * (i % 2)], terrain: i < 3 ? "a" : null }));
    const mesh = buildMesh(ts, [[106.12, 29.02]], { terrain: { a: { speedKmh: 30, detourFactor: 1.4 } } });
    const same = meshCosts(mesh, ts, { terrain: { a: { speedKmh: 30, detourFactor: 1.4 } } });
    expect(same.secs).toEqual(mesh.secs);
    expect(same.lengthKm).toEqual(mesh.lengthKm);
    // Doubling every speed halves every time and keeps every length.
    const fast = meshCosts(mesh, ts, { terrain: { a: { speedKmh: 60, detourFactor: 1.4 } }, defaultTerrain: { speedKmh: 80, detourFactor: 1.3 } });
    fast.secs.forEach((s, e) => expect(s).toBeCloseTo(mesh.secs[e]! / 2, 9));
    expect(fast.lengthKm).toEqual(mesh.lengthKm);
    expect(() => meshCosts(mesh, ts.slice(1))).toThrow(ModelError);
  });

  it("degenerate inputs: no town, one town, copies at one spot, a straight line", () => {
    const none = buildMesh([], [[106, 29]]);
    expect([none.edgeCount, none.nodeCount, none.unattachedAnchors]).toEqual([0, 1, [0]]);
    const one = buildMesh([{ coord: [106, 29] }], [[106.01, 29]]);
    expect([...one.from]).toEqual([1]);
    expect([...one.to]).toEqual([0]);
    const copies = buildMesh([{ coord: [106, 29] }, { coord: [106.1, 29] }, { coord: [106, 29] }]);
    expect(new Set(edgeKeys(copies))).toEqual(new Set(["0-1", "0-2"]));
    expect(copies.crowKm[edgeKeys(copies).indexOf("0-2")]).toBe(0);
    const line = buildMesh([3, 0, 4, 1, 2].map((i): MeshTown => ({ coord: [106 + 0.1 * i, 29 + 0.05 * i] })));
    expect(new Set(edgeKeys(line))).toEqual(new Set(["1-3", "3-4", "0-4", "0-2"]));
  });

  it("rejects what it cannot use, naming the input", () => {
    const ts: MeshTown[] = [{ coord: [106, 29], terrain: "hil" }, { coord: [106.1, 29] }];
    expect(() => buildMesh(ts, [], { terrain: { hill: { speedKmh: 30, detourFactor: 1.4 } } })).toThrow(/towns\[0\]\.terrain: unknown terrain class "hil"; did you mean "hill"\?/);
    expect(() => buildMesh(ts.slice(1), [], { defaultTerrain: { speedKmh: 30, detourFactor: 0.9 } })).toThrow(/detourFactor must be >= 1/);
    expect(() => buildMesh(ts.slice(1), [], { defaultTerrain: { speedKmh: 0, detourFactor: 1.2 } })).toThrow(ModelError);
    expect(() => buildMesh([{ coord: [29, 106] }])).toThrow(/towns\[0\]\.coord \[29,106\]/);
    expect(() => buildMesh(ts.slice(1), [[Number.NaN, 29]])).toThrow(/anchors\[0\]/);
    expect(() => buildMesh(ts.slice(1), [], { anchorTowns: 0 })).toThrow(/anchorTowns/);
  });
});

describe("docs/network-format-towns.md", () => {
  it("states the generic defaults the code uses", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../../docs/network-format-towns.md", import.meta.url), "utf8");
    expect(text).toContain(`| speed | ${DEFAULT_MESH_TERRAIN.speedKmh} km/h |`);
    expect(text).toContain(`| detour factor | ${DEFAULT_MESH_TERRAIN.detourFactor} |`);
    // The documented option defaults, checked against what buildMesh does when they are omitted.
    const ts: MeshTown[] = [{ coord: [106, 29] }, { coord: [106.31, 29] }, { coord: [106.62, 29] }, { coord: [106.1, 29.001] }];
    expect(text).toContain("(default **30 km**)");
    const mesh = buildMesh(ts, [[106.0, 29.26], [106.0, 29.29]]);
    // Towns 1 and 2 are 30.2 km apart: beyond the 30 km cap, so joined as a bridge.
    expect(MESH_EDGE_KINDS[mesh.kind[edgeKeys(mesh).indexOf("1-2")]!]).toBe("bridge");
    // The first anchor is 28.9 km from town 0 (and over 30 km from the others), the second 32.2 km.
    expect(mesh.unattachedAnchors).toEqual([1]);
    expect(text).toContain("(default **3**)");
  });
});
