/**
 * Slow test: the published package works for a consumer. Packs the repo with `npm pack` (which runs
 * `prepare`, i.e. the build), checks the tarball holds exactly the intended files, installs it into
 * an empty project from the npm cache (`--prefer-offline`; the optional peer @resvg/resvg-js is not
 * installed), type-checks a consumer `.ts` file of both entry points with the project's tsc under
 * NodeNext, runs it with node, bundles "." for the browser, and runs the `qiwan` bin.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForBrowser } from "../../scripts/check-browser.js";

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
  it("the tarball holds exactly dist (JS and declarations of every src module, no source maps), networks/ and the package files", () => {
    const srcModules = readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
      .map((f) => f.split(path.sep).join("/").replace(/\.ts$/, ""));
    const tracked = execFileSync("git", ["ls-files", "networks"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
    const intended = new Set([
      ...srcModules.flatMap((m) => [`dist/${m}.js`, `dist/${m}.d.ts`]),
      ...tracked,
      "README.md",
      "LICENSE",
      "package.json",
    ]);
    expect([...packedFiles].sort()).toEqual([...intended].sort());
    expect(packedFiles.filter((f) => f.endsWith(".map"))).toEqual([]); // no maps pointing at unshipped sources
    expect(packedFiles).toContain("dist/cli/main.js");
    expect(packedFiles).toContain("networks/schema.json");
  });

  it("\".\" bundles for the browser from the installed package; require() works (Node's require of ESM)", async () => {
    writeFileSync(path.join(consumer, "browser.js"), `import { buildModel, loadNetwork, Query } from "qiwan-access";\nexport { buildModel, loadNetwork, Query };\n`);
    const r = await bundleForBrowser(path.join(consumer, "browser.js"));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    const { stdout } = await exec(process.execPath, ["-e", "const q = require('qiwan-access'); const n = require('qiwan-access/node'); process.stdout.write(typeof q.buildModel + ' ' + typeof n.loadGtfs + ' ' + (n.buildModel === q.buildModel))"], { cwd: consumer });
    expect(stdout).toBe("function function true");
  });

  it("without the optional @resvg/resvg-js, svgToPng fails with MissingDependencyError naming it", async () => {
    expect(existsSync(path.join(consumer, "node_modules/@resvg/resvg-js"))).toBe(false);
    const script = `import { svgToPng } from "qiwan-access/node";
svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>').then(() => console.log("rendered"), (e) => console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })));`;
    writeFileSync(path.join(consumer, "png.mjs"), script);
    const { stdout } = await exec(process.execPath, [path.join(consumer, "png.mjs")], { cwd: consumer });
    const e = JSON.parse(stdout);
    expect(e).toMatchObject({ name: "MissingDependencyError", code: "DEPENDENCY_MISSING" });
    expect(e.message).toContain("npm install @resvg/resvg-js");
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
