import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMETERS, PARAMETER_SPECS } from "../../src/index.js";

// docs/model.md (moved from the README) states every default parameter exactly in its table.
const readme = fileURLToPath(new URL("../../docs/model.md", import.meta.url));

describe("docs/model.md parameter table", () => {
  it("lists every default parameter with its value, unit and range", () => {
    const text = readFileSync(readme, "utf8");
    for (const [name, spec] of Object.entries(PARAMETER_SPECS)) {
      const d = (DEFAULT_PARAMETERS as Record<string, unknown>)[name];
      const rows: Array<[string, { value: number; assumption?: { range: [number, number] } }]> =
        spec.keyedBy === "none" ? [["", d as never]] : Object.entries(d as Record<string, never>);
      for (const [key, v] of rows) {
        const range = v.assumption ? `${v.assumption.range[0]}–${v.assumption.range[1]}` : "";
        const row = `| \`${name}\` | ${key ? `\`${key}\`` : ""} | ${v.value} | ${spec.unit} | ${range} |`;
        expect(text, `missing or different row for ${name}${key ? `.${key}` : ""}`).toContain(row);
      }
    }
  });
});
