/**
 * JSON paths as used in problem reports: `links[12].from`, `places[0].coord[1]`, `parameters["a b"]`;
 * `$` is the top level.
 */

/** A path as segments: object keys and array indices. */
export type PathSegments = readonly (string | number)[];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Render segments as a JSON path string (`$` for the empty path). */
export function formatPath(segments: PathSegments): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (IDENT.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === "" ? "$" : out;
}

/** The value at `segments` inside `root`, or undefined if the path leaves the data. Own properties only. */
export function valueAt(root: unknown, segments: PathSegments): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}
