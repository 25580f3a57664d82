import { describe, expect, it } from "vitest";
import { buildModel, modelNodeIsochrone, scenarioTimetable, timetableNodeIsochrone, TimetableBuilder, TimetableError, IsochroneError, timetablePolygonIsochrone } from "../../src/index.js";
import { DoorToDoorRouter } from "../../src/timetable/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { placeTimes, timetablePlaceTimes } from "../../src/isochrone/index.js";
import { stationsOf } from "../../src/query/index.js";
import { tinyNetwork } from "./fixtures.js";

/** A one-trip feed: F1 (≈ 97 m east of town A, not a place) 07:05 → S3 (a place id) 07:20, and a far stop FAR. */
function feed() {
  const b = new TimetableBuilder();
  const f1 = b.addStop({ id: "F1", lonLat: [106.001, 29] });
  const s3 = b.addStop({ id: "S3", lonLat: [106.38, 29] });
  b.addStop({ id: "FAR", lonLat: [110, 29] });
  const r = b.addRoute({ id: "FEED" });
  b.addTrip({ id: "t1", route: r, stops: [f1, s3], arrivalSecs: [25_500, 26_400], departureSecs: [25_500, 26_400] });
  return b.finish();
}

describe("scenarioTimetable", () => {
  it("synthesises every active service both ways every headway over 06:00–23:00 with the model's in-vehicle times", () => {
    const model = buildModel(tinyNetwork(), { generateAccess: false });
    const nt = scenarioTimetable(model, "now");
    const tt = nt.timetable;
    expect(nt.services).toEqual(["L", "M"]);
    // L: 06:00…23:00 every 15 min = 69 departures per direction; M: every 10 min = 103.
    expect(tt.tripCount).toBe(2 * 69 + 2 * 103);
    const t = tt.tripIds.indexOf("L:0:07:00:00");
    const o = tt.tripTimeOffsets[t]!;
    expect([...tt.arrivalSecs.subarray(o, o + 3)]).toEqual([25_200, 25_800, 26_580]); // +10 min, +1 dwell +12
    expect([...tt.departureSecs.subarray(o, o + 3)]).toEqual([25_200, 25_860, 26_580]);
    expect(nt.headwaySecs.get("M")).toBe(600);
  });

  it("quantity overrides set headways, running and transfer times (a Monte Carlo draw)", () => {
    const model = buildModel(tinyNetwork(), { generateAccess: false });
    const nt = scenarioTimetable(model, "now", {
      quantities: { "/services/0/headwayMin": 30, "/services/0/runMinutes/0/value": 11, "/parameters/transferMin/metro": 7 },
    });
    const tt = nt.timetable;
    expect(nt.headwaySecs.get("L")).toBe(1800);
    expect(tt.tripCount).toBe(2 * 35 + 2 * 103);
    const t = tt.tripIds.indexOf("L:0:07:00:00");
    expect(tt.arrivalSecs[tt.tripTimeOffsets[t]! + 1]).toBe(25_200 + 660);
    expect(tt.minTransferSecs[tt.stopIndexById.get("S2@metro")!]).toBe(420);
  });

  it("a GTFS feed merges in: stops join places by id or by a walk within 500 m, and RAPTOR uses the faster option", () => {
    const model = buildModel(tinyNetwork(), { generateAccess: false });
    const nt = scenarioTimetable(model, "now", { gtfs: { timetable: feed() } });
    const tt = nt.timetable;
    const f1 = tt.stopIndexById.get("F1")!;
    expect(nt.stopPlace[f1]).toBe(model.placeIndex("A"));
    // 97.3 m × 1.3 circuity at 4.5 km/h.
    expect(nt.stopPlaceSecs[f1]).toBeCloseTo((0.09727 * 1.3 * 3600) / 4.5, 0);
    expect(nt.stopPlace[tt.stopIndexById.get("S3")!]).toBe(model.placeIndex("S3"));
    expect(nt.stopPlace[tt.stopIndexById.get("FAR")!]).toBe(-1);
    const [r] = new DoorToDoorRouter(nt).travelTimes("A", ["B"], { windowStartSecs: 7 * 3600, windowEndSecs: 7 * 3600 });
    // Walk to F1 (~101 s), feed train 07:05 → S3 07:20, connector 4 min to B: 24 min (Line L: 42 min).
    expect(r!.travelTimesSecs[0]).toBe(24 * 60);
    const withoutL = scenarioTimetable(model, "now", { gtfs: { timetable: feed(), excludeServices: ["L", "M"] } });
    expect(withoutL.services).toEqual([]);
    const [late] = new DoorToDoorRouter(withoutL).travelTimes("A", ["B"], { windowStartSecs: 7 * 3600 + 600, windowEndSecs: 7 * 3600 + 600 });
    expect(late!.travelTimesSecs[0]).toBe(60 * 60); // after the only feed trip: drive
  });

  it("feed errors name the option: unknown stopPlaces entries, unknown excluded services, id collisions", () => {
    const model = buildModel(tinyNetwork(), { generateAccess: false });
    expect(() => scenarioTimetable(model, "now", { gtfs: { timetable: feed(), stopPlaces: new Map([["NOPE", "A"]]) } })).toThrow(/stopPlaces.*NOPE/);
    expect(() => scenarioTimetable(model, "now", { gtfs: { timetable: feed(), excludeServices: ["X"] } })).toThrow(/excludeServices.*"X"/);
    const b = new TimetableBuilder();
    b.addStop({ id: "S1@suburban", lonLat: [106, 29] });
    expect(() => scenarioTimetable(model, "now", { gtfs: { timetable: b.finish() } })).toThrow(TimetableError);
  });

  it("adding a service never makes a door-to-door time longer (metamorphic)", () => {
    const model = buildModel(tinyNetwork(), { generateAccess: false });
    const empty = new TimetableBuilder().finish();
    const both = new DoorToDoorRouter(scenarioTimetable(model, "now"));
    const onlyL = new DoorToDoorRouter(scenarioTimetable(model, "now", { gtfs: { timetable: empty, excludeServices: ["M"] } }));
    const ids = model.network.places.map((p) => p.id);
    const window = { windowStartSecs: 7 * 3600, windowEndSecs: 8 * 3600 };
    let strictly = 0;
    for (const o of ids) {
      const a = both.travelTimes(o, ids, window);
      const b = onlyL.travelTimes(o, ids, window);
      a.forEach((r, k) =>
        r.travelTimesSecs.forEach((t, i) => {
          expect(t).toBeLessThanOrEqual(b[k]!.travelTimesSecs[i]!);
          if (t < b[k]!.travelTimesSecs[i]!) strictly++;
        }),
      );
    }
    expect(strictly).toBeGreaterThan(0);
  });
});

