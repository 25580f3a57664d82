/**
 * Writes the broken-network corpus tests/fixtures/bad/ from the valid fixture
 * tests/fixtures/networks/tiny.json: each file applies one defect. The expected JSON path and bad
 * value of each defect are stated independently in tests/network/bad-files.test.ts.
 * Run with `npx tsx scripts/generate-bad-fixtures.ts` after changing the fixture.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form mutation of fixture JSON

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const baseText = readFileSync(path.join(root, "tests/fixtures/networks/tiny.json"), "utf8");
const out = path.join(root, "tests/fixtures/bad");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const SCHEMA_REF = "../../../networks/schema.json";
const write = (name: string, text: string) => writeFileSync(path.join(out, name), text);
const mutate = (name: string, f: (n: Json) => void) => {
  const n: Json = JSON.parse(baseText);
  n.$schema = SCHEMA_REF;
  f(n);
  write(name, `${JSON.stringify(n, null, 2)}\n`);
};

// Text-level defects.
const pretty = `${JSON.stringify({ ...JSON.parse(baseText), $schema: SCHEMA_REF }, null, 2)}\n`;
write("truncated.json", pretty.slice(0, Math.floor(pretty.length * 0.6)));
write("not-json.json", "schema: qiwan-network\nversion: 1\nplaces:\n  - id: A\n");
write("trailing-comma.json", pretty.replace('"version": 1,', '"version": 1,,'));
write("empty.json", "");
write("top-level-array.json", `[${pretty}]\n`);

// One defect each.
mutate("unknown-schema-id.json", (n) => (n.schema = "qiwan-netwerk"));
mutate("wrong-version.json", (n) => (n.version = 2));
mutate("missing-field.json", (n) => delete n.places[1].kind);
mutate("wrong-type.json", (n) => (n.links[0].from = 42));
mutate("negative-length.json", (n) => (n.links[0].lengthKm.value = -15));
mutate("zero-speed.json", (n) => (n.links[1].speedKmh.value = 0));
mutate("absurd-speed.json", (n) => (n.links[2].speedKmh.value = 5000));
mutate("absurd-length.json", (n) => (n.links[4].lengthKm.value = 99999));
mutate("zero-headway.json", (n) => (n.services[0].headwayMin.value = 0));
mutate("negative-dwell.json", (n) => (n.services[2].dwellMin.value = -2));
mutate("absurd-minutes.json", (n) => (n.links[6].minutes.value = 100000));
mutate("coord-out-of-range.json", (n) => (n.places[4].coord = [206.8, 29.2]));
mutate("swapped-lat-lon.json", (n) => (n.places[2].coord = [28.96, 106.92]));
mutate("duplicate-place-id.json", (n) => n.places.push({ ...n.places[4], name: { zh: "丙二", en: "Charlie 2" } }));
mutate("duplicate-link-id.json", (n) => (n.links[7].id = "conn_A"));
mutate("link-unknown-place.json", (n) => (n.links[0].to = "JJ"));
mutate("link-self-loop.json", (n) => (n.links[3].to = "A"));
mutate("link-shorter-than-straight-line.json", (n) => (n.links[4].lengthKm.value = 1));
mutate("link-no-length-no-minutes.json", (n) => delete n.links[3].minutes);
mutate("service-unknown-stop.json", (n) => (n.services[0].stops[1] = "Junction"));
mutate("service-one-stop.json", (n) => {
  n.services[1].stops = ["A_STN"];
});
mutate("service-repeated-stop.json", (n) => (n.services[0].stops = ["A", "A", "B"]));
mutate("service-runminutes-length.json", (n) => n.services[0].runMinutes.pop());
mutate("service-runminutes-and-speed.json", (n) => (n.services[0].speedKmh = { value: 40, source: "fixture" }));
mutate("service-no-runminutes-no-speed.json", (n) => delete n.services[1].speedKmh);
mutate("unknown-project-ref.json", (n) => (n.links[4].projects = ["P_RAILL"]));
mutate("replaces-unknown-link.json", (n) => (n.links[2].replaces = ["road_XJ"]));
mutate("replaces-wrong-kind.json", (n) => (n.services[2].replaces = ["rail_AB"]));
mutate("scenario-unknown-project.json", (n) => (n.scenarios[2].projects.include = ["P_NODAT"]));
mutate("scenario-unknown-extends.json", (n) => (n.scenarios[1].extends = "base2002"));
mutate("scenario-cycle.json", (n) => (n.scenarios[0].extends = "vision2035"));
mutate("target-unknown-place.json", (n) => (n.targets[0].destinations = ["BB"]));
mutate("target-cross-without-destinations.json", (n) => delete n.targets[0].destinations);
mutate("stations-not-a-station.json", (n) => (n.places[0].stations = ["B"]));
mutate("missing-provenance.json", (n) => (n.links[0].lengthKm = { value: 15 }));
mutate("unknown-field.json", (n) => (n.places[0].popultion = n.places[0].population));
mutate("bad-id.json", (n) => (n.places[5].id = "J K"));
mutate("bad-enum.json", (n) => (n.links[0].mode = "raod"));
mutate("assumption-mode-outside-range.json", (n) => (n.links[3].minutes.assumption.mode = 90));

// A folder network with the same entity key in two files.
const folder = path.join(out, "folder-duplicate-key");
mkdirSync(folder);
const base: Json = JSON.parse(baseText);
const entities = ["places", "links", "services", "projects", "scenarios", "targets"];
const header: Json = { $schema: `../${SCHEMA_REF}` };
for (const [k, v] of Object.entries(base)) if (!entities.includes(k) && k !== "$schema") header[k] = v;
writeFileSync(path.join(folder, "network.json"), `${JSON.stringify(header, null, 2)}\n`);
for (const e of entities) {
  const content: Json = { $schema: `../${SCHEMA_REF}`, [e]: base[e] };
  if (e === "links") content.places = base.places.slice(0, 1); // the defect
  writeFileSync(path.join(folder, `${e}.json`), `${JSON.stringify(content, null, 2)}\n`);
}
console.log(`wrote ${path.relative(process.cwd(), out)}`);

// ---------------------------------------------------------------------------------------------
// tests/fixtures/bad/robust/: one input per class of hostile input the CLI must turn into one
// clear message and exit 3 (issue 14). Built from tests/fixtures/model/exact.json, which the model
// can build, so that every command runs until the defect stops it. Expectations are stated in
// tests/cli/bad-corpus.test.ts.
const robust = path.join(out, "robust");
mkdirSync(robust);
const exactText = readFileSync(path.join(root, "tests/fixtures/model/exact.json"), "utf8");
const exact = (): Json => JSON.parse(exactText);
const put = (name: string, content: string | Uint8Array) => writeFileSync(path.join(robust, name), content);
const pretty2 = (n: Json) => `${JSON.stringify(n, null, 2)}\n`;

// A duplicated key: JSON.parse keeps the last (300), which would turn a failing target into a pass.
put(
  "duplicate-key.json",
  pretty2(exact()).replace(/("thresholdMin": \{)/, '"thresholdMin": { "value": 30, "source": "fixture" },\n      $1'),
);
// Impossible dates.
put("asof-impossible.json", pretty2({ ...exact(), asOf: "2025-13-45" }));
put(
  "accessed-impossible.json",
  pretty2({ ...exact(), sources: [{ id: "fixture", citation: "Invented for tests.", accessed: "2026-02-30" }] }),
);
// A name saved as GBK: 綦江 is C6 E6 BD AD in GBK, and C6 E6 is not UTF-8.
{
  const text = pretty2(exact());
  const at = text.indexOf('"en"');
  put("invalid-utf8.json", Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from('"zh_note": "'), Buffer.from([0xc6, 0xe6, 0xbd, 0xad]), Buffer.from('", '), Buffer.from(text.slice(at))]));
}
// Every list empty.
put("empty-network.json", pretty2({ ...exact(), places: [], links: [], services: [], projects: [], scenarios: [], targets: [] }));
put("no-scenarios.json", pretty2({ ...exact(), scenarios: [], targets: [] }));
// A note nested 5,000 levels deep (crashed the value formatter with a RangeError).
{
  const n = exact();
  const text = pretty2(n).replace('"description":', `"note": ${'{"a":'.repeat(5000)}1${"}".repeat(5000)},\n  "description":`);
  put("deep-note.json", text);
}
// An id that only looks valid: a right-to-left override after S1.
{
  const n = exact();
  n.links[0].to = "S1\u202E";
  put("invisible-id.json", pretty2(n));
}
// One unknown place used 23 times: one problem with the count.
{
  const n = exact();
  const link = n.links.find((l: Json) => l.mode === "expressway");
  for (let i = 0; i < 22; i++) n.links.push({ ...link, id: `extra_${i}`, from: "QJ_GONE", to: "A", projects: undefined });
  n.targets[0].origins = ["QJ_GONE"];
  put("unknown-id-23-uses.json", pretty2(n));
}
// An unterminated quote.
put("unterminated-quote.json", pretty2(exact()).replace('"id": "A",', '"id": "A,'));
// A folder network whose places.json repeats a key inside one place.
{
  const dir = path.join(robust, "folder-duplicate-key-in-file");
  mkdirSync(dir);
  const n = exact();
  const lists = ["places", "links", "services", "projects", "scenarios", "targets"];
  const header: Json = {};
  for (const [k, v] of Object.entries(n)) if (!lists.includes(k)) header[k] = v;
  writeFileSync(path.join(dir, "network.json"), pretty2(header));
  for (const k of lists) {
    let text = pretty2({ [k]: n[k] });
    if (k === "places") text = text.replace('"kind": "city",', '"kind": "city", "kind": "station",');
    writeFileSync(path.join(dir, `${k}.json`), text);
  }
}
// Valid, but the model warns: a service between two places no rail link joins (runs on no link).
{
  const n = exact();
  n.services.push({ ...n.services[0], id: "X1", name: { zh: "无轨", en: "No track" }, stops: ["D", "E"], projects: [] });
  put("service-on-no-link.json", pretty2(n));
}
// Scenario files (compare/attribute/uncertainty arguments) read by the same strict reader.
put("scenario-duplicate-key.json", '{\n  "base": "plan",\n  "modifications": [],\n  "base": "base"\n}\n');
put("scenario-deep.json", `{ "base": "plan", "modifications": [{ "type": "adjust-speed", "links": ["xAB"], "factor": ${'{"a":'.repeat(6000)}1${"}".repeat(6000)} }] }\n`);
put("scenario-invalid-utf8.json", Buffer.concat([Buffer.from('{ "base": "plan", "note": "'), Buffer.from([0xe7, 0xb6]), Buffer.from('", "modifications": [] }\n')]));
// DIMACS headers the file cannot hold.
put("dimacs-huge-nodes.gr", "p sp 2000000000 0\n");
put("dimacs-isolated-nodes.gr", "p sp 40000000 0\n");
put("dimacs-arcs-beyond-size.gr", "c three arcs announced, one given\np sp 3 9000000\na 1 2 5\n");
console.log(`wrote ${path.relative(process.cwd(), robust)}`);
