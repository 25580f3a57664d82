import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyScenario, networkToFile } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { checkProvenance } from "../../src/network/index.js";
import { loadNetworkSync } from "../../src/node.js";
import { problemsOf, TINY_FOLDER, tinyJson } from "./helpers.js";

const COLUMNS = ["id", "name", "lon", "lat", "population", "populationEstimated", "county", "terrain"];

/** A small towns section: two counties, five towns (three estimated from county A), two terrain classes. */
function townsSection() {
  return {
    source: "hand-made test towns",
    terrain: {
      hill: {
        description: "hilly",
        speedKmh: { value: 35, assumption: { why: "test value for hills", range: [25, 45] } },
        detourFactor: { value: 1.4, assumption: { why: "test value for hills", range: [1.2, 1.7] } },
      },
      plain: {
        description: "flat",
        speedKmh: { value: 50, source: "test source" },
        detourFactor: { value: 1.2, source: "test source" },
      },
    },
    counties: {
      source: "test census",
      columns: ["id", "name", "population"],
      rows: [
        ["CA", "County A", 3000],
        ["CB", "County B", null],
      ],
    },
    columns: [...COLUMNS],
    rows: [
      ["T1", "Town one", 106.66, 29.0, 1000, true, "CA", "hill"],
      ["T2", "Town two", 106.7, 28.95, 1000, true, "CA", "hill"],
      ["T3", "Town three", 106.92, 28.96, 1000, true, "CA", "plain"],
      ["T4", "Town four", 106.8, 29.1, 2500, false, "CB", null],
      ["T5", "Town five", 106.75, 29.05, null, false, null, null],
    ],
  };
}

function withTowns(mutate?: (t: ReturnType<typeof townsSection>) => void) {
  const raw = tinyJson();
  const towns = townsSection();
  mutate?.(towns);
  raw.towns = towns;
  return raw;
}

