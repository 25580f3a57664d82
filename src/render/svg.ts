import type { LonLat } from "../network/schema.js";

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A pixel coordinate rounded to 0.1 px, the precision of every path this stage writes. */
export function px(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** SVG path data for MultiPolygon coordinates (one subpath per ring; draw with `fill-rule="evenodd"`). */
export function multiPolygonPath(
  coords: readonly (readonly (readonly LonLat[])[])[],
  project: (p: LonLat) => [number, number],
): string {
  const parts: string[] = [];
  for (const poly of coords) {
    for (const ring of poly) {
      let d = "";
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x, y] = project(ring[k]!);
        d += `${k === 0 ? "M" : "L"}${px(x)},${px(y)}`;
      }
      parts.push(`${d}Z`);
    }
  }
  return parts.join("");
}
