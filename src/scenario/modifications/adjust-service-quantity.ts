/** What `adjust-headway` and `adjust-dwell` share: scale or set one Quantity of listed services. */
import type { Id, QuantityBounds, Service } from "../../network/schema.js";
import type { ModificationKind, ResolveContext } from "./context.js";
import { scaled } from "./context.js";

type Key = "headwayMin" | "dwellMin";

/**
 * A modification type that sets `key` of each listed service to an absolute value (`key` in the
 * modification) or scales it (`factor`), within `bounds`. Scaling a service without its own `key`
 * is a problem (the model's per-mode default applies to it, which a scenario does not edit).
 */
export function serviceQuantityKind<M extends { readonly services: readonly Id[]; readonly factor?: number | undefined }>(
  key: Key,
  bounds: QuantityBounds,
  schema: ModificationKind<M, Map<Id, Service>>["schema"],
): ModificationKind<M, Map<Id, Service>> {
  return {
    schema,
    resolve(mod: M, ctx: ResolveContext) {
      if (!ctx.oneOf(mod, "factor", key)) return undefined;
      const absolute = (mod as Partial<Record<Key, number>>)[key];
      const factor = mod.factor;
      // An id listed twice is adjusted twice, as if the list were applied one id at a time.
      const change = new Map<Id, Service>();
      mod.services.forEach((id, i) => {
        const s = change.get(id) ?? ctx.service(id, `services[${i}]`);
        if (!s) return;
        const f = `services[${i}]`;
        if (absolute !== undefined) {
          change.set(id, { ...s, [key]: { value: absolute, source: ctx.label } });
          return;
        }
        const q = s[key];
        if (q === undefined) {
          ctx.problem(f, id, `service "${id}" has no ${key} (the model's per-mode default applies), so there is nothing to scale`, `give "${key}" instead of "factor"`);
          return;
        }
        ctx.checkBound(factor, q.value * factor!, bounds, `service "${id}" ${key}`);
        change.set(id, { ...s, [key]: scaled(q, factor!, ctx.label) });
      });
      return change;
    },
    apply(change, work) {
      for (const [id, s] of change) work.services.set(id, s);
    },
  };
}
