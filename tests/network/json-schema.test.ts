import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { networkJsonSchema } from "../../src/index.js";

const FILE = path.resolve(import.meta.dirname, "../../networks/schema.json");

describe("networks/schema.json", () => {
  it("is up to date with src/network/schema.ts (run `npm run schema` if this fails)", () => {
    expect(readFileSync(FILE, "utf8")).toBe(`${JSON.stringify(networkJsonSchema(), null, 2)}\n`);
  });

  it("every $ref resolves to a definition", () => {
    const schema = JSON.parse(readFileSync(FILE, "utf8"));
    const refs = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "$ref" && typeof x === "string") refs.add(x);
          else walk(x);
        }
      }
    };
    walk(schema);
    expect(refs.size).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref.startsWith("#/$defs/")).toBe(true);
      expect(schema.$defs[ref.slice("#/$defs/".length)], ref).toBeDefined();
    }
  });

  it("declares the format: schema id, version, [lon, lat] tuples, strict objects", () => {
    const s = JSON.parse(readFileSync(FILE, "utf8"));
    const file = s.$defs.NetworkFile;
    expect(file.properties.schema.const).toBe("qiwan-network");
    expect(file.properties.version.const).toBe(1);
    expect(file.additionalProperties).toBe(false);
    expect(s.$defs.Place.properties.coord.prefixItems).toHaveLength(2);
    expect(s.$defs.PlacesFile.required).toEqual(["places"]);
  });
});
