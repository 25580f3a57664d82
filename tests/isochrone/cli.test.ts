import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { embeddedNetworkPath } from "../../src/node.js";
import { loadNetwork } from "../../src/node.js";
import { pointInMultiPolygon } from "../../src/isochrone/index.js";
import type { LonLat } from "../../src/index.js";
import { rfc7946Problems } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "qiwan-iso-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function qiwan(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("qiwan isochrone", () => {
  it("writes RFC 7946 GeoJSON: a FeatureCollection of MultiPolygon bands, largest first, with the documented properties", async () => {
    const out = path.join(dir, "iso.geojson");
    const r = await qiwan("isochrone", "--from", "QJ_CITY", "--minutes", "30,60,120,360", "--scenario", "plan-2025", "--out", out);
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(out, "utf8")) as { type: string; features: { properties: Record<string, unknown>; geometry: { coordinates: LonLat[][][] } }[] };
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.map((f) => f.properties["cutoffMin"])).toEqual([360, 120, 60, 30]);
    fc.features.forEach((f, k) => {
      expect(rfc7946Problems(f, `features[${k}]`)).toEqual([]);
      expect(f.properties).toMatchObject({ scenario: "plan-2025", measure: "door-to-door", origins: "QJ_CITY" });
      expect(f.properties["areaKm2"]).toBeGreaterThan(0);
    });
    // The origin lies inside the smallest band.
    const o = (await loadNetwork(embeddedNetworkPath())).placeById.get("QJ_CITY")!.coord;
    expect(pointInMultiPolygon(o, fc.features[3]!.geometry.coordinates)).toBe(true);
  });

  it("--format json lists the places reached per band with times in minutes", async () => {
    const r = await qiwan("isochrone", "--from", "QJ_CITY,WS_CITY+10", "--minutes", "30", "--scenario", "plan-2025", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { origins: unknown; bands: { cutoffMin: number; reached: { id: string; timeMin: number }[] }[] };
    expect(j.origins).toEqual([{ placeId: "QJ_CITY", startSecs: 0 }, { placeId: "WS_CITY", startSecs: 600 }]);
    const reached = new Map(j.bands[0]!.reached.map((x) => [x.id, x.timeMin]));
    expect(reached.get("QJ_CITY")).toBe(0);
    expect(reached.get("WS_CITY")).toBe(10);
    for (const t of reached.values()) expect(t).toBeLessThanOrEqual(30);
  });

  it("--format svg writes a map to stdout", async () => {
    const svg = await qiwan("isochrone", "--from", "QJ_CITY", "--minutes", "30,60", "--scenario", "baseline-2020", "--format", "svg");
    expect(svg.code).toBe(0);
    expect(svg.out.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.out).toContain("≤ 30 min");
  });

  it.each([
    [["--from", "QJ_CITYY", "--scenario", "plan-2025"], /unknown place "QJ_CITYY" in --from\[0\]; did you mean "QJ_CITY"/],
    [["--from", "QJ_CITY", "--scenario", "plan-2026"], /unknown scenario "plan-2026" in --scenario/],
    [["--from", "QJ_CITY", "--scenario", "plan-2025", "--minutes", "30,-5"], /--minutes .*"-5" is not a positive number/],
    [["--from", "QJ_CITY", "--scenario", "plan-2025", "--cell-m", "5", "--minutes", "360"], /maxCells/],
    [["--from", "QJ_CITY", "--scenario", "plan-2025", "--format", "png"], /needs --out/],
    [["--from", "QJ_CITY", "--scenario", "plan-2025", "--out", "/nonexistent-dir/x.geojson"], /does not exist/],
    [["--from", "QJ_CITY"], /required option '--scenario/],
  ])("bad input %j: one line on stderr, exit 2, no stack", async (args, message) => {
    const r = await qiwan("isochrone", ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("a bad network file exits 3", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{}");
    const r = await qiwan("--network", bad, "isochrone", "--from", "QJ_CITY", "--scenario", "plan-2025");
    expect(r.code).toBe(3);
  });
});

describe("qiwan map", () => {
  it.each([
    [["--out", path.join(dir, "m.gif")], /a map is written as .svg or .png/],
    [["--out", path.join(dir, "m.svg"), "--format", "png"], /--format png with --out .*m.svg: name the file .png, or give --format svg/],
    [["--out", path.join(dir, "m.svg"), "--geojson", path.join(dir, "x.geojson")], /--geojson .* needs --compare A B/],
    [["--out", path.join(dir, "m.svg"), "--compare", "baseline-2020", "plan-2025", "--from", "QJ_CITY", "--geojson", "/nonexistent-dir/x.geojson"], /^qiwan: --geojson \/nonexistent-dir\/x.geojson: folder/],
    [["--out", "/nonexistent-dir/m.svg"], /^qiwan: --out \/nonexistent-dir\/m.svg: folder/],
    [["--out", path.join(dir, "m.svg"), "--compare", "plan-2025", "plan-2052", "--from", "QJ_CITY"], /unknown scenario "plan-2052" in --compare/],
    [["--out", path.join(dir, "m.svg"), "--scenario", "plan-2025", "--from", "QJ_CITYY"], /unknown place "QJ_CITYY" in --from\[0\]/],
  ])("bad input %j: one line on stderr, exit 2, nothing written", async (args, message) => {
    const r = await qiwan("map", ...(args as string[]));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(path.join(dir, "m.gif"))).toBe(false);
  });

  it("--compare A B writes three panels and the gained/lost GeoJSON", async () => {
    const out = path.join(dir, "cmp.svg");
    const gj = path.join(dir, "diff.geojson");
    const r = await qiwan("map", "--from", "QJ_CITY", "--minutes", "30,60", "--compare", "baseline-2020", "plan-2025", "--out", out, "--geojson", gj);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg.match(/<g transform="translate\(\d+,0\)">/g)).toHaveLength(3);
    const fc = JSON.parse(readFileSync(gj, "utf8")) as { features: { properties: { change: string } }[] };
    expect(fc.features.map((f) => f.properties.change).sort()).toEqual(["gained", "gained", "lost", "lost"]);
    fc.features.forEach((f, k) => expect(rfc7946Problems(f, `features[${k}]`)).toEqual([]));
  });

  it("deprecated spellings (--isochrone-from, --png) still work, with one warning line each", async () => {
    const r = await qiwan("map", "--out", path.join(dir, "old.svg"), "--png", "--isochrone-from", "QJ_CITY");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/warning: --isochrone-from is deprecated; use --from/);
    expect(r.err).toMatch(/warning: --png is deprecated; use --format/);
    expect(r.err).toMatch(/--format png with --out/);
    const both = await qiwan("map", "--out", path.join(dir, "x.svg"), "--from", "QJ_CITY", "--isochrone-from", "QJ_CITY");
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/give --from only/);
  });

  it("draws the network alone, and writes PNG for a .png name (the PNG path of both commands)", async () => {
    const out = path.join(dir, "net.png");
    const r = await qiwan("map", "--out", out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe("PNG");
  });

  it.each([
    [["--compare", "baseline-2020", "--from", "QJ_CITY"], /--compare takes two scenario ids/],
    [["--compare", "baseline-2020", "plan-2025"], /--compare needs --from/],
    [["--from", "QJ_CITY"], /--from needs --scenario/],
  ])("bad input %j: exit 2", async (args, message) => {
    const r = await qiwan("map", "--out", path.join(dir, "x.svg"), ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });
});
