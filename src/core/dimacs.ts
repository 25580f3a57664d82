import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { CoreError, show } from "./errors.js";
import { checkOptions, compileValidated, type CompileOptions, type CompiledGraph } from "./graph.js";
import { LimitError, LIMITS } from "../limits.js";

/** Shortest arc line, `a 1 2 0` and its line feed: bounds the arcs a file of a given size can hold. */
const MIN_ARC_LINE_BYTES = 8;
/** Deflate's largest compression ratio: bounds the text a `.gz` file of a given size can hold. */
const MAX_GZIP_RATIO = 1032;

/**
 * Reads a shortest-path graph in the 9th DIMACS Challenge `.gr` format (`p sp <nodes> <arcs>`, then
 * one `a <from> <to> <cost>` line per directed arc; `c` lines are comments), plain or gzipped
 * (`.gr.gz`, detected by the name ending in `.gz`). The file is streamed, never held in memory.
 *
 * Node ids are the file's 1-based numbers as strings (`"1"`..`"n"`), so node index `i` has id
 * `String(i + 1)`. Edge id `i` is the `i`-th arc line. Arc costs are taken as seconds.
 * Rejects with {@link CoreError} naming the file and line for a missing or repeated `p` line, a
 * malformed arc line, a node number out of range, a negative cost, an arc count that does not
 * match the `p` line, or a `p` line the file cannot hold (more arcs than it has bytes for, more nodes
 * than its arcs and bytes could name), checked before anything is allocated. Rejects with
 * {@link LimitError} when the `p` line announces more than `LIMITS.graphNodes` nodes.
 */
export async function readDimacs(path: string, options?: CompileOptions): Promise<CompiledGraph> {
  if (typeof path !== "string" || path === "") {
    throw new CoreError(`readDimacs(path): path ${show(path)} must be the file name of a .gr or .gr.gz file`);
  }
  const { queue, reorder } = checkOptions(options, "readDimacs(path, options)");
  const file = createReadStream(path);
  const opened = new Promise<void>((resolve, reject) => {
    file.once("open", () => resolve());
    file.once("error", (error) =>
      reject(new CoreError(`readDimacs(path): cannot read ${show(path)}: ${error.message}`)),
    );
  });
  await opened;
  const bytes = (await stat(path)).size;
  const textBound = path.endsWith(".gz") ? bytes * MAX_GZIP_RATIO : bytes;
  const input = path.endsWith(".gz") ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input, crlfDelay: Infinity });

  let n = -1;
  let m = 0;
  let from = new Int32Array(0);
  let to = new Int32Array(0);
  let cost = new Float64Array(0);
  let arcs = 0;
  let lineNo = 0;
  const fail = (message: string): never => {
    lines.close();
    file.destroy();
    throw new CoreError(`readDimacs: ${path}:${lineNo}: ${message}`);
  };
  try {
    for await (const line of lines) {
      lineNo++;
      const kind = line.charCodeAt(0);
      if (kind === 97 /* a */) {
        if (n < 0) fail(`arc line before the "p sp <nodes> <arcs>" line`);
        const parts = line.split(/\s+/);
        const u = Number(parts[1]);
        const v = Number(parts[2]);
        const w = Number(parts[3]);
        if (parts.length < 4 || !Number.isInteger(u) || !Number.isInteger(v)) fail(`malformed arc line ${show(line)}; expected "a <from> <to> <cost>"`);
        if (u < 1 || u > n || v < 1 || v > n) fail(`node number out of range in ${show(line)}; nodes are 1..${n}`);
        if (!(w >= 0)) fail(`cost ${show(parts[3])} in ${show(line)} is not a number >= 0`);
        if (arcs >= m) fail(`more arc lines than the ${m} announced by the "p" line`);
        from[arcs] = u - 1;
        to[arcs] = v - 1;
        cost[arcs] = w;
        arcs++;
      } else if (kind === 112 /* p */) {
        if (n >= 0) fail(`second "p" line`);
        const parts = line.trim().split(/\s+/);
        const nodes = Number(parts[2]);
        const count = Number(parts[3]);
        if (parts[1] !== "sp" || !Number.isInteger(nodes) || nodes < 0 || !Number.isInteger(count) || count < 0) {
          fail(`malformed problem line ${show(line)}; expected "p sp <nodes> <arcs>"`);
        }
        if (nodes > LIMITS.graphNodes.max) {
          lines.close();
          file.destroy();
          throw new LimitError("graphNodes", nodes, `readDimacs: ${path}:${lineNo}: nodes announced by the "p" line`);
        }
        if (count * MIN_ARC_LINE_BYTES > textBound) fail(`the "p" line announces ${count} arcs, but a ${bytes}-byte file holds at most ${Math.floor(textBound / MIN_ARC_LINE_BYTES)} arc lines`);
        if (nodes > 2 * count + textBound) fail(`the "p" line announces ${nodes} nodes, more than ${count} arcs in a ${bytes}-byte file can use (at most ${2 * count + textBound}); the header is wrong`);
        n = nodes;
        m = count;
        from = new Int32Array(m);
        to = new Int32Array(m);
        cost = new Float64Array(m);
      } else if (kind === 99 /* c */ || line.trim() === "") {
        continue;
      } else {
        fail(`unexpected line ${show(line)}; lines start with c, p or a`);
      }
    }
  } catch (error) {
    if (error instanceof CoreError || error instanceof LimitError) throw error;
    throw new CoreError(`readDimacs: ${path}: ${(error as Error).message}`);
  }
  if (n < 0) throw new CoreError(`readDimacs: ${path}: no "p sp <nodes> <arcs>" line; is this a DIMACS .gr file?`);
  if (arcs !== m) throw new CoreError(`readDimacs: ${path}: ${arcs} arc lines but the "p" line announces ${m}`);
  return compileValidated(n, from, to, cost, null, null, 1, null, queue, reorder, `readDimacs: ${path}: costs`);
}
