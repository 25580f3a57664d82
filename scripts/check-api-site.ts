/**
 * After `npm run docs`: every public export appears in the API site. The export lists are the
 * checked-in API reports (docs/api-report/*.api.md, values and types) and, for values, the entry
 * points themselves at run time; the site's index of each entry point is
 * docs/api/modules/{index,node}.html. Exit 1 listing what is missing.
 *
 *   npx tsx scripts/check-api-site.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Exported names of an API Extractor report (renamed declarations under their public name). */
export function reportNames(report: string): string[] {
  const names = new Set<string>();
  const renamed = new Map<string, string>();
  for (const m of report.matchAll(/^export \{ (\w+) as (\w+) \}/gm)) renamed.set(m[1]!, m[2]!);
  for (const m of report.matchAll(/^export (?:declare )?(?:abstract )?(?:function|class|interface|type|const|let|enum|namespace) (\w+)/gm)) {
    names.add(m[1]!);
  }
  for (const m of report.matchAll(/^(?:declare )?(?:function|class|interface|type|const|enum) (\w+)/gm)) {
    const pub = renamed.get(m[1]!);
    if (pub !== undefined) names.add(pub);
  }
  return [...names].sort();
}

/** Names the site's module page links to (`../<kind>/<module>.<Name>.html`). */
export function siteNames(html: string): Set<string> {
  return new Set([...html.matchAll(/href="\.\.\/\w+\/\w+\.(\w+)\.html"/g)].map((m) => m[1]!));
}

async function main(): Promise<void> {
  const missing: string[] = [];
  for (const [entry, report, source] of [
    ["index", "qiwan-access.api.md", "../src/index.ts"],
    ["node", "qiwan-access-node.api.md", "../src/node.ts"],
  ] as const) {
    const listed = reportNames(readFileSync(path.join(ROOT, "docs/api-report", report), "utf8"));
    const values = Object.keys((await import(source)) as object);
    const notInReport = values.filter((v) => !listed.includes(v));
    if (notInReport.length > 0) missing.push(`${report} lacks values of ${entry}: ${notInReport.join(", ")} (run npm run api)`);
    const site = siteNames(readFileSync(path.join(ROOT, "docs/api/modules", `${entry}.html`), "utf8"));
    const absent = listed.filter((n) => !site.has(n));
    if (absent.length > 0) missing.push(`docs/api/modules/${entry}.html lacks ${absent.length}: ${absent.join(", ")}`);
    else console.log(`api site: ${entry}: all ${listed.length} exports (${values.length} values) listed`);
  }
  if (missing.length > 0) {
    for (const m of missing) console.error(m);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
