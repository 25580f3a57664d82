import fc from "fast-check";
import { TimetableBuilder, type Timetable } from "../../src/index.js";

/** A raw random timetable, kept independent of the compiled layout so the oracle can read it. */
export interface RawTimetable {
  n: number;
  mttSecs: number[];
  trips: { stops: number[]; arr: number[]; dep: number[] }[];
  feet: { from: number; to: number; secs: number }[];
}

/** Random lines (shared stop sequences) with several trips each, which may overtake, plus footpaths. */
export const rawTimetableArb: fc.Arbitrary<RawTimetable> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      mttSecs: fc.array(fc.integer({ min: 0, max: 3 }).map((m) => m * 60), { minLength: n, maxLength: n }),
      lines: fc.array(
        fc.record({
          // Mostly simple paths; sometimes a loop that visits a stop twice (circular lines exist in GTFS).
          stops: fc.oneof(
            { arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: Math.min(n, 5) }), weight: 4 },
            { arbitrary: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 6 }).filter((a) => a.every((x, i) => i === 0 || x !== a[i - 1])), weight: 1 },
          ),
          trips: fc.array(
            fc.record({
              startMin: fc.integer({ min: 0, max: 150 }),
              hopMin: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 6, maxLength: 6 }),
              dwellMin: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      feet: fc.array(
        fc.record({ from: fc.integer({ min: 0, max: n - 1 }), to: fc.integer({ min: 0, max: n - 1 }), secs: fc.integer({ min: 0, max: 12 }).map((m) => m * 60) }),
        { maxLength: 5 },
      ),
    })
    .map(({ mttSecs, lines, feet }) => {
      const trips: RawTimetable["trips"] = [];
      for (const line of lines) {
        for (const t of line.trips) {
          const arr: number[] = [];
          const dep: number[] = [];
          let clock = t.startMin * 60;
          for (let i = 0; i < line.stops.length; i++) {
            if (i > 0) clock += (t.hopMin[i - 1] as number) * 60;
            arr.push(clock);
            if (i > 0 && i < line.stops.length - 1) clock += (t.dwellMin[i] as number) * 60;
            dep.push(clock);
          }
          trips.push({ stops: line.stops, arr, dep });
        }
      }
      return { n, mttSecs, trips, feet: feet.filter((f) => f.from !== f.to) };
    }),
);

/** Compiles a raw timetable; stop i gets id `S${i}`, every trip its own route. */
export function compile(raw: RawTimetable): Timetable {
  const b = new TimetableBuilder();
  for (let i = 0; i < raw.n; i++) b.addStop({ id: `S${i}`, lonLat: [0, 0], minTransferSecs: raw.mttSecs[i] as number });
  const route = b.addRoute({ id: "R" });
  raw.trips.forEach((t, j) => b.addTrip({ id: `T${j}`, route, stops: t.stops, arrivalSecs: t.arr, departureSecs: t.dep }));
  for (const f of raw.feet) b.addFootpath(f.from, f.to, f.secs);
  return b.finish();
}

/**
 * Oracle: the time-expanded graph of the timetable (departure and arrival events of every trip,
 * "ready at stop s from time t" nodes), searched with Dijkstra on the number of boardings (0/1 edge
 * weights). Earliest arrival at s with ≤ k rides = earliest arrival event at s among nodes reached
 * with ≤ k boardings. Same rules as `raptor`: min transfer time after a ride, footpaths one hop after
 * access or a ride. Footpaths between the same pair keep the shortest.
 */
export function oracleEarliestArrivals(raw: RawTimetable, access: { stop: number; secs: number }[], departureSecs: number, maxRides: number): number[][] {
  const feet = new Map<string, number>();
  for (const f of raw.feet) {
    const key = `${f.from}>${f.to}`;
    feet.set(key, Math.min(feet.get(key) ?? Infinity, f.secs));
  }
  const out: { to: number; secs: number }[][] = Array.from({ length: raw.n }, () => []);
  for (const [key, secs] of feet) {
    const [a, b] = key.split(">").map(Number) as [number, number];
    out[a]!.push({ to: b, secs });
  }
  // best[k][s] = earliest arrival at s with exactly-at-most k rides.
  const best: number[][] = Array.from({ length: maxRides + 1 }, () => new Array<number>(raw.n).fill(Infinity));
  const record = (s: number, t: number, rides: number): void => {
    for (let k = rides; k <= maxRides; k++) if (t < best[k]![s]!) best[k]![s] = t;
  };
  const dist = new Map<string, number>();
  // Bucketed Dijkstra over rides (0/1 weights): bucket r holds nodes first reached with r boardings.
  const buckets: string[][] = Array.from({ length: maxRides + 2 }, () => []);
  const push = (node: string, r: number): void => {
    if (r > maxRides) return;
    if ((dist.get(node) ?? Infinity) <= r) return;
    dist.set(node, r);
    buckets[r]!.push(node);
  };
  for (const a of access) {
    const t = departureSecs + a.secs;
    record(a.stop, t, 0);
    push(`R:${a.stop}:${t}`, 0);
    for (const f of out[a.stop]!) {
      record(f.to, t + f.secs, 0);
      push(`R:${f.to}:${t + f.secs}`, 0);
    }
  }
  for (let r = 0; r <= maxRides; r++) {
    const bucket = buckets[r]!;
    for (let qi = 0; qi < bucket.length; qi++) {
      const node = bucket[qi]!;
      if (dist.get(node) !== r) continue;
      const [kind, x, y] = node.split(":") as [string, string, string];
      if (kind === "R") {
        const s = Number(x);
        const t = Number(y);
        raw.trips.forEach((trip, j) => {
          for (let i = 0; i < trip.stops.length - 1; i++) {
            if (trip.stops[i] === s && trip.dep[i]! >= t) push(`D:${j}:${i}`, r + 1);
          }
        });
      } else if (kind === "D") {
        push(`A:${x}:${Number(y) + 1}`, r);
      } else {
        const trip = raw.trips[Number(x)]!;
        const i = Number(y);
        const s = trip.stops[i]!;
        const t = trip.arr[i]!;
        record(s, t, r);
        if (i < trip.stops.length - 1) push(`D:${x}:${i}`, r);
        push(`R:${s}:${t + raw.mttSecs[s]!}`, r);
        for (const f of out[s]!) {
          record(f.to, t + f.secs, r);
          push(`R:${f.to}:${t + f.secs}`, r);
        }
      }
    }
  }
  return best;
}
