/** Benchmark inputs: seeded road-like grids, DIMACS files, and the binary format the children read. */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

/** A directed arc list with whole-unit costs (seconds for grids, the file's units for DIMACS). */
export interface ArcList {
  name: string;
  nodeCount: number;
  from: Int32Array;
  to: Int32Array;
  cost: Int32Array;
  /** Node positions, flattened [x0, y0, x1, y1, …], when the graph has them (grids). */
  coordinates?: Float64Array;
}

/** The library's seeded PRNG (mulberry32), so every run makes the same graphs and a failing seed replays. */
import { mulberry32 } from "../src/util/random.js";
export const prng = mulberry32;

/**
 * A `side x side` grid road network: each neighbour pair joined by two arcs with independent
 * whole-second costs in 30..300, plus "expressways" from 2 % of the nodes: an arc pair to a node
 * 5..20 steps along a row or column, at 10..20 s per step (far faster than the local roads'
 * ~165 s per step, so shortest paths use them).
 */
export function roadGrid(side: number, seed: number): ArcList {
  const rand = prng(seed);
  const n = side * side;
  const shortcuts = Math.round(n * 0.02);
  const cap = 4 * n + 2 * shortcuts;
  const from = new Int32Array(cap);
  const to = new Int32Array(cap);
  const cost = new Int32Array(cap);
  let m = 0;
  const arc = (u: number, v: number, c: number) => {
    from[m] = u;
    to[m] = v;
    cost[m] = c;
    m++;
  };
  const local = () => 30 + Math.floor(rand() * 271);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = r * side + c;
      if (c + 1 < side) arc(v, v + 1, local()), arc(v + 1, v, local());
      if (r + 1 < side) arc(v, v + side, local()), arc(v + side, v, local());
    }
  }
  for (let i = 0; i < shortcuts; i++) {
    const u = Math.floor(rand() * n);
    const steps = 5 + Math.floor(rand() * 16);
    const [r, c] = [Math.floor(u / side), u % side];
    const horizontal = rand() < 0.5;
    const r2 = horizontal ? r : Math.min(side - 1, r + steps);
    const c2 = horizontal ? Math.min(side - 1, c + steps) : c;
    const v = r2 * side + c2;
    if (v === u) continue;
    const secs = steps * (10 + Math.floor(rand() * 11));
    arc(u, v, secs);
    arc(v, u, secs);
  }
  const coordinates = new Float64Array(2 * n);
  for (let v = 0; v < n; v++) {
    coordinates[2 * v] = v % side;
    coordinates[2 * v + 1] = Math.floor(v / side);
  }
  const name = `grid ${n >= 1e6 ? `${n / 1e6}M` : `${Math.round(n / 1e3)}k`} (${side}x${side})`;
  return { name, nodeCount: n, from: from.subarray(0, m), to: to.subarray(0, m), cost: cost.subarray(0, m), coordinates };
}

/** Arcs of a DIMACS `.gr`/`.gr.gz` file (0-based), for the peers that cannot read it themselves. */
export async function dimacsArcs(path: string, name: string): Promise<ArcList> {
  const stream = path.endsWith(".gz") ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  let n = 0;
  let m = 0;
  let from = new Int32Array(0);
  let to = new Int32Array(0);
  let cost = new Int32Array(0);
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (line.startsWith("a ")) {
      const [, u, v, w] = line.split(/\s+/);
      from[m] = Number(u) - 1;
      to[m] = Number(v) - 1;
      cost[m] = Number(w);
      m++;
    } else if (line.startsWith("p ")) {
      const parts = line.trim().split(/\s+/);
      n = Number(parts[2]);
      const count = Number(parts[3]);
      from = new Int32Array(count);
      to = new Int32Array(count);
      cost = new Int32Array(count);
    }
  }
  return { name, nodeCount: n, from: from.subarray(0, m), to: to.subarray(0, m), cost: cost.subarray(0, m) };
}

/** Writes the binary format read by `impl.ts` and `native/sssp.cpp`: "QWG1", n, m, from, to, cost (int32 LE). */
export function writeArcs(path: string, g: ArcList): void {
  const m = g.from.length;
  const buf = Buffer.alloc(12 + 12 * m);
  buf.write("QWG1", 0, "latin1");
  buf.writeInt32LE(g.nodeCount, 4);
  buf.writeInt32LE(m, 8);
  Buffer.from(g.from.buffer, g.from.byteOffset, 4 * m).copy(buf, 12);
  Buffer.from(g.to.buffer, g.to.byteOffset, 4 * m).copy(buf, 12 + 4 * m);
  Buffer.from(g.cost.buffer, g.cost.byteOffset, 4 * m).copy(buf, 12 + 8 * m);
  writeFileSync(path, buf);
}

export function readArcs(path: string): ArcList {
  const buf = readFileSync(path);
  if (buf.toString("latin1", 0, 4) !== "QWG1") throw new Error(`${path} is not a QWG1 arc file`);
  const n = buf.readInt32LE(4);
  const m = buf.readInt32LE(8);
  // A view, not a copy, when the file's bytes are 4-aligned (always for files this large), so the
  // peak memory of a benchmark process holds the arcs once, as the native program does.
  const offset = buf.byteOffset + 12;
  const ints = offset % 4 === 0 ? new Int32Array(buf.buffer, offset, 3 * m) : new Int32Array(buf.buffer.slice(offset, offset + 12 * m));
  return { name: path, nodeCount: n, from: ints.subarray(0, m), to: ints.subarray(m, 2 * m), cost: ints.subarray(2 * m, 3 * m) };
}

/** The same graph with node `order[i]` renamed `i` (so a program reading it sees that node order). */
export function permuteArcs(g: ArcList, order: ArrayLike<number>): ArcList {
  const position = new Int32Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) position[order[i]!] = i;
  return { ...g, from: g.from.map((v) => position[v]!), to: g.to.map((v) => position[v]!) };
}

/** Float64 list file: count, then values (node coordinates). */
export function writeFloats(path: string, values: ArrayLike<number>): void {
  const buf = Buffer.alloc(8 + 8 * values.length);
  buf.writeInt32LE(values.length, 0);
  for (let i = 0; i < values.length; i++) buf.writeDoubleLE(values[i]!, 8 + 8 * i);
  writeFileSync(path, buf);
}

export function readFloats(path: string): Float64Array {
  const buf = readFileSync(path);
  const k = buf.readInt32LE(0);
  return Float64Array.from({ length: k }, (_, i) => buf.readDoubleLE(8 + 8 * i));
}

/** Int32 list file: count, then values (sources, targets). */
export function writeInts(path: string, values: ArrayLike<number>): void {
  const buf = Buffer.alloc(4 + 4 * values.length);
  buf.writeInt32LE(values.length, 0);
  for (let i = 0; i < values.length; i++) buf.writeInt32LE(values[i]!, 4 + 4 * i);
  writeFileSync(path, buf);
}

export function readInts(path: string): number[] {
  const buf = readFileSync(path);
  const k = buf.readInt32LE(0);
  return Array.from({ length: k }, (_, i) => buf.readInt32LE(4 + 4 * i));
}
