/** Reading a network's boundary file from disk (Node only: reached from `qiwan-access/node`). */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { IsochroneError } from "../isochrone/errors.js";
import type { Network } from "../network/types.js";
import { BOUNDARIES_FILE, parseBoundaries, type Boundaries } from "./boundaries.js";

/**
 * The boundary lines stored beside a network loaded from disk (`BOUNDARIES_FILE` in its folder),
 * or none when it has no such file or was built in memory (Node only).
 *
 * @throws IsochroneError when the file exists but is not valid boundary GeoJSON.
 */
export async function readNetworkBoundaries(network: Network): Promise<Boundaries> {
  if (network.origin === undefined) return { lines: [] };
  const dir = (await stat(network.origin)).isDirectory() ? network.origin : path.dirname(network.origin);
  const file = path.join(dir, BOUNDARIES_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { lines: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new IsochroneError(`${file}: not JSON (${(e as Error).message}); regenerate it or remove it`);
  }
  return parseBoundaries(json, file);
}
