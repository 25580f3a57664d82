/**
 * The one seeded PRNG of the library (internal module: stages import it directly; the public name
 * `mulberry32` is re-exported by the uncertainty stage only, so `export *` in src/index.ts sees it once).
 */

/**
 * mulberry32: a small, fast 32-bit seeded PRNG (period 2^32), enough for Monte Carlo draws,
 * permutation sampling and synthetic timetables, and reproducible across Node, Deno and browsers.
 * Never `Math.random`.
 *
 * @param seed any number; only its low 32 bits (as an unsigned integer) are used.
 * @returns a function giving uniform numbers in [0, 1), each a multiple of 2^-32.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
