import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("benchmarks/ttint.ts (smoke run, no timings asserted)", () => {
  it("runs one round on a fixture network and prints the result table", () => {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "benchmarks/ttint.ts", "--rounds", "1", "--network", "tests/fixtures/model/exact.json"], { cwd: root, encoding: "utf8" });
    expect(stdout).toContain("network: model-exact");
    expect(stdout).toMatch(/\| check --timetable, 07:00–09:00 every minute, p50 \(with the frequency time per pair\) \| [\d.]+ \|/);
    expect(stdout).toMatch(/\| frequency model check/);
  });
});
