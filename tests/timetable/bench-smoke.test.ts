import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("benchmarks/timetable.ts (smoke run, no timings asserted)", () => {
  it("runs on a fixture feed and prints the result table", () => {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "benchmarks/timetable.ts", "--skip-china", "--queries", "2", "--gtfs", "tests/fixtures/gtfs/two-rides-crlf-bom.zip"], { cwd: root, encoding: "utf8" });
    expect(stdout).toContain("### GTFS tests/fixtures/gtfs/two-rides-crlf-bom.zip");
    expect(stdout).toMatch(/\| full-day profile \(range-RAPTOR 00:00–24:00, one origin, all stops\) \| [\d.]+ \|/);
    expect(stdout).toMatch(/\| latest-departure scan/);
    // The npm RAPTOR peer runs on the same feed and agrees with ours at every stop.
    expect(stdout).toMatch(/\| peer: RaptorAlgorithm.scan \(no ride bound\) \| [\d.]+ \|/);
    expect(stdout).toContain("| stop answers compared | 8 |");
    expect(stdout).toContain("| equal | 8 |");
    expect(stdout).toMatch(/\| pair 1 \(A→D\), peer: RangeQuery to this destination \(maxSearchDays 1\) \| [\d.]+ \| [\d.]+ \| 2 \| 2 \| – \|/);
  });
});
