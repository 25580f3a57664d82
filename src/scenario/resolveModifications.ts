import type { z } from "zod";
import {
  BOUNDS,
  LinkSchema,
  PlaceSchema,
  ServiceSchema,
  type Id,
  type Link,
  type Parameters,
  type Place,
  type Project,
  type Quantity,
  type QuantityBounds,
  type Scenario,
  type Service,
} from "../network/schema.js";
import type { Network } from "../network/types.js";
import { SERVICE_MODES } from "../network/schema.js";
import { DEFAULT_PARAMETERS } from "../model/parameters.js";
import { closestMatch } from "../core/suggest.js";
import { didYouMean } from "./didYouMean.js";
import { ModificationError, type ModificationProblem } from "./errors.js";
import { canonicalJson, sha256Hex } from "./hash.js";
import {
  MODIFICATION_SCHEMAS,
  MODIFICATION_TYPES,
  ScenarioSpecSchema,
  type Modification,
  type ModificationOf,
  type ModificationType,
} from "./modifications.js";

/** Name of the model parameter (keyed by service mode, minutes) that `adjust-transfer-time` sets. */
export const TRANSFER_PARAMETER = "transferMin";
/** Hex digits of SHA-256 kept in a derived scenario id (48 bits). */
export const SCENARIO_HASH_DIGITS = 12;

/**
 * A scenario whose modifications all resolved: every id bound, every number checked, and the
 * network content it produces, ready for {@link applyScenario} to assemble. Holds copies; the base
 * network is untouched.
 */
export interface ResolvedModifications {
  /** The base network scenario id. */
  readonly base: Id;
  /**
   * Id of the derived scenario: `base` itself when there are no modifications, otherwise
   * `base:` + the first 12 hex digits of SHA-256 over the canonical JSON of `{ base, modifications }`.
   */
  readonly scenarioId: Id;
  /** The validated modifications (numbers in added entities still as written). */
  readonly modifications: readonly Modification[];
  readonly places: readonly Place[];
  readonly links: readonly Link[];
  readonly services: readonly Service[];
  readonly projects: readonly Project[];
  readonly parameters: Parameters;
  /** Projects forced in (`true`) or out (`false`) of the derived scenario, last `set-project` wins. */
  readonly projectStates: ReadonlyMap<Id, boolean>;
}

type Path = readonly PropertyKey[];

function fieldOf(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s === "" ? "(modification)" : s;
}

/** The value at `path` in `root`, stopping at the deepest value that exists. */
function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return v;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const FIXES: Record<string, string> = {
  factor: "give a finite number > 0 (1.2 = 20% more)",
  speedKmh: "give a speed in km/h > 0",
  headwayMin: "give a headway in minutes > 0",
  dwellMin: "give a dwell in minutes > 0",
  transferMin: "give a transfer time in minutes >= 0",
  openingYear: `give an integer year between ${BOUNDS.year.min} and ${BOUNDS.year.max}`,
  in: "give true (include the project) or false (exclude it)",
  links: 'give a non-empty list of link ids, e.g. ["L1"]',
  services: 'give a non-empty list of service ids, e.g. ["S1"]',
};

function fixFor(field: string, code: string): string {
  const last = field.replace(/\[\d+\]$/, "").split(".").pop() ?? field;
  if (code === "invalid_union") return 'give a number, or a Quantity { "value", "source" } or { "value", "assumption" }';
  return FIXES[last] ?? `correct ${field} (see the modification vocabulary in the README, "Scenario modifications")`;
}

/** Convert plain numbers in the given Quantity fields into Quantities with modification provenance. */
function normaliseQuantities(obj: Record<string, unknown>, fields: readonly string[], label: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...obj };
  const q = (v: unknown) => (typeof v === "number" ? { value: v, source: label } : v);
  for (const f of fields) {
    const v = out[f];
    if (v === undefined) continue;
    out[f] = Array.isArray(v) ? v.map(q) : q(v);
  }
  return out;
}

