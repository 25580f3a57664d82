/**
 * Type-level tests: `npm test` type-checks this file (tsconfig includes tests/), and each
 * `@ts-expect-error` fails the type check if the line below it compiles. The runtime checks show
 * that the same mistakes, when they come from JSON, are caught by resolving.
 */
import { describe, expect, it } from "vitest";
import { applyScenario, ModificationError, parseScenarioJson, type Modification, type ModifiedScenario } from "../../src/index.js";
import { networkFromFile } from "../fixtures/tinyNetwork.js";

const net = networkFromFile();

describe("ModifiedScenario: modifications are a discriminated union on type", () => {
  it("a misspelt type, a misspelt field or a wrong value type does not compile", () => {
    // @ts-expect-error "adjust-headwy" is not a modification type
    const typo = () => applyScenario(net, { base: "plan-2025", modifications: [{ type: "adjust-headwy", services: ["S_LOCAL"], factor: 0.5 }] });
    // @ts-expect-error adjust-headway has no field "headwayMn"
    const field = () => applyScenario(net, { base: "plan-2025", modifications: [{ type: "adjust-headway", services: ["S_LOCAL"], headwayMn: 10 }] });
    // @ts-expect-error factor is a number
    const value: Modification = { type: "adjust-speed", links: ["AB"], factor: "2" };
    expect(typo).toThrow(ModificationError);
    expect(field).toThrow(ModificationError);
    expect(value.type).toBe("adjust-speed");
  });

  it("untyped modifications compile only when read from JSON (parseScenarioJson, loadScenarioFile)", () => {
    const untyped: unknown[] = [{ type: "adjust-headway", services: ["S_LOCAL"], factor: 0.5 }];
    // @ts-expect-error an object literal with unknown[] modifications is not a ModifiedScenario
    const literal = () => applyScenario(net, { base: "plan-2025", modifications: untyped });
    expect(literal).not.toThrow();
    const fromJson = parseScenarioJson(JSON.stringify({ base: "plan-2025", modifications: untyped }));
    expect(applyScenario(net, fromJson).scenarioId).toMatch(/^plan-2025:[0-9a-f]{12}$/);
  });

  it("a well-typed ModifiedScenario compiles and applies", () => {
    const spec: ModifiedScenario = { base: "plan-2025", modifications: [{ type: "adjust-headway", services: ["S_LOCAL"], factor: 0.5 }] };
    expect(applyScenario(net, spec).network.serviceById.get("S_LOCAL")?.headwayMin.value).toBe(30);
  });
});