describe("loadNetwork(...).towns", () => {
  it("builds the towns, counties and terrain classes of an inline section, frozen", () => {
    const n = loadNetworkSync(withTowns());
    const towns = n.towns!;
    expect(towns.list.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T4", "T5"]);
    expect(towns.byId.get("T4")).toEqual({
      id: "T4",
      name: "Town four",
      coord: [106.8, 29.1],
      population: 2500,
      populationEstimated: false,
      county: "CB",
      terrain: null,
    });
    expect(towns.byId.get("T5")!.population).toBeNull();
    expect(towns.counties).toEqual([
      { id: "CA", name: "County A", population: 3000 },
      { id: "CB", name: "County B", population: null },
    ]);
    expect(towns.countyById.get("CA")!.population).toBe(3000);
    expect(towns.countySource).toBe("test census");
    expect([...towns.terrain.keys()]).toEqual(["hill", "plain"]);
    expect(towns.terrain.get("plain")!.speedKmh.value).toBe(50);
    expect(Object.isFrozen(towns.list[0])).toBe(true);
    expect(Object.isFrozen(towns.list[0]!.coord)).toBe(true);
    expect(() => (towns.byId as Map<string, unknown>).set("X", {})).toThrow(TypeError);
  });

  it("a network without a towns section has no towns", () => {
    expect(loadNetworkSync(tinyJson()).towns).toBeUndefined();
  });

  it("reads towns.json in a folder network exactly as the inline section", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qiwan-towns-"));
    try {
      cpSync(TINY_FOLDER, dir, { recursive: true });
      writeFileSync(path.join(dir, "towns.json"), JSON.stringify({ $schema: "../schema.json", towns: townsSection() }));
      const folder = await loadNetwork(dir);
      const inline = loadNetworkSync(withTowns());
      expect(folder.towns).toEqual(inline.towns);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("networkToFile writes the section back: loading it again gives the same towns", () => {
    const n = loadNetworkSync(withTowns());
    const file = networkToFile(n);
    expect(file.towns).toEqual(townsSection());
    expect(loadNetworkSync(file).towns).toEqual(n.towns);
  });

  it("a scenario with modifications keeps the towns", () => {
    const n = loadNetworkSync(withTowns());
    const scenarioId = n.scenarios[0]!.id;
    const applied = applyScenario(n, { base: scenarioId, modifications: [{ type: "set-project", project: n.projects[0]!.id, in: false }] });
    expect(applied.network).not.toBe(n);
    expect(applied.network.towns).toBe(n.towns);
  });
});

describe("loadNetwork rejects bad towns with messages that name the town", () => {
  const cases: Array<[string, (t: ReturnType<typeof townsSection>) => void, string, RegExp]> = [
    ["no coordinate", (t) => { t.rows[1]![2] = null; }, "towns.rows[1][2]", /town "T2" \(Town two\) has no coordinate/],
    ["a negative population", (t) => { t.rows[3]![4] = -5; }, "towns.rows[3][4]", /town "T4" \(Town four\) has a negative population -5/],
    ["a duplicate id", (t) => { t.rows[2]![0] = "T1"; }, "towns.rows[2][0]", /duplicate town id "T1" \(first at towns\.rows\[0\]\)/],
    ["an unknown terrain class", (t) => { t.rows[0]![7] = "hil"; }, "towns.rows[0][7]", /town "T1" \(Town one\): unknown terrain class "hil"; did you mean "hill"\?/],
    ["an unknown county", (t) => { t.rows[3]![6] = "CC"; }, "towns.rows[3][6]", /town "T4" \(Town four\): unknown county "CC"/],
    ["a short row", (t) => { t.rows[4] = ["T5", "Town five", 106.75, 29.05]; }, "towns.rows[4]", /town "T5" \(Town five\): the row has 4 values, a town row has 8/],
    ["an estimate without a population", (t) => { t.rows[0]![4] = null; }, "towns.rows[0][5]", /town "T1" \(Town one\) is marked populationEstimated but has no population/],
    ["swapped axes", (t) => { t.rows[0]![2] = 29; t.rows[0]![3] = 106.66; }, "towns.rows[0][3]", /town "T1" \(Town one\): .*look swapped/],
    ["a non-boolean estimate flag", (t) => { t.rows[3]![5] = "no"; }, "towns.rows[3][5]", /town "T4" \(Town four\): populationEstimated must be true or false/],
    ["a population given as text", (t) => { t.rows[3]![4] = "2500"; }, "towns.rows[3][4]", /town "T4" \(Town four\): population "2500" is not a number/],
    ["an empty name", (t) => { t.rows[3]![1] = ""; }, "towns.rows[3][1]", /town "T4": the name must be a non-empty string/],
    ["estimates above their county's count", (t) => { t.rows[0]![4] = 2000; }, "towns.counties.rows[0][2]", /the 3 estimated towns of county "CA" \(County A\) add up to 4000 persons, more than its population 3000/],
    ["a negative county population", (t) => { t.counties.rows[1]![2] = -1; }, "towns.counties.rows[1][2]", /county "CB" \(County B\) has a negative population -1/],
    ["an undeclared terrain class without a terrain table", (t) => { delete (t as { terrain?: unknown }).terrain; }, "towns.rows[0][7]", /unknown terrain class "hill"/],
  ];
  for (const [what, mutate, at, message] of cases) {
    it(`a town with ${what}`, () => {
      const problems = problemsOf(withTowns(mutate));
      const p = problems.find((q) => q.path === at);
      expect(p, JSON.stringify(problems, null, 1)).toBeDefined();
      expect(p!.message).toMatch(message);
      expect(p!.fix.length).toBeGreaterThan(10);
    });
  }

  it("reports every bad town of a file in one error", () => {
    const problems = problemsOf(
      withTowns((t) => {
        t.rows[0]![2] = null;
        t.rows[1]![4] = -1;
        t.rows[4]![0] = "T4";
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(["towns.rows[0][2]", "towns.rows[1][4]", "towns.rows[4][0]"]);
  });

  it("wrong column headers and a bad terrain quantity are schema problems with their paths", () => {
    const problems = problemsOf(
      withTowns((t) => {
        t.columns[2] = "lat";
        t.terrain.hill.speedKmh.value = 60; // outside its assumption range [25, 45]
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["towns.columns[2]", "towns.terrain.hill.speedKmh.value"]),
    );
  });
});

describe("checkProvenance(json) and the towns section", () => {
  it("accepts the rows and county rows (covered by the section's source) and the terrain Quantities", () => {
    expect(checkProvenance(withTowns())).toEqual([]);
    expect(checkProvenance({ towns: townsSection() }, "towns.json")).toEqual([]);
  });

  it("still reports a bare number elsewhere in the section", () => {
    const raw = withTowns((t) => {
      (t.terrain.hill as Record<string, unknown>).maxKm = 30;
    });
    expect(checkProvenance(raw).map((p) => p.path)).toEqual(["towns.terrain.hill.maxKm"]);
  });
});

describe("networks/schema.json and towns (ajv)", async () => {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../networks/schema.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it("accepts a single file with towns and a towns.json file", () => {
    expect(validate(withTowns()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ $schema: "../schema.json", towns: townsSection() }), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a wrong column header and a row holding an object", () => {
    expect(validate(withTowns((t) => { t.columns[0] = "code"; }))).toBe(false);
    expect(validate(withTowns((t) => { (t.rows[0] as unknown[])[1] = { zh: "x" }; }))).toBe(false);
  });
});
