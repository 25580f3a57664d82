import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGraph, matrix, ShortestPathSearch } from "../../src/index.js";
import { matrixParallel } from "../../src/node.js";
import { graphArb } from "./oracles.js";
import { runs } from "../util/property.js";

describe("matrix(graph, origins, destinations)", () => {
  it("rows = oneToAll at the destinations (with and without cutoff)", () => {
    fc.assert(
      fc.property(graphArb(), fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 5 }), fc.option(fc.nat(3000), { nil: undefined }), (g, o, d, cutoffSecs) => {
        const compiled = compileGraph(g);
        const origins = o.map((x) => x % g.nodeCount);
        const destinations = d.map((x) => x % g.nodeCount);
        const rows = matrix(compiled, origins, destinations, { cutoffSecs });
        const search = new ShortestPathSearch(compiled);
        expect(rows.length).toBe(origins.length);
        rows.forEach((row, i) => {
          const all = search.oneToAll(origins[i]!, { cutoffSecs });
          expect(Array.from(row)).toEqual(destinations.map((t) => all[t]));
        });
      }),
      runs(100),
    );
  });
});

describe("matrixParallel(graph, origins, destinations, { workers })", () => {
  it("gives exactly the serial rows (worker threads over a shared graph), for bucket and heap graphs", async () => {
    // A 40x40 grid with pseudo-random integer costs (deterministic LCG, seed 7).
    const side = 40;
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const from: number[] = [];
    const to: number[] = [];
    const costSecs: number[] = [];
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const v = r * side + c;
        if (c + 1 < side) from.push(v), to.push(v + 1), costSecs.push(30 + Math.floor(rand() * 270));
        if (r + 1 < side) from.push(v), to.push(v + side), costSecs.push(30 + Math.floor(rand() * 270));
      }
    }
    const origins = Array.from({ length: 25 }, () => Math.floor(rand() * side * side));
    const destinations = Array.from({ length: 30 }, () => Math.floor(rand() * side * side));
    for (const graph of [
      compileGraph({ nodeCount: side * side, from, to, costSecs, directed: false }),
      compileGraph({ nodeCount: side * side, from, to, costSecs: costSecs.map((c) => c + 0.25), directed: false, }, { reorder: true }),
    ]) {
      for (const cutoffSecs of [undefined, 2000]) {
        const serial = matrix(graph, origins, destinations, { cutoffSecs });
        const parallel = await matrixParallel(graph, origins, destinations, { workers: 2, cutoffSecs });
        expect(parallel.map((r) => Array.from(r))).toEqual(serial.map((r) => Array.from(r)));
        expect(serial.some((r) => r.some((t) => t > 0 && t < Infinity))).toBe(true);
      }
    }
  });

  it("handles no origins and no destinations", async () => {
    const g = compileGraph({ nodeCount: 2, from: [0], to: [1], costSecs: [3] });
    expect(await matrixParallel(g, [], [0, 1], { workers: 2 })).toEqual([]);
    expect((await matrixParallel(g, [0, 1], [], { workers: 2 })).map((r) => r.length)).toEqual([0, 0]);
  });
});

describe("matrixParallel from the built JavaScript (dist layout)", () => {
  it("compiles src with tsc into .tmp and runs workers from plain .js, equal to serial", () => {
    const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
    const outDir = join(repoRoot, ".tmp", `dist-test-${process.pid}`);
    const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", join(repoRoot, "tsconfig.build.json"), "--outDir", outDir, "--declaration", "false", "--declarationMap", "false", "--sourceMap", "false"], { stdio: "pipe" });
      const entry = pathToFileURL(join(outDir, "node.js")).href;
      const script = `
        import { compileGraph, matrix, matrixParallel } from ${JSON.stringify(entry)};
        const n = 300, from = [], to = [], costSecs = [];
        for (let i = 0; i < n; i++) { from.push(i); to.push((i * 7 + 3) % n); costSecs.push(1 + (i * 13) % 50); from.push(i); to.push((i + 1) % n); costSecs.push(60); }
        const g = compileGraph({ nodeCount: n, from, to, costSecs });
        const o = [0, 5, 17, 99, 150, 299], d = [1, 2, 3, 200, 250];
        const a = JSON.stringify(matrix(g, o, d).map((r) => Array.from(r)));
        const b = JSON.stringify((await matrixParallel(g, o, d, { workers: 2 })).map((r) => Array.from(r)));
        process.stdout.write(a === b ? "equal" : "different: " + a + " vs " + b);
      `;
      const scriptFile = join(outDir, "check-workers.mjs");
      writeFileSync(scriptFile, script);
      const result = execFileSync(process.execPath, [scriptFile], { encoding: "utf8" });
      expect(result).toBe("equal");
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
