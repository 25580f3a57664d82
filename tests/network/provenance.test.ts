import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkProvenance } from "../../src/network/index.js";
import { TINY_FILE, TINY_FOLDER, tinyJson } from "./helpers.js";

const NETWORKS = path.resolve(import.meta.dirname, "../../networks");

/** Every JSON data file under `dir`, recursively (schema.json is the format, not data). */
function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return name.endsWith(".json") && p !== path.join(NETWORKS, "schema.json") ? [p] : [];
  });
}

describe("checkProvenance(json)", () => {
  it("accepts Quantities (source or assumption with range and mode), coordinates, version and scenario years", () => {
    expect(checkProvenance(tinyJson())).toEqual([]);
    for (const f of readdirSync(TINY_FOLDER)) {
      expect(checkProvenance(JSON.parse(readFileSync(path.join(TINY_FOLDER, f), "utf8")), f)).toEqual([]);
    }
  });

  it("reports each bare number with its path", () => {
    const raw = tinyJson();
    raw.places[0].population = 500000; // bare
    raw.links[0].lengthKm = { value: 15 }; // a value without provenance
    raw.links[1].speedKmh.note = 3; // stray number inside a Quantity
    raw.links[3].minutes.assumption.extra = 7; // stray number inside the assumption
    raw.scenarios[0].weight = 2; // a number outside the definition fields
    raw.places[1].coord = [106.68, 29.05, 300]; // altitude: not part of [lon, lat]
    raw.projects[0].openingYear = 2010; // a year that is data, not a definition
    const problems = checkProvenance(raw, "net.json");
    expect(problems.map((p) => [p.path, p.value])).toEqual([
      ["places[0].population", 500000],
      ["places[1].coord[2]", 300],
      ["links[0].lengthKm.value", 15],
      ["links[1].speedKmh.note", 3],
      ["links[3].minutes.assumption.extra", 7],
      ["projects[0].openingYear", 2010],
      ["scenarios[0].weight", 2],
    ]);
    expect(problems.every((p) => p.file === "net.json" && p.message.includes(String(p.value)))).toBe(true);
  });

  it("version and year are exempt only at their own positions", () => {
    expect(checkProvenance({ version: 1, scenarios: [{ year: 2025 }] })).toEqual([]);
    expect(checkProvenance({ places: [{ version: 1 }], links: [{ year: 2025 }] }).map((p) => p.path)).toEqual([
      "places[0].version",
      "links[0].year",
    ]);
  });

  it("every number in networks/ has provenance", () => {
    const files = jsonFiles(NETWORKS);
    if (files.length === 0) console.warn("networks/ holds no network files yet: provenance check ran on nothing");
    const offenders = files.flatMap((f) =>
      checkProvenance(JSON.parse(readFileSync(f, "utf8")), path.relative(NETWORKS, f)).map(
        (p) => `${p.file}: ${p.path} = ${String(p.value)}`,
      ),
    );
    expect(offenders, `numbers without provenance:\n${offenders.join("\n")}`).toEqual([]);
  });

  it("the fixture file itself passes (sanity check of the walker on a real file)", () => {
    expect(checkProvenance(JSON.parse(readFileSync(TINY_FILE, "utf8")))).toEqual([]);
  });
});
