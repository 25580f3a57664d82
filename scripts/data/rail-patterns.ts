/**
 * Stop patterns from the china-rail-2023 timetable (see rail-times.ts for the reader).
 *
 * Contract:
 * - A train's *calls* are its stops that are stations of the network (a name → place id table); a
 *   train with at least two calls belongs to exactly one pattern, whose stops are exactly its calls.
 * - Trains with the same call sequence, in either direction, form one pattern. The pattern's running
 *   order is the direction with more trains (ties: the sequence whose place ids read first in
 *   lexicographic order), and it is bidirectional when trains run both ways.
 * - A train's time on a segment (consecutive calls A, B) is its running minutes from A to B plus
 *   `dwellMin` for every stop it makes between them that is not a network station (the data carry
 *   running time only, while published times include dwell). `skipped` counts those stops.
 * - The pattern's representative train is its fastest: the smallest total over the whole pattern
 *   (ties: the smaller train id), so its segment times belong to one real train.
 */
import type { Train } from "./rail-times.js";

/** One train of a pattern, with its times in the pattern's running order. */
export interface PatternTrain {
  readonly id: string;
  /** True when the train runs in the pattern's running order. */
  readonly forward: boolean;
  /** Running minutes per segment (dwell excluded), in the pattern's running order. */
  readonly runMin: readonly number[];
  /** Stops between the two calls that are not network stations, per segment. */
  readonly skipped: readonly number[];
}

/** A stop pattern: network stations in running order and the trains that call at exactly them. */
export interface Pattern {
  /** Place ids in running order. */
  readonly stops: readonly string[];
  /** Timetable station names in running order. */
  readonly names: readonly string[];
  readonly trains: readonly PatternTrain[];
  readonly nForward: number;
  readonly nBackward: number;
}

/** A train's time on one segment: running minutes plus `dwellMin` per skipped stop. */
export function segmentMin(t: PatternTrain, i: number, dwellMin: number): number {
  return (t.runMin[i] as number) + dwellMin * (t.skipped[i] as number);
}

/** Total of a train over the pattern (segments only: dwell at the pattern's own stops is the same for all). */
export function totalMin(t: PatternTrain, dwellMin: number): number {
  let sum = 0;
  for (let i = 0; i < t.runMin.length; i++) sum += segmentMin(t, i, dwellMin);
  return sum;
}

/** The fastest train of a pattern by total time (ties: the smaller id). */
export function fastestTrain(p: Pattern, dwellMin: number): PatternTrain {
  let best = p.trains[0] as PatternTrain;
  let bestMin = totalMin(best, dwellMin);
  for (const t of p.trains) {
    const m = totalMin(t, dwellMin);
    if (m < bestMin || (m === bestMin && t.id < best.id)) {
      best = t;
      bestMin = m;
    }
  }
  return best;
}

interface Calls {
  readonly idx: number[];
  readonly names: string[];
  readonly places: string[];
}

function callsOf(train: Train, stationOf: ReadonlyMap<string, string>): Calls {
  const idx: number[] = [];
  const names: string[] = [];
  const places: string[] = [];
  train.stops.forEach((s, i) => {
    const place = stationOf.get(s);
    if (place !== undefined) {
      idx.push(i);
      names.push(s);
      places.push(place);
    }
  });
  return { idx, names, places };
}

function segmentsOf(train: Train, idx: readonly number[]): { runMin: number[]; skipped: number[] } {
  const runMin: number[] = [];
  const skipped: number[] = [];
  for (let k = 0; k + 1 < idx.length; k++) {
    const a = idx[k] as number;
    const b = idx[k + 1] as number;
    let run = 0;
    for (let s = a; s < b; s++) run += train.runMin[s] as number;
    runMin.push(run);
    skipped.push(b - a - 1);
  }
  return { runMin, skipped };
}

/**
 * Groups trains into patterns. `stationOf` maps timetable names to place ids. Trains split by the
 * reader at a break are taken part by part (each part is a contiguous run). A train calling twice at
 * the same network station is split at the repeat so that a pattern never repeats a stop.
 * Patterns are returned sorted by running-order place ids, so the output is deterministic.
 */
