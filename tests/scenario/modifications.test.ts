import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModificationError, ScenarioFileError, applyScenario, canonicalJson, resolveModifications, scenarioIdFor, scenarioJsonSchema, sha256Hex, type ModificationProblem } from "../../src/scenario/index.js";
import { loadScenarioFile } from "../../src/node.js";
import { networkFromFile } from "../fixtures/tinyNetwork.js";
import { runs } from "../util/property.js";

const net = networkFromFile();

function problemsOf(mods: unknown[], base = "plan-2025"): readonly ModificationProblem[] {
  try {
    resolveModifications(net, { base, modifications: mods });
  } catch (e) {
    expect(e).toBeInstanceOf(ModificationError);
    expect((e as Error).name).toBe("ModificationError");
    return (e as ModificationError).problems;
  }
  throw new Error("expected a ModificationError");
}

describe("applyScenario(network, spec): metamorphic", () => {
  it("an empty modification list reproduces the base exactly (same network, base id)", () => {
    const r = applyScenario(net, { base: "plan-2025", modifications: [] });
    expect(r.network).toBe(net);
    expect(r.scenarioId).toBe("plan-2025");
  });

  it("never mutates a deeply frozen base (deep-equal snapshot before/after)", () => {
    const snapshot = structuredClone({ places: net.places, links: net.links, services: net.services, projects: net.projects, scenarios: net.scenarios, parameters: net.parameters });
    const r = applyScenario(net, {
      base: "plan-2025",
      modifications: [
        { type: "add-place", place: { id: "E", name: { zh: "戊", en: "E" }, kind: "town", coord: [107.5, 29.2] } },
        { type: "add-link", link: { id: "DE", mode: "road", from: "D", to: "E", lengthKm: 10, speedKmh: 50 } },
        { type: "remove-link", links: ["CD"] },
        { type: "adjust-speed", links: ["BC"], factor: 1.5 },
        { type: "adjust-speed", services: ["S_HSR"], speedKmh: 250 },
        { type: "adjust-headway", services: ["S_LOCAL"], factor: 0.5 },
        { type: "adjust-dwell", services: ["S_LOCAL"], dwellMin: 1 },
        { type: "remove-stop", stop: "B" },
        { type: "set-project", project: "P_BRIDGE", in: true, openingYear: 2026 },
        { type: "adjust-transfer-time", transferMin: 3 },
        { type: "add-service", service: { id: "S_NEW", name: { zh: "新", en: "New" }, mode: "bus", stops: ["D", "E"], headwayMin: 20, runMinutes: [15] } },
        { type: "remove-service", services: ["S_NEW"] },
      ],
    });
    expect({ places: net.places, links: net.links, services: net.services, projects: net.projects, scenarios: net.scenarios, parameters: net.parameters }).toEqual(snapshot);
    const n = r.network;
    expect(n).not.toBe(net);
    expect(n.placeById.get("E")?.source).toMatch(/scenario modification/);
    expect(n.linkById.get("DE")?.lengthKm).toEqual({ value: 10, source: "scenario modification #1 (add-link)" });
    expect(n.linkById.has("CD")).toBe(false);
    expect(n.linkById.get("BC")?.speedKmh?.value).toBe(90);
    // An assumed quantity keeps its uncertainty, scaled with it.
    expect(n.linkById.get("BC")?.speedKmh?.assumption?.range).toEqual([60, 120]);
    expect(n.serviceById.get("S_HSR")?.speedKmh).toEqual({ value: 250, source: "scenario modification #4 (adjust-speed)" });
    expect(n.serviceById.get("S_LOCAL")?.headwayMin.value).toBe(30);
    expect(n.serviceById.get("S_LOCAL")?.headwayMin.assumption?.range).toEqual([15, 45]);
    expect(n.serviceById.get("S_LOCAL")?.dwellMin?.value).toBe(1);
    // Removing intermediate stop B merges its two segments: 30 + 30.
    expect(n.serviceById.get("S_LOCAL")?.stops).toEqual(["A", "C"]);
    expect(n.serviceById.get("S_LOCAL")?.runMinutes?.map((q) => q.value)).toEqual([60]);
    expect(n.projectById.get("P_BRIDGE")?.openingYear?.value).toBe(2026);
    expect((n.parameters.transferMin as Record<string, { value: number }>).hsr?.value).toBe(3);
    expect(n.serviceById.has("S_NEW")).toBe(false);
    const s = n.scenarioById.get(r.scenarioId)!;
    expect(s.extends).toBe("plan-2025");
    expect(s.projects).toEqual({ byYear: false, include: ["P_BRIDGE"], exclude: [] });
    expect(r.scenarioId).toMatch(/^plan-2025:[0-9a-f]{12}$/);
  });

  it("adjust-speed factor on a link with minutes divides its time; the last set-project wins", () => {
    const r = applyScenario(net, {
      base: "base-2020",
      modifications: [
        { type: "adjust-speed", links: ["CD"], factor: 2 },
        { type: "set-project", project: "P_HSR", in: true },
        { type: "set-project", project: "P_HSR", in: false },
      ],
    });
    expect(r.network.linkById.get("CD")?.minutes?.value).toBe(15);
    expect(r.network.scenarioById.get(r.scenarioId)?.projects).toEqual({ byYear: false, include: [], exclude: ["P_HSR"] });
  });

  it("removing an end stop drops its segment", () => {
    const r = applyScenario(net, { base: "plan-2025", modifications: [{ type: "remove-stop", stop: "A", services: ["S_LOCAL"] }] });
    expect(r.network.serviceById.get("S_LOCAL")?.stops).toEqual(["B", "C"]);
    expect(r.network.serviceById.get("S_LOCAL")?.runMinutes).toHaveLength(1);
  });
});

