/**
 * Worker entry of `matrixParallel`: takes origin rows from a shared counter until none are left,
 * writing each row into the shared output, then posts one message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ShortestPathSearch } from "./search.js";
import { fromShared, type MatrixJob } from "./shared.js";

const job = workerData as MatrixJob;
const graph = fromShared(job.graph);
const search = new ShortestPathSearch(graph);
const cols = job.destinations.length;
const row = new Float64Array(cols);
const options = { cutoffSecs: job.cutoffSecs };
for (;;) {
  const i = Atomics.add(job.next, 0, 1);
  if (i >= job.origins.length) break;
  search.oneToManyInto(row, job.origins[i]!, job.destinations, options);
  job.out.set(row, i * cols);
}
parentPort!.postMessage("done");
