/**
 * `target.originArea`: counties and/or a polygon over the network's towns. Loading keeps it on the
 * target; every bad declaration is one problem naming the JSON path, the value and the fix.
 */
import { describe, expect, it } from "vitest";
import { originAreaName, originAreaTowns } from "../../src/index.js";
import { loadNetworkSync } from "../../src/node.js";
import { problemsOf, tinyJson } from "./helpers.js";

const COLUMNS = ["id", "name", "lon", "lat", "population", "populationEstimated", "county", "terrain"];

function withArea(area: unknown, { towns = true, counties = true } = {}) {
  const raw = tinyJson();
  if (towns)
    raw.towns = {
      source: "hand-made test towns",
      ...(counties && {
        counties: { source: "test census", columns: ["id", "name", "population"], rows: [["500110", "綦江区", 3000], ["500222", "Other", 100]] },
      }),
      columns: [...COLUMNS],
      rows: [
        ["T1", "Town one", 106.66, 29.0, 1000, true, "500110", null],
        ["T2", "Town two", 106.7, 28.95, 1000, true, "500110", null],
        ["T3", "Town three", 106.92, 28.96, 1000, true, "500110", null],
        ["T4", "Town four", 106.8, 29.1, 2500, false, null, null],
      ],
    };
  raw.targets[0].originArea = area;
  return raw;
}

/** A square around [lon, lat] with half-side d degrees. */
const square = (lon: number, lat: number, d: number): [number, number][] => [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d]];

describe("target.originArea", () => {
  it("is kept on the target; its towns are the counties' towns plus those inside the polygon", () => {
    const n = loadNetworkSync(withArea({ name: "綦江/万盛", counties: ["500110"] }));
    const area = n.targetById.get("T_AB")!.originArea!;
    expect(area).toEqual({ name: "綦江/万盛", counties: ["500110"] });
    expect(originAreaTowns(n.towns!, area)).toEqual([0, 1, 2]);
    expect(originAreaName(n.towns, area)).toBe("綦江/万盛");
    expect(originAreaName(n.towns, { counties: ["500110", "500222"] })).toBe("綦江区/Other");
    // T4 has no county: only a polygon reaches it; a hole around T3 drops T3.
    const withPolygon = { counties: ["500222"], polygon: [square(106.8, 29.0, 0.2), square(106.92, 28.96, 0.01)] };
    expect(originAreaTowns(loadNetworkSync(withArea(withPolygon)).towns!, withPolygon)).toEqual([0, 1, 3]);
  });

  it("an unknown county: its path, the value and a did-you-mean with the county's name", () => {
    const [p, ...rest] = problemsOf(withArea({ counties: ["500111"] }));
    expect(rest).toEqual([]);
    expect(p!.path).toBe("targets[0].originArea.counties[0]");
    expect(p!.value).toBe("500111");
    expect(p!.message).toContain('unknown county "500111"');
    expect(p!.message).toContain('did you mean "500110" (綦江区)?');
    expect(p!.fix).toContain('"towns.counties"');
  });

  it("without a county table, counties are those of the towns' county column", () => {
    const [p] = problemsOf(withArea({ counties: ["500101"] }, { counties: false }));
    expect(p!.message).toContain('did you mean "500110"?');
    expect(p!.fix).toContain("county column");
    expect(loadNetworkSync(withArea({ counties: ["500110"] }, { counties: false })).targets[0]!.originArea).toBeDefined();
  });

  it("an empty area, an area without towns, a network without towns, a degenerate ring", () => {
    for (const empty of [{}, { counties: [] }, { counties: [], polygon: [] }]) {
      const [p, ...rest] = problemsOf(withArea(empty));
      expect(rest).toEqual([]);
      expect(p!.path).toBe("targets[0].originArea");
      expect(p!.message).toContain("empty origin area");
    }
    const none = problemsOf(withArea({ counties: ["500222"], polygon: [square(100, 20, 0.1)] }));
    expect(none.map((p) => p.path)).toEqual(["targets[0].originArea"]);
    expect(none[0]!.message).toContain('holds no town');
    expect(none[0]!.message).toContain('"500222" (Other)');
    expect(none[0]!.fix).toContain("[lon, lat]");
    // The same square with lat and lon swapped is a typical mistake: no town inside.
    expect(problemsOf(withArea({ polygon: [square(29.0, 106.8, 0.2)] }))[0]!.message).toContain("no town centre inside the polygon");
    const noTowns = problemsOf(withArea({ counties: ["500110"] }, { towns: false }));
    expect(noTowns.map((p) => p.message)).toEqual(['target "T_AB" names an origin area but the network has no "towns" section to count its people']);
    const ring = problemsOf(withArea({ polygon: [[[106, 29], [107, 29], [106, 29]]] }));
    expect(ring.map((p) => p.path)).toEqual(["targets[0].originArea.polygon[0]"]);
    expect(ring[0]!.message).toContain("2 distinct points");
  });

  it("shapes are the schema's: a county that is not an id, a point that is not [lon, lat], an unknown key", () => {
    const paths = problemsOf(withArea({ counties: [5], polygon: [[[106, 29, 1]]], extra: 1 })).map((p) => p.path);
    expect(paths).toContain("targets[0].originArea.counties[0]");
    expect(paths.some((p) => p.startsWith("targets[0].originArea.polygon[0][0]"))).toBe(true);
    expect(paths.some((p) => p.startsWith("targets[0].originArea"))).toBe(true);
  });
});
