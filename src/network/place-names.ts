/**
 * Places by id or by name: what the CLI and notebooks accept wherever a place is asked for. A name is
 * matched in Chinese or English, whole or without its parenthesised part (`綦江城区(古南/文龙)` is also
 * `綦江城区`), then by its beginning (`綦江`, `Qijiang`). Among several matches a single non-station
 * place wins (`綦江` is the urban area; `綦江站` names the station; road nodes never win): a city's name means the city.
 */
import { AmbiguousPlaceError, UnknownIdError } from "./errors.js";
import type { Place } from "./schema.js";
import { closestMatch } from "./suggest.js";
import type { Network } from "./types.js";

function norm(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** A place's names as matched: each name whole, and without its parenthesised part. */
function namesOf(p: Place): string[] {
  const out = new Set<string>();
  for (const n of [p.name.zh, p.name.en]) {
    const whole = norm(n);
    out.add(whole);
    out.add(whole.replace(/\s*\(.*$/, "").trim());
  }
  return [...out].filter((n) => n !== "");
}

/** `name` starts with `q`, ending at a word boundary for Latin text (`Qijiang` fits `Qijiang East`, not `Qijiangx`). */
function startsWithWord(name: string, q: string): boolean {
  if (!name.startsWith(q)) return false;
  const next = name.charAt(q.length);
  return next === "" || !/[a-z0-9]/.test(next) || !/[a-z0-9]$/.test(q);
}

/**
 * Places matching `query`, best tier first: the id (exact, then any case); a whole name; a name's
 * beginning; a name containing it. Within the first tier that matches, every match is returned.
 * An empty query returns every place.
 */
export function findPlaces(network: Network, query: string): Place[] {
  const places = [...network.placeById.values()];
  const q = norm(query);
  if (q === "") return places;
  const byId = network.placeById.get(query.trim());
  if (byId !== undefined) return [byId];
  const tiers: Array<(p: Place) => boolean> = [
    (p) => p.id.toLowerCase() === q,
    (p) => namesOf(p).includes(q),
    (p) => namesOf(p).some((n) => startsWithWord(n, q)),
    (p) => p.id.toLowerCase().includes(q) || namesOf(p).some((n) => n.includes(q)),
  ];
  for (const tier of tiers) {
    const found = places.filter(tier);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The one place `text` names: an id, or an unambiguous Chinese or English name (see the module
 * comment). Among several matches one that is neither a station nor a road node wins. Only the first three tiers of {@link findPlaces} count (a name must match whole or from
 * its beginning).
 *
 * @param argument Names the argument in errors (e.g. `"--from"`).
 * @throws {@link UnknownIdError} with a did-you-mean when nothing matches;
 *   {@link AmbiguousPlaceError} listing the candidates when several places match equally well.
 */
export function resolvePlace(network: Network, text: string, argument = "place"): Place {
  const exact = network.placeById.get(text);
  if (exact !== undefined) return exact;
  const q = norm(text);
  const places = [...network.placeById.values()];
  const tiers: Array<(p: Place) => boolean> = [
    (p) => p.id.toLowerCase() === q,
    (p) => namesOf(p).includes(q),
    (p) => q !== "" && namesOf(p).some((n) => startsWithWord(n, q)),
  ];
  for (const tier of tiers) {
    const found = places.filter(tier);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      const notStations = found.filter((p) => p.kind !== "station" && p.kind !== "node");
      if (notStations.length === 1) return notStations[0]!;
      throw new AmbiguousPlaceError(text, found, argument);
    }
  }
  const known = places.map((p) => p.id);
  throw new UnknownIdError("place", text, closestMatch(text, known), known, argument);
}
