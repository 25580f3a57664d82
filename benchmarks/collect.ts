/**
 * Folds the per-area benchmark reports (benchmarks/RESULTS-<area>.md, each written by its own
 * script) into benchmarks/RESULTS.md, the one file the README's performance section cites, and
 * their figures into benchmarks/claims.json, from which the README's numbers can be generated.
 * `npm run bench:all` runs every benchmark and then this; `npx tsx benchmarks/collect.ts` alone
 * re-folds the files already there. A missing area file is listed as missing, never invented.
 *
 * Claims: an area whose script writes `benchmarks/claims/<area>.json` (see claims.ts; the core
 * does) contributes those claims, each with its written definition. For the other areas every
 * number in every table row of the Markdown report becomes a claim whose definition is the
 * section, the row label and the column header it was printed under, so that nothing quoted from
 * RESULTS.md is without a recorded definition.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Claim, ClaimsFile } from "./claims.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Areas in reading order: file suffix, section title, the command that regenerates it. */
const AREAS = [
  ["core", "Shortest-path core vs native C++, graphology and ngraph", "npm run bench"],
  ["timetable", "Timetables: national RAPTOR profiles and latest-departure scans", "npm run bench:timetable -- --out benchmarks/RESULTS-timetable.md"],
  ["isochrone", "Isochrones: node sets and polygons", "npm run bench:isochrone -- --write"],
  ["analysis", "Target evaluations, exact Shapley, Monte Carlo", "npm run bench:analysis -- --write"],
  ["ttint", "Timetable target checks", "npm run bench:ttint -- --out benchmarks/RESULTS-ttint.md"],
] as const;

/** Pushes every Markdown heading down `levels` levels so that the area's title nests under ours. */
function demote(markdown: string, levels: number): string {
  const prefix = "#".repeat(levels);
  let inFence = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("```")) inFence = !inFence;
      return !inFence && /^#{1,6} /.test(line) ? prefix + line : line;
    })
    .join("\n");
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "x";

/**
 * The numbers a table cell states: one (`1,062.3`, `0.97`, `87×`, `13.0 B/arc`, `**12.3 ms**`) or a
 * range (`14,998–16,231`, two numbers); null for text, lists and anything else.
 */
function cellNumbers(cell: string): number[] | null {
  const text = cell.replace(/\*\*/g, "").replace(/,(?=\d{3})/g, "").trim();
  const num = String.raw`-?\d*\.?\d+(?:e[+-]?\d+)?`;
  const unit = String.raw`\s*(?:ms|µs|s|×|%|MB|GB|B\/arc|\/\s?s)?`;
  const single = new RegExp(`^(${num})${unit}$`, "i").exec(text);
  if (single) return [Number(single[1])];
  const range = new RegExp(`^(${num})${unit}\\s*[–-]\\s*(${num})${unit}$`, "i").exec(text);
  if (range) return [Number(range[1]), Number(range[2])];
  return null;
}

/** A unit read from a column header or a cell (`ms`, `s`, `1/s`, `×`, `MB`, `B/arc`, `%`), else "". */
function unitOf(header: string, cell: string): string {
  const text = `${header} ${cell}`;
  if (/µs/.test(text)) return "µs";
  if (/\bms\b/.test(text)) return "ms";
  if (/\/s\b|per second/.test(text)) return "1/s";
  if (/\bseconds?\b|\(s\)/.test(header)) return "s";
  if (/×/.test(cell)) return "×";
  if (/\bMB\b/.test(text)) return "MB";
  if (/B\/arc/.test(text)) return "B/arc";
  if (/%/.test(cell)) return "%";
  return "";
}

