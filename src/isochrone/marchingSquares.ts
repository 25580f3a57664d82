/**
 * Marching squares over a boolean grid, tracing the boundary of `{ inside }` into polygons with
 * holes in linear time. Same frame as d3-contour: sample `(i, j)` at `(i + 0.5, j + 0.5)`, crossings
 * at the midpoints of the edges between samples, the grid padded with outside samples so every
 * ring closes. Unlike d3-contour, holes are assigned to their polygons by a row scan instead of a
 * point-in-polygon test against every polygon (quadratic when a surface has thousands of holes).
 */

/** Polygons of rings of `[x, y]` grid points, exterior ring first; rings closed. */
export type GridPolygons = [number, number][][][];

/**
 * Traces the regions where `inside[i + j·width]` is non-zero. Saddle squares (two diagonal inside
 * corners) keep the two inside corners apart, as d3-contour does, so both give the same rings. Ring orientation: exteriors and holes
 * wind opposite ways (callers re-orient after projection).
 */
export function traceRegions(width: number, height: number, inside: Uint8Array): GridPolygons {
  // Edge ids: H(i, j) joins samples (i, j)–(i+1, j), i in [-1, width-1], j in [-1, height];
  // V(i, j) joins (i, j)–(i, j+1), i in [-1, width], j in [-1, height-1].
  const hw = width + 1;
  const hCount = hw * (height + 2);
  const vw = width + 2;
  const edgeCount = hCount + vw * (height + 1);
  const hId = (i: number, j: number) => (j + 1) * hw + (i + 1);
  const vId = (i: number, j: number) => hCount + (j + 1) * vw + (i + 1);
  const at = (i: number, j: number) => (i >= 0 && j >= 0 && i < width && j < height ? inside[i + j * width]! : 0);

  const next = new Int32Array(edgeCount).fill(-1);
  const e = [0, 0, 0, 0];
  const c = [0, 0, 0, 0];
  for (let j = -1; j < height; j++) {
    for (let i = -1; i < width; i++) {
      // Corners clockwise on screen (y down): top-left, top-right, bottom-right, bottom-left;
      // edge k runs from corner k to corner k+1: top, right, bottom, left.
      c[0] = at(i, j);
      c[1] = at(i + 1, j);
      c[2] = at(i + 1, j + 1);
      c[3] = at(i, j + 1);
      const sum = c[0]! + c[1]! + c[2]! + c[3]!;
      if (sum === 0 || sum === 4) continue;
      e[0] = hId(i, j);
      e[1] = vId(i + 1, j);
      e[2] = hId(i, j + 1);
      e[3] = vId(i, j);
      // Each in→out crossing (clockwise) links to the out→in crossing before it: every crossing
      // starts one segment and ends one, so rings chain; in a saddle this cuts off each inside
      // corner on its own, as d3-contour does.
      for (let k = 0; k < 4; k++) {
        if (!(c[k] && !c[(k + 1) & 3])) continue;
        for (let s = 1; s < 4; s++) {
          const m = (k - s) & 3;
          if (!c[m] && c[(m + 1) & 3]) {
            next[e[k]!] = e[m]!;
            break;
          }
        }
      }
    }
  }

  const point = (id: number): [number, number] => {
    if (id < hCount) return [(id % hw) - 1 + 1, Math.floor(id / hw) - 1 + 0.5];
    const v = id - hCount;
    return [(v % vw) - 1 + 0.5, Math.floor(v / vw) - 1 + 1];
  };

  const ringOf = new Int32Array(edgeCount).fill(-1);
  const rings: [number, number][][] = [];
  const exterior: boolean[] = [];
  const leftmost: number[] = []; // H edge id of the ring's leftmost H crossing
  for (let start = 0; start < edgeCount; start++) {
    if (next[start] === -1 || ringOf[start] !== -1) continue;
    const r = rings.length;
    const ring: [number, number][] = [];
    let area2 = 0;
    let left = -1;
    let leftX = Infinity;
    let id = start;
    do {
      ringOf[id] = r;
      const p = point(id);
      const q = point(next[id]!);
      area2 += p[0] * q[1] - q[0] * p[1];
      if (id < hCount && p[0] < leftX) {
        leftX = p[0];
        left = id;
      }
      ring.push(p);
      id = next[id]!;
    } while (id !== start);
    ring.push(ring[0]!);
    rings.push(ring);
    // With inside on the right of travel in screen coordinates, exteriors have positive shoelace sums.
    exterior.push(area2 > 0);
    leftmost.push(left);
  }

  const polygonOf = new Int32Array(rings.length).fill(-1);
  const polygons: GridPolygons = [];
  rings.forEach((ring, r) => {
    if (exterior[r]) {
      polygonOf[r] = polygons.length;
      polygons.push([ring]);
    }
  });
  // A hole's leftmost crossing has an inside sample on its left; the inside run that continues
  // leftwards ends at a crossing of a ring bounding the same region: its exterior, or a hole
  // further left whose polygon is already known (holes are processed left to right).
  const holes = rings.map((_, r) => r).filter((r) => !exterior[r]);
  holes.sort((a, b) => point(leftmost[a]!)[0] - point(leftmost[b]!)[0] || a - b);
  for (const h of holes) {
    const id = leftmost[h]!;
    const j = Math.floor(id / hw) - 1;
    let m = (id % hw) - 1; // the inside sample left of the crossing is (m, j)
    while (m - 1 >= 0 && inside[m - 1 + j * width]) m--;
    const r = ringOf[hId(m - 1, j)]!;
    const p = polygonOf[r]!;
    polygonOf[h] = p;
    polygons[p]!.push(rings[h]!);
  }
  return polygons;
}