describe("timetable isochrones", () => {
  const network = loadNetworkSync(embeddedNetworkPath());
  const model = buildModel(network);

  it("modes road: timetable place times = the model's place times at every statistic", () => {
    const request = { origins: "QJ_CITY", scenario: "plan-2025", modes: "road" as const };
    const want = placeTimes(model, request, Infinity).timesSecs;
    for (const statistic of ["best", "p95"] as const) {
      const got = timetablePlaceTimes(model, { ...request, window: { windowStartSecs: 7 * 3600, windowEndSecs: 7 * 3600 + 600 }, statistic }).timesSecs;
      got.forEach((t, i) => (want[i] === Infinity ? expect(t).toBe(Infinity) : expect(t).toBeCloseTo(want[i]!, 6)));
    }
    const bands = modelNodeIsochrone(model, { ...request, cutoffsMin: [30, 60] });
    const tt = timetableNodeIsochrone(model, { ...request, cutoffsMin: [30, 60], window: { windowStartSecs: 8 * 3600, windowEndSecs: 8 * 3600 } });
    expect(tt.map((b) => b.reached.map((r) => r.id).sort())).toEqual(bands.map((b) => b.reached.map((r) => r.id).sort()));
  });

  it("timetablePolygonIsochrone(model, { timetable }) labels the bands with the prebuilt timetable's scenario, modes and measure", () => {
    const timetable = scenarioTimetable(model, "vision-2035", { modes: "rail", measure: "station-to-station" });
    const window = { windowStartSecs: 8 * 3600, windowEndSecs: 8 * 3600 };
    const { collection, times } = timetablePolygonIsochrone(model, { origins: "QJ_CITY", scenario: "plan-2025", cutoffsMin: [60], window, timetable }, { cellSizeM: 5000 });
    expect(times.scenario).toBe("vision-2035");
    expect(times.measure).toBe("station-to-station");
    const props = collection.features[0]!.properties;
    expect([props.scenario, props.modes, props.measure]).toEqual(["vision-2035", "rail", "station-to-station"]);
  });

  it("timetablePlaceTimes rejects a negative or non-finite start offset and a station-to-station origin without a station, as placeTimes does", () => {
    const window = { windowStartSecs: 8 * 3600, windowEndSecs: 8 * 3600 };
    for (const startSecs of [-60, Number.NaN, Infinity]) {
      const request = { origins: [{ placeId: "QJ_CITY", startSecs }], scenario: "plan-2025", window };
      expect(() => placeTimes(model, request, 3600)).toThrow(IsochroneError);
      expect(() => timetablePlaceTimes(model, request)).toThrow(IsochroneError);
    }
    const noStation = network.places.find((p) => stationsOf(model, p.id).length === 0);
    expect(noStation, "the embedded network has a place without a station").toBeDefined();
    expect(() => timetablePlaceTimes(model, { origins: noStation!.id, scenario: "plan-2025", measure: "station-to-station", window })).toThrow(/has no station/);
  });

  it("statistics order the reach: places within 60 min at p95 ⊆ at p50 ⊆ at best", () => {
    const reach = (statistic: "best" | "p50" | "p95") =>
      new Set(
        timetableNodeIsochrone(model, { origins: "WS_CITY", scenario: "vision-2035", cutoffsMin: [60], window: { windowStartSecs: 7 * 3600, windowEndSecs: 9 * 3600 }, statistic })[0]!.reached.map((r) => r.id),
      );
    const best = reach("best");
    const p50 = reach("p50");
    const p95 = reach("p95");
    for (const id of p95) expect(p50.has(id)).toBe(true);
    for (const id of p50) expect(best.has(id)).toBe(true);
  });
});
