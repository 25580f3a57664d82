/**
 * Calibration sets as CSV (RFC 4180, UTF-8, header `id,mode,from,to,minutes,kind,reading,asOf,source,note`).
 */
import { READINGS } from "../network/schema.js";
import { CsvParser, type CsvRecord } from "../timetable/formats/csv.js";
import { csvCell } from "../targets/report.js";
import { CalibrationFileError, type CalibrationProblem } from "./errors.js";
import { CALIBRATION_COLUMNS, type CalibrationRow } from "./types.js";

const MODES = ["rail", "road"] as const;
const KINDS = ["published", "data"] as const;

/** Records of a CSV text (quoted fields may span lines), with their 1-based first line; blank lines dropped. */
function records(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const parser = new CsvParser();
  parser.push(text, out);
  parser.end(out);
  return out.filter((r) => !(r.fields.length === 1 && r.fields[0] === ""));
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Parses a calibration CSV. Every problem (wrong header, wrong column count, empty id, duplicate id,
 * unknown mode/kind/reading, minutes not a positive number, a date not `YYYY-MM-DD`, empty source)
 * is collected and thrown at once as a {@link CalibrationFileError} naming `file`, the data row
 * (1-based; the header is row 0), the column, the value and the fix. Place ids are not checked here
 * (that needs the network: see `evaluateCalibration`).
 */
export function parseCalibrationCsv(text: string, file = "calibration.csv"): CalibrationRow[] {
  const problems: CalibrationProblem[] = [];
  const bad = (row: number, column: string, value: string, message: string, fix: string): void => {
    problems.push({ file, row, column, value, message, fix });
  };
  const recs = records(text);
  const header = recs[0]?.fields ?? [];
  const expected = CALIBRATION_COLUMNS.join(",");
  if (header.join(",") !== expected) {
    bad(0, "header", header.join(","), "the header is not the calibration header", `make the first line exactly: ${expected}`);
    throw new CalibrationFileError(file, problems);
  }
  const rows: CalibrationRow[] = [];
  const seen = new Map<string, number>();
  recs.slice(1).forEach((rec, k) => {
    const row = k + 1;
    const f = rec.fields;
    if (rec.unclosedQuote) {
      bad(row, "(row)", f.join(","), `a quoted field opened on file line ${rec.line} is never closed`, 'close the field with a " (write "" for a quote inside it)');
      return;
    }
    if (f.length !== CALIBRATION_COLUMNS.length) {
      bad(row, "(row)", f.join(","), `has ${f.length} columns, expected ${CALIBRATION_COLUMNS.length} (file line ${rec.line})`, "quote fields that contain commas, and give an empty note as a trailing comma");
      return;
    }
    const [id, mode, from, to, minutesText, kind, reading, asOf, source, note] = f as [string, string, string, string, string, string, string, string, string, string];
    const before = problems.length;
    if (id.trim() === "") bad(row, "id", id, "the id is empty", "give each row a unique id");
    else if (seen.has(id)) bad(row, "id", id, `duplicates the id of row ${seen.get(id)}`, "give each row a unique id");
    else seen.set(id, row);
    if (!(MODES as readonly string[]).includes(mode)) bad(row, "mode", mode, "unknown mode", `use one of ${MODES.join(", ")}`);
    if (from.trim() === "") bad(row, "from", from, "the origin place id is empty", "give a place id of the network");
    if (to.trim() === "") bad(row, "to", to, "the destination place id is empty", "give a place id of the network");
    const minutes = Number(minutesText);
    if (minutesText.trim() === "" || !Number.isFinite(minutes) || minutes <= 0)
      bad(row, "minutes", minutesText, "minutes must be a number > 0", "give the travel time in minutes, e.g. 26 or 48.5");
    if (!(KINDS as readonly string[]).includes(kind)) bad(row, "kind", kind, "unknown kind", `use one of ${KINDS.join(", ")}`);
    if (!(READINGS as readonly string[]).includes(reading)) bad(row, "reading", reading, "unknown reading", `use one of ${READINGS.join(", ")}`);
    if (!isDate(asOf)) bad(row, "asOf", asOf, "not a date", "write the date the figure refers to as YYYY-MM-DD");
    if (source.trim() === "") bad(row, "source", source, "the source is empty", "cite where the figure comes from");
    if (problems.length > before) return;
    rows.push({
      id,
      mode: mode as CalibrationRow["mode"],
      from,
      to,
      minutes,
      kind: kind as CalibrationRow["kind"],
      reading: reading as CalibrationRow["reading"],
      asOf,
      source,
      ...(note === "" ? {} : { note }),
    });
  });
  if (rows.length === 0 && problems.length === 0) bad(0, "(file)", "", "no data rows", "add at least one row under the header");
  if (problems.length > 0) throw new CalibrationFileError(file, problems);
  return rows;
}

/** A calibration set as CSV text with the header (what {@link parseCalibrationCsv} reads back). */
export function formatCalibrationCsv(rows: readonly CalibrationRow[]): string {
  const lines = [CALIBRATION_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [r.id, r.mode, r.from, r.to, r.minutes, r.kind, r.reading, r.asOf, r.source, r.note ?? ""].map((c) => csvCell(c)).join(","),
    );
  }
  return lines.join("\n") + "\n";
}
