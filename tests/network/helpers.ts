import { readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/networks");
export const TINY_FILE = path.join(FIXTURES, "tiny.json");
export const TINY_FOLDER = path.join(FIXTURES, "tiny-folder");

/** A fresh, mutable copy of the tiny fixture's JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely in tests
export function tinyJson(): any {
  return JSON.parse(readFileSync(TINY_FILE, "utf8"));
}
