/**
 * The hostile-input corpus tests/fixtures/bad/robust/ (written by scripts/generate-bad-fixtures.ts)
 * through the CLI: every class of bad data exits 3 and every bad argument exits 2, each with one
 * clear message and no stack trace, and nothing outside the test's temporary folder changes.
 * The expected messages are stated here, independently of the generator.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit.js";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { CoreError, LimitError, LIMITS } from "../../src/index.js";
import { readDimacs } from "../../src/node.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CORPUS = path.join(ROOT, "tests/fixtures/bad/robust");
const EXACT = path.join(ROOT, "tests/fixtures/model/exact.json");
const STACK_LINE = /^\s{4}at /m;
/** Raw invisible characters that must never reach the terminal unescaped. */
const RAW_INVISIBLE = /[\u202E\u200B\u200E\u2066-\u2069\uFEFF]/;
const tmp = mkdtempSync(path.join(tmpdir(), "qiwan-corpus-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Size and modification time of every file under the folders a run could touch by mistake. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.set(path.relative(ROOT, p), `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  for (const d of ["tests/fixtures", "networks", "reports"]) walk(path.join(ROOT, d));
  return out;
}
const before = snapshot();

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Each bad network: the file holding the defect (default: the case itself), its JSON path, and what the message says. */
const NETWORKS: Record<string, { readonly path: string; readonly says: string; readonly file?: string }> = {
  "duplicate-key.json": { path: "targets[0].thresholdMin", says: 'duplicate key "thresholdMin" at line 406, column 7; the same object has it at line 405, column 7' },
  "asof-impossible.json": { path: "asOf", says: '"2025-13-45" is not a calendar date' },
  "accessed-impossible.json": { path: "sources[0].accessed", says: '"2026-02-30" is not a calendar date' },
  "invalid-utf8.json": { path: "$", says: "not valid UTF-8 at byte 124 (line 7): 0xC6 0xE6" },
  "empty-network.json": { path: "$", says: "the network is empty" },
  "no-scenarios.json": { path: "scenarios", says: '"scenarios" is empty' },
  "deep-note.json": { path: "$", says: `nesting deeper than ${LIMITS.jsonDepth.max} levels` },
  "invisible-id.json": { path: "links[0].to", says: '"S1\\u202E" is not valid: an id is' },
  "unknown-id-23-uses.json": { path: "links[7].from", says: 'unknown place "QJ_GONE" (23 uses: links[7].from, links[8].from, links[9].from, and 20 more)' },
  "unterminated-quote.json": { path: "$", says: "line 13, column 13: unterminated string" },
  "folder-duplicate-key-in-file": { path: "places[0].kind", says: 'duplicate key "kind"', file: "folder-duplicate-key-in-file/places.json" },
};
const WARNS = "service-on-no-link.json";
/** Bad scenario files (given to compare as argument B) and what the one-line message says. */
const SCENARIOS: Record<string, string> = {
  "scenario-duplicate-key.json": 'base: duplicate key "base" at line 4, column 3; the same object has it at line 2, column 3',
  "scenario-deep.json": `nested too deeply at line 1, column 396: nesting deeper than ${LIMITS.jsonDepth.max} levels`,
  "scenario-invalid-utf8.json": "not valid UTF-8 at byte 27 (line 1)",
};
const DIMACS = ["dimacs-huge-nodes.gr", "dimacs-isolated-nodes.gr", "dimacs-arcs-beyond-size.gr"];

describe("tests/fixtures/bad/robust: every file has a case here", () => {
  it("the corpus and the cases agree", () => {
    expect(readdirSync(CORPUS).sort()).toEqual([...Object.keys(NETWORKS), WARNS, ...Object.keys(SCENARIOS), ...DIMACS].sort());
  });
});

describe("bad network data exits 3 with one problem, for every command", () => {
  const commands = [["info"], ["check"], ["route", "--from", "A", "--to", "B"], ["matrix"], ["isochrone", "--from", "A", "--scenario", "base"]];
  for (const [name, c] of Object.entries(NETWORKS)) {
    it(`${name}: ${c.says}`, async () => {
      const network = path.join(CORPUS, name);
      for (const argv of commands) {
        const r = await cli(["--network", network, ...argv]);
        const label = `${name} ${argv[0]}`;
        expect(r.code, label).toBe(EXIT.BAD_DATA);
        expect(r.out, label).toBe("");
        expect(r.err, label).not.toMatch(STACK_LINE);
        expect(r.err, label).not.toMatch(RAW_INVISIBLE);
        const lines = r.err.trimEnd().split("\n");
        expect(lines, label).toEqual([
          `qiwan: invalid network ${network}: 1 problem`,
          expect.stringContaining(`  ${path.join(CORPUS, c.file ?? name)}: ${c.path}: `),
        ]);
        expect(lines[1], label).toContain(c.says);
        expect(lines[1], label).toMatch(/\(fix: .{10,}\)$/);
      }
    });
  }
});

describe("bad scenario files exit 3 with one line", () => {
  for (const [name, says] of Object.entries(SCENARIOS)) {
    it(`${name}: ${says}`, async () => {
      const file = path.join(CORPUS, name);
      const r = await cli(["--network", EXACT, "compare", "base", file, "--no-isochrones"]);
      expect(r.code).toBe(EXIT.BAD_DATA);
      expect(r.out).toBe("");
      expect(r.err.trimEnd().split("\n")).toEqual([expect.stringContaining(`qiwan: ${file}: ${says}`)]);
    });
  }
});

describe("model warnings are printed, and --strict makes them exit 3", () => {
  const network = path.join(CORPUS, WARNS);
  const warning = 'qiwan: warning: services[3] "X1" segment D → E: no runMinutes and no hsr link path usable by the service';

  it("without --strict: exit as usual, the warning once on stderr (for every command that loads the network)", async () => {
    for (const argv of [["check"], ["info"], ["matrix"]]) {
      const r = await cli(["--network", network, ...argv]);
      expect(r.code, argv[0]).toBe(EXIT.OK);
      expect(r.err.split("\n").filter((l) => l.startsWith("qiwan: warning:")), argv[0]).toEqual([expect.stringContaining(warning)]);
      expect(r.out.length).toBeGreaterThan(0);
    }
  });

  it("--strict (before or after the command): exit 3 before any output", async () => {
    for (const argv of [["--strict", "check"], ["check", "--strict"], ["--strict", "info"]]) {
      const r = await cli(["--network", network, ...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.BAD_DATA);
      expect(r.out).toBe("");
      expect(r.err.trimEnd().split("\n")).toEqual([
        expect.stringContaining(warning),
        `qiwan: 1 model warning about --network ${network} and --strict: stopping (fix the network, or run without --strict)`,
      ]);
    }
  });

  it("--strict on a network without warnings keeps check's meaning: exit 1 when a target fails", async () => {
    const r = await cli(["--network", EXACT, "check", "--strict"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT.TARGETS_FAILED);
  });
});

describe("arguments beyond the documented limits exit 2 at once, naming the flag and the limit", () => {
  const minutes = Array.from({ length: 2000 }, (_, i) => i + 1).join(",");
  const cases: [string[], RegExp][] = [
    [["uncertainty", "--draws", "1e9"], /^qiwan: --draws = 1,000,000,000 is above the limit of 100,000 draws for Monte Carlo draws \(LIMITS\.draws: /],
    [["attribute", "--scenario", "plan", "--permutations", "1000000000"], /^qiwan: --permutations = 1,000,000,000 is above the limit of 100,000 permutations/],
    [["isochrone", "--from", "A", "--scenario", "base", "--minutes", minutes], /^qiwan: number of --minutes values = 2,000 is above the limit of 120 cutoffs/],
    [["map", "--out", path.join(tmp, "m.svg"), "--from", "A", "--minutes", minutes], /^qiwan: number of --minutes values = 2,000 is above the limit of 120 cutoffs/],
    [["isochrone", "--from", "A", "--scenario", "base", "--cell-m", "0.5"], /^qiwan: a 0\.5 m grid over .* cells, more than maxCells 4000000/],
  ];
  for (const [argv, message] of cases) {
    it(argv.slice(0, 1).concat(argv.filter((a) => a.startsWith("--"))).join(" "), async () => {
      const r = await cli(["--network", EXACT, ...argv]);
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    });
  }
});

describe("DIMACS headers the file cannot hold are refused before anything is allocated", () => {
  it("2,000,000,000 nodes in a 17-byte file: LimitError (graphNodes)", async () => {
    const err = await readDimacs(path.join(CORPUS, "dimacs-huge-nodes.gr")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitError);
    expect(err).toMatchObject({ limit: "graphNodes", value: 2_000_000_000 });
  });

  it("more nodes than arcs and bytes can name, more arcs than the file has bytes for: CoreError naming the p line", async () => {
    await expect(readDimacs(path.join(CORPUS, "dimacs-isolated-nodes.gr"))).rejects.toThrow(
      /dimacs-isolated-nodes\.gr:1: the "p" line announces 40000000 nodes, more than 0 arcs in a 16-byte file can use/,
    );
    const err = await readDimacs(path.join(CORPUS, "dimacs-arcs-beyond-size.gr")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as Error).message).toMatch(/:2: the "p" line announces 9000000 arcs, but a \d+-byte file holds at most \d+ arc lines/);
  });
});

describe("as a child process (the real stack and exit code)", () => {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const qiwan = (...argv: string[]) =>
    promisify(execFile)(tsx, ["src/cli/main.ts", ...argv], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("a note nested 5,000 levels deep exits 3 (it used to end in exit 4, RangeError)", async () => {
    const r = await qiwan("--network", path.join(CORPUS, "deep-note.json"), "check");
    expect(r.code).toBe(EXIT.BAD_DATA);
    expect(r.stderr).toContain("nesting deeper than");
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("--draws 1e9 exits 2 instead of starting an 8-day run", async () => {
    const r = await qiwan("--network", EXACT, "uncertainty", "--draws", "1e9");
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain("LIMITS.draws");
  });
});

describe("nothing outside the temporary folder was modified", () => {
  // Runs last in this file (vitest runs a file's tests in order).
  it("tests/fixtures, networks and reports are as they were", () => {
    expect(snapshot()).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
