/**
 * Slow test: the published package works for a consumer. Packs the repo with `npm pack` (which runs
 * `prepare`, i.e. the build), installs the tarball into an empty project from the npm cache
 * (`--prefer-offline`), type-checks a consumer `.ts` file with the project's tsc under NodeNext,
 * runs it with node, and runs the `qiwan` bin.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSC = path.join(ROOT, "node_modules/.bin/tsc");
const FIXTURE = path.join(ROOT, "tests/fixtures/networks/tiny.json");
const HAS_EMBEDDED = existsSync(path.join(ROOT, "networks/qijiang-wansheng/network.json"));

const work = mkdtempSync(path.join(tmpdir(), "qiwan-pkg-"));
const consumer = path.join(work, "consumer");
let packedFiles: string[] = [];

beforeAll(async () => {
  const { stdout } = await exec("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  // npm may print lifecycle output before the JSON array.
  const info = JSON.parse(stdout.slice(stdout.indexOf("[")));
  packedFiles = info[0].files.map((f: { path: string }) => f.path);
  const tgz = path.join(work, info[0].filename);
  const { mkdirSync } = await import("node:fs");
  mkdirSync(consumer);
  writeFileSync(
    path.join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  await exec("npm", ["install", tgz, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: consumer,
  });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("package (slow): npm pack → npm install → import, type-check, run", () => {
  it("the tarball holds dist (JS and declarations) and networks/, not src or tests", () => {
    expect(packedFiles).toContain("dist/index.js");
    expect(packedFiles).toContain("dist/index.d.ts");
    expect(packedFiles).toContain("dist/cli/main.js");
    expect(packedFiles).toContain("networks/schema.json");
    expect(packedFiles.some((f) => f.startsWith("tests/") || f.startsWith("src/"))).toBe(false);
  });

  it("a NodeNext TypeScript consumer type-checks and runs loadNetwork through the package", async () => {
    const target = HAS_EMBEDDED ? "embeddedNetworkPath()" : JSON.stringify(FIXTURE);
    if (!HAS_EMBEDDED)
      console.warn("networks/qijiang-wansheng is not in this branch: the package test loads the tiny fixture instead");
    writeFileSync(
      path.join(consumer, "check.ts"),
      `import { resolveScenario, NetworkValidationError, type Network, type ResolvedScenario } from "qiwan-access";
import { loadNetwork, embeddedNetworkPath } from "qiwan-access/node";
const network: Network = await loadNetwork(${target});
const resolved: ResolvedScenario[] = network.scenarios.map((s) => resolveScenario(network, s.id));
let rejected = "";
try {
  await loadNetwork({ schema: "nope" });
} catch (e) {
  if (e instanceof NetworkValidationError) rejected = e.name;
}
console.log(JSON.stringify({ id: network.id, scenarios: resolved.map((r) => r.id), rejected, embedded: embeddedNetworkPath() }));
`,
    );
    writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          types: [],
          skipLibCheck: false,
          outDir: "out",
        },
        files: ["check.ts"],
      }),
    );
    await exec(TSC, ["-p", consumer], { cwd: consumer });
    const { stdout } = await exec(process.execPath, [path.join(consumer, "out/check.js")], { cwd: consumer });
    const result = JSON.parse(stdout);
    expect(result.rejected).toBe("NetworkValidationError");
    expect(result.embedded).toBe(path.join(consumer, "node_modules/qiwan-access/networks/qijiang-wansheng"));
    expect(result.scenarios.length).toBeGreaterThan(0);
    if (!HAS_EMBEDDED) expect(result.id).toBe("tiny");
  });

  it("the qiwan bin prints help and runs info", async () => {
    const bin = path.join(consumer, "node_modules/.bin/qiwan");
    const help = await exec("npx", ["--no-install", "qiwan", "--help"], { cwd: consumer });
    expect(help.stdout).toContain("Usage: qiwan");
    expect((await exec(bin, ["--version"], { cwd: consumer })).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const info = await exec(bin, ["--network", FIXTURE, "info", "--format", "json"], { cwd: consumer });
    expect(JSON.parse(info.stdout).id).toBe("tiny");
    if (HAS_EMBEDDED) {
      const embedded = await exec(bin, ["info"], { cwd: consumer });
      expect(embedded.stdout).toContain("scenario");
    } else {
      const missing = await exec(bin, ["info"], { cwd: consumer }).catch((e: { code: number; stderr: string }) => e);
      expect(missing).toMatchObject({ code: 3 });
      expect((missing as { stderr: string }).stderr).toContain("embedded network is not installed");
    }
    expect(readdirSync(path.join(consumer, "node_modules/qiwan-access/networks"))).toContain("schema.json");
  });
});
