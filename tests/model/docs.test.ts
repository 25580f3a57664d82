import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parameterTableMarkdown } from "../../scripts/parameter-table.js";

// docs/model.md (moved from the README) holds the parameter table: it is generated from the defaults
// (`npx tsx scripts/parameter-table.ts --write`) and must state every default exactly.
const readme = fileURLToPath(new URL("../../docs/model.md", import.meta.url));

describe("docs/model.md parameter table", () => {
  it("is the table generated from DEFAULT_PARAMETERS and PARAMETER_SPECS (value, unit, range, why)", () => {
    const text = readFileSync(readme, "utf8");
    const table = parameterTableMarkdown();
    expect(table.split("\n").length).toBeGreaterThan(40);
    for (const row of table.split("\n")) expect(text, "run: npx tsx scripts/parameter-table.ts --write").toContain(row);
  });
});