describe("scenarioIdFor(base, modifications)", () => {
  it("is stable under key order and changes with any value", () => {
    const a = scenarioIdFor("plan-2025", [{ type: "adjust-speed", links: ["AB"], factor: 1.2 }]);
    const b = scenarioIdFor("plan-2025", [{ factor: 1.2, links: ["AB"], type: "adjust-speed" }]);
    const c = scenarioIdFor("plan-2025", [{ type: "adjust-speed", links: ["AB"], factor: 1.21 }]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(scenarioIdFor("plan-2025", [])).toBe("plan-2025");
  });

  it("sha256Hex agrees with node:crypto on random strings (fixed seed)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      runs(300),
    );
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("canonicalJson sorts keys recursively and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":1}]},"b":1}');
  });
});

describe("resolveModifications(network, spec): every problem, typed", () => {
  // Each malformed modification alone: [modification, expected field, expected value].
  const cases: [string, unknown, string, unknown][] = [
    ["unknown type with did-you-mean", { type: "adjust-sped", links: ["AB"], factor: 2 }, "type", "adjust-sped"],
    ["not an object", 42, "(modification)", 42],
    ["unknown link id", { type: "remove-link", links: ["AB", "BCC"] }, "links[1]", "BCC"],
    ["negative factor", { type: "adjust-speed", links: ["AB"], factor: -1 }, "factor", -1],
    ["zero factor", { type: "adjust-headway", services: ["S_LOCAL"], factor: 0 }, "factor", 0],
    ["NaN factor", { type: "adjust-speed", links: ["AB"], factor: Number.NaN }, "factor", Number.NaN],
    ["factor as a string", { type: "adjust-dwell", services: ["S_LOCAL"], factor: "2" }, "factor", "2"],
    ["both factor and speedKmh", { type: "adjust-speed", links: ["AB"], factor: 2, speedKmh: 80 }, "speedKmh", 80],
    ["both links and services", { type: "adjust-speed", links: ["AB"], services: ["S_LOCAL"], factor: 2 }, "services", ["S_LOCAL"]],
    ["neither factor nor headwayMin", { type: "adjust-headway", services: ["S_LOCAL"] }, "factor", undefined],
    ["remove-stop leaving < 2 stops", { type: "remove-stop", stop: "C", services: ["S_HSR"] }, "services[0]", "S_HSR"],
    ["duplicate link id", { type: "add-link", link: { id: "AB", mode: "road", from: "A", to: "B", minutes: 10 } }, "link.id", "AB"],
    ["add-link to an unknown place", { type: "add-link", link: { id: "AX", mode: "road", from: "A", to: "X", minutes: 10 } }, "link.to", "X"],
    ["add-link with a negative length", { type: "add-link", link: { id: "AX", mode: "road", from: "A", to: "D", lengthKm: -5 } }, "link.lengthKm", -5],
    ["unknown project", { type: "set-project", project: "P_HRS", in: true }, "project", "P_HRS"],
    ["non-integer opening year", { type: "set-project", project: "P_HSR", openingYear: 2025.5 }, "openingYear", 2025.5],
    ["in as a string", { type: "set-project", project: "P_HSR", in: "yes" }, "in", "yes"],
    ["unknown field", { type: "remove-link", links: ["AB"], lnks: ["BC"] }, "lnks", ["BC"]],
    ["empty id list", { type: "remove-service", services: [] }, "services", []],
    ["negative transfer time", { type: "adjust-transfer-time", transferMin: -2 }, "transferMin", -2],
    ["service with one stop", { type: "add-service", service: { id: "S2", name: { zh: "二", en: "Two" }, mode: "bus", stops: ["A"], headwayMin: 10 } }, "service.stops", ["A"]],
    ["runMinutes of the wrong length", { type: "add-service", service: { id: "S2", name: { zh: "二", en: "Two" }, mode: "bus", stops: ["A", "B", "C"], headwayMin: 10, runMinutes: [5] } }, "service.runMinutes", [5]],
    ["speed on a link with only minutes", { type: "adjust-speed", links: ["CD"], speedKmh: 80 }, "links[0]", "CD"],
    ["factor pushing a headway out of bounds", { type: "adjust-headway", services: ["S_LOCAL"], factor: 1000 }, "factor", 1000],
    ["remove-stop at a stop no service uses", { type: "remove-stop", stop: "D" }, "stop", "D"],
    ["transfer factor on a station without a station transfer time", { type: "adjust-transfer-time", stations: ["B"], factor: 2 }, "stations[0]", "B"],
    ["infinite speed", { type: "adjust-speed", services: ["S_HSR"], speedKmh: Number.POSITIVE_INFINITY }, "speedKmh", Number.POSITIVE_INFINITY],
  ];

  it.each(cases)("%s: ModificationError names index, field and value", (_label, mod, field, value) => {
    const problems = problemsOf([{ type: "set-project", project: "P_HSR", in: true }, mod]);
    const p = problems.find((x) => x.field === field);
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.index).toBe(1);
    expect(p!.value).toEqual(value);
    expect(p!.message.length).toBeGreaterThan(5);
    expect(p!.fix.length).toBeGreaterThan(5);
  });

  it("collects every problem of every modification into one error, with did-you-mean", () => {
    const problems = problemsOf([
      { type: "remove-link", links: ["ABB"] },
      { type: "adjust-speed", services: ["S_HRS"], factor: 1.1 },
      { type: "set-project", project: "P_BRIDG", in: true },
    ]);
    expect(problems.map((p) => [p.index, p.field, p.fix])).toEqual([
      [0, "links[0]", 'did you mean "AB"?'],
      [1, "services[0]", 'did you mean "S_HSR"?'],
      [2, "project", 'did you mean "P_BRIDGE"?'],
    ]);
  });

  it("an unknown base scenario is reported with index -1 and a suggestion", () => {
    const problems = problemsOf([], "plan-2052");
    expect(problems[0]).toMatchObject({ index: -1, field: "base", value: "plan-2052", fix: 'did you mean "plan-2025"?' });
  });

  it("a removed link cannot be used again; an added place can be used by a later link", () => {
    const problems = problemsOf([
      { type: "remove-link", links: ["AB"] },
      { type: "adjust-speed", links: ["AB"], factor: 2 },
    ]);
    expect(problems[0]).toMatchObject({ index: 1, field: "links[0]", message: 'link "AB" was already removed by modifications[0]' });
    expect(() =>
      resolveModifications(net, {
        base: "plan-2025",
        modifications: [
          { type: "add-place", place: { id: "__proto__", name: { zh: "原", en: "Proto" }, kind: "node", coord: [106, 29] } },
          { type: "add-link", link: { id: "constructor", mode: "road", from: "A", to: "__proto__", minutes: 5 } },
        ],
      }),
    ).not.toThrow();
  });

  it("the message lists each problem with index, type, field and value", () => {
    try {
      resolveModifications(net, { base: "plan-2025", modifications: [{ type: "adjust-speed", links: ["AB"], factor: -2 }] });
    } catch (e) {
      expect((e as Error).message).toContain("modifications[0] (adjust-speed) factor = -2");
    }
  });
});

