import { describe, expect, it } from "vitest";
import { VERSION } from "../src/index.js";
import pkg from "../package.json" with { type: "json" };

describe("package", () => {
  it("VERSION matches package.json", () => {
    expect(VERSION).toBe(pkg.version);
  });
});
