import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("benchmarks/mesh.ts (smoke run, no timings asserted)", () => {
  it("builds, compiles and searches the embedded network's mesh and prints the table", () => {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "benchmarks/mesh.ts", "--smoke"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(stdout).toMatch(/\*\*embedded network .*\*\*: \d+ towns, \d+ anchors → \d+ edges/);
    expect(stdout).toMatch(/\| +buildMesh .* \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
    expect(stdout).toMatch(/\| +one-to-all from 綦江 .* \| [\d.]+ \|/);
  });
});
