/**
 * Slow test: the notebooks' code runs against the published package, as a user who copied them into
 * their own project would run it. Packs the repo, installs the tarball into an empty project, writes
 * each notebook's code cells as one script (the Jupyter display call stubbed, the Monte Carlo draws
 * reduced) and runs it with Deno there: `import ... from "qiwan-access"` must resolve to the installed
 * package, not to the repository's source.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const DENO = path.join(ROOT, "node_modules/.bin/deno");
const work = mkdtempSync(path.join(tmpdir(), "qiwan-nb-"));
const project = path.join(work, "project");

/** A notebook's code cells as one TypeScript module, with `Deno.jupyter.display` stubbed. */
export function notebookScript(file: string): string {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string[] | string }[] };
  const code = nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source))
    .join("\n\n");
  return `const __shown: unknown[] = [];\nconst __display = async (data: unknown, _options?: unknown) => void __shown.push(data);\n${code.replaceAll("Deno.jupyter.display(", "__display(")}\nconsole.log(JSON.stringify({ displays: __shown.length }));\n`;
}

beforeAll(async () => {
  const { stdout } = await exec("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT, maxBuffer: 64 << 20 });
  const info = JSON.parse(stdout.slice(stdout.indexOf("[")));
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "notebook-user", private: true, type: "module" }));
  await exec("npm", ["install", path.join(work, info[0].filename), "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project });
  cpSync(path.join(ROOT, "notebooks/examples"), path.join(project, "examples"), { recursive: true });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("notebooks (slow): their code runs against the installed package", () => {
  it.each(["bring-your-own-network", "scenario-comparison"])("%s", async (name) => {
    let script = notebookScript(path.join(ROOT, `notebooks/${name}.ipynb`));
    expect(script).toMatch(/from "qiwan-access(\/node)?"/);
    expect(script).not.toMatch(/src\/index/);
    script = script.replace(/draws: 1000/g, "draws: 40");
    writeFileSync(path.join(project, `${name}.ts`), script);
    const { stdout } = await exec(DENO, ["run", "-A", "--no-check", "--node-modules-dir=manual", `${name}.ts`], {
      cwd: project,
      env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      maxBuffer: 64 << 20,
    });
    const last = JSON.parse(stdout.trim().split("\n").at(-1)!) as { displays: number };
    expect(last.displays).toBeGreaterThan(0);
  }, 300_000);
});
