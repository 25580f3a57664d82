/**
 * Rail services of the embedded network from the 2023 stop patterns (rail-patterns.ts), as network
 * JSON records:
 * - one service per stop pattern (every 2023 train calling at two or more network stations belongs
 *   to exactly one), with the running times of the pattern's fastest train, dwell folded in for the
 *   stops it makes outside the network, and a headway from the pattern's own train count;
 * - one "any train" service per station pair served by several patterns that together run at least
 *   1.5 times the trains of the largest one, with the median time and the combined frequency of every
 *   train between the two (what a traveller who takes the next train meets), so that a frequency-based
 *   wait does not ignore the other patterns' trains. These duplicate trains of the pattern services:
 *   a timetable synthesised from the services should leave them out.
 * Each service needs the projects (lines) of the track path of each of its segments.
 */
import { CHINA_RAIL_CITATION, median, type Train } from "./rail-times.js";
import { derivePatterns, fastestTrain, pairTimes, segmentMin, type Pattern } from "./rail-patterns.js";
import {
  AFTER_SCRAPE,
  DWELL_HUB,
  DWELL_SKIPPED,
  DWELL_STOP,
  HUB_STATIONS,
  OPERATING_DAY_H,
  type Q,
  type RunTimeFit,
} from "./tables/rail-network.js";

/** What the service builder needs from the network builder. */
export interface RailContext {
  readonly trains: ReadonlyMap<string, readonly Train[]>;
  /** Timetable name → place id of every network station. */
  readonly stationOf: ReadonlyMap<string, string>;
  readonly nameOf: (placeId: string) => { zh: string; en: string };
  readonly greatCircleKm: (a: string, b: string) => number;
  /** Track sections: consecutive stops of every track, with the track's projects. */
  readonly tracks: readonly { id: string; stops: readonly string[]; projects: readonly string[] }[];
  /** Whether a project was open when the 2023 data were scraped (existing, not opened later). */
  readonly openIn2023: (projectId: string) => boolean;
}

const PATTERN_SCRIPT = "scripts/data/rail-patterns.ts";
/** An "any train" service exists when all trains between two stations are at least this multiple of the largest pattern's. */
const ANY_TRAIN_MIN_GAIN = 1.5;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** High-speed (G/D/C) or conventional, by the majority of the trains' codes. */
function modeOf(ids: readonly string[]): "hsr" | "rail" {
  const fast = ids.filter((id) => /^[GDC]/.test(id)).length;
  return fast * 2 >= ids.length ? "hsr" : "rail";
}

/** Shortest track path (by great-circle length) between two stops over tracks open in 2023; its projects. */
function pathProjects(ctx: RailContext, a: string, b: string): string[] | null {
  const adj = new Map<string, { to: string; km: number; projects: readonly string[] }[]>();
  const add = (u: string, v: string, projects: readonly string[]): void => {
    const km = ctx.greatCircleKm(u, v);
    adj.set(u, [...(adj.get(u) ?? []), { to: v, km, projects }]);
    adj.set(v, [...(adj.get(v) ?? []), { to: u, km, projects }]);
  };
  for (const t of ctx.tracks) {
    if (!t.projects.every((p) => ctx.openIn2023(p))) continue;
    for (let i = 0; i + 1 < t.stops.length; i++) add(t.stops[i] as string, t.stops[i + 1] as string, t.projects);
  }
  // Dijkstra on a graph of a few dozen nodes: a linear scan for the minimum is enough.
  const dist = new Map<string, number>([[a, 0]]);
  const via = new Map<string, { from: string; projects: readonly string[] }>();
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    for (const [n, d] of dist) if (!done.has(n) && (u === undefined || d < (dist.get(u) as number))) u = n;
    if (u === undefined) return null;
    if (u === b) break;
    done.add(u);
    for (const e of adj.get(u) ?? []) {
      const nd = (dist.get(u) as number) + e.km;
      if (nd < (dist.get(e.to) ?? Infinity)) {
        dist.set(e.to, nd);
        via.set(e.to, { from: u, projects: e.projects });
      }
    }
  }
  const out = new Set<string>();
  for (let n = b; n !== a; ) {
    const step = via.get(n) as { from: string; projects: readonly string[] };
    for (const p of step.projects) out.add(p);
    n = step.from;
  }
  return [...out].sort();
}

