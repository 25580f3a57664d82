/** Writes docs/scenario.schema.json (the JSON Schema of scenario files) from the zod schemas. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema } from "../src/scenario/index.js";

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "scenario.schema.json");
writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
