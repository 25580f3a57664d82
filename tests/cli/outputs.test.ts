import { spawn } from "node:child_process";
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { resolveOutputTarget, writeFileAtomic } from "../../src/cli/atomic.js";
import { EXIT } from "../../src/cli/exit.js";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import type { RegisterCommand } from "../../src/cli/context.js";
import { COMMANDS } from "../../src/cli/commands/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIX = path.join(ROOT, "tests/fixtures");
const EXACT = path.join(FIX, "model/exact.json");
const tmp = mkdtempSync(path.join(tmpdir(), "qiwan-outputs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding a copy of the exact fixture as `net.json`. */
function workdir(): { dir: string; net: string } {
  const dir = path.join(tmp, `w${n++}`);
  mkdirSync(dir);
  const net = path.join(dir, "net.json");
  copyFileSync(EXACT, net);
  return { dir, net };
}

async function cli(argv: string[], commands?: readonly RegisterCommand[]) {
  const io = memoryIo();
  const code = await run(argv, io, commands);
  return { code, out: io.out(), err: io.err() };
}

const noTemporaryFiles = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

describe("writeFileAtomic(file, data): what is replaced and what is written in place", () => {
  it("a symlink is written through: the link stays, its target gets the data, with its permission bits", async () => {
    const { dir } = workdir();
    const target = path.join(dir, "real.md");
    writeFileSync(target, "old");
    chmodSync(target, 0o600);
    const link = path.join(dir, "link.md");
    symlinkSync("real.md", link);
    const chain = path.join(dir, "chain.md");
    symlinkSync("link.md", chain); // two hops
    await writeFileAtomic(chain, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(chain).isSymbolicLink()).toBe(true);
    expect(readlinkSync(chain)).toBe("link.md");
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    noTemporaryFiles(dir);
  });

  it("a dangling symlink creates the file it names; a folder or a link loop is refused", async () => {
    const { dir } = workdir();
    symlinkSync("created.md", path.join(dir, "dangling.md"));
    await writeFileAtomic(path.join(dir, "dangling.md"), "x");
    expect(readFileSync(path.join(dir, "created.md"), "utf8")).toBe("x");
    expect(lstatSync(path.join(dir, "dangling.md")).isSymbolicLink()).toBe(true);
    await expect(writeFileAtomic(dir, "x")).rejects.toMatchObject({ code: "EISDIR" });
    symlinkSync("loop-b", path.join(dir, "loop-a"));
    symlinkSync("loop-a", path.join(dir, "loop-b"));
    await expect(writeFileAtomic(path.join(dir, "loop-a"), "x")).rejects.toMatchObject({ code: "ELOOP" });
    noTemporaryFiles(dir);
  });

  it("a device (/dev/null) is written in place and stays a device", async () => {
    expect(resolveOutputTarget("/dev/null").kind).toBe("direct");
    await writeFileAtomic("/dev/null", "discarded");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a FIFO is written in place: a reader receives the data and the FIFO stays a FIFO", async () => {
    const { dir } = workdir();
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      let text = "";
      createReadStream(fifo, "utf8")
        .on("data", (d) => (text += String(d)))
        .on("end", () => resolve(text))
        .on("error", reject);
    });
    await writeFileAtomic(fifo, ["through ", "the pipe"]);
    expect(await received).toBe("through the pipe");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    noTemporaryFiles(dir);
  });
});

