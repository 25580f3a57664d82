/**
 * Semantic checks over plain network data, run after (and independently of) the zod schema: they
 * look only at values of the right type, so a file with type errors still gets its cross-reference
 * problems reported in the same pass. Everything here is about relations between entities or
 * plausibility, never about field types.
 */
import { haversineKm } from "../util/geo.js";
import { showValue } from "./errors.js";
import type { PathSegments } from "./json-path.js";
import { IdSchema, SERVICE_MODES, trackModes, type ServiceMode } from "./schema.js";
import { didYouMean } from "./suggest.js";
import { checkOriginAreas } from "./origin-area.js";
import { checkTowns } from "./towns.js";
import type { RawProblem } from "./zod-problems.js";

type Obj = Record<string, unknown>;

/** The entity arrays of a network file, in file order (sources first: others cite them). */
export const ENTITY_KEYS = ["sources", "places", "links", "services", "projects", "scenarios", "targets"] as const;
type EntityKey = (typeof ENTITY_KEYS)[number];
const KIND_NAME: Record<EntityKey, string> = {
  sources: "source",
  places: "place",
  links: "link",
  services: "service",
  projects: "project",
  scenarios: "scenario",
  targets: "target",
};

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function items(root: Obj, key: string): [Obj, number][] {
  const arr = root[key];
  if (!Array.isArray(arr)) return [];
  const out: [Obj, number][] = [];
  arr.forEach((v, i) => {
    if (isObj(v)) out.push([v, i]);
  });
  return out;
}
function idOf(o: Obj): string | undefined {
  return typeof o.id === "string" ? o.id : undefined;
}
function strings(v: unknown): [string, number][] {
  if (!Array.isArray(v)) return [];
  const out: [string, number][] = [];
  v.forEach((s, i) => {
    if (typeof s === "string") out.push([s, i]);
  });
  return out;
}
function num(q: unknown): number | undefined {
  if (typeof q === "number") return Number.isFinite(q) ? q : undefined;
  if (isObj(q) && typeof q.value === "number" && Number.isFinite(q.value)) return q.value;
  return undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * A swapped coordinate is flagged when its swap lands this many times closer to the other places'
 * median centre, and the original is at least `SWAP_MIN_KM` away from it (so a compact network
 * with a few distant places is not flagged).
 */
const SWAP_RATIO = 10;
const SWAP_MIN_KM = 1000;
/**
 * A length shorter than this fraction of the straight-line distance between the end points (minus
 * `CROW_SLACK_KM` for coordinate imprecision) is impossible.
 */
const CROW_FRACTION = 0.9;
const CROW_SLACK_KM = 2;

/** Run every semantic check on raw network data; returns all problems found (none: valid). */
export function checkNetworkData(root: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  if (!isObj(root)) return out;
  const add = (segments: PathSegments, value: unknown, message: string, fix: string) =>
    out.push({ segments, value, message, fix });

  // An empty network is an error, not an empty result: every command would print empty tables. So
  // is one without scenarios (every query names one). A network with scenarios but no places stays
  // valid: the model documents its degenerate result (an empty model, no target results).
  const isEmptyList = (key: string) => Array.isArray(root[key]) && (root[key] as unknown[]).length === 0;
  const absentOrEmpty = (key: string) => root[key] === undefined || isEmptyList(key);
  if (["places", "links", "projects", "scenarios"].every(isEmptyList) && ENTITY_KEYS.every(absentOrEmpty)) {
    add(
      [],
      undefined,
      "the network is empty: places, links, projects and scenarios are all empty lists",
      "add the places, the links between them, the projects and at least one scenario (see tests/fixtures/networks/tiny.json for a small complete network)",
    );
    return out;
  }
  if (isEmptyList("scenarios"))
    add(
      ["scenarios"],
      [],
      '"scenarios" is empty: every query (check, route, matrix, isochrone) is asked of a scenario',
      'add at least one scenario: { "id": ..., "name": ..., "year": ... }',
    );

  // Id tables per entity kind; duplicates reported against the second occurrence.
  const ids = new Map<EntityKey, Map<string, Obj>>();
  for (const key of ENTITY_KEYS) {
    const table = new Map<string, Obj>();
    const firstIndex = new Map<string, number>();
    for (const [o, i] of items(root, key)) {
      const id = idOf(o);
      if (id === undefined) continue;
      if (table.has(id)) {
        add(
          [key, i, "id"],
          id,
          `duplicate ${KIND_NAME[key]} id ${JSON.stringify(id)} (first at ${key}[${firstIndex.get(id)}])`,
          `rename one of the two ${KIND_NAME[key]}s or remove the copy`,
        );
      } else {
        table.set(id, o);
        firstIndex.set(id, i);
      }
    }
    ids.set(key, table);
  }
  const places = ids.get("places")!;
  const scenarios = ids.get("scenarios")!;

  const refTo = (key: EntityKey, segments: PathSegments, id: string, fixVerb = "use an existing") => {
    const table = ids.get(key)!;
    // A reference that is not even an id is reported by the schema; "unknown" would say it twice.
    if (!table.has(id) && !IdSchema.safeParse(id).success) return false;
    if (!table.has(id)) {
      add(
        segments,
        id,
        `unknown ${KIND_NAME[key]} ${JSON.stringify(id)}${didYouMean(id, table.keys())}`,
        `${fixVerb} ${KIND_NAME[key]} id, or add a ${KIND_NAME[key]} with id ${JSON.stringify(id)} to "${key}"`,
      );
      return false;
    }
    return true;
  };

  // Places: coordinate ranges, swapped axes, station references.
  const coords = new Map<string, [number, number]>();
  const validCoords: [number, number, Obj, number][] = [];
  for (const [p, i] of items(root, "places")) {
    const c = p.coord;
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== "number" || typeof c[1] !== "number") continue;
    const [lon, lat] = c as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const seg = ["places", i, "coord"];
    if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
      add(
        seg,
        c,
        `latitude ${lat} is outside ±90 while longitude ${lon} is within it: the coordinate looks like [lat, lon]`,
        `write the coordinate as [lon, lat]: [${lat}, ${lon}]`,
      );
      continue;
    }
    if (Math.abs(lon) > 180)
      add([...seg, 0], lon, `longitude ${lon} is outside [-180, 180]`, "use WGS84 degrees, [lon, lat] order");
    if (Math.abs(lat) > 90)
      add([...seg, 1], lat, `latitude ${lat} is outside [-90, 90]`, "use WGS84 degrees, [lon, lat] order");
    if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
      validCoords.push([lon, lat, p, i]);
      const id = idOf(p);
      if (id !== undefined) coords.set(id, [lon, lat]);
    }
  }
  if (validCoords.length >= 3) {
    const centre: [number, number] = [median(validCoords.map((v) => v[0])), median(validCoords.map((v) => v[1]))];
    for (const [lon, lat, p, i] of validCoords) {
      if (Math.abs(lon) > 90) continue; // its swap would be an invalid latitude
      const d = haversineKm([lon, lat], centre);
      const dSwap = haversineKm([lat, lon], centre);
      if (d >= SWAP_MIN_KM && dSwap * SWAP_RATIO <= d) {
        add(
          ["places", i, "coord"],
          [lon, lat],
          `coordinate [${lon}, ${lat}] of ${showValue(p.id)} is ${Math.round(d)} km from the other places, but ${Math.round(dSwap)} km if swapped: it looks like [lat, lon]`,
          `write the coordinate as [lon, lat]: [${lat}, ${lon}]`,
        );
        const id = idOf(p);
        if (id !== undefined) coords.delete(id);
      }
    }
  }
  for (const [p, i] of items(root, "places")) {
    for (const [s, j] of strings(p.stations)) {
      if (!refTo("places", ["places", i, "stations", j], s)) continue;
      const kind = places.get(s)!.kind;
      if (typeof kind === "string" && kind !== "station")
        add(
          ["places", i, "stations", j],
          s,
          `${JSON.stringify(s)} is a ${showValue(kind)} place, not a station`,
          `list only places of kind "station" in stations, or change the kind of ${JSON.stringify(s)}`,
        );
    }
  }

  const checkProjectRefs = (key: "links" | "services", o: Obj, i: number) => {
    for (const [pid, j] of strings(o.projects)) refTo("projects", [key, i, "projects", j], pid);
    const own = ids.get(key)!;
    const other: EntityKey = key === "links" ? "services" : "links";
    for (const [rid, j] of strings(o.replaces)) {
      const seg = [key, i, "replaces", j];
      if (rid === o.id)
        add(seg, rid, `${KIND_NAME[key]} ${JSON.stringify(rid)} replaces itself`, "remove it from replaces");
      else if (!own.has(rid)) {
        if (ids.get(other)!.has(rid))
          add(
            seg,
            rid,
            `${JSON.stringify(rid)} is a ${KIND_NAME[other]}; a ${KIND_NAME[key]} can only replace ${key}`,
            `list only ${key} in replaces`,
          );
        else refTo(key, seg, rid);
      }
    }
  };

  // Links.
  for (const [l, i] of items(root, "links")) {
    const ends: string[] = [];
    for (const end of ["from", "to"] as const) {
      const v = l[end];
      if (typeof v === "string" && refTo("places", ["links", i, end], v)) ends.push(v);
    }
    if (typeof l.from === "string" && l.from === l.to)
      add(
        ["links", i, "to"],
        l.to,
        `link ${showValue(l.id)} starts and ends at ${JSON.stringify(l.to)}`,
        "connect two different places",
      );
    if (l.minutes === undefined && l.lengthKm === undefined)
      add(
        ["links", i],
        l.id,
        `link ${showValue(l.id)} has neither "minutes" nor "lengthKm": its travel time cannot be computed`,
        'add "lengthKm" (with "speedKmh" or the mode\'s default speed) or "minutes"',
      );
    const len = num(l.lengthKm);
    if (len !== undefined && len > 0 && ends.length === 2) {
      const a = coords.get(ends[0]!);
      const b = coords.get(ends[1]!);
      if (a && b) {
        const crow = haversineKm(a, b);
        if (len < CROW_FRACTION * crow - CROW_SLACK_KM)
          add(
            ["links", i, "lengthKm", "value"],
            len,
            `lengthKm ${len} is shorter than the straight-line distance ${crow.toFixed(1)} km between ${JSON.stringify(ends[0])} and ${JSON.stringify(ends[1])}`,
            "check the length (and its unit) or the end points' coordinates",
          );
      }
    }
    checkProjectRefs("links", l, i);
  }

  // Services.
  for (const [s, i] of items(root, "services")) {
    const stops = Array.isArray(s.stops) ? s.stops : undefined;
    if (stops) {
      if (stops.length < 2)
        add(
          ["services", i, "stops"],
          stops,
          `service ${showValue(s.id)} has ${stops.length} stop${stops.length === 1 ? "" : "s"} (${showValue(stops)}); a service needs at least two`,
          "list at least two stops in running order",
        );
      for (const [stop, j] of strings(stops)) {
        refTo("places", ["services", i, "stops", j], stop);
        if (j > 0 && stops[j - 1] === stop)
          add(
            ["services", i, "stops", j],
            stop,
            `stop ${JSON.stringify(stop)} repeats the previous stop`,
            "remove the repeated stop",
          );
      }
    }
    const hasRun = s.runMinutes !== undefined;
    const hasSpeed = s.speedKmh !== undefined;
    if (hasRun === hasSpeed)
      add(
        ["services", i],
        s.id,
        hasRun
          ? `service ${showValue(s.id)} has both "runMinutes" and "speedKmh"`
          : `service ${showValue(s.id)} has neither "runMinutes" nor "speedKmh"`,
        hasRun ? "keep one of them" : 'add "runMinutes" (one per segment) or "speedKmh"',
      );
    if (Array.isArray(s.runMinutes) && stops && stops.length >= 2 && s.runMinutes.length !== stops.length - 1)
      add(
        ["services", i, "runMinutes"],
        s.runMinutes,
        `runMinutes has ${s.runMinutes.length} ${s.runMinutes.length === 1 ? "entry" : "entries"} for ${stops.length} stops`,
        `give exactly ${stops.length - 1} run times, one per segment between consecutive stops`,
      );
    // Listed track links: links of the network, of a mode the service's vehicles can run on.
    for (const [lid, j] of strings(s.links)) {
      if (!refTo("links", ["services", i, "links", j], lid)) continue;
      const linkMode = ids.get("links")!.get(lid)!.mode;
      const track = (SERVICE_MODES as readonly unknown[]).includes(s.mode) ? trackModes(s.mode as ServiceMode) : undefined;
      if (typeof linkMode === "string" && track !== undefined && !(track as readonly string[]).includes(linkMode))
        add(
          ["services", i, "links", j],
          lid,
          `service ${showValue(s.id)} (${String(s.mode)}) cannot run on link ${JSON.stringify(lid)} (${linkMode})`,
          `list only ${track.join("/")} links for a ${String(s.mode)} service`,
        );
    }
    checkProjectRefs("services", s, i);
  }

  // Scenarios: references, then inheritance cycles.
  for (const [sc, i] of items(root, "scenarios")) {
    if (typeof sc.extends === "string") {
      if (sc.extends === sc.id)
        add(
          ["scenarios", i, "extends"],
          sc.extends,
          `scenario ${JSON.stringify(sc.id)} extends itself`,
          "remove extends or name another scenario",
        );
      else refTo("scenarios", ["scenarios", i, "extends"], sc.extends);
    }
    if (isObj(sc.projects)) {
      for (const list of ["include", "exclude"] as const) {
        for (const [pid, j] of strings(sc.projects[list]))
          refTo("projects", ["scenarios", i, "projects", list, j], pid);
      }
    }
  }
  const reported = new Set<string>();
  for (const [sc, i] of items(root, "scenarios")) {
    const start = idOf(sc);
    if (start === undefined || reported.has(start)) continue;
    const chain: string[] = [start];
    let cur = scenarios.get(start)?.extends;
    while (typeof cur === "string" && scenarios.has(cur) && cur !== start) {
      if (chain.includes(cur)) break; // a cycle not through `start`: reported from one of its members
      chain.push(cur);
      cur = scenarios.get(cur)!.extends;
    }
    if (cur === start && chain.length > 1) {
      for (const c of chain) reported.add(c);
      add(
        ["scenarios", i, "extends"],
        sc.extends,
        `cyclic scenario inheritance: ${[...chain, start].map((c) => JSON.stringify(c)).join(" extends ")}`,
        "break the cycle: one scenario in it must not extend another",
      );
    }
  }

  // Targets.
  for (const [t, i] of items(root, "targets")) {
    for (const list of ["origins", "destinations"] as const) {
      for (const [pid, j] of strings(t[list])) refTo("places", ["targets", i, list, j], pid);
    }
    const pairs = t.pairs ?? "cross";
    if (pairs === "cross" && (!Array.isArray(t.destinations) || t.destinations.length === 0))
      add(
        ["targets", i, "destinations"],
        t.destinations,
        `target ${showValue(t.id)} pairs every origin with every destination ("cross") but has no destinations`,
        'add "destinations", or set "pairs": "all-pairs" for a circle among the origins',
      );
    if (pairs === "all-pairs") {
      if (Array.isArray(t.origins) && t.origins.length < 2)
        add(
          ["targets", i, "origins"],
          t.origins,
          `target ${showValue(t.id)} uses "all-pairs" with ${t.origins.length} origin; it needs at least two`,
          'add origins, or use "cross" with destinations',
        );
      if (t.destinations !== undefined)
        add(
          ["targets", i, "destinations"],
          t.destinations,
          `"destinations" is ignored when "pairs" is "all-pairs"`,
          'remove "destinations" or set "pairs": "cross"',
        );
    }
  }
  out.push(...checkTowns(root));
  out.push(...checkOriginAreas(root));
  return out;
}
