import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadNetwork } from "../../src/node.js";
import { PROJECT_STATUSES, resolveScenario, UnknownIdError, type ResolvedScenario } from "../../src/index.js";
import { loadNetworkSync } from "../../src/node.js";
import { TINY_FILE, tinyJson } from "./helpers.js";
import { runs } from "../util/property.js";

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe("resolveScenario(network, scenarioId) on the tiny fixture (exact sets, worked by hand)", async () => {
  const n = await loadNetwork(TINY_FILE);

  it("base2020: by year, only the existing 2010 railway", () => {
    const r = resolveScenario(n, "base2020");
    expect(r.id).toBe("base2020");
    expect(r.year).toBe(2020);
    expect(r.scenario).toBe(n.scenarioById.get("base2020"));
    expect(sorted(r.projects)).toEqual(["P_RAIL"]);
    expect(ids(r.links)).toEqual(["road_AJ", "road_JB", "road_AC", "rail_AB", "conn_A", "conn_B"]);
    expect(ids(r.services)).toEqual(["bus_AB", "train_AB"]);
  });

  it("plan2025 extends base2020: the expressway opens in 2025 and replaces road_AJ", () => {
    const r = resolveScenario(n, "plan2025");
    expect(sorted(r.projects)).toEqual(["P_EXP", "P_RAIL"]);
    expect(ids(r.links)).toEqual(["road_JB", "exp_AB", "road_AC", "rail_AB", "conn_A", "conn_B"]);
    expect(ids(r.services)).toEqual(["bus_AB", "train_AB"]);
  });

  it("vision2035: inherits, adds the 2030 HSR by year and the undated project by include, excludes the expressway", () => {
    const r = resolveScenario(n, "vision2035");
    // P_STUDY (2033) is a study: not admitted by the default statuses.
    expect(sorted(r.projects)).toEqual(["P_HSR", "P_NODATE", "P_RAIL"]);
    // road_AJ is back (its replacement is excluded); the HSR link and service replace the railway's.
    expect(ids(r.links)).toEqual(["road_AJ", "road_JB", "road_AC", "hsr_AB", "conn_A", "conn_B"]);
    expect(ids(r.services)).toEqual(["bus_AB", "hsr_AB_svc"]);
  });

  it("studies2035: statuses [study] admits only the study", () => {
    const r = resolveScenario(n, "studies2035");
    expect(sorted(r.projects)).toEqual(["P_STUDY"]);
    expect(ids(r.links)).toEqual(["road_AJ", "road_JB", "road_AC", "conn_A", "conn_B"]);
    expect(ids(r.services)).toEqual(["bus_AB"]);
  });

  it("manual: byYear false, include only the HSR (the existing railway is then absent)", () => {
    const r = resolveScenario(n, "manual");
    expect(sorted(r.projects)).toEqual(["P_HSR"]);
    expect(ids(r.links)).toEqual(["road_AJ", "road_JB", "road_AC", "hsr_AB", "conn_A", "conn_B"]);
    expect(ids(r.services)).toEqual(["bus_AB", "hsr_AB_svc"]);
  });

  it("returns a frozen result whose project set cannot be modified", () => {
    const r = resolveScenario(n, "plan2025");
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.links)).toBe(true);
    expect(() => (r.projects as Set<string>).add("X")).toThrow(TypeError);
  });

  it("an unknown scenario id throws UnknownIdError with a did-you-mean", () => {
    let err: unknown;
    try {
      resolveScenario(n, "plan2052");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownIdError);
    expect((err as UnknownIdError).name).toBe("UnknownIdError");
    expect((err as UnknownIdError).suggestion).toBe("plan2025");
    expect((err as Error).message).toBe('unknown scenario "plan2052" in scenarioId; did you mean "plan2025"?');
    expect(() => resolveScenario(n, "zzzzzzzzzz")).toThrow(/known scenarios: base2020, plan2025/);
  });

  it("a replacement chain leaves only the newest (C ← B ← A all active)", () => {
    const raw = tinyJson();
    raw.links.push(
      { id: "up1", mode: "road", from: "A", to: "C", minutes: { value: 30, source: "fixture" }, replaces: ["road_AC"] },
      {
        id: "up2",
        mode: "road",
        from: "A",
        to: "C",
        minutes: { value: 20, source: "fixture" },
        replaces: ["up1"],
        projects: ["P_EXP"],
      },
    );
    const m = loadNetworkSync(raw);
    expect(ids(resolveScenario(m, "base2020").links).filter((id) => ["road_AC", "up1", "up2"].includes(id))).toEqual([
      "up1",
    ]);
    expect(ids(resolveScenario(m, "plan2025").links).filter((id) => ["road_AC", "up1", "up2"].includes(id))).toEqual([
      "up2",
    ]);
  });
});

