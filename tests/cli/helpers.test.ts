import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/cli/atomic.js";
import { colourEnabled, createColour } from "../../src/cli/colour.js";
import { renderTable } from "../../src/cli/format.js";
import { createProgress } from "../../src/cli/progress.js";

const tmp = mkdtempSync(path.join(tmpdir(), "qiwan-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("writeFileAtomic(path, data)", () => {
  it("writes strings, bytes and chunk iterables", async () => {
    const f = path.join(tmp, "a.txt");
    await writeFileAtomic(f, "hello");
    expect(readFileSync(f, "utf8")).toBe("hello");
    await writeFileAtomic(f, new TextEncoder().encode("bytes"));
    expect(readFileSync(f, "utf8")).toBe("bytes");
    await writeFileAtomic(f, ["a", "b", new TextEncoder().encode("c")]);
    expect(readFileSync(f, "utf8")).toBe("abc");
  });

  it("a failure midway leaves the old file intact and no temporary file behind", async () => {
    const dir = path.join(tmp, "fail");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    const f = path.join(dir, "report.json");
    writeFileSync(f, "old content");
    async function* failing() {
      yield "new content, part 1 ";
      yield "x".repeat(100_000);
      throw new Error("disk full (simulated)");
    }
    await expect(writeFileAtomic(f, failing())).rejects.toThrow("disk full (simulated)");
    expect(readFileSync(f, "utf8")).toBe("old content");
    expect(readdirSync(dir)).toEqual(["report.json"]);
    // A new file that fails is never created.
    await expect(writeFileAtomic(path.join(dir, "new.json"), failing())).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["report.json"]);
    // A missing folder fails cleanly.
    await expect(writeFileAtomic(path.join(dir, "no/such/dir.json"), "x")).rejects.toThrow(/ENOENT/);
  });
});

describe("colour", () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it("is on for a TTY, off for pipes, off with NO_COLOR or --no-color; FORCE_COLOR forces it on", () => {
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: "" })).toBe(true);
    expect(colourEnabled(tty, {}, false)).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: "0" })).toBe(false);
    expect(colourEnabled(tty, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });
  it("wraps text in escapes only when enabled", () => {
    expect(createColour(false).red("x")).toBe("x");
    expect(createColour(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});

describe("createProgress(stream, options)", () => {
  it("draws nothing when stderr is not a TTY", () => {
    let written = "";
    const p = createProgress({ write: (s: string) => (written += s), isTTY: false }, { total: 10 });
    p.tick(5);
    p.done();
    expect(written).toBe("");
  });
  it("on a TTY, draws throttled updates, always the last step, and clears the line at the end", () => {
    const frames: string[] = [];
    let t = 0;
    const p = createProgress(
      { write: (s: string) => frames.push(s), isTTY: true },
      { total: 4, label: "runs", width: 4, now: () => t },
    );
    p.tick(); // t=0: draws (first)
    p.tick(); // t=0: throttled
    t = 200;
    p.tick(); // draws
    p.tick(); // last step: draws despite throttle
    p.done();
    expect(frames).toEqual(["\rruns █░░░  25% 1/4", "\rruns ███░  75% 3/4", "\rruns ████ 100% 4/4", "\r\u001b[2K"]);
  });
});

describe("renderTable", () => {
  it("aligns columns (CJK counted double width) and renders Markdown", () => {
    expect(
      renderTable(
        ["a", "n"],
        [
          ["甲", "1"],
          ["bb", "22"],
        ],
        "table",
        ["left", "right"],
      ),
    ).toBe("a    n\n--  --\n甲   1\nbb  22\n");
    expect(renderTable(["a|b"], [["x"]], "md")).toBe("| a\\|b |\n|---|\n| x |\n");
  });
});

describe("qiwan as a child process (tsx)", () => {
  it("exits 3 on a bad network and prints no stack trace", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const tsx = path.join(root, "node_modules/.bin/tsx");
    const bad = path.join(root, "tests/fixtures/bad/scenario-cycle.json");
    const result = await promisify(execFile)(tsx, ["src/cli/main.ts", "info", "--network", bad], { cwd: root }).then(
      () => ({ code: 0, stdout: "", stderr: "" }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("cyclic scenario inheritance");
    expect(result.stderr).not.toMatch(/^\s{4}at /m);
    expect(result.stdout).toBe("");
  });

  it("a reader that goes away early (qiwan ... | head) ends it quietly, without a stack trace", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const tsx = path.join(root, "node_modules/.bin/tsx");
    const child = spawn(tsx, ["src/cli/main.ts", "--help"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // closed before the child writes anything: its writes fail with EPIPE
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/^\s{4}at /m);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });
});
