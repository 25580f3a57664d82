/**
 * A target's `reading`: how its promise is read (`scheduled` or `typical`), with exactly one of a
 * `source` or a `rationale`.
 */
import { describe, expect, it } from "vitest";
import { loadNetwork, NetworkValidationError, networkJsonSchema } from "../../src/index.js";
import { TargetReadingSchema } from "../../src/network/index.js";
import { tinyJson } from "./helpers.js";

async function problems(raw: object): Promise<Map<string, { message: string; fix: string }>> {
  const err = (await loadNetwork(raw).catch((e: unknown) => e)) as NetworkValidationError;
  expect(err).toBeInstanceOf(NetworkValidationError);
  return new Map(err.problems.map((p) => [p.path, p]));
}

describe("target.reading", () => {
  it("loads with a rationale or a source, and is optional", async () => {
    const raw = tinyJson();
    raw.targets[0].reading = { kind: "scheduled", rationale: "quoted as the fastest train in the plan" };
    const net = await loadNetwork(raw);
    expect(net.targets[0]!.reading).toEqual({ kind: "scheduled", rationale: "quoted as the fastest train in the plan" });
    raw.targets[0].reading = { kind: "typical", source: "survey of commuters, 2024" };
    expect((await loadNetwork(raw)).targets[0]!.reading?.kind).toBe("typical");
    delete raw.targets[0].reading;
    expect((await loadNetwork(raw)).targets[0]!.reading).toBeUndefined();
  });

  it("needs exactly one of source and rationale, a known kind and no other field", async () => {
    const raw = tinyJson();
    raw.targets[0].reading = { kind: "scheduled" };
    let ps = await problems(raw);
    expect(ps.get("targets[0].reading")!.message).toMatch(/needs a justification: "source" .* or "rationale"/);
    expect(ps.get("targets[0].reading")!.fix).toMatch(/add "rationale"/);
    raw.targets[0].reading = { kind: "scheduled", source: "a timetable", rationale: "and an argument too" };
    ps = await problems(raw);
    expect(ps.get("targets[0].reading")!.message).toBe('a reading has both "source" and "rationale"');
    expect(ps.get("targets[0].reading")!.fix).toMatch(/keep "source" or "rationale", not both/);
    raw.targets[0].reading = { kind: "fastest", rationale: "not a reading of this library" };
    ps = await problems(raw);
    expect([...ps.keys()]).toContain("targets[0].reading.kind");
    raw.targets[0].reading = { kind: "typical", rationale: "ok", note: 1 };
    ps = await problems(raw);
    expect([...ps.keys()].sort()).toEqual(["targets[0].reading.note", "targets[0].reading.rationale"]);
  });

  it("is in the JSON Schema with its two kinds", () => {
    const schema = JSON.stringify(networkJsonSchema());
    expect(schema).toContain('"reading"');
    expect(TargetReadingSchema.safeParse({ kind: "typical", rationale: "commuters meet the waits" }).success).toBe(true);
    expect(schema).toMatch(/"enum":\["scheduled","typical"\]/);
  });
});
