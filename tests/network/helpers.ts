import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { NetworkValidationError, type NetworkProblem } from "../../src/index.js";
import { loadNetworkSync } from "../../src/node.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/networks");
export const TINY_FILE = path.join(FIXTURES, "tiny.json");
export const TINY_FOLDER = path.join(FIXTURES, "tiny-folder");

/** A fresh, mutable copy of the tiny fixture's JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely in tests
export function tinyJson(): any {
  return JSON.parse(readFileSync(TINY_FILE, "utf8"));
}

/** The problems of a network the loader must reject (fails the test when it loads). */
export function problemsOf(raw: object): NetworkProblem[] {
  try {
    loadNetworkSync(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(NetworkValidationError);
    return [...(err as NetworkValidationError).problems];
  }
  throw new Error("expected the network to be rejected");
}
