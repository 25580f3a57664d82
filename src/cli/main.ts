#!/usr/bin/env node
/**
 * The `qiwan` executable. All logic is in `run()` (testable in-process); commands are listed in
 * `commands/index.ts`.
 */
import { EXIT } from "./exit.js";
import { processIo } from "./io.js";
import { run } from "./run.js";

// A reader that goes away (`qiwan info | head -3`) is not an error: stop quietly, keeping the exit
// code. Any other stream failure is reported in one line, as everywhere else.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") {
      try {
        process.stderr.write(`qiwan: internal error: cannot write output: ${err.message}\n`);
      } catch {
        // stderr itself is gone: nothing left to tell.
      }
      process.exit(EXIT.INTERNAL);
    }
    process.exit(process.exitCode ?? EXIT.OK);
  });
}

process.exitCode = await run(process.argv.slice(2), processIo());
