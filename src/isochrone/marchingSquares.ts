/**
 * Marching squares over a boolean grid, tracing the boundary of `{ inside }` into polygons with
 * holes in linear time. Same frame as d3-contour: sample `(i, j)` at `(i + 0.5, j + 0.5)`, crossings
 * at the midpoints of the edges between samples, the grid padded with outside samples so every
 * ring closes. Unlike d3-contour, holes are assigned to their polygons by a row scan instead of a
 * point-in-polygon test against every polygon (quadratic when a surface has thousands of holes).
 */

/**
 * For each of the 16 corner cases of a cell (bit k = corner k inside; corners clockwise on screen
 * from top-left, edge k from corner k to corner k + 1: top, right, bottom, left), the crossings it
 * links as pairs [from edge, to edge]: each in→out crossing (clockwise) links to the out→in
 * crossing before it, so every crossing starts one segment and ends one and rings chain; in a
 * saddle this cuts off each inside corner on its own, as d3-contour does.
 */
const CELL_LINKS: readonly (readonly number[])[] = Array.from({ length: 16 }, (_, corners) => {
  const c = (k: number) => (corners >> (k & 3)) & 1;
  const links: number[] = [];
  for (let k = 0; k < 4; k++) {
    if (!(c(k) && !c(k + 1))) continue;
    for (let s = 1; s < 4; s++) {
      const m = (k - s) & 3;
      if (!c(m) && c(m + 1)) {
        links.push(k, m);
        break;
      }
    }
  }
  return links;
});

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

  // The samples padded with one ring of outside samples, so that corner lookups need no bounds
  // tests: sample (i, j) sits at (i + 1) + (j + 1)·pw.
  const pw = width + 2;
  const pad = new Uint8Array(pw * (height + 2));
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) if (inside[i + j * width]) pad[i + 1 + (j + 1) * pw] = 1;
  }
  const next = new Int32Array(edgeCount).fill(-1);
  const e = [0, 0, 0, 0];
  for (let j = -1; j < height; j++) {
    let p = (j + 1) * pw; // padded index of the cell's top-left corner (i = -1)
    for (let i = -1; i < width; i++, p++) {
      // Corners clockwise on screen (y down): top-left, top-right, bottom-right, bottom-left.
      const corners = pad[p]! | (pad[p + 1]! << 1) | (pad[p + 1 + pw]! << 2) | (pad[p + pw]! << 3);
      if (corners === 0 || corners === 15) continue;
      e[0] = (j + 1) * hw + (i + 1);
      e[1] = hCount + (j + 1) * vw + (i + 2);
      e[2] = (j + 2) * hw + (i + 1);
      e[3] = hCount + (j + 1) * vw + (i + 1);
      const links = CELL_LINKS[corners]!;
      for (let l = 0; l < links.length; l += 2) next[e[links[l]!]!] = e[links[l + 1]!]!;
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
    let p = point(id);
    do {
      ringOf[id] = r;
      const nextId = next[id]!;
      // Each crossing's point is made once and serves as the end of one step and the start of the next.
      const q = nextId === start ? (ring[0] ?? p) : point(nextId);
      area2 += p[0] * q[1] - q[0] * p[1];
      if (id < hCount && p[0] < leftX) {
        leftX = p[0];
        left = id;
      }
      ring.push(p);
      p = q;
      id = nextId;
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
