/**
 * The verdict as `qiwan check` prints it first: heading, table, one-paragraph answer; at most 100
 * columns wide on the embedded network (the test in tests/cli/verdict.test.ts holds `npm start` to 120).
 */
import { PEOPLE_LEGEND, renderPeopleTable, renderVerdictTable, verdictAnswer, verdictHeader, verdictOf, wrapText, type Network, type VerdictInput } from "../../index.js";
import type { Colour } from "../colour.js";

/** Width the verdict aims at. */
export const VERDICT_WIDTH = 100;

/** Heading, table and answer for `results`; the status marks coloured when `colour` is enabled. */
export function renderVerdictText(network: Network, results: readonly VerdictInput[], source: string, colour: Colour): string {
  const verdict = verdictOf(results);
  let table = renderVerdictTable(verdict, VERDICT_WIDTH);
  if (colour.enabled) {
    // Marks end a cell: a space before, then the end of line or two spaces (the column gap).
    table = table
      .replace(/ ✓(?= {2}|$)/gm, ` ${colour.green("✓")}`)
      .replace(/ ~(?= {2}|$)/gm, ` ${colour.yellow("~")}`)
      .replace(/ ✗(?= {2}|$)/gm, ` ${colour.red("✗")}`);
  }
  const heading = verdictHeader(network, source, VERDICT_WIDTH);
  const people = renderPeopleTable(verdict, VERDICT_WIDTH);
  return [
    colour.enabled ? heading.map((l, i) => (i === 0 ? colour.bold(l) : l)).join("\n") : heading.join("\n"),
    "",
    table,
    ...wrapText(verdictAnswer(verdict, { names: false }), VERDICT_WIDTH),
    "",
    ...(people === "" ? [] : [people, ...wrapText(PEOPLE_LEGEND, VERDICT_WIDTH), ""]),
  ].join("\n");
}
