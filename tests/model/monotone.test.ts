/**
 * A monotone model (issue 14): adding a link or a service, raising a speed or a frequency never makes
 * any travel time longer, under both readings and both measures. Metamorphic: the same network
 * before and after random additions, every place to every place.
 *
 * Not covered, by design: explicit `connector` links (an explicit connector replaces the generated
 * access leg of its two places: a correction, not an addition), `replaces` (an upgrade removes what it
 * replaces), and track given to a service segment that had none (its great-circle estimate is
 * replaced by the real track; the model warns about every such estimate, and the networks here have
 * none).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildModel,
  findRoute,
  networkToFile,
  Query,
  type Measure,
  type ModeFilter,
  type NetworkFile,
  type Reading,
} from "../../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { greatCircleKm } from "../../src/model/geo.js";
import { randomNetworkFile } from "../fixtures/model/random.js";
import { runs } from "../util/property.js";

type Addition =
  | { kind: "link"; mode: "hsr" | "rail" | "suburban" | "expressway" | "road"; onStops: boolean; a: number; b: number; stretch: number; speedKmh: number | null; oneway: boolean }
  | { kind: "service"; mode: "hsr" | "rail" | "suburban" | "bus"; stops: number[]; headwayMin: number; runMin: number[] | null; speedKmh: number }
  | { kind: "faster-link"; pick: number; factor: number }
  | { kind: "faster-service"; pick: number; factor: number }
  | { kind: "more-frequent"; pick: number; factor: number };

const addition: fc.Arbitrary<Addition> = fc.oneof(
  fc.record({
    kind: fc.constant("link" as const),
    mode: fc.constantFrom("hsr" as const, "rail" as const, "suburban" as const, "expressway" as const, "road" as const),
    // Mostly between two stops of services: where a new link can change a service's path.
    onStops: fc.boolean(),
    a: fc.nat(),
    b: fc.nat(),
    stretch: fc.double({ min: 1.02, max: 1.6, noNaN: true }),
    speedKmh: fc.option(fc.integer({ min: 40, max: 350 })),
    oneway: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("service" as const),
    mode: fc.constantFrom("hsr" as const, "rail" as const, "suburban" as const, "bus" as const),
    stops: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
    headwayMin: fc.integer({ min: 5, max: 240 }),
    runMin: fc.option(fc.array(fc.integer({ min: 3, max: 180 }), { minLength: 3, maxLength: 3 })),
    speedKmh: fc.integer({ min: 60, max: 350 }),
  }),
  fc.record({ kind: fc.constant("faster-link" as const), pick: fc.nat(), factor: fc.double({ min: 1, max: 2.5, noNaN: true }) }),
  fc.record({ kind: fc.constant("faster-service" as const), pick: fc.nat(), factor: fc.double({ min: 1, max: 2.5, noNaN: true }) }),
  fc.record({ kind: fc.constant("more-frequent" as const), pick: fc.nat(), factor: fc.double({ min: 0.1, max: 1, noNaN: true }) }),
);

const src = "monotone test";
const q = (value: number) => ({ value, source: src });

/** The network file with the additions applied (a fresh copy; the input is not modified). */
export function withAdditions(file: NetworkFile, additions: readonly Addition[]): NetworkFile {
  const out = structuredClone(file);
  const places = out.places;
  const services = (out.services ??= []);
  const coord = (i: number) => places[i % places.length]!.coord as [number, number];
  additions.forEach((add, n) => {
    switch (add.kind) {
      case "link": {
        const stopSet = new Set(services.flatMap((s) => s.stops));
        const ends = add.onStops && stopSet.size > 1 ? places.flatMap((p, i) => (stopSet.has(p.id) ? [i] : [])) : places.map((_, i) => i);
        const a = ends[add.a % ends.length]!;
        let b = ends[add.b % ends.length]!;
        if (a === b) b = ends[(ends.indexOf(b) + 1) % ends.length]!;
        const km = Math.max(0.5, greatCircleKm(coord(a), coord(b)) * add.stretch);
        out.links.push({
          id: `added_link_${n}`,
          mode: add.mode,
          from: places[a]!.id,
          to: places[b]!.id,
          lengthKm: q(km),
          ...(add.speedKmh === null ? {} : { speedKmh: q(add.speedKmh) }),
          ...(add.oneway ? { oneway: true } : {}),
        });
        break;
      }
      case "service": {
        const stops = add.stops.map((i) => places[i % places.length]!.id).filter((id, k, all) => k === 0 || all[k - 1] !== id);
        if (stops.length < 2) break;
        services.push({
          id: `added_service_${n}`,
          name: { zh: `加${n}`, en: `Added ${n}` },
          mode: add.mode,
          stops,
          headwayMin: q(add.headwayMin),
          ...(add.runMin === null
            ? { speedKmh: q(add.speedKmh) }
            : { runMinutes: stops.slice(1).map((_, k) => q(add.runMin![k % add.runMin!.length]!)) }),
        });
        break;
      }
      case "faster-link": {
        const fast = out.links.filter((l) => l.speedKmh !== undefined || l.minutes !== undefined);
        const link = fast[add.pick % Math.max(1, fast.length)];
        if (link === undefined) break;
        if (link.speedKmh) link.speedKmh = q(Math.min(1000, link.speedKmh.value * add.factor));
        else link.minutes = q(link.minutes!.value / add.factor);
        break;
      }
      case "faster-service": {
        const s = services[add.pick % Math.max(1, services.length)];
        if (s === undefined) break;
        if (s.speedKmh) s.speedKmh = q(Math.min(1000, s.speedKmh.value * add.factor));
        else s.runMinutes = s.runMinutes!.map((r) => q(r.value / add.factor));
        break;
      }
      case "more-frequent": {
        const s = services[add.pick % Math.max(1, services.length)];
        if (s !== undefined) s.headwayMin = q(s.headwayMin.value * add.factor);
        break;
      }
    }
  });
  return out;
}