function segmentProjects(ctx: RailContext, stops: readonly string[], what: string): string[] {
  const all = new Set<string>();
  for (let i = 0; i + 1 < stops.length; i++) {
    const p = pathProjects(ctx, stops[i] as string, stops[i + 1] as string);
    if (p === null) throw new Error(`${what}: no track path ${stops[i]} → ${stops[i + 1]}; add a track to the tables`);
    for (const x of p) all.add(x);
  }
  for (const p of all) if (AFTER_SCRAPE.has(p)) throw new Error(`${what}: a 2023 segment routes over ${p}`);
  return [...all].sort();
}

/** Headway from a daily count of trains per direction, over the assumed operating day. */
function headwayOf(perDirection: number, counted: string): Q {
  const [lo, hi] = OPERATING_DAY_H.range;
  const value = round1((OPERATING_DAY_H.value * 60) / perDirection);
  return {
    value,
    assumption: {
      why: `${counted} on the sampled day of the 2023 data (${CHINA_RAIL_CITATION}), i.e. ${round1(perDirection)} per direction over an assumed ${OPERATING_DAY_H.value} h operating day (${lo}–${hi} h). Uneven spacing is the reading's business (how waits are taken), not this count's.`,
      range: [round1((lo * 60) / perDirection), round1((hi * 60) / perDirection)],
      mode: value,
    },
  };
}

/** A segment time: sourced when the train makes no stop outside the network, else an assumption on the dwell. */
function segmentQuantity(runMin: number, skipped: number, context: string): Q {
  if (skipped === 0) return { value: runMin, source: `${context}; running ${runMin} min, no intermediate stop` };
  const [lo, hi] = DWELL_SKIPPED.range;
  const value = runMin + DWELL_SKIPPED.value * skipped;
  return {
    value,
    assumption: {
      why: `${context}; running ${runMin} min, ${skipped} intermediate stops outside the network × dwell ${DWELL_SKIPPED.value} min (${lo}–${hi}): ${DWELL_SKIPPED.why}`,
      range: [runMin + lo * skipped, runMin + hi * skipped],
      mode: value,
    },
  };
}

function describe(ctx: RailContext, stops: readonly string[]): { zh: string; en: string } {
  return {
    zh: stops.map((s) => ctx.nameOf(s).zh.replace(/站$/, "")).join("—"),
    en: stops.map((s) => ctx.nameOf(s).en.replace(/ station$/, "")).join(" – "),
  };
}

/** Stable ids: S_P_<first>_<last>, with _v1, _v2… in pattern order when several share their ends. */
function patternIds(patterns: readonly Pattern[]): string[] {
  const base = patterns.map((p) => `S_P_${p.stops[0]}_${p.stops[p.stops.length - 1]}`);
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const seen = new Map<string, number>();
  return base.map((b) => {
    if (count.get(b) === 1) return b;
    const k = (seen.get(b) ?? 0) + 1;
    seen.set(b, k);
    return `${b}_v${k}`;
  });
}