export function derivePatterns(trains: ReadonlyMap<string, readonly Train[]>, stationOf: ReadonlyMap<string, string>): Pattern[] {
  const groups = new Map<string, { stops: string[]; names: string[]; trains: PatternTrain[] }>();
  for (const parts of trains.values()) {
    for (const part of parts) {
      const calls = callsOf(part, stationOf);
      for (const run of splitAtRepeats(calls)) {
        if (run.places.length < 2) continue;
        const { runMin, skipped } = segmentsOf(part, run.idx);
        const key = run.places.join(">");
        const revPlaces = [...run.places].reverse();
        const revKey = revPlaces.join(">");
        const canonical = key <= revKey ? key : revKey;
        const asGiven = canonical === key;
        let g = groups.get(canonical);
        if (g === undefined) {
          g = { stops: asGiven ? run.places : revPlaces, names: asGiven ? run.names : [...run.names].reverse(), trains: [] };
          groups.set(canonical, g);
        }
        g.trains.push({
          id: part.id,
          forward: asGiven,
          runMin: asGiven ? runMin : [...runMin].reverse(),
          skipped: asGiven ? skipped : [...skipped].reverse(),
        });
      }
    }
  }
  const out: Pattern[] = [];
  for (const g of groups.values()) {
    const nForward = g.trains.filter((t) => t.forward).length;
    const nBackward = g.trains.length - nForward;
    // Running order: the direction with more trains; the canonical (lexicographic) one on a tie.
    const flip = nBackward > nForward;
    const trains = [...g.trains].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(
      flip
        ? {
            stops: [...g.stops].reverse(),
            names: [...g.names].reverse(),
            trains: trains.map((t) => ({ id: t.id, forward: !t.forward, runMin: [...t.runMin].reverse(), skipped: [...t.skipped].reverse() })),
            nForward: nBackward,
            nBackward: nForward,
          }
        : { stops: g.stops, names: g.names, trains, nForward, nBackward },
    );
  }
  return out.sort((a, b) => {
    const ka = a.stops.join(">");
    const kb = b.stops.join(">");
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

function splitAtRepeats(calls: Calls): Calls[] {
  const out: Calls[] = [];
  let cur: Calls = { idx: [], names: [], places: [] };
  for (let k = 0; k < calls.places.length; k++) {
    const place = calls.places[k] as string;
    if (cur.places.includes(place)) {
      out.push(cur);
      // The repeated call ends one run and starts the next, so no segment is lost.
      const last = cur.places.length - 1;
      cur = { idx: [cur.idx[last] as number], names: [cur.names[last] as string], places: [cur.places[last] as string] };
    }
    cur.idx.push(calls.idx[k] as number);
    cur.names.push(calls.names[k] as string);
    cur.places.push(place);
  }
  out.push(cur);
  return out;
}

/** Every train time (segment minutes with dwell) between two stops of the network, both directions pooled. */
export interface PairTimes {
  readonly a: string;
  readonly b: string;
  /** Per train: minutes from the first call at one to the later call at the other, and skipped stops. */
  readonly trains: readonly { id: string; runMin: number; skipped: number; calls: number; forward: boolean }[];
}

/**
 * For every unordered pair of stops served by at least one pattern: the trains of every pattern
 * serving both, with their time between the two (running + skipped non-network stops; `calls` counts
 * the network stations strictly between). Keyed by `a|b` with a < b.
 */
export function pairTimes(patterns: readonly Pattern[]): Map<string, PairTimes> {
  const out = new Map<string, { a: string; b: string; trains: PairTimes["trains"][number][] }>();
  for (const p of patterns) {
    for (let i = 0; i < p.stops.length; i++) {
      for (let j = i + 1; j < p.stops.length; j++) {
        const si = p.stops[i] as string;
        const sj = p.stops[j] as string;
        const [a, b] = si < sj ? [si, sj] : [sj, si];
        const key = `${a}|${b}`;
        let entry = out.get(key);
        if (entry === undefined) {
          entry = { a, b, trains: [] };
          out.set(key, entry);
        }
        for (const t of p.trains) {
          let run = 0;
          let skipped = 0;
          for (let k = i; k < j; k++) {
            run += t.runMin[k] as number;
            skipped += t.skipped[k] as number;
          }
          entry.trains.push({ id: t.id, runMin: run, skipped, calls: j - i - 1, forward: t.forward === (si === a) });
        }
      }
    }
  }
  return out as Map<string, PairTimes>;
}
