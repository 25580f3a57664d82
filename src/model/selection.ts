/**
 * Which links and services exist for a set of projects: projects as bits, so that an entity's
 * membership is a few word operations; `replaces` resolved once.
 */
import type { Id, Link, Service } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { UnknownIdError } from "../network/errors.js";
import { closestMatch } from "../network/suggest.js";
import { ModelError, didYouMean } from "./errors.js";

/**
 * The network's entities (links in network order, then services) with the projects each needs and
 * the entities that replace it. Throws {@link ModelError} for an unknown project or replaced id.
 */
export class ProjectIndex {
  /** Number of entities: links, then services. */
  readonly entityCount: number;
  /** Per entity, the entities (of its own kind) that replace it. */
  readonly replacers: readonly (readonly number[])[];
  readonly #projectBit: Map<Id, number>;
  readonly #words: number;
  readonly #required: Uint32Array;
  #present: Uint8Array | undefined;

  constructor(network: Network) {
    this.#projectBit = new Map(network.projects.map((p, i) => [p.id, i]));
    const links = network.links;
    const services = network.services;
    this.entityCount = links.length + services.length;
    this.#words = Math.max(1, Math.ceil(network.projects.length / 32));
    this.#required = new Uint32Array(this.entityCount * this.#words);
    const replacers = Array.from({ length: this.entityCount }, () => [] as number[]);
    this.replacers = replacers;
    const setRequired = (entity: number, projects: readonly Id[] | undefined, where: string): void => {
      for (const p of projects ?? []) {
        const bit = this.#projectBit.get(p);
        if (bit === undefined)
          throw new ModelError(`unknown project "${p}" in ${where}${didYouMean(p, this.#projectBit.keys())}`);
        this.#required[entity * this.#words + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    };
    // Links are entities 0.., services follow; an entity replaces only entities of its own kind.
    const register = (kind: "link" | "service", list: readonly (Link | Service)[], first: number): void => {
      const index = new Map(list.map((e, i) => [e.id, i]));
      list.forEach((e, i) => {
        const where = `${kind}s[${i}] "${e.id}"`;
        setRequired(first + i, e.projects, `${where}.projects`);
        for (const r of e.replaces ?? []) {
          const k = index.get(r);
          if (k === undefined)
            throw new ModelError(`unknown ${kind} "${r}" in ${where}.replaces${didYouMean(r, index.keys())}`);
          replacers[first + k]!.push(first + i);
        }
      });
    };
    register("link", links, 0);
    register("service", services, links.length);
  }

  /**
   * Entities present in every project set that contains `floor` (1/0): every project they need is
   * in `floor`, and nothing replaces them (a replacer could be switched on by a larger set).
   * Unknown project ids in `floor` are ignored.
   */
  activeAbove(floor: Iterable<Id>): Uint8Array {
    const W = this.#words;
    const set = new Uint32Array(W);
    for (const p of floor) {
      const bit = this.#projectBit.get(p);
      if (bit !== undefined) set[bit >>> 5]! |= 1 << (bit & 31);
    }
    const out = new Uint8Array(this.entityCount);
    for (let i = 0; i < this.entityCount; i++) {
      let ok = this.replacers[i]!.length === 0;
      for (let w = 0; w < W && ok; w++) if ((this.#required[i * W + w]! & ~set[w]!) !== 0) ok = false;
      out[i] = ok ? 1 : 0;
    }
    return out;
  }

  /**
   * Entity activity for a project set: `out[i]` is 1 when entity i exists: every project it needs is
   * in the set, and no entity that replaces it also has every project it needs. Unknown project ids
   * throw `UnknownIdError` with a did-you-mean.
   */
  activeEntities(projects: Iterable<Id>, out: Uint8Array = new Uint8Array(this.entityCount)): Uint8Array {
    const W = this.#words;
    const set = new Uint32Array(W);
    for (const p of projects) {
      const bit = this.#projectBit.get(p);
      if (bit === undefined) {
        const known = [...this.#projectBit.keys()];
        throw new UnknownIdError("project", p, closestMatch(p, known), known, "projects");
      }
      set[bit >>> 5]! |= 1 << (bit & 31);
    }
    // Scratch reused across calls (attribution calls this once per coalition).
    const present = (this.#present ??= new Uint8Array(this.entityCount));
    for (let i = 0; i < this.entityCount; i++) {
      let ok = 1;
      for (let w = 0; w < W; w++) if ((this.#required[i * W + w]! & ~set[w]!) !== 0) ok = 0;
      present[i] = ok;
    }
    for (let i = 0; i < this.entityCount; i++) {
      let active = present[i]!;
      if (active) for (const r of this.replacers[i]!) if (present[r]) active = 0;
      out[i] = active;
    }
    return out;
  }
}

/**
 * Per-edge presence (1/0) from entity activity: an edge is present iff its entity is active; an edge
 * without one (`edgeEntity[e] < 0`) is always present, except that a generated connector is absent
 * while an explicit connector of its group (`edgeGroup[e]`, an index into `connectorGroups`) is active.
 */
export function edgePresence(
  active: Uint8Array,
  edgeEntity: Int32Array,
  edgeGroup: Int32Array,
  connectorGroups: readonly (readonly number[])[],
  out: Uint8Array,
): Uint8Array {
  const groupOpen = connectorGroups.map((group) => (group.some((link) => active[link] === 1) ? 0 : 1));
  for (let e = 0; e < out.length; e++) {
    const en = edgeEntity[e]!;
    if (en >= 0) out[e] = active[en]!;
    else {
      const g = edgeGroup[e]!;
      out[e] = g < 0 ? 1 : groupOpen[g]!;
    }
  }
  return out;
}
