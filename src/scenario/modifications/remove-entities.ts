/** What `remove-link` and `remove-service` share: remove listed entities by id. */
import type { Id, Link, Service } from "../../network/schema.js";
import type { ModificationKind, WorkingNetwork } from "./context.js";

type Table = { readonly what: "link"; readonly key: "links" } | { readonly what: "service"; readonly key: "services" };

/**
 * A modification type that removes the listed links (or services): each must exist and not be
 * removed already (listing one twice is reported as such). Entities that `replaces` a removed one no
 * longer name it, so the network stays self-consistent.
 */
export function removalKind<M extends { readonly [k in Table["key"]]?: readonly Id[] }>(table: Table, schema: ModificationKind<M, Set<Id>>["schema"]): ModificationKind<M, Set<Id>> {
  const { what, key } = table;
  const entities = (work: WorkingNetwork): Map<Id, Link | Service> => (what === "link" ? work.links : work.services);
  const removed = (work: WorkingNetwork): Map<Id, number> => (what === "link" ? work.removedLinks : work.removedServices);
  return {
    schema,
    resolve(mod, ctx) {
      const ids = new Set<Id>();
      (mod[key] ?? []).forEach((id, i) => {
        if (what === "link" ? ctx.link(id, `${key}[${i}]`, ids) : ctx.service(id, `${key}[${i}]`, ids)) ids.add(id);
      });
      return ids;
    },
    apply(ids, work, index) {
      const table = entities(work);
      const gone = removed(work);
      for (const id of ids) {
        table.delete(id);
        gone.set(id, index);
      }
      for (const [id, e] of table) {
        if (e.replaces?.some((r) => gone.has(r))) table.set(id, { ...e, replaces: e.replaces.filter((r) => !gone.has(r)) });
      }
    },
  };
}