/** Claims from every table row of a Markdown report (see the file comment). */
function tableClaims(area: string, markdown: string): { context: string[]; claims: Claim[] } {
  const claims: Claim[] = [];
  const context: string[] = [];
  const seen = new Map<string, number>();
  const headings: string[] = [];
  let header: string[] | null = null;
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  for (const line of markdown.split("\n")) {
    const h = /^(#{1,6}) (.*)$/.exec(line);
    if (h) {
      headings.length = h[1]!.length - 1;
      headings[h[1]!.length - 1] = h[2]!.trim();
      header = null;
      continue;
    }
    if (!line.trim().startsWith("|")) {
      header = null;
      if (/^- /.test(line) && claims.length === 0) context.push(line.slice(2).trim());
      continue;
    }
    const row = cells(line);
    if (header === null) {
      header = row;
      continue;
    }
    if (row.every((c) => /^:?-+:?$/.test(c))) continue;
    const section = headings.filter(Boolean).join(" / ");
    // Text cells of the row (e.g. an isochrone case's "detail") belong to the definition too.
    const detail = row.slice(1).filter((c) => c !== "" && cellNumbers(c) === null);
    const label = `row "${row[0]}"${detail.length ? ` (${detail.join("; ")})` : ""}`;
    row.forEach((cell, i) => {
      const values = i === 0 ? null : cellNumbers(cell);
      if (values === null) return;
      const stem = `${area}.${slug(headings.filter(Boolean).slice(1).join(" ") || "main")}.${slug(row[0]!)}.${slug(header![i] ?? `col${i}`)}`;
      const count = (seen.get(stem) ?? 0) + 1;
      seen.set(stem, count);
      const base = count === 1 ? stem : `${stem}-${count}`;
      values.forEach((value, k) => {
        claims.push({
          id: values.length === 1 ? base : `${base}.${k === 0 ? "min" : "max"}`,
          value,
          unit: unitOf(header![i] ?? "", cell),
          definition: `${section}: ${label}, column "${header![i]}"${values.length > 1 ? ` (${k === 0 ? "low" : "high"} end of the range)` : ""}; printed as "${cell}"`,
        });
      });
    });
  }
  return { context, claims };
}

const out: string[] = [
  "# Benchmark results",
  "",
  "Generated by `benchmarks/collect.ts` from the per-area reports below; each section names the",
  "command that produced it, the machine, the Node version, the date and the load average, and says",
  "how its peers ran (the core's peers and the timetable's npm RAPTOR peer are measured in the same",
  "run; figures reported by others and not run here are marked as such). Timings are never asserted",
  "in tests. Every figure below is also in `benchmarks/claims.json` with its definition.",
  "",
];
const areasOut: Array<Record<string, unknown>> = [];
for (const [area, title, command] of AREAS) {
  const file = join(here, `RESULTS-${area}.md`);
  out.push(`## ${title}`, "", `Source: \`benchmarks/RESULTS-${area}.md\`, regenerated by \`${command}\`.`, "");
  if (!existsSync(file)) {
    out.push("_Not measured yet: the file is missing._", "");
    areasOut.push({ area, title, command, source: null, claims: [] });
    continue;
  }
  // Drop the area file's own top-level title: the section heading above replaces it.
  const body = readFileSync(file, "utf8").replace(/^# [^\n]*\n/, "").trim();
  out.push(demote(body, 1), "");
  const explicit = join(here, "claims", `${area}.json`);
  if (existsSync(explicit)) {
    const claims = JSON.parse(readFileSync(explicit, "utf8")) as ClaimsFile;
    areasOut.push({ title, source: `benchmarks/claims/${area}.json`, definitions: "written by the benchmark script", ...claims });
  } else {
    const { context, claims } = tableClaims(area, `## ${title}\n${body}`);
    areasOut.push({ area, title, command, source: `benchmarks/RESULTS-${area}.md`, definitions: "section, row and column of the report's tables", context, claims });
  }
}
writeFileSync(join(here, "RESULTS.md"), out.join("\n"));
writeFileSync(join(here, "claims.json"), JSON.stringify({ generatedBy: "benchmarks/collect.ts", areas: areasOut }, null, 2) + "\n");
console.log(`wrote ${join(here, "RESULTS.md")} and ${join(here, "claims.json")}`);
