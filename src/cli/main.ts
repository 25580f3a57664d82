#!/usr/bin/env node
/**
 * The `qiwan` executable. All logic is in `run()` (testable in-process); commands are listed in
 * `commands/index.ts`.
 */
import { processIo } from "./io.js";
import { run } from "./run.js";

process.exitCode = await run(process.argv.slice(2), processIo());
