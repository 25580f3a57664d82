/**
 * Plain-text and Markdown tables for command output.
 */

/** Output formats shared by commands that print tables. */
export const TABLE_FORMATS = ["table", "json", "md"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** Cell alignment: numbers read best right-aligned. */
export type Align = "left" | "right";

function width(s: string): number {
  // CJK characters take two terminal columns.
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return align === "right" ? fill + s : s + fill;
}

/**
 * Render rows as an aligned text table (`table`) or a GitHub Markdown table (`md`). Every row must
 * have `headers.length` cells; `align[i]` defaults to left.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  format: "table" | "md",
  align: readonly Align[] = [],
): string {
  if (format === "md") {
    const esc = (s: string) => s.replace(/\|/g, "\\|");
    const line = (cells: readonly string[]) => `| ${cells.map(esc).join(" | ")} |`;
    const rule = `|${headers.map((_, i) => (align[i] === "right" ? "---:" : "---")).join("|")}|`;
    return [line(headers), rule, ...rows.map(line)].join("\n") + "\n";
  }
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, align[i] ?? "left"))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

/**
 * RFC 4180 CSV cell, the rule the library's CSV writers (`targetsCsv`, `calibrationReportCsv`) use:
 * quoted when it holds a comma, quote or line break; numbers rounded to 3 decimals; null empty.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const s = typeof value === "number" ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
