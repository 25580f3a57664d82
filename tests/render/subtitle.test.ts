/**
 * Every map of times says which measure and which reading it shows: the subtitle is completed from
 * the bands' properties (set by model isochrones), never repeated when the caller already says it.
 */
import { describe, expect, it } from "vitest";
import { buildModel, modelIsochroneDifference, modelPolygonIsochrone, renderMapSvg } from "../../src/index.js";
import { panelSubtitle } from "../../src/render/index.js";
import { loadFixture } from "../fixtures/model/load.js";

describe("panelSubtitle", () => {
  const network = loadFixture("exact.json");
  const model = buildModel(network);
  const origin = network.places[0]!.id;
  const scenarios = network.scenarios.map((s) => s.id);

  it("adds the measure and the reading the bands were computed with", () => {
    for (const [measure, reading] of [["door-to-door", "scheduled"], ["station-to-station", "typical"]] as const) {
      const bands = modelPolygonIsochrone(model, { origins: origin, scenario: scenarios[0]!, cutoffsMin: [30, 60], measure, reading }).collection;
      expect(bands.features[0]!.properties).toMatchObject({ measure, reading });
      expect(panelSubtitle({ title: "t", subtitle: "from A", bands })).toBe(`from A · ${measure}, ${reading} reading`);
      expect(panelSubtitle({ title: "t", subtitle: `${measure} from A`, bands })).toBe(`${measure} from A · ${reading} reading`);
      expect(panelSubtitle({ title: "t", subtitle: `${measure} (${reading}) from A`, bands })).toBe(`${measure} (${reading}) from A`);
      expect(panelSubtitle({ title: "t", bands })).toBe(`${measure}, ${reading} reading`);
      expect(renderMapSvg({ title: "t", subtitle: "from A", bands })).toContain(`from A · ${measure}, ${reading} reading</text>`);
    }
  });

  it("a comparison panel of gained areas says it too; a map without bands keeps its subtitle", () => {
    const d = modelIsochroneDifference(model, { origins: origin, scenarioA: scenarios[0]!, scenarioB: scenarios.at(-1)!, cutoffsMin: [30, 60], reading: "typical" });
    expect(panelSubtitle({ title: "t", subtitle: "newly within", gained: d.gained, outlineBands: d.a.collection })).toBe("newly within · door-to-door, typical reading");
    expect(panelSubtitle({ title: "t", subtitle: "all links" })).toBe("all links");
    expect(panelSubtitle({ title: "t" })).toBe("");
  });
});
