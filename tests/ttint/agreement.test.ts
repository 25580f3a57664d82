/**
 * The timetable and the frequency model agree on the embedded network, within bounds derived from
 * the headways of the services each answer uses.
 *
 * Let F be the frequency time (path p*, each boarding waits h/2) and T(τ) the timetable time leaving
 * at τ (journey q(τ)). Both graphs have the same non-wait costs (running, dwell, transfer, street), and
 * on a timetable every boarding waits w ∈ [0, h) (every headway here is shorter than the 06:00–23:00
 * service day). So:
 *   T(τ) ≤ realised time of p* = F + Σ_{p*} (w − h/2) < F + Σ_{p*} h/2          (upper)
 *   F ≤ (non-wait time of q(τ)) + Σ_{q(τ)} h/2 ≤ T(τ) + Σ_{q(τ)} h/2             (lower)
 * Every percentile of T over the window then lies in [F − max_τ Σ_{q(τ)} h/2, F + Σ_{p*} h/2], up to
 * rounding to whole seconds (ε = 10 s). The upper bound is checked at every minute (range-RAPTOR);
 * the lower bound needs the journey q(τ), so a single-departure RAPTOR (also checked against
 * range-RAPTOR) runs every SAMPLE_MIN minutes, and the lower bound of the percentiles is checked on
 * those departures.
 *
 * The timetable synthesizes the services that run trains; frequency aggregates (`role:
 * "frequency-aggregate"`, trains other services already run) are not synthesized, so the frequency
 * model compared here is the network without them: the same services on both sides.
 */
import { describe, expect, it } from "vitest";
import { buildModel, evaluateTarget, networkToFile, scenarioTimetable, type Id, type Measure } from "../../src/index.js";
import { DoorToDoorRouter, RaptorRouter, travelTimeStats } from "../../src/timetable/index.js";
import { embeddedNetworkPath, loadNetworkSync } from "../../src/node.js";
import { stationsOf } from "../../src/query/index.js";
import { targetPairs } from "../../src/targets/index.js";

const EPS_SECS = 10;
const START = 7 * 3600;
const END = 9 * 3600;
/** Minutes between the departures checked with a single-departure RAPTOR and its journey. */
const SAMPLE_MIN = 5;

describe("timetable vs frequency model on the embedded network (07:00–09:00: every minute by range-RAPTOR, every 5th with the journey)", () => {
  const file = networkToFile(loadNetworkSync(embeddedNetworkPath()));
  file.services = file.services?.filter((s) => s.role !== "frequency-aggregate");
  const network = loadNetworkSync(file as object);
  const model = buildModel(network);

  it("for every scenario × target × measure × pair, every departure and p5/p50/p95/best lie within the headway bounds", () => {
    let checked = 0;
    let maxGapMin = 0;
    for (const scenario of network.scenarios.map((s) => s.id)) {
      for (const measure of ["door-to-door", "station-to-station"] as Measure[]) {
        const nt = scenarioTimetable(model, scenario, { measure });
        const router = new DoorToDoorRouter(nt);
        const raptor = new RaptorRouter(nt.timetable, router.maxRides);
        const headwayOf = (service: Id): number => nt.headwaySecs.get(service)!;
        for (const target of network.targets) {
          if (target.measures && !target.measures.includes(measure)) continue;
          // The bounds are the typical reading's: every boarding waits half a headway.
          const freq = evaluateTarget(model, target, { selection: { scenario }, measure, reading: "typical" });
          const pairs = targetPairs(target);
          // One range-RAPTOR per origin, for all its destinations (a profile search answers them all).
          const byOrigin = new Map<Id, ReturnType<DoorToDoorRouter["travelTimes"]>>();
          const timesOf = (o: Id, d: Id) => {
            let all = byOrigin.get(o);
            if (all === undefined) {
              const dests = [...new Set(pairs.filter(([x]) => x === o).map(([, y]) => y))];
              byOrigin.set(o, (all = router.travelTimes(o, dests, { windowStartSecs: START, windowEndSecs: END })));
            }
            return all.find((r) => r.destination === d)!;
          };
          pairs.forEach(([o, d], i) => {
            const f = freq.pairs[i]!;
            if (f.status === "no-station" || f.status === "same-station") return;
            if (measure === "station-to-station" && stationsOf(model, o).length === 0) return;
            const got = timesOf(o, d);
            const times = got!.travelTimesSecs;
            if (f.timeMin === null) {
              expect([...times].every((t) => t === Infinity), `${scenario} ${o} → ${d}: frequency no-route`).toBe(true);
              return;
            }
            const F = f.timeMin * 60;
            const upper = f.legs.filter((l) => l.kind === "ride").reduce((s, l) => s + headwayOf(l.lineIds[0]!) / 2, 0);
            const { access } = router.access(o);
            const egress = router.egress(d);
            let lower = 0;
            const sampled: number[] = [];
            for (let k = 0; k < times.length; k++) {
              expect(times[k]!, `${o} → ${d} at ${START + 60 * k}: T vs F ${F}`).toBeLessThanOrEqual(F + upper + EPS_SECS);
              if (k % SAMPLE_MIN !== 0) continue;
              sampled.push(times[k]!);
              const tau = START + 60 * k;
              const res = raptor.route({ access, departureSecs: tau });
              let best = got!.roadSecs + tau;
              let stop = -1;
              for (const e of egress) {
                const a = res.arrivalSecs(e.stop) + e.secs;
                if (a < best) ((best = a), (stop = e.stop));
              }
              expect(best - tau, `${scenario} ${measure} ${o} → ${d} at ${tau}: RAPTOR = range-RAPTOR`).toBeCloseTo(times[k]!, 6);
              const rides = stop < 0 ? [] : (res.journey(stop)?.legs ?? []).filter((l) => l.kind === "ride");
              const h = rides.reduce((s, l) => s + headwayOf((l as { routeId: string }).routeId) / 2, 0);
              lower = Math.max(lower, h);
              const where = `${scenario} ${measure} ${o} → ${d} at ${tau}: T ${times[k]} vs F ${F}`;
              expect(times[k]!, where).toBeGreaterThanOrEqual(F - h - EPS_SECS);
            }
            const stats = travelTimeStats(times);
            for (const v of [stats.p5Secs, stats.p50Secs, stats.p95Secs, stats.bestSecs]) expect(v).toBeLessThanOrEqual(F + upper + EPS_SECS);
            const sampledStats = travelTimeStats(Float64Array.from(sampled));
            for (const v of [sampledStats.p5Secs, sampledStats.p50Secs, sampledStats.p95Secs, sampledStats.bestSecs])
              expect(v).toBeGreaterThanOrEqual(F - lower - EPS_SECS);
            maxGapMin = Math.max(maxGapMin, Math.abs(stats.p50Secs - F) / 60);
            checked++;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    console.info(`timetable vs frequency: ${checked} pairs checked, largest |p50 − F| = ${maxGapMin.toFixed(1)} min`);
    // One range-RAPTOR and 25 RAPTOR runs per pair over ~300 services (the 2023 stop patterns).
  }, 300_000);
});
