import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { GtfsValidationError } from "../../src/index.js";
import { loadGtfs } from "../../src/node.js";
import { fixturePath } from "../fixtures/model/load.js";

const bad = (name: string): string => fileURLToPath(new URL(`../fixtures/gtfs/bad/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "qiwan-bad-feeds-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the valid-looking feed `bad/frequency-flood` without frequencies.txt, with `stopTimes` as stop_times.txt. */
function feedWithStopTimes(name: string, stopTimes: string): string {
  const dir = join(tmp, name);
  cpSync(bad("frequency-flood"), dir, { recursive: true });
  rmSync(join(dir, "frequencies.txt"));
  writeFileSync(join(dir, "stop_times.txt"), stopTimes);
  return dir;
}

/** About 0.9 MB of valid stop times (32,000 rows over trips T1..T4). */
function manyStopTimes(): string {
  const rows = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"];
  const stops = ["A", "B", "C", "D"];
  for (let i = 0; i < 32_000; i++) {
    const t = String(Math.floor((i * 4) / 32_000) + 1);
    const secs = 6 * 3600 + i * 2;
    const hms = `${String(Math.floor(secs / 3600)).padStart(2, "0")}:${String(Math.floor(secs / 60) % 60).padStart(2, "0")}:${String(secs % 60).padStart(2, "0")}`;
    rows.push(`T${t},${hms},${hms},${stops[i % 4]},${i}`);
  }
  return rows.join("\n") + "\n";
}

describe("loadGtfs on hostile stop_times.txt generated at test time (bounded work: linear CSV reading)", () => {
  it("one stray quote near the start of a 0.9 MB stop_times.txt: one problem on the quote's line", async () => {
    const text = manyStopTimes().replace("\nT1,06:00:04", '\n"T1,06:00:04');
    expect(text.length).toBeGreaterThan(900_000);
    const dir = feedWithStopTimes("stray-quote-large", text);
    const err = await loadGtfs(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GtfsValidationError);
    expect((err as GtfsValidationError).problems).toEqual([expect.objectContaining({ file: "stop_times.txt", line: 4, message: expect.stringMatching(/never closed/) })]);
  });

  it("one unterminated 32 MB line without a quote: an invalid feed, and the message stays short", async () => {
    const dir = feedWithStopTimes("long-line", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" + "T1".repeat(16 << 20));
    const err = await loadGtfs(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GtfsValidationError);
    expect((err as Error).message.length).toBeLessThan(2000);
  });
});

describe("qiwan check --timetable --gtfs <bad feed>: exit 3 (bad data) with one message naming the file", () => {
  const cases: [string, RegExp][] = [
    ["not-a-zip.zip", /not-a-zip\.zip: .*is not a zip archive/],
    ["frequency-flood", /frequencies\.txt:3 column headway_secs: this row generates 3596400 trips .* cap of 1000000/],
    ["no-trips", /trips\.txt: the feed has no trips/],
    ["no-stop-times", /stop_times\.txt: none of the 4 trips of trips\.txt has stop times/],
    ["empty-frequency-windows", /frequencies\.txt: the feed has no trips/],
    ["stray-quote", /stop_times\.txt:4: a quoted field opened on line 4 is never closed/],
  ];
  it.each(cases)("bad/%s", async (name, says) => {
    const io = memoryIo();
    const code = await run(["--network", fixturePath("exact.json"), "check", "--timetable", "--gtfs", bad(name)], io);
    expect(code).toBe(3);
    expect(io.err()).toMatch(says);
    expect(io.err()).not.toMatch(/\n\s+at /); // no stack trace
    expect(io.out()).toBe("");
  });
});
