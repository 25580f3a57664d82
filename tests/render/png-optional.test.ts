/** The PNG renderer is an optional peer dependency: its absence is a typed error naming the package. */
import { describe, expect, it } from "vitest";
import { QiwanError } from "../../src/index.js";
import { MissingDependencyError } from "../../src/node.js";
import { loadResvg, PNG_RENDERER_PACKAGE } from "../../src/render/png.js";

describe("optional @resvg/resvg-js", () => {
  it("a failing import becomes MissingDependencyError naming the package and the install command", async () => {
    const notFound = Object.assign(new Error("Cannot find package '@resvg/resvg-js' imported from png.js"), { code: "ERR_MODULE_NOT_FOUND" });
    const err = await loadResvg(() => Promise.reject(notFound)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingDependencyError);
    expect(err).toBeInstanceOf(QiwanError);
    const e = err as MissingDependencyError;
    expect(e.code).toBe("DEPENDENCY_MISSING");
    expect(e.packageName).toBe(PNG_RENDERER_PACKAGE);
    expect(e.message).toContain("npm install @resvg/resvg-js");
    expect(e.message).toContain("Cannot find package");
    expect(e.message).toContain("SVG");
  });

  it("is installed in a repo checkout (npm ci: a devDependency), so the renderer loads", async () => {
    const mod = await loadResvg();
    expect(typeof mod.Resvg).toBe("function");
  });

});
