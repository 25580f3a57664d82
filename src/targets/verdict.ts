/**
 * The verdict: one row per promise (target × measure × reading), one column per scenario, each cell
 * the pairs met and the share of destination population they reach. What `qiwan check` prints first
 * and what the Markdown report opens with; the detail rows follow.
 */
import type { Reading } from "../model/types.js";
import type { Id, Measure } from "../network/schema.js";
import type { Network } from "../network/types.js";
import type { TargetPeople } from "./people.js";
import type { TargetResult, TargetSummary } from "./results.js";

/** What the verdict reads from a result: any time source's results (frequency model, timetable) fit. */
export type VerdictInput = Pick<TargetResult, "scenarioId" | "targetId" | "targetName" | "measure" | "reading" | "summary">;

/** One promise read one way: its summary in each scenario (absent when not evaluated there). */
export interface VerdictRow {
  readonly targetId: Id;
  readonly targetName: string;
  readonly measure: Measure;
  /** The reading when the result carries one (absent: the model's only reading). */
  readonly reading?: Reading;
  readonly cells: ReadonlyMap<Id, TargetSummary>;
}

/** Rows in result order (first appearance), scenarios in result order. */
export interface Verdict {
  readonly scenarios: readonly Id[];
  readonly rows: readonly VerdictRow[];
}

/** Group results into a {@link Verdict}. */
export function verdictOf(results: readonly VerdictInput[]): Verdict {
  const scenarios = [...new Set(results.map((r) => r.scenarioId))];
  const rows = new Map<string, { row: VerdictRow; cells: Map<Id, TargetSummary> }>();
  for (const r of results) {
    const key = `${r.targetId}\u0000${r.measure}\u0000${r.reading ?? ""}`;
    let entry = rows.get(key);
    if (entry === undefined) {
      const cells = new Map<Id, TargetSummary>();
      const row: VerdictRow = {
        targetId: r.targetId,
        targetName: r.targetName,
        measure: r.measure,
        ...(r.reading !== undefined && { reading: r.reading }),
        cells,
      };
      rows.set(key, (entry = { row, cells }));
    }
    entry.cells.set(r.scenarioId, r.summary);
  }
  return { scenarios, rows: [...rows.values()].map((e) => e.row) };
}

const MARK: Record<TargetSummary["status"], string> = { met: "✓", "partly-met": "~", "not-met": "✗" };

/** A cell: `2/6 12% ~` (pairs met / pairs, share of destination population when known, status mark). */
export function verdictCell(s: TargetSummary | undefined): string {
  if (s === undefined) return "";
  const pop = s.populationShareMet === null ? "" : ` ${Math.round(s.populationShareMet * 100)}%`;
  return `${s.pairsMet}/${s.pairs}${pop} ${MARK[s.status]}`;
}

/** The legend printed under the title. */
export const VERDICT_LEGEND =
  "Cells: pairs met/pairs, % of destination population reached (if known); ✓ all, ~ some, ✗ none met.";

const SHORT_MEASURE: Record<Measure, string> = { "door-to-door": "door", "station-to-station": "station" };

