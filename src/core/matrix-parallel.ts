/**
 * Many-to-many travel times on worker threads (Node only: `node:worker_threads`). Reached from the
 * `qiwan-access/node` entry point, never from the browser-safe `qiwan-access`.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { CoreError, show } from "./errors.js";
import type { CompiledGraph } from "./graph.js";
import { checkCutoff, checkGraph, checkNodes, matrix, type MatrixOptions } from "./matrix.js";
import { toShared, type MatrixJob } from "./shared.js";

/** Options of {@link matrixParallel}. */
export interface ParallelMatrixOptions extends MatrixOptions {
  /**
   * Number of worker threads (default: available cores, at most one per origin). `1` or fewer
   * origins than 2 run serially in this thread.
   */
  workers?: number;
}

/**
 * How to start a worker running `matrix-worker`: the compiled `.js` next to this file, or, when this
 * module runs from TypeScript sources (tsx, vitest), the `.ts` worker loaded through tsx's ESM hooks
 * (tsx is then necessarily installed).
 */
function workerSource(): { source: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { source: new URL("./matrix-worker.js", here), eval: false };
  const require = createRequire(here);
  const tsxRoot = dirname(require.resolve("tsx/package.json"));
  const manifest = JSON.parse(readFileSync(join(tsxRoot, "package.json"), "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const api = manifest.exports["./esm/api"]?.import?.default;
  if (!api) throw new CoreError("matrixParallel: cannot locate tsx's ESM API to run the TypeScript worker; build the package (npm run build) and use dist/");
  const apiUrl = pathToFileURL(join(tsxRoot, api)).href;
  const entry = new URL("./matrix-worker.ts", here).href;
  const code = `import(${JSON.stringify(apiUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { source: code, eval: true };
}

/**
 * {@link matrix} computed by worker threads that share one copy of the graph (a
 * `SharedArrayBuffer`, made once per graph and cached). Origins are handed out one at a time from a
 * shared counter, so uneven rows balance out. Gives exactly the rows `matrix` gives.
 * Works from the built package and from TypeScript sources under tsx or vitest.
 */
export async function matrixParallel(
  graph: CompiledGraph,
  origins: ArrayLike<number>,
  destinations: ArrayLike<number>,
  options?: ParallelMatrixOptions,
): Promise<Float64Array[]> {
  const g = checkGraph(graph, "matrixParallel(graph, origins, destinations)");
  checkNodes(g, origins, "origins");
  checkNodes(g, destinations, "destinations");
  const cutoffSecs = checkCutoff(options);
  const requested = options?.workers ?? availableParallelism();
  if (!Number.isInteger(requested) || requested < 1) {
    throw new CoreError(`workers = ${show(requested)} must be an integer >= 1`);
  }
  const workers = Math.min(requested, origins.length);
  if (workers <= 1) return matrix(g, origins, destinations, { cutoffSecs });

  const rowCount = origins.length;
  const colCount = destinations.length;
  if (colCount === 0) return Array.from({ length: rowCount }, () => new Float64Array(0));
  const out = new Float64Array(new SharedArrayBuffer(rowCount * colCount * 8));
  const originsShared = new Int32Array(new SharedArrayBuffer(rowCount * 4));
  const destShared = new Int32Array(new SharedArrayBuffer(colCount * 4));
  for (let i = 0; i < rowCount; i++) originsShared[i] = origins[i]!;
  for (let j = 0; j < colCount; j++) destShared[j] = destinations[j]!;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const job: MatrixJob = { graph: toShared(g), origins: originsShared, destinations: destShared, out, next, cutoffSecs };

  const { source, eval: isEval } = workerSource();
  const pool: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(source, { eval: isEval, workerData: job });
          pool.push(worker);
          worker.once("message", () => resolve());
          worker.once("error", (error) => reject(error));
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`matrixParallel: worker exited with code ${code}`));
          });
        }),
      ),
    );
  } finally {
    // On success the workers are done; on a failure the others must not keep running.
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  const rows: Float64Array[] = [];
  for (let i = 0; i < rowCount; i++) rows.push(out.slice(i * colCount, (i + 1) * colCount));
  return rows;
}
