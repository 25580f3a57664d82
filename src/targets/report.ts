/**
 * Target results as text: one-line routes, flat rows, CSV and a Markdown report.
 */
import type { Network } from "../network/types.js";
import type { RouteLeg } from "../query/legs.js";
import type { Target } from "../network/schema.js";
import type { TargetPeople } from "./people.js";
import type { PairResult, TargetResult } from "./results.js";
import { PEOPLE_LEGEND, renderPeopleMarkdown, renderVerdictMarkdown, VERDICT_LEGEND, verdictAnswer, verdictOf } from "./verdict.js";

/** Minutes rounded for display (one decimal below 10 min, whole minutes above). */
export function formatMinutes(min: number | null): string {
  if (min === null) return "–";
  const r = Math.abs(min) < 10 ? Math.round(min * 10) / 10 : Math.round(min);
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * A route on one line, legs joined by ` › `: `car 12 S1 › HSR 1 55 (wait 10) › walk 3`. Each leg shows
 * what is ridden or how the traveller moves, its time in minutes, and its wait and transfer when non-zero.
 */
export function formatRoute(legs: readonly RouteLeg[]): string {
  if (legs.length === 0) return "";
  return legs
    .map((leg) => {
      const what =
        leg.kind === "ride" ? `${leg.line}` : leg.kind === "drive" ? `drive ${leg.line}` : `${leg.kind} (${leg.mode})`;
      const extras: string[] = [];
      if (leg.waitMin > 0) extras.push(`wait ${formatMinutes(leg.waitMin)}`);
      if (leg.kind === "ride" && leg.transferMin > 0) extras.push(`transfer ${formatMinutes(leg.transferMin)}`);
      return `${what} ${leg.from}→${leg.to} ${formatMinutes(leg.timeMin)}${extras.length ? ` (${extras.join(", ")})` : ""}`;
    })
    .join(" › ");
}

/** One flat row per pair: what the table, CSV and Markdown outputs print. Field names are the CSV header. */
export interface TargetRow {
  readonly scenario: string;
  readonly target: string;
  readonly measure: string;
  readonly modes: string;
  /** The reading `time_min` and `status` follow (`scheduled` or `typical`). */
  readonly reading: string;
  readonly origin: string;
  readonly destination: string;
  readonly time_min: number | null;
  readonly scheduled_min: number | null;
  readonly typical_min: number | null;
  /** Wait before the first boarding included in `time_min` (0 under scheduled). */
  readonly initial_wait_min: number | null;
  readonly threshold_min: number;
  readonly comparison: string;
  readonly margin_min: number | null;
  readonly status: PairResult["status"];
  readonly from_station: string | null;
  readonly to_station: string | null;
  readonly binding_leg: string;
  readonly route: string;
}

/** Flatten results to one {@link TargetRow} per pair, in result order. */
export function targetRows(results: readonly TargetResult[]): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const r of results) {
    for (const p of r.pairs) {
      rows.push({
        scenario: r.scenarioId,
        target: r.targetId,
        measure: r.measure,
        modes: r.modes,
        reading: r.reading,
        origin: p.origin,
        destination: p.destination,
        time_min: p.timeMin,
        scheduled_min: p.scheduledMin,
        typical_min: p.typicalMin,
        initial_wait_min: p.initialWaitMin,
        threshold_min: r.thresholdMin,
        comparison: r.comparison,
        margin_min: p.marginMin,
        status: p.status,
        from_station: p.fromStation,
        to_station: p.toStation,
        binding_leg: p.bindingLeg
          ? `${p.bindingLeg.line} ${p.bindingLeg.from}→${p.bindingLeg.to} ${formatMinutes(p.bindingLeg.timeMin)}`
          : "",
        route: formatRoute(p.legs),
      });
    }
  }
  return rows;
}

const CSV_COLUMNS: ReadonlyArray<keyof TargetRow> = [
  "scenario",
  "target",
  "measure",
  "modes",
  "reading",
  "origin",
  "destination",
  "time_min",
  "scheduled_min",
  "typical_min",
  "initial_wait_min",
  "threshold_min",
  "comparison",
  "margin_min",
  "status",
  "from_station",
  "to_station",
  "binding_leg",
  "route",
];

/** RFC 4180 CSV cell: quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const s = typeof value === "number" ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Results as CSV, one row per pair, with the {@link TargetRow} field names as header. Times in minutes (3 decimals). */
export function targetsCsv(results: readonly TargetResult[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of targetRows(results)) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return lines.join("\n") + "\n";
}

const STATUS_TEXT: Record<PairResult["status"], string> = {
  pass: "✅ pass",
  fail: "❌ fail",
  "no-route": "❌ no route",
  "no-station": "– no station",
  "same-station": "⚠ same station",
};

