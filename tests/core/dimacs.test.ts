import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CoreError, ShortestPathSearch } from "../../src/index.js";
import { readDimacs } from "../../src/node.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const fixture = join(here, "fixtures", "tiny.gr");
const repoRoot = resolve(here, "../..");
const nyPath = resolve(repoRoot, "../shared/data/ny-road-reconstructed.gr.gz");

describe("readDimacs(path)", () => {
  it("reads a .gr file: ids \"1\"..\"n\", edge ids in arc-line order, exact times", async () => {
    const g = await readDimacs(fixture);
    expect([g.nodeCount, g.edgeCount]).toEqual([5, 5]);
    expect(g.idOf(0)).toBe("1");
    expect(g.indexOf("5")).toBe(4);
    expect(g.edgeCostSecs(2)).toBe(40);
    const search = new ShortestPathSearch(g);
    // From node "1": 2 at 10, 3 at 30 via 2 (not 40 direct), 4 at 35, 5 isolated.
    expect(Array.from(search.oneToAll(g.indexOf("1")))).toEqual([0, 10, 30, 35, Infinity]);
    expect(search.pathTo(g.indexOf("4"))).toEqual({ nodes: [0, 1, 2, 3], edges: [0, 1, 3], costSecs: 35 });
  });

  it("reads the gzipped copy identically", async () => {
    const [plain, gz] = await Promise.all([readDimacs(fixture), readDimacs(fixture + ".gz")]);
    for (let s = 0; s < 5; s++) {
      expect(Array.from(new ShortestPathSearch(gz).oneToAll(s))).toEqual(Array.from(new ShortestPathSearch(plain).oneToAll(s)));
    }
  });

  it("rejects malformed files with CoreError naming file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiwan-dimacs-"));
    const cases: Array<[string, string]> = [
      ["p sp 2 1\na 1 3 5\n", ":2:"],
      ["p sp 2 1\na 1 2 -5\n", "-5"],
      ["a 1 2 5\n", "before"],
      ["p sp 2 2\na 1 2 5\n", "1 arc lines"],
      ["p sp 2 1\nx\n", "unexpected"],
    ];
    for (const [i, [text, fragment]] of cases.entries()) {
      const file = join(dir, `bad${i}.gr`);
      writeFileSync(file, text);
      await expect(readDimacs(file)).rejects.toThrow(CoreError);
      await expect(readDimacs(file)).rejects.toThrow(fragment);
    }
    await expect(readDimacs(join(dir, "missing.gr"))).rejects.toThrow(CoreError);
  });
});

if (!existsSync(nyPath)) console.warn(`skipping the NY DIMACS test: ${nyPath} not found (reference data lives outside the repo)`);

describe.skipIf(!existsSync(nyPath))("readDimacs on the real NY road graph", () => {
  it("bucket and heap searches agree from a few sources, and paths sum to the times", async () => {
    const bucket = await readDimacs(nyPath);
    const heap = bucket.withCosts(Array.from({ length: bucket.edgeCount }, (_, e) => bucket.edgeCostSecs(e) + 0.5));
    expect(bucket.nodeCount).toBe(264346);
    expect(bucket.queue).toBe("bucket");
    expect(heap.queue).toBe("heap");
    const heapOnly = await readDimacs(nyPath, { queue: "heap", reorder: true });
    const a = new ShortestPathSearch(bucket);
    const b = new ShortestPathSearch(heapOnly);
    for (const source of [0, 1234, 200000]) {
      const ta = a.oneToAll(source);
      expect(Array.from(b.oneToAll(source))).toEqual(Array.from(ta));
      const far = ta.reduce((best, t, v) => (t < Infinity && t > ta[best]! ? v : best), source);
      const path = a.pathTo(far)!;
      expect(path.edges.reduce((sum, e) => sum + bucket.edgeCostSecs(e), 0)).toBe(ta[far]);
    }
  }, 120_000);
});
