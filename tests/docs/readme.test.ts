/**
 * The README is a front door: at most 400 lines, the two quick-start commands CI greps for, links that
 * resolve, and every generated block (verdict, performance, counts) equal to what scripts/readme.ts
 * computes now: a stale number fails here (run `npx tsx scripts/readme.ts`).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blocksIn, README, readmeBlocks } from "../../scripts/readme.js";

const text = readFileSync(README, "utf8");

describe("README.md", () => {
  it("is at most 400 lines and holds the quick-start commands .ci/run extracts", () => {
    expect(text.split("\n").length).toBeLessThanOrEqual(400);
    expect(text).toContain("npm ci && npm start");
    expect(text).toContain("npm ci && npm test");
  });

  it("every generated block is current", () => {
    const found = blocksIn(text);
    const generated = readmeBlocks();
    expect([...found.keys()].sort()).toEqual(Object.keys(generated).sort());
    for (const [name, content] of Object.entries(generated)) expect(found.get(name), `block ${name}: run npx tsx scripts/readme.ts`).toBe(content.trimEnd());
  });

  it("every relative link points at a file that exists", () => {
    const docs = ["README.md", ...["cli", "core", "data", "development", "isochrones-and-maps", "model", "network-format", "scenarios-attribution-uncertainty", "timetables"].map((n) => `docs/${n}.md`)];
    const missing: string[] = [];
    for (const doc of docs) {
      const file = path.join(path.dirname(README), doc);
      for (const m of readFileSync(file, "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(path.resolve(path.dirname(file), target))) missing.push(`${doc} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
