/**
 * The CLI is a thin layer over the public API: it imports the library only through the entry points
 * `src/index.ts` and `src/node.ts` (besides its own modules, Node built-ins and commander).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cliDir = fileURLToPath(new URL("../../src/cli/", import.meta.url));
const srcDir = path.dirname(path.resolve(cliDir));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("src/cli imports", () => {
  it("reach the library only through the entry points src/index.ts and src/node.ts", () => {
    const offending: string[] = [];
    const files = tsFiles(cliDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gms)) {
        const spec = m[1]!;
        if (!spec.startsWith(".")) continue; // node:…, commander
        const target = path.resolve(path.dirname(file), spec);
        const inCli = target.startsWith(path.resolve(cliDir));
        if (!inCli && target !== path.join(srcDir, "index.js") && target !== path.join(srcDir, "node.js")) offending.push(`${path.relative(srcDir, file)} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