const COMBOS: Array<{ measure: Measure; reading: Reading; modes: ModeFilter }> = [];
for (const measure of ["door-to-door", "station-to-station"] as const)
  for (const reading of ["scheduled", "typical"] as const) for (const modes of ["multimodal", "rail"] as const) COMBOS.push({ measure, reading, modes });

/** Seconds from every origin to every place, per scenario × measure × reading × modes. */
function allTimes(file: NetworkFile, origins: readonly string[], scenarios: readonly string[]): Float64Array[] {
  const model = buildModel(loadNetworkSync(file as object, { origin: "monotone test" }));
  const query = new Query(model);
  const ids = model.network.places.map((p) => p.id);
  return scenarios.flatMap((selection) => COMBOS.map((c) => query.placeMatrix(origins, ids, { selection, ...c }).secs));
}

function expectNoLonger(before: readonly Float64Array[], after: readonly Float64Array[], what: string): void {
  before.forEach((b, m) =>
    b.forEach((t, k) => {
      if (after[m]![k]! > t + 1e-6) expect.fail(`${what}: matrix ${m} entry ${k} went from ${t} s to ${after[m]![k]} s`);
    }),
  );
}

describe("a monotone model: additions never make a travel time longer (both readings, both measures)", () => {
  it("on random networks (tests/fixtures/model/random.ts)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(addition, { minLength: 1, maxLength: 4 }), (seed, additions) => {
        const file = randomNetworkFile(seed);
        const ids = file.places.map((p) => p.id);
        const scenarios = file.scenarios.map((s) => s.id);
        const before = allTimes(file, ids, scenarios);
        const after = allTimes(withAdditions(file, additions), ids, scenarios);
        expectNoLonger(before, after, `seed ${seed}, ${JSON.stringify(additions)}`);
      }),
      runs(150),
    );
  });

  it("on the embedded network (the plan's origins, current and vision-2035)", () => {
    const file = networkToFile(loadNetworkSync(embeddedNetworkPath()));
    const origins = [...new Set(file.targets!.flatMap((t) => t.origins))];
    const scenarios = ["current", "vision-2035"];
    const before = allTimes(file, origins, scenarios);
    fc.assert(
      fc.property(fc.array(addition, { minLength: 1, maxLength: 3 }), (additions) => {
        expectNoLonger(before, allTimes(withAdditions(file, additions), origins, scenarios), JSON.stringify(additions));
      }),
      runs(8),
    );
  });

  it("the issue's case: conventional track 0.4 km shorter than the parallel HSR link leaves 綦江 → 贵阳东 unchanged", () => {
    const net = loadNetworkSync(embeddedNetworkPath());
    const file = networkToFile(net);
    const hsr = file.links.find((l) => l.id === "T_YUGUI_HSR_3")!;
    file.links.push({ ...structuredClone(hsr), id: "T_PARALLEL_RAIL", mode: "rail", lengthKm: q(hsr.lengthKm!.value - 0.4), speedKmh: undefined });
    delete file.links.at(-1)!.speedKmh;
    const before = buildModel(net);
    const after = buildModel(loadNetworkSync(file as object));
    for (const reading of ["scheduled", "typical"] as const) {
      const options = { scenario: "vision-2035", measure: "station-to-station" as const, reading };
      const t0 = findRoute(before, "QJ_HSR", "GY_EAST", options).timeMin!;
      expect(findRoute(after, "QJ_HSR", "GY_EAST", options).timeMin).toBeCloseTo(t0, 9);
    }
  });

  it("services run on their own mode's track and the links they list, by the fastest path", () => {
    // A suburban service between two stations joined by slow rail (listed) and by fast suburban track.
    const file = randomNetworkFile(7);
    const stations = file.places.filter((p) => p.kind === "station").map((p) => p.id);
    expect(stations.length).toBeGreaterThan(1);
    const [a, b] = [stations[0]!, stations[1]!];
    const km = greatCircleKm(file.places.find((p) => p.id === a)!.coord as [number, number], file.places.find((p) => p.id === b)!.coord as [number, number]);
    file.services = [{ id: "sub", name: { zh: "市", en: "Sub" }, mode: "suburban", stops: [a, b], headwayMin: q(10), speedKmh: q(160), links: ["slow"] }];
    file.links.push({ id: "slow", mode: "rail", from: a, to: b, lengthKm: q(km * 1.05), speedKmh: q(80) });
    const slow = buildModel(loadNetworkSync(structuredClone(file) as object));
    const rideMin = (m: ReturnType<typeof buildModel>) =>
      findRoute(m, a, b, { scenario: "s2040", measure: "station-to-station" }).legs[0]!.inVehicleMin;
    expect(rideMin(slow)).toBeCloseTo(((km * 1.05) / 80) * 60, 9);
    // A longer but faster suburban link: the fastest path takes it (shortest-by-length would not).
    file.links.push({ id: "fast", mode: "suburban", from: a, to: b, lengthKm: q(km * 1.3), speedKmh: q(160) });
    const fast = buildModel(loadNetworkSync(structuredClone(file) as object));
    expect(rideMin(fast)).toBeCloseTo(((km * 1.3) / 160) * 60, 9);
    // Unlisted track of another mode is not used: without "links", only the suburban link is.
    file.services[0]!.links = undefined;
    delete file.services[0]!.links;
    file.links = file.links.filter((l) => l.id !== "fast");
    const none = buildModel(loadNetworkSync(structuredClone(file) as object));
    expect(none.warnings.some((w) => w.includes('"sub" segment') && w.includes("list other track"))).toBe(true);
  });

  it("a service may list only links its vehicles can run on, and only existing ones", () => {
    const file = randomNetworkFile(3);
    const road = file.links.find((l) => !["hsr", "rail", "suburban", "metro"].includes(l.mode))!;
    const railService = file.services!.find((s) => ["hsr", "rail", "suburban"].includes(s.mode))!;
    railService.links = [road.id];
    expect(() => loadNetworkSync(structuredClone(file) as object)).toThrow(/cannot run on link ".*" \(/);
    railService.links = ["no_such_link"];
    expect(() => loadNetworkSync(structuredClone(file) as object)).toThrow(/unknown link "no_such_link"/);
  });
});
