import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CliError, EXIT } from "../../src/cli/exit.js";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import type { RegisterCommand } from "../../src/cli/context.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { embeddedNetworkPath } from "../../src/node.js";
import { loadNetwork } from "../../src/node.js";
import { resolveScenario, summarizeNetwork, UnknownIdError, VERSION } from "../../src/index.js";

const FIX = path.resolve(import.meta.dirname, "../fixtures");
const TINY = path.join(FIX, "networks/tiny.json");
const TINY_FOLDER = path.join(FIX, "networks/tiny-folder");
const STACK_LINE = /^\s{4}at /m;

async function cli(argv: string[], commands?: readonly RegisterCommand[], env: Record<string, string> = {}) {
  const io = memoryIo({ env });
  const code = await run(argv, io, commands);
  return { code, out: io.out(), err: io.err() };
}

describe("run(argv, io): help, version, usage errors", () => {
  it("--help and --version exit 0; the help lists commands and exit codes", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(EXIT.OK);
    expect(help.out).toContain("Usage: qiwan");
    expect(help.out).toContain("--network <path>");
    expect(help.out).toContain("info");
    expect(help.out).toContain(
      "Exit codes: 0 ok, 1 targets failed, 2 usage error, 3 bad network data, 4 internal error",
    );
    const version = await cli(["--version"]);
    expect(version).toEqual({ code: EXIT.OK, out: `${VERSION}\n`, err: "" });
  });

  it("every command has --help", async () => {
    for (const name of ["info"]) {
      const r = await cli([name, "--help"]);
      expect(r.code).toBe(EXIT.OK);
      expect(r.out).toContain(`Usage: qiwan ${name}`);
    }
  });

  it("unknown options, commands and choices exit 2 with a one-line error and no stack", async () => {
    for (const argv of [["--bogus"], ["nope"], ["info", "--format", "xml"], ["info", "--network"], []]) {
      const r = await cli(argv);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      expect(r.err).not.toMatch(STACK_LINE);
      if (argv.length > 0) expect(r.err.split("\n")[0]).toMatch(/^qiwan: error: /);
    }
    expect((await cli(["info", "--format", "xml"])).err).toContain("xml");
  });
});

