import type { Readable } from "node:stream";

/** One CSV record: its fields and the 1-based physical line where it starts (header = line 1). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Streams CSV records from a byte or text stream (RFC 4180): comma separated, fields optionally in
 * double quotes with `""` as an escaped quote, quoted fields may span lines; a UTF-8 BOM is dropped;
 * CRLF, LF and a missing final newline are accepted; blank lines are skipped. Lines without a quote
 * take a `split(",")` fast path, since most GTFS lines have none.
 */
export async function* readCsv(stream: Readable): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(stream)) yield* batch;
}

/**
 * Like `readCsv` but yields the records of each stream chunk as one array: one promise per chunk
 * instead of one per record, which is most of the cost of reading a large file record by record.
 */
export async function* readCsvBatches(stream: Readable): AsyncGenerator<CsvRecord[]> {
  stream.setEncoding("utf8");
  let carry = "";
  let first = true;
  let lineNo = 0;
  // A record whose quoted field is still open at the end of a physical line.
  let pending: string | undefined;
  let pendingLine = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    const batch: CsvRecord[] = [];
    let text = carry + chunk;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl < 0) break;
      lineNo++;
      let line = text.slice(start, nl);
      start = nl + 1;
      if (pending !== undefined) {
        line = pending + "\n" + line;
      } else {
        pendingLine = lineNo;
      }
      const rec = parseLine(line);
      if (rec === undefined) {
        pending = line;
        continue;
      }
      pending = undefined;
      if (rec.length === 1 && rec[0] === "") continue;
      batch.push({ fields: rec, line: pendingLine });
    }
    carry = text.slice(start);
    if (batch.length > 0) yield batch;
  }
  if (first === false || carry.length > 0) {
    let line = carry;
    if (line.length > 0 || pending !== undefined) {
      lineNo++;
      if (pending !== undefined) line = pending + "\n" + line;
      else pendingLine = lineNo;
      const rec = parseLine(line) ?? parseLine(line + '"');
      if (rec !== undefined && !(rec.length === 1 && rec[0] === "")) yield [{ fields: rec, line: pendingLine }];
    }
  }
}

/** Parses one logical line; returns `undefined` when a quoted field is still open (needs the next line). */
export function parseLine(raw: string): string[] | undefined {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (line.indexOf('"') < 0) return line.split(",");
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return undefined;
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Characters between the closing quote and the next comma are kept (lenient, like most readers).
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? n : comma;
      value += line.slice(i, end).replace(/\r$/, "");
      out.push(value);
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = line.indexOf(",", i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
