/**
 * The `towns` section: semantic checks over its raw rows (every message names the town), the
 * frozen {@link Towns} built from a validated section, and the way back to the file layout.
 * The zod schema only says that rows are arrays of scalars; the type of each cell and everything
 * relational is checked here, so a bad row gets one message in the user's terms, not a zod path.
 */
import { showValue } from "./errors.js";
import { FrozenMap } from "./freeze.js";
import type { PathSegments } from "./json-path.js";
import { COUNTY_COLUMNS, TOWN_COLUMNS, type TerrainClass, type TownsSection } from "./schema.js";
import { didYouMean } from "./suggest.js";
import type { County, Town, Towns } from "./types.js";
import type { RawProblem } from "./zod-problems.js";

type Obj = Record<string, unknown>;

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Largest population a town or county may declare (persons), as `BOUNDS.population`. */
const MAX_POPULATION = 100_000_000;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** `town "500110001" (古南街道)`: how messages name a row, from whatever the row holds. */
function label(kind: "town" | "county", row: readonly unknown[]): string {
  const id = typeof row[0] === "string" ? JSON.stringify(row[0]) : `with id ${showValue(row[0])}`;
  const name = typeof row[1] === "string" && row[1] !== "" ? ` (${row[1]})` : "";
  return `${kind} ${id}${name}`;
}

/** Checks the rows of one table (towns or counties); returns the ids of well-formed rows by index. */
function checkRows(
  kind: "town" | "county",
  base: PathSegments,
  rows: unknown,
  columns: readonly string[],
  add: (segments: PathSegments, value: unknown, message: string, fix: string) => void,
): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(rows)) return ids;
  const order = columns.join(", ");
  rows.forEach((row, i) => {
    const at = [...base, i];
    if (!Array.isArray(row)) return; // zod reports a row that is not an array
    const who = label(kind, row);
    if (row.length !== columns.length) {
      add(at, row, `${who}: the row has ${row.length} value${row.length === 1 ? "" : "s"}, a ${kind} row has ${columns.length}`, `write the row as [${order}] (null where a value is unknown)`);
      return;
    }
    const [id, name] = row;
    if (typeof id !== "string" || !ID.test(id)) {
      add([...at, 0], id, `${who}: the id must be 1–64 characters of letters, digits, '_', '.', ':' or '-'`, `give the ${kind} a valid id`);
    } else if (ids.has(id)) {
      add([...at, 0], id, `duplicate ${kind} id ${JSON.stringify(id)} (first at ${[...base].join(".")}[${ids.get(id)}])`, `rename one of the two ${kind}s or remove the copy`);
    } else ids.set(id, i);
    if (typeof name !== "string" || name === "")
      add([...at, 1], name, `${who}: the name must be a non-empty string`, `give the ${kind} its name`);
    const popCol = columns.indexOf("population");
    const pop = row[popCol];
    if (pop !== null && !isNum(pop))
      add([...at, popCol], pop, `${who}: population ${showValue(pop)} is not a number`, "give the population in persons, or null when unknown");
    else if (isNum(pop) && pop < 0)
      add([...at, popCol], pop, `${who} has a negative population ${pop}`, "give the population in persons (>= 0), or null when unknown");
    else if (isNum(pop) && pop > MAX_POPULATION)
      add([...at, popCol], pop, `${who}: population ${pop} is above ${MAX_POPULATION} persons`, "check the unit: the population is a count of persons");
  });
  return ids;
}

/**
 * Every problem of a raw `towns` section (the file data, not yet validated), with JSON paths
 * (`towns.rows[12][2]`) and messages that name the town. Nothing when `root.towns` is absent or not
 * an object (the schema reports that).
 */
