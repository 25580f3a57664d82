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

describe("networks/schema.json validates files as editors would (ajv, JSON Schema 2020-12)", async () => {
  const { readdirSync } = await import("node:fs");
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const FIX = path.resolve(import.meta.dirname, "../fixtures");
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(FILE, "utf8")));
  const read = (p: string) => JSON.parse(readFileSync(p, "utf8"));

  it("accepts the single-file fixture and every file of the folder fixture", () => {
    expect(validate(read(path.join(FIX, "networks/tiny.json"))), JSON.stringify(validate.errors)).toBe(true);
    const folder = path.join(FIX, "networks/tiny-folder");
    for (const f of readdirSync(folder)) expect(validate(read(path.join(folder, f))), f).toBe(true);
  });

  it("rejects shape errors the zod schema rejects (bad enum, unknown field, wrong version, missing provenance)", () => {
    for (const name of [
      "bad-enum.json",
      "unknown-field.json",
      "wrong-version.json",
      "unknown-schema-id.json",
      "missing-field.json",
      "wrong-type.json",
      "bad-id.json",
    ]) {
      expect(validate(read(path.join(FIX, "bad", name))), name).toBe(false);
    }
    const raw = read(path.join(FIX, "networks/tiny.json"));
    raw.links[0].lengthKm = { value: 15 };
    // Provenance (source or assumption) is a refinement: JSON Schema cannot express it, only loadNetwork checks it.
    expect(validate(raw)).toBe(true);
  });

  it("accepts every file of every network under networks/", () => {
    const nets = path.resolve(import.meta.dirname, "../../networks");
    for (const d of readdirSync(nets, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const f of readdirSync(path.join(nets, d.name)).filter((n) => n.endsWith(".json"))) {
        expect(
          validate(read(path.join(nets, d.name, f))),
          `${d.name}/${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
        ).toBe(true);
      }
    }
  });
});