/** Random valid networks over the tiny fixture's places: random projects, links, replacements, scenarios. */
const networkArb = fc
  .record({
    projects: fc.array(
      fc.record({
        status: fc.constantFrom(...PROJECT_STATUSES),
        year: fc.option(fc.integer({ min: 2000, max: 2040 })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    links: fc.array(
      fc.record({ projects: fc.array(fc.nat(), { maxLength: 2 }), replaces: fc.array(fc.nat(), { maxLength: 2 }) }),
      { minLength: 1, maxLength: 8 },
    ),
    scenarios: fc.array(
      fc.record({
        year: fc.integer({ min: 2000, max: 2040 }),
        extendsPrev: fc.option(fc.nat()),
        byYear: fc.option(fc.boolean()),
        statuses: fc.option(fc.subarray([...PROJECT_STATUSES])),
        include: fc.array(fc.nat(), { maxLength: 3 }),
        exclude: fc.array(fc.nat(), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map((g) => {
    const raw = tinyJson();
    const pid = (k: number) => `P${k % g.projects.length}`;
    const lid = (k: number) => `L${k % g.links.length}`;
    raw.projects = g.projects.map((p, i) => ({
      id: `P${i}`,
      name: { zh: "项", en: "project" },
      category: "road",
      status: p.status,
      ...(p.year === null ? {} : { openingYear: { value: p.year, source: "random" } }),
      source: "random",
    }));
    raw.links = g.links.map((l, i) => ({
      id: `L${i}`,
      mode: "road",
      from: "A",
      to: "B",
      minutes: { value: 10 + i, source: "random" },
      projects: [...new Set(l.projects.map(pid))],
      replaces: [...new Set(l.replaces.map(lid))].filter((r) => r !== `L${i}`),
    }));
    raw.services = [];
    raw.scenarios = g.scenarios.map((s, i) => ({
      id: `S${i}`,
      name: { zh: "景", en: "scenario" },
      year: s.year,
      ...(s.extendsPrev === null || i === 0 ? {} : { extends: `S${s.extendsPrev % i}` }),
      projects: {
        ...(s.byYear === null ? {} : { byYear: s.byYear }),
        ...(s.statuses === null ? {} : { statuses: s.statuses }),
        include: s.include.map(pid),
        exclude: s.exclude.map(pid),
      },
    }));
    return raw;
  });

describe("resolveScenario invariants on random networks (fast-check)", () => {
  it("exclude wins, include (minus exclude) is in, links follow the activity and replacement rule, extends is inherited", () => {
    fc.assert(
      fc.property(networkArb, (raw) => {
        const net = loadNetworkSync(raw);
        const resolved = new Map<string, ResolvedScenario>(
          net.scenarios.map((s) => [s.id, resolveScenario(net, s.id)]),
        );
        for (const s of net.scenarios) {
          const r = resolved.get(s.id)!;
          const rule = s.projects ?? {};
          for (const p of rule.exclude ?? []) expect(r.projects.has(p)).toBe(false);
          for (const p of rule.include ?? [])
            if (!(rule.exclude ?? []).includes(p)) expect(r.projects.has(p)).toBe(true);
          // Inheritance: the parent's set survives, except what this scenario excludes.
          if (s.extends !== undefined) {
            for (const p of resolved.get(s.extends)!.projects)
              if (!(rule.exclude ?? []).includes(p)) expect(r.projects.has(p)).toBe(true);
          }
          // byYear admits exactly the dated projects of an allowed status (plus inherited and included ones).
          const statuses = rule.statuses ?? ["existing", "under-construction", "planned"];
          for (const p of net.projects) {
            const byYear =
              (rule.byYear ?? true) &&
              p.openingYear !== undefined &&
              p.openingYear.value <= s.year &&
              statuses.includes(p.status);
            const inherited = s.extends !== undefined && resolved.get(s.extends)!.projects.has(p.id);
            const expected =
              (byYear || inherited || (rule.include ?? []).includes(p.id)) && !(rule.exclude ?? []).includes(p.id);
            expect(r.projects.has(p.id)).toBe(expected);
          }
          // Links: candidates are those whose projects are all in; active = candidates not replaced by a candidate.
          const candidates = net.links.filter((l) => (l.projects ?? []).every((p) => r.projects.has(p)));
          const replaced = new Set(candidates.flatMap((l) => l.replaces ?? []));
          expect(ids(r.links)).toEqual(ids(candidates.filter((l) => !replaced.has(l.id))));
        }
      }),
      runs(300),
    );
  });

  it("including one more project never removes a project from the set (monotone)", () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (raw, k) => {
        const before = resolveScenario(loadNetworkSync(raw), "S0");
        const extra = raw.projects[k % raw.projects.length].id;
        raw.scenarios[0].projects.include.push(extra);
        raw.scenarios[0].projects.exclude = raw.scenarios[0].projects.exclude.filter((p: string) => p !== extra);
        const after = resolveScenario(loadNetworkSync(raw), "S0");
        for (const p of before.projects) expect(after.projects.has(p)).toBe(true);
        expect(after.projects.has(extra)).toBe(true);
      }),
      runs(200),
    );
  });
});