export function checkTowns(root: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  if (!isObj(root) || !isObj(root.towns)) return out;
  const section = root.towns;
  const add = (segments: PathSegments, value: unknown, message: string, fix: string) =>
    out.push({ segments, value, message, fix });

  const counties = isObj(section.counties) ? section.counties : undefined;
  const countyIds = counties
    ? checkRows("county", ["towns", "counties", "rows"], counties.rows, COUNTY_COLUMNS, add)
    : undefined;
  const terrainIds = isObj(section.terrain) ? Object.keys(section.terrain) : [];
  checkRows("town", ["towns", "rows"], section.rows, TOWN_COLUMNS, add);
  if (!Array.isArray(section.rows)) return out;

  // Estimated towns of a county must not add up to more than its count (one person of rounding per town).
  const estimatedSum = new Map<string, { persons: number; towns: number }>();
  section.rows.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== TOWN_COLUMNS.length) return;
    const [, , lon, lat, pop, estimated, county, terrain] = row as unknown[];
    const at = ["towns", "rows", i];
    const who = label("town", row);
    if (lon === null || lon === undefined || lat === null || lat === undefined)
      add([...at, lon == null ? 2 : 3], lon == null ? lon : lat, `${who} has no coordinate (lon ${showValue(lon)}, lat ${showValue(lat)})`, "give the town's centre as lon, lat in WGS84 degrees, or remove the row");
    else if (!isNum(lon) || !isNum(lat))
      add([...at, isNum(lon) ? 3 : 2], isNum(lon) ? lat : lon, `${who}: the coordinate (${showValue(lon)}, ${showValue(lat)}) is not two finite numbers`, "give lon and lat in WGS84 degrees");
    else if (Math.abs(lat) > 90 && Math.abs(lon) <= 90)
      add([...at, 3], lat, `${who}: latitude ${lat} is outside ±90 while longitude ${lon} is within it: lon and lat look swapped`, `write the columns in the order lon, lat: ${lat}, ${lon}`);
    else if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
      add([...at, Math.abs(lon) > 180 ? 2 : 3], Math.abs(lon) > 180 ? lon : lat, `${who}: coordinate (${lon}, ${lat}) is outside [-180, 180] × [-90, 90]`, "give lon and lat in WGS84 degrees");
    if (typeof estimated !== "boolean")
      add([...at, 5], estimated, `${who}: populationEstimated must be true or false, got ${showValue(estimated)}`, "write true when the population is an estimate, false when it is a count");
    else if (estimated && pop === null)
      add([...at, 5], estimated, `${who} is marked populationEstimated but has no population`, "give the estimate, or write false when the population is unknown (null)");
    if (county !== null && typeof county !== "string")
      add([...at, 6], county, `${who}: county must be a county id or null, got ${showValue(county)}`, "write the county id as a string");
    else if (typeof county === "string" && countyIds && !countyIds.has(county))
      add([...at, 6], county, `${who}: unknown county ${JSON.stringify(county)}${didYouMean(county, countyIds.keys())}`, 'use an id of "towns.counties", or null');
    if (terrain !== null && typeof terrain !== "string")
      add([...at, 7], terrain, `${who}: terrain must be a terrain class id or null, got ${showValue(terrain)}`, "write the class id as a string, or null for the default");
    else if (typeof terrain === "string" && !terrainIds.includes(terrain))
      add([...at, 7], terrain, `${who}: unknown terrain class ${JSON.stringify(terrain)}${didYouMean(terrain, terrainIds)}`, terrainIds.length > 0 ? `use one of ${terrainIds.map((t) => JSON.stringify(t)).join(", ")}, or null for the default` : 'declare the class in "towns.terrain", or write null for the default');
    if (estimated === true && typeof county === "string" && isNum(pop) && pop >= 0) {
      const s = estimatedSum.get(county) ?? { persons: 0, towns: 0 };
      estimatedSum.set(county, { persons: s.persons + pop, towns: s.towns + 1 });
    }
  });
  if (counties && Array.isArray(counties.rows) && countyIds) {
    for (const [id, i] of countyIds) {
      const row = counties.rows[i] as unknown[];
      const count = row[2];
      const s = estimatedSum.get(id);
      if (s && isNum(count) && s.persons > count + s.towns)
        add(["towns", "counties", "rows", i, 2], count, `the ${s.towns} estimated towns of ${label("county", row)} add up to ${s.persons} persons, more than its population ${count}`, "derive each estimate from the county total (e.g. total / number of towns), or mark counted towns populationEstimated false");
    }
  }
  return out;
}

/** The frozen {@link Towns} of a section that passed {@link checkTowns} and the schema. */
export function buildTowns(section: TownsSection): Towns {
  const list = section.rows.map((r): Town => {
    const [id, name, lon, lat, population, populationEstimated, county, terrain] = r as [
      string, string, number, number, number | null, boolean, string | null, string | null,
    ];
    return Object.freeze({ id, name, coord: Object.freeze([lon, lat] as const), population, populationEstimated, county, terrain });
  });
  const counties = (section.counties?.rows ?? []).map((r): County => {
    const [id, name, population] = r as [string, string, number | null];
    return Object.freeze({ id, name, population });
  });
  const terrain = new FrozenMap(
    Object.entries(section.terrain ?? {}).map(([k, v]) => [k, v] as [string, TerrainClass]),
  );
  return Object.freeze({
    source: section.source,
    ...(section.note === undefined ? {} : { note: section.note }),
    list: Object.freeze(list),
    byId: new FrozenMap(list.map((t) => [t.id, t] as const)),
    ...(section.counties === undefined ? {} : { countySource: section.counties.source }),
    counties: Object.freeze(counties),
    countyById: new FrozenMap(counties.map((c) => [c.id, c] as const)),
    terrain,
  });
}

/** The file layout of {@link Towns} (a fresh, mutable object): the inverse of {@link buildTowns}. */
export function townsToSection(towns: Towns): TownsSection {
  const section: TownsSection = {
    source: towns.source,
    ...(towns.note === undefined ? {} : { note: towns.note }),
    ...(towns.terrain.size === 0 ? {} : { terrain: Object.fromEntries(structuredClone([...towns.terrain])) }),
    ...(towns.countySource === undefined
      ? {}
      : {
          counties: {
            source: towns.countySource,
            columns: [...COUNTY_COLUMNS],
            rows: towns.counties.map((c) => [c.id, c.name, c.population]),
          },
        }),
    columns: [...TOWN_COLUMNS],
    rows: towns.list.map((t) => [t.id, t.name, t.coord[0], t.coord[1], t.population, t.populationEstimated, t.county, t.terrain]),
  };
  return section;
}
