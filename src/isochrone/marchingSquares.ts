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
 * Working buffers reused from call to call (tracing is synchronous, so one set suffices): a fresh
 * megabyte-sized typed array per band made V8 run a scavenge for "external memory pressure" every
 * few calls, which cost more than the tracing itself.
 */
const scratch = {
  byteBuffer: new Uint8Array(0),
  intBuffer: new Int32Array(0),
  bytes(length: number): Uint8Array {
    if (this.byteBuffer.length < length) this.byteBuffer = new Uint8Array(length);
    return this.byteBuffer.subarray(0, length);
  },
  ints(length: number): Int32Array {
    if (this.intBuffer.length < length) this.intBuffer = new Int32Array(length);
    return this.intBuffer.subarray(0, length);
  },
};

/**
 * Crossing ids on the padded grid. H(i, j) joins samples (i, j)–(i+1, j), i in [-1, width-1],
 * j in [-1, height]; V(i, j) joins (i, j)–(i, j+1), i in [-1, width], j in [-1, height-1].
 */
class Edges {
  readonly hw: number;
  readonly vw: number;
  readonly hCount: number;
  readonly count: number;
  constructor(width: number, height: number) {
    this.hw = width + 1;
    this.vw = width + 2;
    this.hCount = this.hw * (height + 2);
    this.count = this.hCount + this.vw * (height + 1);
  }
  h(i: number, j: number): number {
    return (j + 1) * this.hw + (i + 1);
  }
  /** The crossing's point in grid coordinates (sample (i, j) at (i + 0.5, j + 0.5)). */
  point(id: number): [number, number] {
    if (id < this.hCount) return [id % this.hw, Math.floor(id / this.hw) - 0.5];
    const v = id - this.hCount;
    return [(v % this.vw) - 0.5, Math.floor(v / this.vw)];
  }
}

/**
 * Traces the regions where `inside[i + j·width]` is non-zero. Saddle squares (two diagonal inside
 * corners) keep the two inside corners apart, as d3-contour does, so both give the same rings.
 * Ring orientation: exteriors and holes wind opposite ways (callers re-orient after projection).
 * The three phases are separate functions so that V8 optimises each on its own (one function
 * holding all three was deoptimised and re-optimised over and over as each phase was reached).
 */
export function traceRegions(width: number, height: number, inside: Uint8Array): GridPolygons {
  const edges = new Edges(width, height);
  const next = linkCrossings(width, height, inside, edges);
  const traced = traceRings(next, edges);
  return assignHoles(width, inside, edges, next, traced);
}

/** `next[id]`: the crossing that follows crossing `id` along its ring (-1: no crossing). */
function linkCrossings(width: number, height: number, inside: Uint8Array, edges: Edges): Int32Array {
  const { hw, vw, hCount } = edges;
  // The samples padded with one ring of outside samples, so that corner lookups need no bounds
  // tests: sample (i, j) sits at (i + 1) + (j + 1)·pw.
  const pw = width + 2;
  const pad = scratch.bytes(pw * (height + 2));
  pad.fill(0);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) if (inside[i + j * width]) pad[i + 1 + (j + 1) * pw] = 1;
  }
  const next = scratch.ints(edges.count);
  next.fill(-1);
  const e = [0, 0, 0, 0];
  for (let j = -1; j < height; j++) {
    let p = (j + 1) * pw; // padded index of the cell's top-left corner (i = -1)
    // Corners clockwise on screen (y down): top-left, top-right, bottom-right, bottom-left (bits
    // 0–3). A cell's left corners are the previous cell's right ones, so each step reads two.
    let right = (pad[p]! << 1) | (pad[p + pw]! << 2); // as if the column at i = -1 were a right side
    for (let i = -1; i < width; i++, p++) {
      const left = ((right >> 1) & 1) | ((right << 1) & 8);
      right = (pad[p + 1]! << 1) | (pad[p + 1 + pw]! << 2);
      const corners = left | right;
      if (corners === 0 || corners === 15) continue;
      e[0] = (j + 1) * hw + (i + 1);
      e[1] = hCount + (j + 1) * vw + (i + 2);
      e[2] = (j + 2) * hw + (i + 1);
      e[3] = hCount + (j + 1) * vw + (i + 1);
      const links = CELL_LINKS[corners]!;
      for (let l = 0; l < links.length; l += 2) next[e[links[l]!]!] = e[links[l + 1]!]!;
    }
  }
  return next;
}

interface Traced {
  rings: [number, number][][];
  exterior: boolean[];
  /** Per ring, the id of its leftmost H crossing. */
  leftmost: number[];
}

/**
 * Follows every ring once. Afterwards next[id] of each of its crossings is -2 - ring, so one array
 * marks both "visited" and "which ring".
 */
function traceRings(next: Int32Array, edges: Edges): Traced {
  const { hCount } = edges;
  const rings: [number, number][][] = [];
  const exterior: boolean[] = [];
  const leftmost: number[] = [];
  for (let start = 0; start < edges.count; start++) {
    if (next[start]! < 0) continue;
    const r = rings.length;
    const ring: [number, number][] = [];
    let area2 = 0;
    let left = -1;
    let leftX = Infinity;
    let id = start;
    let p = edges.point(id);
    do {
      const nextId = next[id]!;
      next[id] = -2 - r;
      // Each crossing's point is made once and serves as the end of one step and the start of the next.
      const q = nextId === start ? (ring[0] ?? p) : edges.point(nextId);
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
  return { rings, exterior, leftmost };
}

function assignHoles(width: number, inside: Uint8Array, edges: Edges, next: Int32Array, traced: Traced): GridPolygons {
  const { rings, exterior, leftmost } = traced;
  const { hw } = edges;
  const polygonOf = new Int32Array(rings.length).fill(-1);
  const polygons: GridPolygons = [];
  // Holes in order of the x of their leftmost crossing (an integer for an H crossing), ties by
  // ring index: one numeric key per hole, sorted without a comparator closure (closures made per
  // call kept deoptimising the inlined sort).
  const keys: number[] = [];
  for (let r = 0; r < rings.length; r++) {
    if (exterior[r]) {
      polygonOf[r] = polygons.length;
      polygons.push([rings[r]!]);
    } else keys.push(edges.point(leftmost[r]!)[0] * rings.length + r);
  }
  const holes = Float64Array.from(keys).sort();
  // A hole's leftmost crossing has an inside sample on its left; the inside run that continues
  // leftwards ends at a crossing of a ring bounding the same region: its exterior, or a hole
  // further left whose polygon is already known (holes are processed left to right).
  for (const key of holes) {
    const h = key % rings.length;
    const id = leftmost[h]!;
    const j = Math.floor(id / hw) - 1;
    let m = (id % hw) - 1; // the inside sample left of the crossing is (m, j)
    while (m - 1 >= 0 && inside[m - 1 + j * width]) m--;
    const r = -2 - next[edges.h(m - 1, j)]!; // the ring traceRings recorded there
    const p = polygonOf[r]!;
    polygonOf[h] = p;
    polygons[p]!.push(rings[h]!);
  }
  return polygons;
}