function scaled(q: Quantity, factor: number, label: string): Quantity {
  const value = q.value * factor;
  if (q.assumption) {
    const [lo, hi] = q.assumption.range;
    const ends = [lo * factor, hi * factor].sort((a, b) => a - b) as [number, number];
    return {
      value,
      assumption: {
        why: `${q.assumption.why} [${label}: scaled by ${factor}]`,
        range: ends,
        ...(q.assumption.mode !== undefined ? { mode: q.assumption.mode * factor } : {}),
      },
    };
  }
  return { value, source: `${label}: ${factor} × ${q.value} (${q.source ?? "no source"})` };
}

function withinBounds(v: number, b: QuantityBounds): boolean {
  return Number.isFinite(v) && (b.minInclusive ? v >= b.min : v > b.min) && v <= b.max;
}

/**
 * Check every modification of `spec` against `network` and compute what it produces, collecting all
 * problems before throwing one {@link ModificationError} (`.problems[]` names index, type, field,
 * value, message and fix). Modifications apply in order, so a later one may refer to an id an
 * earlier one added (and may not refer to one it removed). Never mutates `network`.
 *
 * @param spec `{ base, modifications }`; `modifications` may be untyped JSON (it is validated here).
 * @throws ModificationError for an unknown base, malformed modifications, unknown ids (with
 *   did-you-mean), duplicate ids, conflicting fields (`factor` with `speedKmh`…), non-positive or
 *   non-finite factors, results out of the format's bounds, a service left with fewer than 2 stops.
 */
