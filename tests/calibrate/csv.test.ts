import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalibrationFileError, parseCalibrationCsv, type CalibrationRow } from "../../src/index.js";
import { formatCalibrationCsv } from "../../src/calibrate/index.js";
import { HEADER } from "./fixture.js";

const ROW = "R1,rail,SA,SB,30,data,scheduled,2023-09-25,a source,";

function problemsOf(text: string): CalibrationFileError["problems"] {
  try {
    parseCalibrationCsv(text, "set.csv");
  } catch (err) {
    expect(err).toBeInstanceOf(CalibrationFileError);
    return (err as CalibrationFileError).problems;
  }
  throw new Error("expected a CalibrationFileError");
}

describe("parseCalibrationCsv(text, file)", () => {
  it("reads a row, drops an empty note, and accepts a BOM, CRLF and a missing final newline", () => {
    const rows = parseCalibrationCsv(`\uFEFF${HEADER}\r\n${ROW}\r\nR2,road,A,B,61.5,published,typical,2024-02-29,"amap, 2024","a ""note"""`);
    expect(rows).toEqual([
      { id: "R1", mode: "rail", from: "SA", to: "SB", minutes: 30, kind: "data", reading: "scheduled", asOf: "2023-09-25", source: "a source" },
      { id: "R2", mode: "road", from: "A", to: "B", minutes: 61.5, kind: "published", reading: "typical", asOf: "2024-02-29", source: "amap, 2024", note: 'a "note"' },
    ]);
  });

  it("formatCalibrationCsv(rows) reads back to the same rows (any text in the free fields)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", "綦", ",", '"', "\n", " ", "1") });
    const row = fc.record({
      id: fc.uuid(),
      mode: fc.constantFrom("rail" as const, "road" as const),
      from: fc.constantFrom("SA", "A"),
      to: fc.constantFrom("SB", "B"),
      minutes: fc.integer({ min: 1, max: 100_000 }).map((x) => x / 100),
      kind: fc.constantFrom("published" as const, "data" as const),
      reading: fc.constantFrom("scheduled" as const, "typical" as const),
      asOf: fc.constantFrom("2020-01-31", "2025-07-01"),
      source: text.filter((s) => s.trim() !== ""),
      note: fc.option(text.filter((s) => s !== ""), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 5, selector: (r) => r.id }), (rows) => {
        const clean = rows.map((r) => {
          const { note, ...rest } = r;
          return note === undefined ? rest : { ...rest, note };
        }) as CalibrationRow[];
        expect(parseCalibrationCsv(formatCalibrationCsv(clean))).toEqual(clean);
      }),
    );
  });

  it("rejects a wrong header with the header row and the exact header to use", () => {
    const [p] = problemsOf(`id,mode,from,to,minutes\n${ROW}`);
    expect(p).toMatchObject({ file: "set.csv", row: 0, column: "header" });
    expect(p?.fix).toContain(HEADER);
  });

  it("collects every bad cell at once, each with file, row, column, value and fix", () => {
    const text = [
      HEADER,
      "R1,rail,SA,SB,30,data,scheduled,2023-09-25,src,",
      "R1,bus,SA,SB,-3,guess,scheduled,2023-02-30,src,",
      "R3,rail,,SB,abc,data,usual,25/09/2023,,",
      "R4,rail,SA,SB,30",
    ].join("\n");
    const problems = problemsOf(text);
    const cells = problems.map((p) => `${p.row}:${p.column}:${p.value}`);
    expect(cells).toEqual([
      "2:id:R1",
      "2:mode:bus",
      "2:minutes:-3",
      "2:kind:guess",
      "2:asOf:2023-02-30",
      "3:from:",
      "3:minutes:abc",
      "3:reading:usual",
      "3:asOf:25/09/2023",
      "3:source:",
      "4:(row):R4,rail,SA,SB,30",
    ]);
    expect(problems.every((p) => p.file === "set.csv" && p.message.length > 0 && p.fix.length > 0)).toBe(true);
    expect(problems[0]?.message).toContain("row 1");
    expect(() => parseCalibrationCsv(text, "set.csv")).toThrow(/set\.csv: 11 problems[\s\S]*row 2, column mode: "bus"/);
  });

  it("an empty set (header only) is an error, not an empty report", () => {
    expect(problemsOf(`${HEADER}\n`).map((p) => p.column)).toEqual(["(file)"]);
  });
});