/** The 2023 pattern services and the "any train" services, as network JSON records. */
export function patternServices(ctx: RailContext): { services: Record<string, unknown>[]; patterns: Pattern[]; printed: string[] } {
  const patterns = derivePatterns(ctx.trains as Map<string, Train[]>, ctx.stationOf);
  const ids = patternIds(patterns);
  const services: Record<string, unknown>[] = [];
  const printed: string[] = [];
  const projectsOfPattern: string[][] = [];

  patterns.forEach((p, k) => {
    const id = ids[k] as string;
    const n = p.trains.length;
    const fastest = fastestTrain(p, DWELL_SKIPPED.value);
    const runMinutes = p.stops.slice(1).map((_, i) => {
      const all = p.trains.map((t) => segmentMin(t, i, DWELL_SKIPPED.value));
      const context = `${CHINA_RAIL_CITATION}; stop pattern of ${n} trains, fastest ${fastest.id}; all ${n} with ${DWELL_SKIPPED.value} min per stop outside the network: median ${median(all)}, min ${Math.min(...all)}, max ${Math.max(...all)}; script ${PATTERN_SCRIPT}`;
      return segmentQuantity(fastest.runMin[i] as number, fastest.skipped[i] as number, context);
    });
    const projects = segmentProjects(ctx, p.stops, `pattern ${id}`);
    projectsOfPattern.push(projects);
    const bidirectional = p.nBackward > 0;
    const perDirection = bidirectional ? n / 2 : n;
    const name = describe(ctx, p.stops);
    const hub = p.stops.slice(1, -1).some((s) => HUB_STATIONS.has(s));
    const out: Record<string, unknown> = {
      id,
      name: { zh: `${name.zh}(2023年停站模式)`, en: `${name.en} (2023 stop pattern)` },
      mode: modeOf(p.trains.map((t) => t.id)),
      stops: p.stops,
      headwayMin: headwayOf(perDirection, `${n} trains of this stop pattern (${p.nForward} in the running order, ${p.nBackward} the other way)`),
    };
    if (p.stops.length > 2) out.dwellMin = hub ? DWELL_HUB : DWELL_STOP;
    out.runMinutes = runMinutes;
    if (!bidirectional) out.bidirectional = false;
    if (projects.length > 0) out.projects = projects;
    out.note = `Every 2023 train whose calls at network stations are exactly ${p.names.join("—")}${bidirectional ? " (either direction)" : " (this direction only)"}: ${p.trains.map((t) => t.id).join(", ")}. Running times are the fastest train's; its stops outside the network add dwell.`;
    services.push(out);
    printed.push(`${id} (${n}): ${p.names.join(" ")} fastest ${fastest.id} ${runMinutes.map((q) => q.value).join("+")}`);
  });

  // "Any train" services for pairs served by several patterns.
  const patternsOf = new Map<string, number[]>();
  patterns.forEach((p, k) => {
    for (let i = 0; i < p.stops.length; i++)
      for (let j = i + 1; j < p.stops.length; j++) {
        const [a, b] = [p.stops[i] as string, p.stops[j] as string].sort() as [string, string];
        const key = `${a}|${b}`;
        patternsOf.set(key, [...(patternsOf.get(key) ?? []), k]);
      }
  });
  const pairs = pairTimes(patterns);
  for (const key of [...pairs.keys()].sort()) {
    const members = patternsOf.get(key) as number[];
    if (members.length < 2) continue;
    const pt = pairs.get(key)!;
    // Only where the other patterns add real frequency: when one pattern already runs most of the
    // trains, its own headway is close to the combined one and a duplicate would only add trips.
    const largest = Math.max(...members.map((m) => (patterns[m] as Pattern).trains.length));
    if (pt.trains.length < ANY_TRAIN_MIN_GAIN * largest) continue;
    const nAB = pt.trains.filter((t) => t.forward).length;
    const nBA = pt.trains.length - nAB;
    const [from, to] = nBA > nAB ? [pt.b, pt.a] : [pt.a, pt.b];
    const stopsOf = (t: (typeof pt.trains)[number]): number => t.skipped + t.calls;
    const timesWith = (d: number): number[] => pt.trains.map((t) => t.runMin + d * stopsOf(t));
    const med = median(timesWith(DWELL_SKIPPED.value));
    const maxStops = Math.max(...pt.trains.map(stopsOf));
    const context = `${CHINA_RAIL_CITATION}; every train calling at both (${pt.trains.length}, from ${members.length} stop patterns): median of running time + ${DWELL_SKIPPED.value} min per intermediate stop; min ${Math.min(...timesWith(DWELL_SKIPPED.value))}, max ${Math.max(...timesWith(DWELL_SKIPPED.value))}; script ${PATTERN_SCRIPT}`;
    // Medians with the dwell at its low and high end; the range is made symmetric about the base so
    // that a median jumping between trains never leaves the base at an end of its range.
    const [dLo, dHi] = DWELL_SKIPPED.range;
    const mLo = median(timesWith(dLo));
    const mHi = median(timesWith(dHi));
    const run: Q =
      maxStops === 0 || (mLo === med && mHi === med)
        ? { value: med, source: `${context}; ${maxStops === 0 ? "no train stops between them" : `the median does not move with a dwell of ${dLo}–${dHi} min`}` }
        : {
            value: med,
            assumption: {
              why: `${context}; up to ${maxStops} intermediate stops, dwell ${DWELL_SKIPPED.value} min each (${dLo}–${dHi}; medians ${mLo}–${mHi}): ${DWELL_SKIPPED.why}`,
              range: [Math.min(mLo, 2 * med - mHi), Math.max(mHi, 2 * med - mLo)],
              mode: med,
            },
          };
    // Present whenever the lines every member pattern needs are present.
    const common = (projectsOfPattern[members[0] as number] as string[]).filter((x) => members.every((m) => (projectsOfPattern[m] as string[]).includes(x)));
    const bidirectional = nAB > 0 && nBA > 0;
    const name = describe(ctx, [from, to]);
    const out: Record<string, unknown> = {
      id: `S_ANY_${pt.a}_${pt.b}`,
      name: { zh: `${name.zh}(任意列车)`, en: `${name.en} (any train)` },
      mode: modeOf(pt.trains.map((t) => t.id)),
      stops: [from, to],
      headwayMin: headwayOf(bidirectional ? pt.trains.length / 2 : pt.trains.length, `${pt.trains.length} trains call at both ${ctx.nameOf(pt.a).zh.replace(/站$/, "")} and ${ctx.nameOf(pt.b).zh.replace(/站$/, "")} (${nAB} one way, ${nBA} the other)`),
      runMinutes: [run],
    };
    if (!bidirectional) out.bidirectional = false;
    out.role = "frequency-aggregate";
    if (common.length > 0) out.projects = common;
    out.note = `Frequency of every 2023 train between the two stations (stop patterns ${members.map((m) => ids[m]).join(", ")}), with their median time: what a traveller who takes the next train meets. Its trains also belong to those pattern services, whose fastest trains are usually faster than this median.`;
    services.push(out);
  }
  return { services, patterns, printed };
}

