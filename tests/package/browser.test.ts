/** The browser-safe entry point bundles for the browser; the Node entry point does not (it must not be needed). */
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "../../scripts/check-browser.js";

describe("browser bundle", () => {
  it("src/index.ts bundles for the browser platform with no node: import reachable", async () => {
    const r = await bundleForBrowser("src/index.ts");
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.bytes).toBeGreaterThan(10_000);
  });

  it("the check catches Node-only code: src/node.ts fails, naming the importers", async () => {
    const r = await bundleForBrowser("src/node.ts");
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.includes("network/load-files.ts") && p.includes("node:fs"))).toBe(true);
    expect(r.problems.some((p) => p.includes("core/matrix-parallel.ts") && p.includes("node:worker_threads"))).toBe(true);
  });
});
