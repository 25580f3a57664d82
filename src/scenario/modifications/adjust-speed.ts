/** `adjust-speed`: scale or set the speed of links or services. */
import { z } from "zod";
import { BOUNDS, type Id, type Link, type Service } from "../../network/schema.js";
import { scaled, type ModificationKind } from "./context.js";
import { FactorSchema, IdListSchema, positive } from "./schema-parts.js";

/** `adjust-speed`: scale or set the speed of links or services. */
export const AdjustSpeedSchema = z.strictObject({
  type: z.literal("adjust-speed"),
  /** Links whose `speedKmh` (or `minutes`) changes. Give `links` or `services`, not both. */
  links: IdListSchema.optional(),
  /** Services whose `speedKmh` (or `runMinutes`) changes. */
  services: IdListSchema.optional(),
  /** Speed multiplier (> 0); times are divided by it. Give `factor` or `speedKmh`, not both. */
  factor: FactorSchema.optional(),
  /** New absolute speed, km/h. */
  speedKmh: positive("speedKmh", BOUNDS.speedKmh).optional(),
});

/** The links and services with their new speeds or times, by id. */
interface SpeedChange {
  readonly links: Map<Id, Link>;
  readonly services: Map<Id, Service>;
}

/**
 * A link's time scales by 1 / factor (`minutes`) or its speed by factor; an absolute speed replaces
 * `minutes` and needs a length. A service's `runMinutes` scale by 1 / factor or its `speedKmh` by
 * factor; an absolute speed replaces `runMinutes` (it then applies over the links' lengths).
 */
export const adjustSpeed: ModificationKind<z.infer<typeof AdjustSpeedSchema>, SpeedChange> = {
  schema: AdjustSpeedSchema,
  resolve(mod, ctx) {
    const okTarget = ctx.oneOf(mod, "links", "services");
    const okValue = ctx.oneOf(mod, "factor", "speedKmh");
    if (!okTarget || !okValue) return undefined;
    // An id listed twice is adjusted twice, as if the list were applied one id at a time.
    const change: SpeedChange = { links: new Map(), services: new Map() };
    const { factor, speedKmh } = mod;
    const label = ctx.label;
    (mod.links ?? []).forEach((id, i) => {
      const l = change.links.get(id) ?? ctx.link(id, `links[${i}]`);
      if (!l) return;
      const f = `links[${i}]`;
      if (speedKmh !== undefined) {
        if (l.lengthKm === undefined) {
          ctx.problem(f, id, `link "${id}" has no lengthKm, so a speed cannot set its time`, 'use "factor" instead of "speedKmh"');
          return;
        }
        const { minutes: _dropped, ...rest } = l;
        change.links.set(id, { ...rest, speedKmh: { value: speedKmh, source: label } });
      } else if (factor !== undefined) {
        if (l.minutes !== undefined) {
          ctx.checkBound(factor, l.minutes.value / factor, BOUNDS.minutes, `link "${id}" minutes`);
          change.links.set(id, { ...l, minutes: scaled(l.minutes, 1 / factor, label) });
        } else if (l.speedKmh !== undefined) {
          ctx.checkBound(factor, l.speedKmh.value * factor, BOUNDS.speedKmh, `link "${id}" speedKmh`);
          change.links.set(id, { ...l, speedKmh: scaled(l.speedKmh, factor, label) });
        } else {
          ctx.problem(f, id, `link "${id}" has neither speedKmh nor minutes (the model's default speed applies), so there is nothing to scale`, 'give "speedKmh" instead of "factor"');
        }
      }
    });
    (mod.services ?? []).forEach((id, i) => {
      const s = change.services.get(id) ?? ctx.service(id, `services[${i}]`);
      if (!s) return;
      const f = `services[${i}]`;
      if (speedKmh !== undefined) {
        const { runMinutes: _dropped, ...rest } = s;
        change.services.set(id, { ...rest, speedKmh: { value: speedKmh, source: label } });
      } else if (factor !== undefined) {
        if (s.runMinutes !== undefined) {
          s.runMinutes.forEach((q) => ctx.checkBound(factor, q.value / factor, BOUNDS.minutes, `service "${id}" runMinutes`));
          change.services.set(id, { ...s, runMinutes: s.runMinutes.map((q) => scaled(q, 1 / factor, label)) });
        } else if (s.speedKmh !== undefined) {
          ctx.checkBound(factor, s.speedKmh.value * factor, BOUNDS.speedKmh, `service "${id}" speedKmh`);
          change.services.set(id, { ...s, speedKmh: scaled(s.speedKmh, factor, label) });
        } else {
          ctx.problem(f, id, `service "${id}" has neither speedKmh nor runMinutes, so there is nothing to scale`, 'give "speedKmh" instead of "factor"');
        }
      }
    });
    return change;
  },
  apply(change, work) {
    for (const [id, l] of change.links) work.links.set(id, l);
    for (const [id, s] of change.services) work.services.set(id, s);
  },
};