/** A share as `41 %`, `–` for null. */
function spacedPercent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)} %`;
}

/**
 * A people share in words: `people of 綦江/万盛 within 30 min: 41 % (estimate)`; with several
 * destinations, of every one and of the nearest, then each destination's share; `n/a` with its reason.
 */
export function peopleSentence(p: TargetPeople): string {
  if (p.kind === "n/a") return `people of ${p.area}: n/a (${p.reason})`;
  const est = p.estimated ? " (estimate)" : "";
  const within = `people of ${p.area} within ${formatMinutes(p.thresholdMin)} min`;
  if (p.perDestination.length <= 1) return `${within}: ${spacedPercent(p.share)}${est}`;
  const each = p.perDestination.map((d) => `${d.destination} ${spacedPercent(d.share)}`).join(", ");
  return `${within} of every destination: ${spacedPercent(p.share)}${est}, of the nearest: ${spacedPercent(p.nearestShare)} (${each})`;
}

/** The line under a target's heading that says how its times are read, and why. */
function readingLine(r: TargetResult, target: Target | undefined): string {
  const declared = target?.reading;
  const why =
    r.readingFrom === "target" && declared
      ? `declared by the target: ${declared.rationale ?? `source: ${declared.source}`}`
      : r.readingFrom === "override"
        ? `the check's override (\`--reading\`)${declared ? `; the target declares ${declared.kind}` : ""}`
        : r.readingFrom === "statistic"
          ? "the timetable statistic that decides pass/fail"
          : "the library default: the target declares no reading";
  return `Reading: **${r.reading}** (${why}). Time and verdict follow it; the scheduled and typical columns give both readings.`;
}

/**
 * A Markdown report: the verdict first (a one-paragraph answer and a table of pairs met per promise and
 * scenario, see `verdict.ts`), then `intro`, then per target, its plan sentence, threshold, rationale and reading, then a table with a row
 * per scenario × measure × pair (time under the target's reading, both readings' times, the initial
 * wait, margin, result, route, binding leg) and a summary line per
 * scenario and measure.
 */
export function renderTargetsMarkdown(network: Network, results: readonly TargetResult[], intro = ""): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const out: string[] = [`# Plan targets: ${network.name.en} (${network.name.zh})`, ""];
  const verdict = verdictOf(results);
  out.push("## Verdict", "", verdictAnswer(verdict), "", renderVerdictMarkdown(verdict), VERDICT_LEGEND, "");
  const people = renderPeopleMarkdown(verdict);
  if (people !== "") out.push("### People", "", people, PEOPLE_LEGEND, "");
  out.push("## Detail", "");
  if (intro) out.push(intro, "");
  const byTarget = new Map<string, TargetResult[]>();
  for (const r of results) {
    let list = byTarget.get(r.targetId);
    if (!list) byTarget.set(r.targetId, (list = []));
    list.push(r);
  }
  for (const [targetId, list] of byTarget) {
    const target = network.targetById.get(targetId);
    const first = list[0]!;
    out.push(`## ${first.targetName}${target ? ` (${target.name.zh})` : ""} \`${targetId}\``, "");
    if (target) {
      out.push(`> ${target.planText}`, "");
      out.push(
        `Threshold: time ${first.comparison} ${formatMinutes(first.thresholdMin)} min; modes: ${first.modes}; pairs: ${target.pairs ?? "cross"}. ${target.rationale}`,
        "",
      );
    }
    out.push(readingLine(first, target), "");
    out.push(
      "| scenario | measure | from → to | time (min) | scheduled | typical | initial wait | margin (min) | result | route | binding leg |",
      "|---|---|---|---:|---:|---:|---:|---:|---|---|---|",
    );
    for (const r of list) {
      for (const p of r.pairs) {
        const binding = p.bindingLeg
          ? `${p.bindingLeg.line} ${p.bindingLeg.from}→${p.bindingLeg.to} (${formatMinutes(p.bindingLeg.timeMin)} min)`
          : "";
        out.push(
          `| ${r.scenarioId} | ${r.measure} | ${p.origin} → ${p.destination} | ${formatMinutes(p.timeMin)} | ${formatMinutes(p.scheduledMin)} | ${formatMinutes(p.typicalMin)} | ${formatMinutes(p.initialWaitMin)} | ${formatMinutes(p.marginMin)} | ${STATUS_TEXT[p.status]} | ${esc(formatRoute(p.legs))} | ${esc(binding)} |`,
        );
      }
    }
    out.push("");
    for (const r of list) {
      const s = r.summary;
      const pop =
        s.populationShareMet === null ? "" : `, ${Math.round(s.populationShareMet * 100)} % of destination population`;
      const same =
        s.pairsSameStation > 0 ? `, of which ${s.pairsSameStation} only because both places share a station` : "";
      const people = s.people === undefined ? "" : `; ${peopleSentence(s.people)}`;
      out.push(
        `- ${r.scenarioId}, ${r.measure}: **${s.status}** (${s.pairsMet}/${s.pairs} pairs${same}${pop}; worst time ${formatMinutes(s.worstTimeMin)} min)${people}`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
