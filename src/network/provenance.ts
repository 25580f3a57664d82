/**
 * The provenance rule of the network format: every number in a network file carries a source or an
 * assumption. This check walks raw JSON (not the validated network) so it also covers files that
 * fail validation and numbers in fields the schema does not know.
 */
import { showValue, type NetworkProblem } from "./errors.js";
import { formatPath, type PathSegments } from "./json-path.js";

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A Quantity: a numeric `value` with a `source` or an `assumption`. */
function isQuantity(o: Record<string, unknown>): boolean {
  return typeof o.value === "number" && (typeof o.source === "string" || isObj(o.assumption));
}

/**
 * Numbers that are covered without being Quantities, by position:
 * - `version` at the top level and a scenario's `year` (definitions, not measurements);
 * - the two numbers of a place's `coord` (covered by the place's `source`);
 * - the cells of the `towns` tables (`towns.rows`, `towns.counties.rows`): the section's `source`
 *   (and `counties.source`) covers every coordinate and population of its rows at once.
 */
function isExempt(segments: PathSegments): boolean {
  const n = segments.length;
  if (n === 1 && segments[0] === "version") return true;
  if (n === 3 && segments[0] === "scenarios" && segments[2] === "year") return true;
  if (n === 4 && segments[0] === "places" && segments[2] === "coord" && (segments[3] === 0 || segments[3] === 1))
    return true;
  if (n === 4 && segments[0] === "towns" && segments[1] === "rows") return true;
  if (n === 5 && segments[0] === "towns" && segments[1] === "counties" && segments[2] === "rows") return true;
  return false;
}

/**
 * Report every number in raw network JSON that has no provenance. A number is accepted when it is
 * (a) the `value` of a Quantity object (`value` plus `source` or `assumption`), or inside that
 * Quantity's `assumption` (`range`, `mode`); (b) part of a place's `coord`, or a cell of a `towns`
 * table (the section's `source` covers its rows); or (c) a definition field (top-level `version`, a
 * scenario's `year`). Works on a single-file network, and on each file
 * of a folder network (their paths start with the same entity key).
 *
 * @param json Parsed JSON (any shape; non-network values simply yield their numbers).
 * @param file Attached to each problem, for reports over many files.
 * @returns One problem per offending number, in document order; empty when all is well.
 */
export function checkProvenance(json: unknown, file?: string): NetworkProblem[] {
  const out: NetworkProblem[] = [];
  const walk = (v: unknown, segments: (string | number)[]): void => {
    if (typeof v === "number") {
      if (!isExempt(segments)) {
        out.push({
          ...(file === undefined ? {} : { file }),
          path: formatPath(segments),
          value: v,
          message: `the number ${showValue(v)} has no provenance`,
          fix: 'write it as a Quantity: { "value": ..., "source": "<citation>" } or { "value": ..., "assumption": { "why": "...", "range": [low, high] } }',
        });
      }
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...segments, i]));
      return;
    }
    if (!isObj(v)) return;
    if (isQuantity(v)) {
      // value and the assumption's numbers are covered; any other number in the object is not.
      for (const [k, x] of Object.entries(v)) {
        if (k === "value") continue;
        if (k === "assumption" && isObj(x)) {
          for (const [ak, ax] of Object.entries(x)) {
            if (ak === "range" || ak === "mode") continue;
            walk(ax, [...segments, k, ak]);
          }
          continue;
        }
        walk(x, [...segments, k]);
      }
      return;
    }
    for (const [k, x] of Object.entries(v)) walk(x, [...segments, k]);
  };
  walk(json, []);
  return out;
}
