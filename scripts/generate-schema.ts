/**
 * Writes networks/schema.json from the zod schemas. Run with `npm run schema` after changing
 * src/network/schema.ts; a test fails while the committed file is stale.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../src/cli/atomic.js";
import { networkJsonSchema } from "../src/network/json-schema.js";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "networks", "schema.json");
await writeFileAtomic(out, `${JSON.stringify(networkJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
