/**
 * The parameter table of docs/model.md, generated from `DEFAULT_PARAMETERS` and `PARAMETER_SPECS`
 * (tests/model/docs.test.ts demands that docs/model.md holds exactly this table).
 *
 *   npx tsx scripts/parameter-table.ts           print the table
 *   npx tsx scripts/parameter-table.ts --write   replace the table in docs/model.md
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_PARAMETERS, PARAMETER_SPECS } from "../src/index.js";

interface Row {
  readonly value: number;
  readonly source?: string;
  readonly assumption?: { readonly why: string; readonly range: readonly [number, number] };
}

/** Markdown table: one row per parameter (and key), with default, unit, range and why. */
export function parameterTableMarkdown(): string {
  const lines = ["| parameter | key | default | unit | range | why |", "|---|---|---:|---|---|---|"];
  for (const [name, spec] of Object.entries(PARAMETER_SPECS)) {
    const d = (DEFAULT_PARAMETERS as Record<string, unknown>)[name];
    const rows: Array<[string, Row]> = spec.keyedBy === "none" ? [["", d as Row]] : Object.entries(d as Record<string, Row>);
    if (rows.length === 0) {
      // A keyed parameter without defaults (per station): set only by a network file.
      lines.push(`| \`${name}\` | (${spec.keyedBy === "station" ? "station id" : spec.keyedBy}) | (none) | ${spec.unit} | | set per ${spec.keyedBy} in the network file: ${spec.description} |`);
      continue;
    }
    for (const [key, v] of rows) {
      const range = v.assumption ? `${v.assumption.range[0]}–${v.assumption.range[1]}` : "";
      const why = (v.assumption?.why ?? v.source ?? "").replaceAll("|", "\\|");
      lines.push(`| \`${name}\` | ${key ? `\`${key}\`` : ""} | ${v.value} | ${spec.unit} | ${range} | ${why} |`);
    }
  }
  return lines.join("\n");
}

function main(): void {
  const readme = fileURLToPath(new URL("../docs/model.md", import.meta.url));
  const table = parameterTableMarkdown();
  if (!process.argv.includes("--write")) {
    console.log(table);
    return;
  }
  const lines = readFileSync(readme, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("| parameter | key | default | unit | range | why |"));
  if (start < 0) throw new Error(`${readme}: no parameter table (a line starting "| parameter | key | default |")`);
  let end = start;
  while (end < lines.length && lines[end]!.startsWith("|")) end++;
  lines.splice(start, end - start, ...table.split("\n"));
  writeFileSync(readme, lines.join("\n"));
  console.log(`wrote the parameter table of ${readme}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
