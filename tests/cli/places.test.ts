/**
 * `qiwan places` and place names wherever a place is asked for: an id, or an unambiguous Chinese or
 * English name; an ambiguous name exits 2 listing the candidates.
 */
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { AmbiguousPlaceError, embeddedNetworkPath, findPlaces, loadNetworkSync, resolvePlace, UnknownIdError } from "../../src/node.js";

const network = loadNetworkSync(embeddedNetworkPath());

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("resolvePlace", () => {
  it("every place is found by its id, and by each of its names when no other place has that name", () => {
    const nameCount = new Map<string, number>();
    for (const p of network.places) for (const n of new Set([p.name.zh, p.name.en])) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
    for (const p of network.places) {
      expect(resolvePlace(network, p.id).id).toBe(p.id);
      for (const n of [p.name.zh, p.name.en]) {
        if (nameCount.get(n) !== 1) continue;
        // A name that is another place's name's beginning may still lose to a city; it must never name a different place of the same kind.
        const found = resolvePlace(network, n);
        if (found.id !== p.id) expect(found.kind === "station" || found.kind === "node").toBe(false);
        else expect(found.id).toBe(p.id);
      }
    }
  });

  it("a city's short name means the city; its station needs the station's name", () => {
    expect(resolvePlace(network, "綦江").id).toBe("QJ_CITY");
    expect(resolvePlace(network, "qijiang").id).toBe("QJ_CITY");
    expect(resolvePlace(network, "綦江站").id).toBe("QJ_STN");
    expect(resolvePlace(network, "Wansheng").id).toBe("WS_CITY");
  });

  it("an ambiguous name lists its candidates; an unknown one suggests an id", () => {
    expect(() => resolvePlace(network, "Chongqing", "--from")).toThrow(AmbiguousPlaceError);
    try {
      resolvePlace(network, "Chongqing", "--from");
    } catch (err) {
      const e = err as AmbiguousPlaceError;
      expect(e.candidates.map((c) => c.id)).toContain("CQ_WEST");
      expect(e.message).toMatch(/^--from "Chongqing" matches \d+ places; give one of their ids: /);
    }
    expect(() => resolvePlace(network, "QJ_CITYY")).toThrow(UnknownIdError);
  });

  it("findPlaces returns every place for an empty query, and what resolvePlace picks is among its matches", () => {
    expect(findPlaces(network, "")).toHaveLength(network.places.length);
    for (const q of ["綦江", "Qijiang", "万盛", "station"]) {
      const found = findPlaces(network, q);
      expect(found.length).toBeGreaterThan(0);
      for (const p of found) expect(`${p.id} ${p.name.zh} ${p.name.en}`.toLowerCase()).toContain(q.toLowerCase());
    }
  });
});

describe("qiwan places and names on the command line", () => {
  it("places lists ids, kinds and names; a query narrows the list; CSV has one row per place", async () => {
    const all = await cli("places", "--format", "csv");
    expect(all.code).toBe(0);
    const lines = all.out.trimEnd().split("\n");
    expect(lines[0]).toBe("id,kind,name_zh,name_en,population,region");
    expect(lines).toHaveLength(1 + network.places.length);
    const q = await cli("places", "綦江");
    expect(q.out).toMatch(/QJ_CITY\s+city\s+綦江城区/);
    expect(q.out).not.toMatch(/WS_CITY/);
    const none = await cli("places", "no-such-place-anywhere");
    expect(none.code).toBe(1);
  });

  it("route, matrix and isochrone accept names; an ambiguous name exits 2 with the candidates", async () => {
    const byName = await cli("route", "--from", "綦江", "--to", "万盛", "--scenario", "plan-2025", "--format", "json");
    const byId = await cli("route", "--from", "QJ_CITY", "--to", "WS_CITY", "--scenario", "plan-2025", "--format", "json");
    expect(byName.code).toBe(0);
    expect(byName.out).toBe(byId.out);
    const matrix = await cli("matrix", "--scenario", "current", "--places", "綦江,Wansheng", "--format", "json");
    expect(JSON.parse(matrix.out).places).toEqual(["QJ_CITY", "WS_CITY"]);
    const iso = await cli("isochrone", "--from", "万盛", "--scenario", "current", "--minutes", "30", "--format", "json");
    expect(JSON.parse(iso.out).origins[0].placeId).toBe("WS_CITY");
    const ambiguous = await cli("route", "--from", "Chongqing", "--to", "綦江");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err.trim().split("\n")).toHaveLength(1);
    expect(ambiguous.err).toMatch(/CQ_WEST \(重庆西站/);
  });
});
