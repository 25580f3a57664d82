import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParser, type CsvRecord } from "../../src/timetable/formats/csv.js";
import { runs } from "../util/property.js";

/**
 * Reference reader over the whole text, one character at a time, written for clarity: RFC 4180
 * with the reader's documented leniencies (a BOM dropped, text after a closing quote kept, a CR
 * before a record's LF or at the end dropped, blank lines skipped, an open quote closed at the end).
 */
function reference(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false; // inside quotes
  let wasQuoted = false; // the field began with a quote
  let line = 1;
  let recordLine = 1;
  let started = false;
  let rawCr = false; // the field's last character is a CR read outside quotes
  const finish = (unclosed: boolean) => {
    if (!unclosed && rawCr) field = field.slice(0, -1);
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) out.push(unclosed ? { fields, line: recordLine, unclosedQuote: true } : { fields, line: recordLine });
    fields = [];
    field = "";
    wasQuoted = false;
    started = false;
    rawCr = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!started) {
      started = true;
      recordLine = line;
    }
    if (quoted) {
      rawCr = false;
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      wasQuoted = false;
      rawCr = false;
    } else if (c === "\n") {
      finish(false);
      line++;
    } else {
      field += c;
      rawCr = c === "\r";
    }
  }
  if (started) finish(quoted);
  return out;
}

function parseChunks(chunks: readonly string[]): CsvRecord[] {
  const p = new CsvParser();
  const out: CsvRecord[] = [];
  for (const c of chunks) p.push(c, out);
  p.end(out);
  return out;
}

describe("CsvParser: push(chunk, out) … end(out)", () => {
  it("agrees with a character-by-character reference reader on random text cut into random chunks (fast-check)", () => {
    const alphabet = fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "é");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 6 }), fc.boolean(), (chars, cuts, bom) => {
        const text = (bom ? "\ufeff" : "") + chars.join("");
        const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        expect(parseChunks(chunks)).toEqual(reference(text));
      }),
      runs(2000),
    );
  });

  it("a stray quote makes one record holding the rest of the input, flagged unclosedQuote, on its starting line", () => {
    const recs = parseChunks(["id,name\n1,ok\n2,\"broken\n3,x\n", "4,y\n"]);
    expect(recs).toEqual([
      { fields: ["id", "name"], line: 1 },
      { fields: ["1", "ok"], line: 2 },
      { fields: ["2", "broken\n3,x\n4,y\n"], line: 3, unclosedQuote: true },
    ]);
  });

  it("counts lines inside quoted fields, so the records after a multi-line field keep their physical line", () => {
    const recs = parseChunks(['a,"x\ny\nz"\r\nb,c\r\n']);
    expect(recs.map((r) => [r.fields, r.line])).toEqual([
      [["a", "x\ny\nz"], 1],
      [["b", "c"], 4],
    ]);
  });
});