describe("run(argv, io): error mapping", () => {
  const thrower =
    (err: unknown): RegisterCommand =>
    (program) => {
      program.command("boom").action(() => {
        throw err;
      });
    };

  it("UnknownIdError (unknown place or scenario) exits 2 with its message", async () => {
    const r = await cli(["boom"], [thrower(new UnknownIdError("place", "QJ_EASTT", "QJ_EAST", ["QJ_EAST"], "--from"))]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toBe('qiwan: unknown place "QJ_EASTT" in --from; did you mean "QJ_EAST"?\n');
  });

  it("an unknown scenario from resolveScenario exits 2", async () => {
    const cmd: RegisterCommand = (program, ctx) => {
      program.command("scen <id>").action(async (id: string) => {
        resolveScenario(await ctx.network(), id);
      });
    };
    const r = await cli(["--network", TINY, "scen", "plan2052"], [cmd]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toContain('did you mean "plan2025"?');
  });

  it("CliError exits with its code; a command may set TARGETS_FAILED", async () => {
    expect((await cli(["boom"], [thrower(new CliError("no such target", EXIT.USAGE))])).code).toBe(EXIT.USAGE);
    const failing: RegisterCommand = (program, ctx) => {
      program.command("check").action(() => {
        ctx.exitCode = EXIT.TARGETS_FAILED;
      });
    };
    expect((await cli(["check"], [failing])).code).toBe(EXIT.TARGETS_FAILED);
  });

  it("anything unexpected exits 4 with one line; the stack only with --debug", async () => {
    const r = await cli(["boom"], [thrower(new RangeError("index 7 out of range"))]);
    expect(r.code).toBe(EXIT.INTERNAL);
    expect(r.err).toBe("qiwan: internal error: RangeError: index 7 out of range (rerun with --debug for details)\n");
    const d = await cli(["--debug", "boom"], [thrower(new RangeError("index 7 out of range"))]);
    expect(d.code).toBe(EXIT.INTERNAL);
    expect(d.err).toMatch(STACK_LINE);
    const s = await cli(["boom"], [thrower("a string")]);
    expect(s.code).toBe(EXIT.INTERNAL);
    expect(s.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("qiwan info", () => {
  it("--format json is summarizeNetwork of the network, and its counts agree with resolveScenario", async () => {
    const r = await cli(["--network", TINY, "info", "--format", "json"]);
    expect(r.code).toBe(EXIT.OK);
    const json = JSON.parse(r.out);
    const n = await loadNetwork(TINY);
    expect(json).toEqual(JSON.parse(JSON.stringify(summarizeNetwork(n))));
    expect(json.scenarios.map((s: { id: string }) => s.id)).toEqual(n.scenarios.map((s) => s.id));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    for (const s of json.scenarios) {
      const res = resolveScenario(n, s.id);
      expect(s.links).toBe(res.links.length);
      expect(s.services).toBe(res.services.length);
      expect(s.projects).toBe(res.projects.size);
      expect(sum(s.linksByMode)).toBe(s.links);
      expect(sum(s.linksByStatus)).toBe(s.links);
      expect(sum(s.servicesByMode)).toBe(s.services);
      expect(sum(s.servicesByStatus)).toBe(s.services);
      expect(sum(s.projectsByStatus)).toBe(s.projects);
    }
    expect(json.placesByKind).toEqual({ city: 2, town: 1, station: 2, node: 1 });
    // plan2025, by hand: expressway (under construction) replaces road_AJ; 5 base-or-existing links remain.
    const plan = json.scenarios.find((s: { id: string }) => s.id === "plan2025");
    expect(plan.linksByStatus).toEqual({ existing: 5, "under-construction": 1, planned: 0, study: 0 });
    expect(plan.linksByMode).toEqual({ rail: 1, expressway: 1, road: 2, connector: 2 });
  });

  it("--format table (default) and md print one column per scenario; file and folder print the same", async () => {
    const table = await cli(["--network", TINY, "info"]);
    expect(table.code).toBe(EXIT.OK);
    const header = table.out.split("\n").find((l) => l.startsWith("scenario"))!;
    expect(header.split(/\s+/)).toEqual(["scenario", "base2020", "plan2025", "vision2035", "studies2035", "manual"]);
    expect(table.out).toMatch(/^year\s+2020\s+2025\s+2035\s+2035\s+2035$/m);
    expect((await cli(["info", "--network", TINY_FOLDER])).out).toBe(table.out);
    const md = await cli(["--network", TINY, "info", "--format", "md"]);
    expect(md.out).toContain("| scenario | base2020 | plan2025 | vision2035 | studies2035 | manual |");
    expect(md.out).toContain("|---|---:|---:|---:|---:|---:|");
  });

  it("colours the title only when asked (FORCE_COLOR), never with NO_COLOR or --no-color", async () => {
    const plain = await cli(["--network", TINY, "info"]);
    const forced = await cli(["--network", TINY, "info"], undefined, { FORCE_COLOR: "1" });
    expect(forced.out.startsWith("\u001b[1mTiny test network")).toBe(true);
    expect(forced.out.replace(/\u001b\[\d+m/g, "")).toBe(plain.out);
    expect((await cli(["--network", TINY, "info"], undefined, { FORCE_COLOR: "1", NO_COLOR: "1" })).out).toBe(
      plain.out,
    );
    expect((await cli(["--no-color", "--network", TINY, "info"], undefined, { FORCE_COLOR: "1" })).out).toBe(plain.out);
  });

  it.skipIf(existsSync(embeddedNetworkPath()))(
    "without --network and no embedded network: exit 3 with a clear message",
    async () => {
      const r = await cli(["info"]);
      expect(r.code).toBe(EXIT.BAD_DATA);
      expect(r.err).toContain("the embedded network is not installed");
      expect(r.err).toContain("--network");
      expect(r.err.trim().split("\n")).toHaveLength(1);
    },
  );

  it.runIf(existsSync(embeddedNetworkPath()))(
    "without --network: summarises every scenario of the embedded network",
    async () => {
      const r = await cli(["info", "--format", "json"]);
      expect(r.code, r.err).toBe(EXIT.OK);
      const n = await loadNetwork(embeddedNetworkPath());
      expect(JSON.parse(r.out).scenarios.map((s: { id: string }) => s.id)).toEqual(n.scenarios.map((s) => s.id));
    },
  );

  it("every bad fixture exits 3, one line per problem, never a stack trace", async () => {
    const bad = path.join(FIX, "bad");
    for (const name of readdirSync(bad)) {
      const r = await cli(["info", "--network", path.join(bad, name)]);
      expect(r.code, name).toBe(EXIT.BAD_DATA);
      expect(r.out).toBe("");
      expect(r.err).not.toMatch(STACK_LINE);
      const lines = r.err.trimEnd().split("\n");
      const count = Number(/: (\d+) problems?$/.exec(lines[0]!)?.[1]);
      expect(lines[0]).toMatch(/^qiwan: invalid network /);
      expect(lines).toHaveLength(count + 1);
    }
  });

  it("COMMANDS registers info", () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(1);
  });
});