describe("scenario files", () => {
  const dir = mkdtempSync(join(tmpdir(), "qiwan-scenario-"));
  it("loadScenarioFile(path) reads a scenario that applies", () => {
    const path = join(dir, "faster.json");
    writeFileSync(path, JSON.stringify({ base: "plan-2025", modifications: [{ type: "adjust-speed", links: ["AB"], factor: 1.2 }] }));
    const r = applyScenario(net, loadScenarioFile(path));
    expect(r.network.linkById.get("AB")?.speedKmh?.value).toBe(72);
  });
  it("bad files give ScenarioFileError with the path", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ base: ");
    expect(() => loadScenarioFile(bad)).toThrow(ScenarioFileError);
    expect(() => loadScenarioFile(join(dir, "missing.json"))).toThrow(/missing\.json: cannot read/);
    const noMods = join(dir, "nomods.json");
    writeFileSync(noMods, JSON.stringify({ base: "plan-2025" }));
    expect(() => loadScenarioFile(noMods)).toThrow(/"modifications" must be an array/);
  });
  it("scenarioJsonSchema() describes every modification type", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const t of ["add-link", "remove-link", "adjust-speed", "adjust-headway", "adjust-dwell", "add-service", "remove-service", "remove-stop", "add-place", "set-project", "adjust-transfer-time"]) {
      expect(text).toContain(`"${t}"`);
    }
  });
});

describe("scenario spec keys", () => {
  it("name, description and $schema are allowed; an unknown top-level key is a problem with index -1", () => {
    expect(() => resolveModifications(net, { base: "plan-2025", name: "n", description: "d", $schema: "x", modifications: [] } as never)).not.toThrow();
    try {
      resolveModifications(net, { base: "plan-2025", modifications: [], modifcations: [] } as never);
      expect.unreachable();
    } catch (e) {
      expect((e as ModificationError).problems[0]).toMatchObject({ index: -1, type: "scenario", field: "modifcations", fix: 'did you mean "modifications"?' });
      expect((e as Error).message).toContain("modifcations");
    }
  });
});
