/**
 * `npm run test:replay`: runs every test file with fast-check properties once per seed of
 * REPLAY_SEEDS (tests/util/property.ts), each with `QIWAN_SEED` set, and exits non-zero if any fails.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { REPLAY_SEEDS } from "./property.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : []));
}

const files = testFiles(join(root, "tests"))
  .filter((f) => /from "(\.\.\/)+util\/property\.js"|from "\.\/util\/property\.js"/.test(readFileSync(f, "utf8")))
  .map((f) => relative(root, f));
let failed = 0;
for (const seed of REPLAY_SEEDS) {
  console.log(`QIWAN_SEED=${seed}: ${files.length} test files with properties`);
  const r = spawnSync(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", ...files], { cwd: root, stdio: "inherit", env: { ...process.env, QIWAN_SEED: String(seed) } });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
