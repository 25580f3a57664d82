/**
 * A target's origin area (`target.originArea`): which towns of the network's `towns` section are the
 * people a promise is made for, its display name, and the semantic checks of the raw declaration
 * (unknown counties with a did-you-mean, an empty area, an area that holds no town).
 */
import { pointInMultiPolygon } from "../util/geo.js";
import { showValue } from "./errors.js";
import type { PathSegments } from "./json-path.js";
import type { Id, LonLat, OriginArea } from "./schema.js";
import { closestMatch } from "./suggest.js";
import type { Towns } from "./types.js";
import type { RawProblem } from "./zod-problems.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Whether a town (its centre and county) belongs to an origin area: a listed county, or inside the polygon. */
export function inOriginArea(area: OriginArea, coord: LonLat, county: Id | null): boolean {
  if (county !== null && area.counties?.includes(county)) return true;
  return area.polygon !== undefined && area.polygon.length > 0 && pointInMultiPolygon(coord, [area.polygon]);
}

/** Indices (into `towns.list`) of the towns of an origin area, in file order. */
export function originAreaTowns(towns: Towns, area: OriginArea): number[] {
  const out: number[] = [];
  towns.list.forEach((t, i) => {
    if (inOriginArea(area, t.coord, t.county)) out.push(i);
  });
  return out;
}

/**
 * How reports name an origin area: its `name`, else the names of its counties joined by `/` (ids
 * for counties the section does not name), with "polygon" for a polygon.
 */
export function originAreaName(towns: Towns | undefined, area: OriginArea): string {
  if (area.name !== undefined) return area.name;
  const parts = (area.counties ?? []).map((c) => towns?.countyById.get(c)?.name ?? c);
  if (area.polygon !== undefined) parts.push("polygon");
  return parts.join("/");
}

/**
 * Problems of the raw targets' `originArea` declarations (file data, after the towns' own checks):
 * an area without counties or polygon, a target with an area in a network without towns, an unknown
 * county (with a did-you-mean among the section's counties), a ring with fewer than three distinct
 * points, and an area that holds no town. Shapes (ids, `[lon, lat]` pairs) are the schema's.
 */
export function checkOriginAreas(root: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  if (!isObj(root) || !Array.isArray(root.targets)) return out;
  const add = (segments: PathSegments, value: unknown, message: string, fix: string) =>
    out.push({ segments, value, message, fix });
  const section = isObj(root.towns) ? root.towns : undefined;
  const rows = (Array.isArray(section?.rows) ? section.rows : []).filter(
    (r): r is unknown[] => Array.isArray(r) && r.length === 8 && isNum(r[2]) && isNum(r[3]),
  );
  // Counties a target may name: the section's county table, else the towns' county column.
  const countyNames = new Map<string, string>();
  const table = isObj(section?.counties) && Array.isArray(section.counties.rows) ? section.counties.rows : undefined;
  if (table) {
    for (const r of table) if (Array.isArray(r) && typeof r[0] === "string") countyNames.set(r[0], typeof r[1] === "string" ? r[1] : r[0]);
  } else {
    for (const r of rows) if (typeof r[6] === "string") countyNames.set(r[6], r[6]);
  }
  const named = (c: string) => (countyNames.get(c) !== c ? `${JSON.stringify(c)} (${countyNames.get(c)})` : JSON.stringify(c));
  root.targets.forEach((t: unknown, i: number) => {
    if (!isObj(t) || !isObj(t.originArea)) return;
    const area = t.originArea;
    const at = ["targets", i, "originArea"];
    const who = `target ${showValue(t.id)}`;
    const counties = Array.isArray(area.counties) ? area.counties.filter((c): c is string => typeof c === "string") : [];
    const polygon = Array.isArray(area.polygon) ? area.polygon : undefined;
    if (counties.length === 0 && (polygon === undefined || polygon.length === 0)) {
      add(at, area, `${who} has an empty origin area: no counties and no polygon`, 'list county ids in "counties" (e.g. census codes of "towns.counties"), give a "polygon" of [lon, lat] rings, or remove "originArea"');
      return;
    }
    if (section === undefined) {
      add(at, area, `${who} names an origin area but the network has no "towns" section to count its people`, 'add a "towns" section (docs/network-format-towns.md), or remove "originArea"');
      return;
    }
    let bad = false;
    counties.forEach((c, j) => {
      if (countyNames.has(c)) return;
      bad = true;
      const m = closestMatch(c, countyNames.keys());
      add([...at, "counties", j], c, `${who}: unknown county ${JSON.stringify(c)} in its origin area${m === undefined ? "" : `; did you mean ${named(m)}?`}`, table ? 'use an id of "towns.counties"' : "use a county id of the towns' county column");
    });
    polygon?.forEach((ring, k) => {
      if (!Array.isArray(ring)) return;
      const distinct = new Set(ring.filter((p) => Array.isArray(p)).map((p) => `${p[0]},${p[1]}`));
      if (distinct.size < 3) {
        bad = true;
        add([...at, "polygon", k], ring, `${who}: ring ${k} of its origin area's polygon has ${distinct.size} distinct point${distinct.size === 1 ? "" : "s"}`, "give each ring at least three distinct [lon, lat] points (first the outline, then any holes)");
      }
    });
    if (bad) return;
    const decl = { counties, ...(polygon && { polygon: polygon as [number, number][][] }) };
    const any = rows.some((r) => inOriginArea(decl, [r[2] as number, r[3] as number], typeof r[6] === "string" ? r[6] : null));
    if (!any)
      add(at, area, `${who}: its origin area holds no town of the "towns" section (${counties.length > 0 ? `no town of county ${counties.map(named).join(", ")}` : "none"}${polygon ? `${counties.length > 0 ? " and " : ""}no town centre inside the polygon` : ""})`, "list counties that have towns, or draw the polygon around town centres ([lon, lat] order)");
  });
  return out;
}