function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function fit(s: string, w: number): string {
  if (textWidth(s) <= w) return s;
  let out = "";
  for (const ch of s) {
    if (textWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function padTo(s: string, w: number, right = false): string {
  const fill = " ".repeat(Math.max(0, w - textWidth(s)));
  return right ? fill + s : s + fill;
}

/** A column between the promise and the scenario columns: its heading and its text per row. */
interface RowColumn {
  readonly head: string;
  readonly of: (row: VerdictRow) => string;
}

/**
 * An aligned text table of promise rows, one column per scenario, no wider than `maxWidth` columns
 * when it can be (promise names are shortened with `…` first; a network with many scenarios may
 * still be wider). With `nameOnce`, a promise's name is printed on its first row only.
 */
function alignedTable(
  scenarios: readonly Id[],
  rows: readonly VerdictRow[],
  promiseHead: string,
  columns: readonly RowColumn[],
  cellOf: (row: VerdictRow, scenario: Id) => string,
  maxWidth: number,
  nameOnce: boolean,
): string {
  const cells = rows.map((r) => scenarios.map((s) => cellOf(r, s)));
  const colW = scenarios.map((s, i) => Math.max(textWidth(s), ...cells.map((c) => textWidth(c[i]!))));
  const extraW = columns.map((c) => Math.max(7, textWidth(c.head), ...rows.map((r) => textWidth(c.of(r)))));
  const fixed = extraW.reduce((a, w) => a + w + 2, 0) + colW.reduce((a, w) => a + w + 2, 0);
  const longest = Math.max(7, ...rows.map((r) => textWidth(r.targetName)));
  const promiseW = Math.max(18, Math.min(longest, maxWidth - fixed));
  const line = (promise: string, extra: readonly string[], values: readonly string[]) =>
    [padTo(fit(promise, promiseW), promiseW), ...extra.map((v, i) => padTo(v, extraW[i]!)), ...values.map((v, i) => padTo(v, colW[i]!, true))]
      .join("  ")
      .trimEnd();
  const out = [line(promiseHead, columns.map((c) => c.head), scenarios)];
  out.push(line("-".repeat(promiseW), extraW.map((w) => "-".repeat(w)), colW.map((w) => "-".repeat(w))));
  let previous = "";
  rows.forEach((r, i) => {
    out.push(line(nameOnce && r.targetId === previous ? "" : r.targetName, columns.map((c) => c.of(r)), cells[i]!));
    previous = r.targetId;
  });
  return `${out.join("\n")}\n`;
}

/** A Markdown table of promise rows (full name and id first), one right-aligned column per scenario. */
function markdownTable(
  scenarios: readonly Id[],
  rows: readonly VerdictRow[],
  columns: readonly RowColumn[],
  cellOf: (row: VerdictRow, scenario: Id) => string,
): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const head = ["promise", ...columns.map((c) => c.head), ...scenarios];
  const rule = head.map((_, i) => (i >= head.length - scenarios.length ? "---:" : "---"));
  const body = rows.map((r) => [`${esc(r.targetName)} \`${r.targetId}\``, ...columns.map((c) => esc(c.of(r))), ...scenarios.map((s) => cellOf(r, s))]);
  return [head, rule, ...body].map((c) => `| ${c.join(" | ")} |`).join("\n") + "\n";
}

const readingColumn: RowColumn = { head: "reading", of: (r) => r.reading ?? "" };
const verdictCellOf = (r: VerdictRow, s: Id): string => verdictCell(r.cells.get(s));

/**
 * The verdict as an aligned text table no wider than `maxWidth` columns when it can be (promise names
 * are shortened with `…` first; a network with many scenarios may still be wider). The promise name is
 * printed on its first row only; `door` / `station` stand for the measures.
 */
export function renderVerdictTable(verdict: Verdict, maxWidth = 100): string {
  const hasReading = verdict.rows.some((r) => r.reading !== undefined);
  const columns = [{ head: "measure", of: (r: VerdictRow) => SHORT_MEASURE[r.measure] }, ...(hasReading ? [readingColumn] : [])];
  return alignedTable(verdict.scenarios, verdict.rows, "promise", columns, verdictCellOf, maxWidth, true);
}

/** A share as a whole percentage (`41%`); `–` for null. */
function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/**
 * A people cell: `41%` (share of the origin area's residents within the threshold), `0% / 100%`
 * with several destinations (every destination / the nearest), `*` when it is an estimate; empty
 * when the summary has no people share.
 */
export function peopleCell(p: TargetPeople | undefined): string {
  if (p === undefined) return "";
  if (p.kind === "n/a") return "n/a";
  const several = p.perDestination.length > 1;
  return `${percent(p.share)}${several ? ` / ${percent(p.nearestShare)}` : ""}${p.estimated ? "*" : ""}`;
}

/** The legend of the people table. */
export const PEOPLE_LEGEND =
  "People: share of the residents of each promise's origin area within its threshold, door-to-door from their town centres; with several destinations, every destination / the nearest. * estimate (county census counts split evenly over their towns). Station-to-station: n/a (trips start at a station, not at the residents' towns).";

/** The verdict rows that carry a people share (door-to-door rows of targets with an origin area). */
function peopleRows(verdict: Verdict): VerdictRow[] {
  return verdict.rows.filter((r) => [...r.cells.values()].some((s) => s.people?.kind === "share"));
}

/** The origin area a row's people shares are about. */
function peopleArea(row: VerdictRow): string {
  for (const s of row.cells.values()) if (s.people !== undefined) return s.people.area;
  return "";
}

/**
 * The people shares as an aligned text table, one line per promise (its door-to-door row), one
 * column per scenario, no wider than `maxWidth` when it can be; empty when no result has a share.
 */
export function renderPeopleTable(verdict: Verdict, maxWidth = 100): string {
  const rows = peopleRows(verdict);
  if (rows.length === 0) return "";
  const columns = [{ head: "area", of: peopleArea }, readingColumn];
  return alignedTable(verdict.scenarios, rows, "people (door-to-door)", columns, (r, s) => peopleCell(r.cells.get(s)?.people), maxWidth, false);
}

/** The people shares as a Markdown table (see {@link renderPeopleTable}); empty when no result has one. */
export function renderPeopleMarkdown(verdict: Verdict): string {
  const rows = peopleRows(verdict);
  if (rows.length === 0) return "";
  const columns = [{ head: "origin area", of: peopleArea }, { head: "measure", of: (r: VerdictRow) => r.measure }, readingColumn];
  // A bare `*` could open emphasis in Markdown.
  return markdownTable(verdict.scenarios, rows, columns, (r, s) => peopleCell(r.cells.get(s)?.people).replace("*", "\\*"));
}

/** The verdict as a Markdown table (full promise names and measures). */
export function renderVerdictMarkdown(verdict: Verdict): string {
  const hasReading = verdict.rows.some((r) => r.reading !== undefined);
  const columns = [{ head: "measure", of: (r: VerdictRow) => r.measure }, ...(hasReading ? [readingColumn] : [])];
  return markdownTable(verdict.scenarios, verdict.rows, columns, verdictCellOf);
}

function names(rows: readonly VerdictRow[], show = true): string {
  if (!show) return "";
  const list = [...new Set(rows.map((r) => r.targetName))];
  return list.length === 0 ? "" : ` (${list.join("; ")})`;
}

/**
 * One paragraph that answers "are the promises kept?" for the last scenario (the plan's horizon)
 * against the first: how many promises are met in full under some reading, partly, or not at all.
 * A promise counts as met when every pair is met under at least one of its measures and readings.
 * `names: false` leaves out the promises' names (the terminal prints them in the table just above).
 */
export function verdictAnswer(verdict: Verdict, { names: withNames = true }: { names?: boolean } = {}): string {
  const first = verdict.scenarios[0];
  const last = verdict.scenarios.at(-1);
  if (first === undefined || last === undefined) return "No target was evaluated.";
  const targets = [...new Set(verdict.rows.map((r) => r.targetId))];
  const best = (scenario: Id, targetId: Id): { status: TargetSummary["status"]; row: VerdictRow } | undefined => {
    let found: { status: TargetSummary["status"]; row: VerdictRow } | undefined;
    const rank = { met: 2, "partly-met": 1, "not-met": 0 } as const;
    for (const row of verdict.rows) {
      if (row.targetId !== targetId) continue;
      const s = row.cells.get(scenario);
      if (s !== undefined && (found === undefined || rank[s.status] > rank[found.status])) found = { status: s.status, row };
    }
    return found;
  };
  const tally = (scenario: Id) => {
    const by = { met: [] as VerdictRow[], "partly-met": [] as VerdictRow[], "not-met": [] as VerdictRow[] };
    for (const t of targets) {
      const b = best(scenario, t);
      if (b !== undefined) by[b.status].push(b.row);
    }
    return by;
  };
  const end = tally(last);
  const parts = [
    `Of ${targets.length} promise${targets.length === 1 ? "" : "s"}, in ${last} ${end.met.length} ${end.met.length === 1 ? "is" : "are"} met for every pair under at least one measure${names(end.met, withNames)}, ${end["partly-met"].length} for some pairs${names(end["partly-met"], withNames)} and ${end["not-met"].length} for none${names(end["not-met"], withNames)}.`,
  ];
  if (first !== last) {
    const start = tally(first);
    parts.push(`In ${first}: ${start.met.length} met, ${start["partly-met"].length} partly, ${start["not-met"].length} not at all.`);
  }
  parts.push(
    withNames
      ? "Door-to-door counts access and egress; station-to-station counts riding between the best pair of stations only; the table shows both where the plan does not say which it means."
      : "door: door-to-door, access and egress included; station: between the best pair of stations.",
  );
  return parts.join(" ");
}

/**
 * The verdict's heading as lines no wider than `maxWidth`: a title naming the network, a line with its
 * id, status date and `source` (how times were computed), and the legend.
 */
export function verdictHeader(network: Network, source: string, maxWidth = 100): string[] {
  return [
    fit(`VERDICT: plan targets of ${network.name.en}`, maxWidth),
    ...wrapText(`network ${network.id}, statuses as of ${network.asOf}; ${source}`, maxWidth),
    ...wrapText(VERDICT_LEGEND, maxWidth),
  ];
}

/** Break `text` into lines of at most `maxWidth` columns at spaces (a longer word stays whole). */
export function wrapText(text: string, maxWidth = 100): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && textWidth(line) + 1 + textWidth(word) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}
