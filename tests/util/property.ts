/**
 * Run settings for fast-check properties: `fc.assert(property, runs(200))`.
 *
 * - By default each run draws a new random seed, so every `npm test` explores new cases; on a
 *   failure fast-check prints the seed and the shrink path (`{ seed: …, path: "…" }`).
 * - `QIWAN_SEED=<seed> npm test` replays with that seed (add `QIWAN_PATH=<path>` to go straight to
 *   the shrunk counterexample). Replaying one seed runs every property with it, so copy the seed of
 *   the failing test and run that test file alone (`npx vitest run tests/…`).
 * - {@link REPLAY_SEEDS} are replayed on every property by `npm run test:replay`, so that the cases a
 *   fixed seed once covered stay covered: 42 is the seed the whole suite used before seeds became
 *   random; add any seed that found a bug, with a comment saying which.
 */
import type { Parameters } from "fast-check";

/** Seeds replayed by `npm run test:replay` (see the file comment). */
export const REPLAY_SEEDS: readonly number[] = [
  42,
  // Found the isochrone band area shrinking under a faster access link (fixed: band edges take the
  // most headroom of the covering access disks).
  2044404310,
];

function envInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`${name}=${JSON.stringify(text)} must be an integer seed, as fast-check printed it`);
  return value;
}

/** fast-check parameters: `numRuns` cases, a random seed unless `QIWAN_SEED` (and `QIWAN_PATH`) replay one. */
export function runs<T = unknown>(numRuns: number): Parameters<T> {
  const seed = envInteger("QIWAN_SEED");
  const path = process.env.QIWAN_PATH;
  if (seed === undefined) return { numRuns };
  return path ? { numRuns, seed, path, endOnFailure: true } : { numRuns, seed };
}
