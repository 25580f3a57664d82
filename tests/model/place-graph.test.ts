/**
 * The place graph (the model contracted onto its place nodes, with mesh shortcuts) against the full
 * model (every line-stop and town node): the same time for every pair, selection, measure, mode
 * filter, reading and cost draw. `Query.placeTimes` and `PairTimes` search the place graph,
 * `Query.reach` searches the full model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel, Query, type Measure, type ModeFilter, type QueryOptions } from "../../src/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { terrainPointer } from "../../src/model/mesh-model.js";
import { PairTimes } from "../../src/query/pair-times.js";
import { randomNetwork } from "../fixtures/model/random.js";
import { runs } from "../util/property.js";

const MEASURES: Measure[] = ["door-to-door", "station-to-station"];
const MODES: ModeFilter[] = ["multimodal", "rail", "road"];

/** Equal up to the rounding of sums taken in another order. */
function expectSameTimes(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (a === e) continue;
    if (!(Math.abs(a - e) <= 1e-6 * Math.max(1, Math.abs(e)))) expect.fail(`${what}, place ${i}: place graph ${a} s, full model ${e} s`);
  }
}

describe("place graph = full model", () => {
  it("on random networks with towns: every origin, selection, measure, mode filter, reading and draw", () => {
    let sawShortcut = false;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.record({
          pick: fc.nat(),
          subset: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
          scenario: fc.boolean(),
          measure: fc.constantFrom(...MEASURES),
          modes: fc.constantFrom(...MODES),
          reading: fc.constantFrom("typical" as const, "scheduled" as const),
          draw: fc.option(fc.record({ speed: fc.double({ min: 20, max: 150, noNaN: true }), factor: fc.double({ min: 0.7, max: 1.5, noNaN: true }) }), { nil: undefined }),
        }), { minLength: 1, maxLength: 4 }),
        (seed, calls) => {
          const network = randomNetwork(seed, { towns: true });
          const model = buildModel(network);
          const q = new Query(model);
          const places = network.places.map((p) => p.id);
          const projects = network.projects.map((p) => p.id);
          for (const c of calls) {
            const options: QueryOptions = {
              selection: c.scenario ? network.scenarios[c.pick % network.scenarios.length]!.id : { projects: projects.filter((_, i) => c.subset[i]) },
              measure: c.measure,
              modes: c.modes,
              reading: c.reading,
              // A shared draw (edgeCosts) is searched on its place graph; a one-off `quantities` on the full model.
              ...(c.draw && { edgeCosts: model.costsWith({ [terrainPointer("plain", "speedKmh")]: c.draw.speed, "/parameters/congestionFactor": c.draw.factor }) }),
            };
            for (const origin of places) {
              const full = q.reach(origin, options).placeSecs;
              expectSameTimes(q.placeTimes(origin, options), full, `${JSON.stringify(options)} from ${origin}`);
            }
          }
          if (model.placeGraph.draw(model.base).shortcutCount > 0) sawShortcut = true;
        },
      ),
      runs(25),
    );
    // The comparison means something only if the mesh shortened some trips.
    expect(sawShortcut).toBe(true);
  });

  it("PairTimes over a sequence of selections (its shortcut floor shrinking) equals the full model", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
        (seed, subsets) => {
          const network = randomNetwork(seed, { towns: true });
          const model = buildModel(network);
          const q = new Query(model);
          const ids = network.places.map((p) => p.id);
          const pairs = ids.flatMap((a) => ids.map((b) => [a, b] as const));
          const lists = MEASURES.flatMap((measure) => MODES.map((modes) => ({ pairs, measure, modes })));
          const pt = new PairTimes(model, lists);
          const projectIds = network.projects.map((p) => p.id);
          for (const subset of subsets) {
            const projects = projectIds.filter((_, i) => subset[i]);
            pt.run({ projects });
            lists.forEach((l, k) => {
              const expected = new Float64Array(pairs.length);
              ids.forEach((o, i) => {
                const full = q.reach(o, { selection: { projects }, measure: l.measure, modes: l.modes }).placeSecs;
                expected.set(full, i * ids.length);
              });
              expectSameTimes(pt.secs[k]!, expected, `${l.measure} ${l.modes} ${projects.join(",")}`);
            });
          }
        },
      ),
      runs(15),
    );
  });

  it("a faster terrain class (its Monte Carlo pointer) never lengthens a time, and some trip gets faster", () => {
    let faster = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom("hill", "plain"), fc.double({ min: 1.05, max: 3, noNaN: true }), (seed, terrain, factor) => {
        const network = randomNetwork(seed, { towns: true });
        const model = buildModel(network);
        const q = new Query(model);
        const base = network.towns!.terrain.get(terrain)!.speedKmh.value;
        const edgeCosts = model.costsWith({ [terrainPointer(terrain, "speedKmh")]: base * factor });
        for (const origin of network.places.map((p) => p.id)) {
          const before = q.placeTimes(origin);
          const after = q.placeTimes(origin, { edgeCosts });
          after.forEach((t, k) => {
            expect(t).toBeLessThanOrEqual(before[k]! + 1e-6);
            if (t < before[k]! - 1e-6) faster++;
          });
        }
      }),
      runs(15),
    );
    expect(faster).toBeGreaterThan(0);
  });

  it("PairTimes run after run (overlays updated, unchanged groups skipped) equals one that searches every run, and a fresh one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 8 }),
        (seed, subsets) => {
          const network = randomNetwork(seed, { towns: true });
          const model = buildModel(network);
          const ids = network.places.map((p) => p.id);
          // Few destinations per origin, so that searches stop early.
          const pairs = ids.flatMap((a, i) => ids.filter((_, j) => j !== i && (i + j) % 3 === 0).map((b) => [a, b] as const));
          const lists = MEASURES.flatMap((measure) =>
            MODES.flatMap((modes) => (["typical", "scheduled"] as const).map((reading) => ({ pairs, measure, modes, reading }))),
          );
          const projectIds = network.projects.map((p) => p.id);
          const kept = new PairTimes(model, lists);
          // Same sequence (so the same shortcut floors and draws), every group searched every run.
          const off = new PairTimes(model, lists);
          off.reuseUnchanged = false;
          for (const subset of subsets) {
            const projects = projectIds.filter((_, i) => subset[i]);
            kept.run({ projects });
            off.run({ projects });
            // A fresh one prunes its shortcuts for this selection alone: equal up to sum rounding.
            const fresh = new PairTimes(model, lists);
            fresh.run({ projects });
            lists.forEach((_, k) => {
              expect([...kept.secs[k]!]).toEqual([...off.secs[k]!]);
              expect([...kept.ends[k]!]).toEqual([...off.ends[k]!]);
              expectSameTimes(kept.secs[k]!, fresh.secs[k]!, `list ${k}, projects ${projects.join(",")}`);
            });
          }
        },
      ),
      runs(25),
    );
  });

  it("an overlay updated for a change of activity (overlayDelta) equals a fresh overlay, and counts the arcs that changed", () => {
    let updates = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        fc.constantFrom(...MEASURES),
        fc.constantFrom(...MODES),
        fc.constantFrom("typical" as const, "scheduled" as const),
        (seed, subsets, measure, modes, reading) => {
          const network = randomNetwork(seed, { towns: true });
          const model = buildModel(network);
          const projectIds = network.projects.map((p) => p.id);
          const draw = model.placeGraph.draw(model.base);
          const filter = { measure, modes };
          const mask = model.filterMask(filter);
          const secs = model.readingCosts(model.base, reading).costsSecs;
          const activity = (subset: boolean[]) => model.activeEntities(projectIds.filter((_, i) => subset[i]));
          let before = activity(subsets[0]!);
          const out = draw.overlayInto(new Float64Array(draw.edgeCount), before, filter, mask, secs);
          for (const subset of subsets.slice(1)) {
            const active = activity(subset);
            const old = Float64Array.from(out);
            const changed = draw.overlayDelta(out, before, active, mask, secs);
            const fresh = draw.overlayInto(new Float64Array(draw.edgeCount), active, filter, mask, secs);
            expect([...out]).toEqual([...fresh]);
            expect(changed).toBe(fresh.reduce((n, v, a) => n + (v !== old[a] ? 1 : 0), 0));
            if (changed > 0) updates++;
            before = active;
          }
        },
      ),
      runs(40),
    );
    // The comparison means something only if some change of activity changed the overlay.
    expect(updates).toBeGreaterThan(0);
  });

  const embedded = loadNetworkSync(embeddedNetworkPath());
  it("on the embedded network, overlays updated from scenario to scenario equal fresh ones", () => {
    const model = buildModel(embedded);
    const draw = model.placeGraph.draw(model.base);
    const sets = embedded.scenarios.map((s) => model.activeEntities(model.scenarioProjects(s.id)));
    for (const measure of MEASURES) {
      const filter = { measure };
      const mask = model.filterMask(filter);
      const secs = model.readingCosts(model.base, "scheduled").costsSecs;
      const out = draw.overlayInto(new Float64Array(draw.edgeCount), sets[0]!, filter, mask, secs);
      // Forth and back, so that entities are switched on and off.
      for (const [a, b] of [[0, 1], [1, 3], [3, 2], [2, 0], [0, 3]] as const) {
        draw.overlayDelta(out, sets[a]!, sets[b]!, mask, secs);
        expect([...out]).toEqual([...draw.overlayInto(new Float64Array(draw.edgeCount), sets[b]!, filter, mask, secs)]);
      }
    }
  });

  it.skipIf(embedded.towns === undefined)("on the embedded network: every scenario, from a sample of origins, door-to-door", () => {
    const model = buildModel(embedded);
    const q = new Query(model);
    const origins = embedded.places.filter((_, i) => i % 7 === 0).map((p) => p.id);
    for (const scenario of embedded.scenarios.map((s) => s.id)) {
      for (const modes of ["multimodal", "road"] as const) {
        for (const o of origins) {
          const options = { selection: scenario, modes };
          expectSameTimes(q.placeTimes(o, options), q.reach(o, options).placeSecs, `${scenario} ${modes} from ${o}`);
        }
      }
    }
  });
});