/** A rail link of the network JSON (track section) as the fit needs it. */
interface TrackLink {
  readonly from: string;
  readonly to: string;
  readonly mode: string;
  readonly lengthKm?: { value: number };
  readonly projects?: readonly string[];
}

/** Length (km) of the shortest path between two stops over rail links the projects allow. */
function trackKm(links: readonly TrackLink[], projects: readonly string[], a: string, b: string): number {
  const usable = links.filter((l) => l.mode !== "road" && l.lengthKm !== undefined && (l.projects ?? []).every((p) => projects.includes(p)) && ["hsr", "rail", "suburban"].includes(l.mode));
  const dist = new Map<string, number>([[a, 0]]);
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    for (const [n, d] of dist) if (!done.has(n) && (u === undefined || d < (dist.get(u) as number))) u = n;
    if (u === undefined) throw new Error(`no track between ${a} and ${b} for projects ${projects.join(",")}`);
    if (u === b) return dist.get(u) as number;
    done.add(u);
    for (const l of usable) {
      const v = l.from === u ? l.to : l.to === u ? l.from : undefined;
      if (v === undefined) continue;
      const nd = (dist.get(u) as number) + (l.lengthKm as { value: number }).value;
      if (nd < (dist.get(v) ?? Infinity)) dist.set(v, nd);
    }
  }
}

/**
 * Segment minutes of a stopping service fitted to published non-stop times (see `RunTimeFit`): each
 * segment of d km takes d / V + P, an assumption ±15 % (track lengths are split by great-circle share).
 */
export function fittedRunMinutes(
  stops: readonly string[],
  projects: readonly string[],
  fit: RunTimeFit,
  links: readonly TrackLink[],
): Q[] {
  const pts = fit.points.map((p) => ({ ...p, km: trackKm(links, projects, p.from, p.to) }));
  let kmPerMin: number;
  let penalty: number;
  let how: string;
  const [p1, p2] = pts as [(typeof pts)[number], (typeof pts)[number] | undefined];
  if (p2 !== undefined) {
    kmPerMin = (p2.km - p1.km) / (p2.minutes - p1.minutes);
    penalty = p1.minutes - p1.km / kmPerMin;
    how = `fitted to ${p1.source} (${round1(p1.km)} km) and ${p2.source} (${round1(p2.km)} km)`;
  } else {
    if (fit.penaltyMin === undefined) throw new Error("a one-point fit needs penaltyMin");
    penalty = fit.penaltyMin.value;
    kmPerMin = p1.km / (p1.minutes - penalty);
    how = `fitted to ${p1.source} (${round1(p1.km)} km) with P = ${penalty} min (${fit.penaltyMin.why})`;
  }
  return stops.slice(1).map((b, i) => {
    const a = stops[i] as string;
    const km = trackKm(links, projects, a, b);
    const value = round1(km / kmPerMin + penalty);
    return {
      value,
      assumption: {
        why: `${round1(km)} km ${a}→${b} (track length) at V = ${Math.round(kmPerMin * 60)} km/h plus P = ${round1(penalty)} min, ${how} (${fit.citation}). ±15 %: the split of the line's length between stations is by great-circle share.`,
        range: [round1(value * 0.85), round1(value * 1.15)],
        mode: value,
      },
    };
  });
}
