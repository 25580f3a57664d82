import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadNetwork } from "../../src/node.js";
import { NetworkValidationError, type NetworkProblem } from "../../src/index.js";
import { loadNetworkSync } from "../../src/node.js";

const BAD = path.resolve(import.meta.dirname, "../fixtures/bad");

/**
 * Each broken file and what the loader must say about it: the JSON path of the defect, the bad
 * value (which the message must name), optionally a phrase the message must contain, and how many
 * problems the file has in total (1 unless the defect necessarily causes more).
 */
interface Case {
  readonly path: string;
  readonly value?: unknown;
  readonly says?: string;
  readonly count?: number;
  /** Defaults to the case's own name; for folders, the file inside the folder. */
  readonly file?: string;
}
const CASES: Record<string, Case> = {
  "truncated.json": { path: "$", says: "unexpected end of file" },
  "not-json.json": { path: "$", says: "line 1, column 1" },
  "trailing-comma.json": { path: "$", says: "line 4, column 16" },
  "empty.json": { path: "$", says: "empty" },
  "top-level-array.json": { path: "$", says: "got an array" },
  "unknown-schema-id.json": { path: "schema", value: "qiwan-netwerk" },
  "wrong-version.json": { path: "version", value: 2 },
  "missing-field.json": { path: "places[1].kind", value: undefined, says: 'missing required field "kind"' },
  "wrong-type.json": { path: "links[0].from", value: 42 },
  "negative-length.json": { path: "links[0].lengthKm.value", value: -15 },
  "zero-speed.json": { path: "links[1].speedKmh.value", value: 0 },
  "absurd-speed.json": { path: "links[2].speedKmh.value", value: 5000 },
  "absurd-length.json": { path: "links[4].lengthKm.value", value: 99999 },
  "absurd-minutes.json": { path: "links[6].minutes.value", value: 100000 },
  "zero-headway.json": { path: "services[0].headwayMin.value", value: 0 },
  "negative-dwell.json": { path: "services[2].dwellMin.value", value: -2 },
  "coord-out-of-range.json": { path: "places[4].coord[0]", value: 206.8 },
  "swapped-lat-lon.json": { path: "places[2].coord", value: [28.96, 106.92], says: "[lat, lon]" },
  "duplicate-place-id.json": { path: "places[6].id", value: "C", says: "duplicate place id" },
  "duplicate-link-id.json": { path: "links[7].id", value: "conn_A", says: "duplicate link id" },
  "link-unknown-place.json": { path: "links[0].to", value: "JJ", says: 'did you mean "J"?' },
  "link-self-loop.json": { path: "links[3].to", value: "A" },
  "link-shorter-than-straight-line.json": { path: "links[4].lengthKm.value", value: 1, says: "straight-line" },
  "link-no-length-no-minutes.json": { path: "links[3]", value: "road_AC", says: 'neither "minutes" nor "lengthKm"' },
  "service-unknown-stop.json": { path: "services[0].stops[1]", value: "Junction", says: "unknown place" },
  "service-one-stop.json": { path: "services[1].stops", value: ["A_STN"], says: "at least two" },
  "service-repeated-stop.json": { path: "services[0].stops[1]", value: "A", says: "repeats" },
  "service-runminutes-length.json": { path: "services[0].runMinutes", says: "1 entry for 3 stops" },
  "service-runminutes-and-speed.json": { path: "services[0]", value: "bus_AB", says: "both" },
  "service-no-runminutes-no-speed.json": { path: "services[1]", value: "train_AB", says: "neither" },
  "unknown-project-ref.json": { path: "links[4].projects[0]", value: "P_RAILL", says: 'did you mean "P_RAIL"?' },
  "replaces-unknown-link.json": { path: "links[2].replaces[0]", value: "road_XJ", says: "unknown link" },
  "replaces-wrong-kind.json": { path: "services[2].replaces[0]", value: "rail_AB", says: "is a link" },
  "scenario-unknown-project.json": {
    path: "scenarios[2].projects.include[0]",
    value: "P_NODAT",
    says: 'did you mean "P_NODATE"?',
  },
  "scenario-unknown-extends.json": {
    path: "scenarios[1].extends",
    value: "base2002",
    says: 'did you mean "base2020"?',
  },
  "scenario-cycle.json": { path: "scenarios[0].extends", value: "vision2035", says: "cyclic" },
  "target-unknown-place.json": { path: "targets[0].destinations[0]", value: "BB", says: 'did you mean "B"?' },
  "target-cross-without-destinations.json": {
    path: "targets[0].destinations",
    value: undefined,
    says: "no destinations",
  },
  "stations-not-a-station.json": { path: "places[0].stations[0]", value: "B", says: "not a station" },
  "missing-provenance.json": { path: "links[0].lengthKm", value: { value: 15 }, says: "provenance" },
  "unknown-field.json": { path: "places[0].popultion", says: 'unknown field "popultion"' },
  // Renaming J breaks the three references to it: reported once, with the count and the paths.
  "bad-id.json": { path: "places[5].id", value: "J K", count: 2 },
  "bad-enum.json": { path: "links[0].mode", value: "raod" },
  "assumption-mode-outside-range.json": { path: "links[3].minutes.assumption.mode", value: 90 },
  "folder-duplicate-key": {
    path: "places",
    file: "folder-duplicate-key/places.json",
    says: "links.json and places.json",
  },
};

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return String(v[0]);
  if (v !== null && typeof v === "object") return String((v as { value: unknown }).value);
  return String(v);
}

async function problemsOf(target: string): Promise<readonly NetworkProblem[]> {
  const err = await loadNetwork(target).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NetworkValidationError);
  return (err as NetworkValidationError).problems;
}

describe("loadNetwork(bad file) throws one NetworkValidationError naming path and value", () => {
  it("the corpus holds at least 30 files, each with a case here", () => {
    // robust/ holds the CLI corpus of tests/cli/bad-corpus.test.ts.
    const files = readdirSync(BAD).filter((f) => f !== "robust").sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: ${c.path}`, async () => {
      const target = path.join(BAD, name);
      const problems = await problemsOf(target);
      const file = path.join(BAD, c.file ?? name);
      const hit = problems.find((p) => p.path === c.path && p.file === file);
      expect(hit, `no problem at ${c.path} in ${JSON.stringify(problems, null, 1)}`).toBeDefined();
      if ("value" in c) {
        expect(hit!.value).toEqual(c.value);
        if (c.value !== undefined) expect(hit!.message).toContain(show(c.value));
      }
      if (c.says !== undefined) expect(hit!.message).toContain(c.says);
      expect(hit!.fix.length).toBeGreaterThan(5);
      expect(problems).toHaveLength(c.count ?? 1);
      // The synchronous loader reports exactly the same problems.
      expect(() => loadNetworkSync(target)).toThrow(NetworkValidationError);
      try {
        loadNetworkSync(target);
      } catch (e) {
        expect((e as NetworkValidationError).problems).toEqual(problems);
      }
    });
  }
});