describe("qiwan --out: devices, FIFOs, symlinks and /dev/stdout", () => {
  it("--out /dev/null exits 0 and leaves /dev/null a device", async () => {
    const { net } = workdir();
    const r = await cli(["--network", net, "check", "--out", "/dev/null"]);
    expect(r.code, r.err).toBe(EXIT.OK);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("--out FIFO streams the report to the reader (mkfifo)", async () => {
    const { dir, net } = workdir();
    const fifo = path.join(dir, "report.pipe");
    execFileSync("mkfifo", [fifo]);
    const received = new Promise<string>((resolve) => {
      let text = "";
      createReadStream(fifo, "utf8")
        .on("data", (d) => (text += String(d)))
        .on("end", () => resolve(text));
    });
    const r = await cli(["--network", net, "check", "--format", "csv", "--out", fifo]);
    expect(r.code, r.err).toBe(EXIT.OK);
    const direct = await cli(["--network", net, "check", "--format", "csv"]);
    expect(await received).toBe(direct.out);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("--out LINK writes the link's target and keeps the link", async () => {
    const { dir, net } = workdir();
    writeFileSync(path.join(dir, "report.csv"), "old");
    symlinkSync("report.csv", path.join(dir, "latest.csv"));
    const r = await cli(["--network", net, "check", "--format", "csv", "--out", path.join(dir, "latest.csv")]);
    expect(r.code, r.err).toBe(EXIT.OK);
    expect(lstatSync(path.join(dir, "latest.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "report.csv"), "utf8")).toMatch(/^scenario,/);
  });

  it("--out /dev/stdout in a child process sends the output down the pipe", () => {
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const out = execFileSync(tsx, ["src/cli/main.ts", "--network", EXACT, "check", "--format", "csv", "--out", "/dev/stdout"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(out).toMatch(/^scenario,target,/);
    expect(lstatSync("/dev/stdout").isSymbolicLink()).toBe(true);
  });
});

describe("qiwan refuses an output that is an input or another output (exit 2, naming both)", () => {
  it("--network net.json check --out net.json leaves the network untouched", async () => {
    const { dir, net } = workdir();
    const before = readFileSync(net, "utf8");
    for (const flag of ["--out", "--report"]) {
      const r = await cli(["--network", net, "check", flag, net]);
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.err).toBe(`qiwan: ${flag} ${net} would overwrite --network ${net}: refusing to write over an input; write the output to another file\n`);
    }
    // Another spelling of the same file, and a symlink to it, are the same input.
    const link = path.join(dir, "alias.json");
    symlinkSync("net.json", link);
    for (const spelling of [path.join(dir, ".", "net.json"), link]) {
      const r = await cli(["--network", net, "check", "--out", spelling]);
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.err).toContain("refusing to write over an input");
    }
    expect(readFileSync(net, "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["alias.json", "net.json"]);
  });

  it("any file of a network folder, new or existing, is refused", async () => {
    const folder = path.join(tmp, "folder-net");
    mkdirSync(folder);
    for (const f of readdirSync(path.join(FIX, "networks/tiny-folder"))) copyFileSync(path.join(FIX, "networks/tiny-folder", f), path.join(folder, f));
    const before = readFileSync(path.join(folder, "places.json"), "utf8");
    for (const name of ["places.json", "new.json"]) {
      const r = await cli(["--network", folder, "info", "--out", path.join(folder, name)], [outStandIn]);
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.err).toContain(`is inside --network ${folder}, an input folder`);
    }
    expect(readFileSync(path.join(folder, "places.json"), "utf8")).toBe(before);
    expect(readdirSync(folder)).not.toContain("new.json");
  });

  it("the embedded network is an input too", async () => {
    const r = await cli(["check", "--out", path.join(ROOT, "networks/qijiang-wansheng/places.json")]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toContain("is inside the embedded network");
  });

  it("a scenario file argument and a GTFS feed are inputs", async () => {
    const { dir } = workdir();
    const scenario = path.join(dir, "faster.json");
    writeFileSync(scenario, JSON.stringify({ base: "plan-2025", modifications: [] }));
    const a = await cli(["compare", "plan-2025", scenario, "--out", scenario]);
    expect(a.code).toBe(EXIT.USAGE);
    expect(a.err).toContain(`--out ${scenario} would overwrite argument <b> ${scenario}`);
    expect(JSON.parse(readFileSync(scenario, "utf8"))).toEqual({ base: "plan-2025", modifications: [] });
    const feed = path.join(dir, "feed.zip");
    copyFileSync(path.join(FIX, "gtfs/two-rides-crlf-bom.zip"), feed);
    const g = await cli(["--network", EXACT, "check", "--timetable", "--gtfs", feed, "--report", feed]);
    expect(g.code).toBe(EXIT.USAGE);
    expect(g.err).toContain(`--report ${feed} would overwrite --gtfs ${feed}`);
    expect(readFileSync(feed)).toEqual(readFileSync(path.join(FIX, "gtfs/two-rides-crlf-bom.zip")));
  });

  it("two outputs naming the same file, a missing folder or a folder as output are refused before any work", async () => {
    const { dir, net } = workdir();
    const same = await cli(["--network", net, "check", "--out", path.join(dir, "r.md"), "--report", path.join(dir, "r.md")]);
    expect(same.code).toBe(EXIT.USAGE);
    expect(same.err).toContain("name the same file");
    const missing = await cli(["--network", net, "check", "--out", path.join(dir, "no/such/r.md")]);
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.err).toContain(`folder ${path.join(dir, "no/such")} does not exist`);
    const folder = await cli(["--network", net, "check", "--out", dir]);
    expect(folder.code).toBe(EXIT.USAGE);
    expect(folder.err).toContain("is a folder");
    expect(readdirSync(dir)).toEqual(["net.json"]);
  });

  it("every command's output flags are guarded (they all run the same preAction check)", async () => {
    const { net } = workdir();
    const cases: string[][] = [
      ["route", "--from", "A", "--to", "B", "--out", net],
      ["matrix", "--out", net],
      ["isochrone", "--from", "A", "--scenario", "base", "--out", net],
      ["map", "--out", net],
      ["attribute", "--out", net],
      ["uncertainty", "--out", net],
    ];
    for (const argv of cases) {
      const r = await cli(["--network", net, ...argv], COMMANDS);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      expect(r.err, argv.join(" ")).toMatch(/would overwrite --network|a map is written as/);
    }
  });
});

/** A stand-in `info --out FILE` that would write FILE; used where the real command has no --out. */
const outStandIn: RegisterCommand = (program, ctx) => {
  program
    .command("info")
    .option("--out <file>")
    .action(async (opts: { out?: string }) => {
      await ctx.network();
      if (opts.out) writeFileSync(opts.out, "clobbered");
    });
};

describe("a signal during a write leaves no temporary file", () => {
  const script = path.join(tmp, "slow-write.mts");
  writeFileSync(
    script,
    [
      `import { writeFileAtomic } from ${JSON.stringify(path.join(ROOT, "src/cli/atomic.ts"))};`,
      "async function* slow() {",
      '  yield "first part ";',
      '  process.stdout.write("ready\\n");',
      "  await new Promise((r) => setTimeout(r, 60_000));",
      '  yield "never";',
      "}",
      "await writeFileAtomic(process.argv[2]!, slow());",
    ].join("\n"),
  );

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} mid-write: the target keeps its content, the temporary file is removed, the process dies of ${signal}`, async () => {
      const { dir } = workdir();
      const target = path.join(dir, "report.md");
      writeFileSync(target, "previous report");
      const child = spawn(process.execPath, ["--import", "tsx", script, target], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
        child.on("exit", () => reject(new Error(`child exited before writing: ${stderr}`)));
      });
      // Mid-write: the temporary file exists next to the target.
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
      child.kill(signal);
      const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on("exit", (c, s) => resolve([c, s])),
      );
      expect(sig ?? code).toBe(signal);
      noTemporaryFiles(dir);
      expect(readdirSync(dir).sort()).toEqual(["net.json", "report.md"]);
      expect(readFileSync(target, "utf8")).toBe("previous report");
    });
  }
});