export function resolveModifications(
  network: Network,
  spec: { readonly base: string; readonly modifications: readonly unknown[] },
): ResolvedModifications {
  const problems: ModificationProblem[] = [];
  const head = ScenarioSpecSchema.safeParse(spec);
  if (!head.success) {
    for (const issue of head.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          problems.push({ index: -1, type: "scenario", field: key, value: (spec as Record<string, unknown>)[key], message: `unknown field "${key}" in the scenario`, fix: didYouMean(key, Object.keys(ScenarioSpecSchema.shape), "field (base, modifications, name, description, $schema)") });
        }
        continue;
      }
      const field = fieldOf(issue.path);
      problems.push({ index: -1, type: "scenario", field, value: valueAt(spec, issue.path), message: issue.message, fix: `give ${field} as in the README, "Scenario modifications"` });
    }
    throw new ModificationError(problems);
  }
  if (!network.scenarioById.has(spec.base)) {
    problems.push({
      index: -1,
      type: "scenario",
      field: "base",
      value: spec.base,
      message: `unknown base scenario "${spec.base}"`,
      fix: didYouMean(spec.base, network.scenarioById.keys(), "scenario"),
    });
  }

  const places = new Map<Id, Place>(network.placeById);
  const links = new Map<Id, Link>(network.links.map((l) => [l.id, l]));
  const services = new Map<Id, Service>(network.services.map((s) => [s.id, s]));
  const projects = new Map<Id, Project>(network.projects.map((p) => [p.id, p]));
  let parameters: Parameters = network.parameters;
  const projectStates = new Map<Id, boolean>();
  /** Where each removed id went, for "already removed by modifications[j]" messages. */
  const removedLinks = new Map<Id, number>();
  const removedServices = new Map<Id, number>();
  const valid: Modification[] = [];

  spec.modifications.forEach((raw, index) => {
    const typeName = raw !== null && typeof raw === "object" ? (raw as { type?: unknown }).type : undefined;
    const add = (field: string, value: unknown, message: string, fix: string) =>
      problems.push({ index, type: typeof typeName === "string" ? typeName : String(typeName), field, value, message, fix });
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      add("(modification)", raw, "a modification must be an object with a \"type\"", `write { "type": "${MODIFICATION_TYPES[0]}", ... }`);
      return;
    }
    if (typeof typeName !== "string" || !Object.hasOwn(MODIFICATION_SCHEMAS, typeName)) {
      add("type", typeName, `unknown modification type ${JSON.stringify(typeName)}`, typeof typeName === "string" && closestMatch(typeName, MODIFICATION_TYPES) ? didYouMean(typeName, MODIFICATION_TYPES, "type") : `use one of ${MODIFICATION_TYPES.join(", ")}`);
      return;
    }
    const type = typeName as ModificationType;
    const schema = MODIFICATION_SCHEMAS[type] as z.ZodType;
    const parsed = schema.safeParse(raw);
    const before = problems.length;
    const reportIssues = (issues: readonly z.core.$ZodIssue[], prefix: Path, root: unknown) => {
      for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            const path = [...prefix, ...issue.path, key];
            const knownKeys = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
            add(fieldOf(path), valueAt(root, path), `unknown field "${key}"`, issue.path.length === 0 ? didYouMean(key, knownKeys, "field") : `remove "${key}"`);
          }
          continue;
        }
        let path: Path = [...prefix, ...issue.path];
        // A plain number given where a Quantity is allowed: report the number, not its virtual ".value".
        for (let k = 1; k < path.length; k++) {
          const v = valueAt(root, path.slice(0, k));
          if (v === null || typeof v !== "object") {
            path = path.slice(0, k);
            break;
          }
        }
        const field = fieldOf(path);
        add(field, valueAt(root, path), issue.message, fixFor(field, issue.code));
      }
    };
    if (!parsed.success) {
      reportIssues(parsed.error.issues, [], raw);
      // Still check the ids it names, so that one pass reports every problem of the modification.
      const r = raw as Record<string, unknown>;
      const flagged = new Set(problems.slice(before).map((p) => p.field));
      const refs: [string, ReadonlyMap<Id, unknown>, string][] = [["links", links, "link"], ["services", services, "service"]];
      for (const [key, known, what] of refs) {
        const ids = r[key];
        if (!Array.isArray(ids)) continue;
        ids.forEach((id, i) => {
          if (typeof id === "string" && !known.has(id) && !flagged.has(`${key}[${i}]`)) add(`${key}[${i}]`, id, `unknown ${what} "${id}"`, didYouMean(id, known.keys(), what));
        });
      }
      if (typeof r.project === "string" && !projects.has(r.project) && !flagged.has("project")) add("project", r.project, `unknown project "${r.project}"`, didYouMean(r.project, projects.keys(), "project"));
      registerIds(type, raw);
      return;
    }
    const mod = parsed.data as Modification;
    const label = `scenario modification #${index} (${type})`;

    const knownLink = (id: Id, field: string): Link | undefined => {
      const l = links.get(id);
      if (l) return l;
      const j = removedLinks.get(id);
      add(field, id, j !== undefined ? `link "${id}" was already removed by modifications[${j}]` : `unknown link "${id}"`, j !== undefined ? "remove it only once" : didYouMean(id, links.keys(), "link"));
      return undefined;
    };
    const knownService = (id: Id, field: string): Service | undefined => {
      const s = services.get(id);
      if (s) return s;
      const j = removedServices.get(id);
      add(field, id, j !== undefined ? `service "${id}" was already removed by modifications[${j}]` : `unknown service "${id}"`, j !== undefined ? "remove it only once" : didYouMean(id, services.keys(), "service"));
      return undefined;
    };
    const knownPlace = (id: Id, field: string) => {
      if (places.has(id)) return true;
      add(field, id, `unknown place "${id}"`, didYouMean(id, places.keys(), "place (or add it first with add-place)"));
      return false;
    };
    const knownProject = (id: Id, field: string) => {
      if (projects.has(id)) return true;
      add(field, id, `unknown project "${id}"`, didYouMean(id, projects.keys(), "project"));
      return false;
    };
    /** Exactly one of two alternative fields. */
    const oneOf = (m: Record<string, unknown>, a: string, b: string): boolean => {
      const hasA = m[a] !== undefined;
      const hasB = m[b] !== undefined;
      if (hasA && hasB) add(b, m[b], `conflicting fields: both "${a}" and "${b}" are given`, `keep only one of "${a}" and "${b}"`);
      else if (!hasA && !hasB) add(a, undefined, `missing field: give "${a}" or "${b}"`, `add "${a}" or "${b}"`);
      return hasA !== hasB;
    };
    /** A factor whose result leaves the format's bounds is reported on `factor`, naming the entity. */
    const checkBound = (_entity: string, value: number, b: QuantityBounds, what: string) => {
      const factor = (mod as { factor?: number }).factor;
      if (!withinBounds(value, b)) add("factor", factor, `${what} would become ${value} ${b.unit}, outside the format's bounds (${b.minInclusive ? ">=" : ">"} ${b.min} and <= ${b.max})`, "use a factor closer to 1");
    };
    /** Parse an added entity against the strict network schema after normalising its numbers. */
    const strict = <T>(key: string, value: Record<string, unknown>, fields: readonly string[], s: z.ZodType<T>): T | undefined => {
      const r = s.safeParse(normaliseQuantities(value, fields, label));
      if (r.success) return r.data;
      reportIssues(r.error.issues, [key], raw);
      return undefined;
    };

    switch (mod.type) {
      case "add-place": {
        const p = strict("place", { source: label, ...mod.place }, ["population"], PlaceSchema);
        if (places.has(mod.place.id)) add("place.id", mod.place.id, `duplicate place id "${mod.place.id}"`, "choose an id no place uses");
        const stations = mod.place.stations ?? [];
        if (p) places.set(p.id, p);
        stations.forEach((s, i) => knownPlace(s, `place.stations[${i}]`));
        break;
      }
      case "add-link": {
        const l = strict("link", mod.link, ["lengthKm", "speedKmh", "minutes"], LinkSchema);
        const m = mod.link;
        if (links.has(m.id)) add("link.id", m.id, `duplicate link id "${m.id}"`, "choose an id no link uses");
        knownPlace(m.from, "link.from");
        knownPlace(m.to, "link.to");
        if (m.from === m.to) add("link.to", m.to, "a link must join two different places", "give a different \"to\"");
        if (m.minutes === undefined && m.lengthKm === undefined) add("link.lengthKm", undefined, "a link needs a length or a time", 'add "lengthKm" (and "speedKmh") or "minutes"');
        (m.projects ?? []).forEach((p, i) => knownProject(p, `link.projects[${i}]`));
        (m.replaces ?? []).forEach((r, i) => knownLink(r, `link.replaces[${i}]`));
        if (l && !links.has(l.id)) links.set(l.id, l);
        break;
      }
      case "remove-link": {
        mod.links.forEach((id, i) => {
          if (!knownLink(id, `links[${i}]`)) return;
          links.delete(id);
          removedLinks.set(id, index);
        });
        // Links that superseded a removed link no longer name it: the network stays self-consistent.
        for (const [id, l] of links) {
          if (l.replaces?.some((r) => removedLinks.has(r))) links.set(id, { ...l, replaces: l.replaces.filter((r) => !removedLinks.has(r)) });
        }
        break;
      }
      case "adjust-speed": {
        const okTarget = oneOf(mod, "links", "services");
        const okValue = oneOf(mod, "factor", "speedKmh");
        if (!okTarget || !okValue) break;
        if (mod.links) {
          mod.links.forEach((id, i) => {
            const l = knownLink(id, `links[${i}]`);
            if (!l) return;
            const f = `links[${i}]`;
            if (mod.speedKmh !== undefined) {
              if (l.lengthKm === undefined) {
                add(f, id, `link "${id}" has no lengthKm, so a speed cannot set its time`, 'use "factor" instead of "speedKmh"');
                return;
              }
              const { minutes: _dropped, ...rest } = l;
              links.set(id, { ...rest, speedKmh: { value: mod.speedKmh, source: label } });
            } else if (mod.factor !== undefined) {
              if (l.minutes !== undefined) {
                checkBound(f, l.minutes.value / mod.factor, BOUNDS.minutes, `link "${id}" minutes`);
                links.set(id, { ...l, minutes: scaled(l.minutes, 1 / mod.factor, label) });
              } else if (l.speedKmh !== undefined) {
                checkBound(f, l.speedKmh.value * mod.factor, BOUNDS.speedKmh, `link "${id}" speedKmh`);
                links.set(id, { ...l, speedKmh: scaled(l.speedKmh, mod.factor, label) });
              } else {
                add(f, id, `link "${id}" has neither speedKmh nor minutes (the model's default speed applies), so there is nothing to scale`, 'give "speedKmh" instead of "factor"');
              }
            }
          });
        } else if (mod.services) {
          mod.services.forEach((id, i) => {
            const s = knownService(id, `services[${i}]`);
            if (!s) return;
            const f = `services[${i}]`;
            if (mod.speedKmh !== undefined) {
              // An absolute speed replaces explicit running times: the speed applies over the links' lengths.
              const { runMinutes: _dropped, ...rest } = s;
              services.set(id, { ...rest, speedKmh: { value: mod.speedKmh, source: label } });
            } else if (mod.factor !== undefined) {
              if (s.runMinutes !== undefined) {
                s.runMinutes.forEach((q) => checkBound(f, q.value / mod.factor!, BOUNDS.minutes, `service "${id}" runMinutes`));
                services.set(id, { ...s, runMinutes: s.runMinutes.map((q) => scaled(q, 1 / mod.factor!, label)) });
              } else if (s.speedKmh !== undefined) {
                checkBound(f, s.speedKmh.value * mod.factor, BOUNDS.speedKmh, `service "${id}" speedKmh`);
                services.set(id, { ...s, speedKmh: scaled(s.speedKmh, mod.factor, label) });
              } else {
                add(f, id, `service "${id}" has neither speedKmh nor runMinutes, so there is nothing to scale`, 'give "speedKmh" instead of "factor"');
              }
            }
          });
        }
        break;
      }
      case "adjust-headway":
      case "adjust-dwell": {
        const key = mod.type === "adjust-headway" ? "headwayMin" : "dwellMin";
        const bounds = mod.type === "adjust-headway" ? BOUNDS.headwayMin : BOUNDS.dwellMin;
        const absolute = mod.type === "adjust-headway" ? mod.headwayMin : mod.dwellMin;
        if (!oneOf(mod, "factor", key)) break;
        mod.services.forEach((id, i) => {
          const s = knownService(id, `services[${i}]`);
          if (!s) return;
          const f = `services[${i}]`;
          if (absolute !== undefined) {
            services.set(id, { ...s, [key]: { value: absolute, source: label } });
            return;
          }
          const q = s[key];
          if (q === undefined) {
            add(f, id, `service "${id}" has no ${key} (the model's per-mode default applies), so there is nothing to scale`, `give "${key}" instead of "factor"`);
            return;
          }
          checkBound(f, q.value * mod.factor!, bounds, `service "${id}" ${key}`);
          services.set(id, { ...s, [key]: scaled(q, mod.factor!, label) });
        });
        break;
      }
      case "add-service": {
        const s = strict("service", mod.service, ["headwayMin", "dwellMin", "runMinutes", "speedKmh"], ServiceSchema);
        const m = mod.service;
        if (services.has(m.id)) add("service.id", m.id, `duplicate service id "${m.id}"`, "choose an id no service uses");
        m.stops.forEach((p, i) => knownPlace(p, `service.stops[${i}]`));
        if (m.stops.length < 2) add("service.stops", m.stops, `a service needs at least 2 stops, got ${m.stops.length}`, "list the stops in running order");
        m.stops.forEach((p, i) => {
          if (i > 0 && m.stops[i - 1] === p) add(`service.stops[${i}]`, p, `stop "${p}" repeated consecutively`, "remove the repeated stop");
        });
        if (m.runMinutes !== undefined && m.runMinutes.length !== m.stops.length - 1) {
          add("service.runMinutes", m.runMinutes, `runMinutes has ${m.runMinutes.length} segments but ${m.stops.length} stops need ${m.stops.length - 1}`, "give one running time per pair of consecutive stops");
        }
        (m.projects ?? []).forEach((p, i) => knownProject(p, `service.projects[${i}]`));
        (m.replaces ?? []).forEach((r, i) => knownService(r, `service.replaces[${i}]`));
        if (s && !services.has(s.id)) services.set(s.id, s);
        break;
      }
      case "remove-service": {
        mod.services.forEach((id, i) => {
          if (!knownService(id, `services[${i}]`)) return;
          services.delete(id);
          removedServices.set(id, index);
        });
        for (const [id, s] of services) {
          if (s.replaces?.some((r) => removedServices.has(r))) services.set(id, { ...s, replaces: s.replaces.filter((r) => !removedServices.has(r)) });
        }
        break;
      }
      case "remove-stop": {
        if (!knownPlace(mod.stop, "stop")) break;
        const targets: [Service, string][] = [];
        if (mod.services) {
          mod.services.forEach((id, i) => {
            const s = knownService(id, `services[${i}]`);
            if (!s) return;
            if (!s.stops.includes(mod.stop)) add(`services[${i}]`, id, `service "${id}" does not call at "${mod.stop}"`, `its stops are ${s.stops.join(", ")}`);
            else targets.push([s, `services[${i}]`]);
          });
        } else {
          for (const s of services.values()) if (s.stops.includes(mod.stop)) targets.push([s, "stop"]);
          if (targets.length === 0) add("stop", mod.stop, `no service calls at "${mod.stop}"`, "name a stop some service calls at");
        }
        for (const [s, field] of targets) {
          const next = removeStop(s, mod.stop, label);
          if (next.stops.length < 2) {
            add(field, field === "stop" ? mod.stop : s.id, `removing "${mod.stop}" would leave service "${s.id}" with ${next.stops.length} stop${next.stops.length === 1 ? "" : "s"}`, `remove the service instead (remove-service "${s.id}")`);
            continue;
          }
          const repeat = next.stops.findIndex((p, i) => i > 0 && next.stops[i - 1] === p);
          if (repeat > 0) {
            add(field, field === "stop" ? mod.stop : s.id, `removing "${mod.stop}" would leave service "${s.id}" calling at "${next.stops[repeat]}" twice in a row`, "remove the service or edit it with remove-service + add-service");
            continue;
          }
          services.set(s.id, next);
        }
        break;
      }
      case "set-project": {
        if (!knownProject(mod.project, "project")) break;
        if (mod.in === undefined && mod.openingYear === undefined) {
          add("in", undefined, 'set-project changes nothing: give "in" and/or "openingYear"', 'add "in": true or false');
          break;
        }
        if (mod.in !== undefined) projectStates.set(mod.project, mod.in);
        if (mod.openingYear !== undefined) {
          const p = projects.get(mod.project)!;
          projects.set(p.id, { ...p, openingYear: { value: mod.openingYear, source: label } });
        }
        break;
      }
      case "adjust-transfer-time": {
        if (!oneOf(mod, "factor", "transferMin")) break;
        if (mod.stations && mod.modes) {
          add("modes", mod.modes, 'conflicting fields: both "stations" and "modes" are given', "use one modification per stations list and one per modes list");
          break;
        }
        const name = mod.stations ? "stationTransferMin" : TRANSFER_PARAMETER;
        const current = (parameters[name] ?? {}) as Record<string, Quantity>;
        if (typeof (current as { value?: unknown }).value === "number") {
          add("type", mod.type, `the network's "${name}" parameter is a scalar, but the model keys it by ${mod.stations ? "station" : "mode"}`, `fix the network's parameters.${name}`);
          break;
        }
        const next: Record<string, Quantity> = { ...current };
        const keys = mod.stations ?? mod.modes ?? SERVICE_MODES;
        keys.forEach((key, i) => {
          if (mod.stations && !knownPlace(key, `stations[${i}]`)) return;
          if (mod.transferMin !== undefined) {
            next[key] = { value: mod.transferMin, source: label };
            return;
          }
          const q: Quantity | undefined = current[key] ?? (mod.stations ? undefined : (DEFAULT_PARAMETERS.transferMin as Record<string, Quantity>)[key]);
          if (q === undefined) {
            add(mod.stations ? `stations[${i}]` : "factor", mod.stations ? key : mod.factor, `no ${name} is set for "${key}", so there is nothing to scale`, 'give "transferMin" instead of "factor"');
            return;
          }
          const v = q.value * mod.factor!;
          if (!(v >= 0 && v <= 240)) add("factor", mod.factor, `${name} for "${key}" would become ${v} min, outside 0–240 min`, "use a factor closer to 1");
          else next[key] = scaled(q, mod.factor!, label);
        });
        parameters = { ...parameters, [name]: next };
        break;
      }
    }
    if (problems.length === before) valid.push(mod);
  });

  /** Ids of malformed additions still count as taken, so later references do not cascade into errors. */
  function registerIds(type: ModificationType, raw: unknown) {
    const get = (k: string) => (raw as Record<string, { id?: unknown } | undefined>)[k]?.id;
    if (type === "add-place" && typeof get("place") === "string") {
      const id = get("place") as string;
      if (!places.has(id)) places.set(id, { id } as Place);
    }
    if (type === "add-link" && typeof get("link") === "string") {
      const id = get("link") as string;
      if (!links.has(id)) links.set(id, { id } as Link);
    }
    if (type === "add-service" && typeof get("service") === "string") {
      const id = get("service") as string;
      if (!services.has(id)) services.set(id, { id, stops: [] as string[] } as unknown as Service);
    }
  }

  if (problems.length > 0) throw new ModificationError(problems);
  const modifications = valid;
  return {
    base: spec.base,
    scenarioId: scenarioIdFor(spec.base, modifications),
    modifications,
    places: [...places.values()],
    links: [...links.values()],
    services: [...services.values()],
    projects: [...projects.values()],
    parameters,
    projectStates,
  };
}

