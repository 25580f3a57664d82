import type { LonLat } from "../network/schema.js";
import { EARTH_RADIUS_M } from "../isochrone/geo.js";
import type { BBox } from "../isochrone/grid.js";

/** A fitted map projection: `[lon, lat]` to SVG pixels (y down). */
export interface FittedProjection {
  /** Projects a point to `[x, y]` pixels. */
  readonly project: (p: LonLat) => [x: number, y: number];
  /** The `[lon, lat]` at pixel `[x, y]` (the inverse of `project`). */
  readonly invert: (xy: readonly [number, number]) => LonLat;
  /** Kilometres per pixel along the parallel through the bbox's centre (and along every meridian). */
  readonly kmPerPx: number;
  readonly bbox: BBox;
}

const RAD = Math.PI / 180;

/**
 * An equirectangular projection with true scale at the bbox's centre latitude, scaled and centred
 * so that `bbox` fits `[x0, y0]–[x1, y1]` (pixels). Adequate for regional and national maps below
 * ±60°: at 1,000 km north–south the scale error at the edges is under 8 %. Planar by design: no
 * spherical clipping, so RFC 7946 rings draw as they are (d3-geo's spherical projections would read
 * a counter-clockwise ring as the rest of the globe).
 */
export function fitProjection(bbox: BBox, x0: number, y0: number, x1: number, y1: number): FittedProjection {
  const [w, s, e, n] = bbox;
  const cosLat = Math.cos(((s + n) / 2) * RAD);
  const spanX = Math.max((e - w) * cosLat, 1e-9);
  const spanY = Math.max(n - s, 1e-9);
  const k = Math.min((x1 - x0) / spanX, (y1 - y0) / spanY);
  const ox = x0 + ((x1 - x0) - spanX * k) / 2;
  const oy = y0 + ((y1 - y0) - spanY * k) / 2;
  const kmPerPx = (RAD * EARTH_RADIUS_M) / 1000 / k;
  return {
    project: (p) => [ox + (p[0] - w) * cosLat * k, oy + (n - p[1]) * k],
    invert: ([x, y]) => [w + (x - ox) / (cosLat * k), n - (y - oy) / k],
    kmPerPx,
    bbox,
  };
}