/**
 * The id of the scenario `base` + `modifications`: `base` itself for an empty list, otherwise
 * `base:` + 12 hex digits of SHA-256 over the canonical JSON (sorted keys) of
 * `{ base, modifications }`. Key order and whitespace do not change it; any value does.
 */
export function scenarioIdFor(base: Id, modifications: readonly unknown[]): Id {
  if (modifications.length === 0) return base;
  return `${base}:${sha256Hex(canonicalJson({ base, modifications })).slice(0, SCENARIO_HASH_DIGITS)}`;
}

function sumQuantities(a: Quantity, b: Quantity, label: string): Quantity {
  const value = a.value + b.value;
  if (a.assumption || b.assumption) {
    const ra = a.assumption?.range ?? [a.value, a.value];
    const rb = b.assumption?.range ?? [b.value, b.value];
    return { value, assumption: { why: `${label}: sum of two merged segments' running times`, range: [ra[0] + rb[0], ra[1] + rb[1]] } };
  }
  return { value, source: `${label}: sum of ${a.value} (${a.source}) and ${b.value} (${b.source})` };
}

/**
 * `s` without `stop`: an intermediate stop's two segments merge (their running times add, a slight
 * overestimate since no stop is made); an end stop's segment is dropped.
 */
function removeStop(s: Service, stop: Id, label: string): Service {
  let stops = s.stops;
  let run = s.runMinutes;
  let i: number;
  while ((i = stops.indexOf(stop)) >= 0) {
    stops = [...stops.slice(0, i), ...stops.slice(i + 1)];
    if (run) {
      if (i === 0) run = run.slice(1);
      else if (i === run.length) run = run.slice(0, -1);
      else run = [...run.slice(0, i - 1), sumQuantities(run[i - 1]!, run[i]!, label), ...run.slice(i + 1)];
    }
  }
  return run ? { ...s, stops, runMinutes: run } : { ...s, stops };
}

/** The derived scenario record added to the network for a resolved spec. */
export function derivedScenario(base: Scenario, r: ResolvedModifications): Scenario {
  const include: Id[] = [];
  const exclude: Id[] = [];
  for (const [id, on] of r.projectStates) (on ? include : exclude).push(id);
  return {
    id: r.scenarioId,
    name: { zh: `${base.name.zh}（修改）`, en: `${base.name.en} (modified)` },
    year: base.year,
    description: `${base.id} with ${r.modifications.length} modification${r.modifications.length === 1 ? "" : "s"}`,
    extends: base.id,
    // byYear off: the base's own project set (already year-filtered) is the starting point.
    projects: { byYear: false, include, exclude },
  };
}
