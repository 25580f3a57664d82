/**
 * One-at-a-time sensitivity of a target to the model's assumptions: each assumed quantity is set to
 * the low and then the high end of its range, everything else at its base value.
 */
import type { Id, Measure, Target } from "../network/schema.js";
import type { Network } from "../network/types.js";
import type { TravelTimeModel } from "../model/build-model.js";
import { evaluateTarget } from "./check-targets.js";

/** Effect of one assumption on a target, at the two ends of its range. */
export interface SensitivityEntry {
  /** JSON Pointer of the quantity (see `TravelTimeModel.quantities`). */
  readonly pointer: string;
  /** The pointer in words, e.g. `service "YUGUI_EMU" headwayMin` (see `describeQuantity`). */
  readonly label: string;
  readonly baseValue: number;
  readonly range: readonly [number, number];
  /** Why the value is assumed (the quantity's `assumption.why`). */
  readonly why: string;
  /** Time per pair (min; null when unreachable) at the low and high end, in the target's pair order. */
  readonly lowTimesMin: ReadonlyArray<number | null>;
  readonly highTimesMin: ReadonlyArray<number | null>;
  /** Largest |time(high) − time(low)| over pairs with a time at both ends (min). */
  readonly swingMin: number;
  /** Pairs met at the low and at the high end. */
  readonly pairsMetLow: number;
  readonly pairsMetHigh: number;
}

/** Options of {@link targetSensitivity}. */
export interface TargetSensitivityOptions {
  readonly scenario: Id;
  readonly measure: Measure;
  /** Pointers to vary (default: every quantity the model reads, under either reading, that has an assumption range). */
  readonly pointers?: readonly string[];
}

/**
 * Vary each assumed quantity to the ends of its range, one at a time, and report the effect on every
 * pair of a target; sorted by decreasing `swingMin`, then by the change in pairs met. Quantities with
 * a `source` (no range) are not varied.
 */
export function targetSensitivity(
  model: TravelTimeModel,
  target: Target,
  options: TargetSensitivityOptions,
): SensitivityEntry[] {
  const candidates = model
    .quantities({ reading: "scheduled" })
    .filter((q) => q.quantity?.assumption !== undefined)
    .filter((q) => options.pointers === undefined || options.pointers.includes(q.pointer));
  const out: SensitivityEntry[] = [];
  for (const q of candidates) {
    const assumption = q.quantity!.assumption!;
    const [low, high] = assumption.range;
    if (low === high) continue;
    const at = (value: number) =>
      evaluateTarget(model, target, {
        selection: { scenario: options.scenario },
        measure: options.measure,
        routes: false,
        quantities: { [q.pointer]: value },
      });
    const lo = at(low);
    const hi = at(high);
    let swing = 0;
    lo.pairs.forEach((p, i) => {
      const h = hi.pairs[i]!;
      if (p.timeMin !== null && h.timeMin !== null) swing = Math.max(swing, Math.abs(h.timeMin - p.timeMin));
    });
    out.push({
      pointer: q.pointer,
      label: describeQuantity(model.network, q.pointer),
      baseValue: q.value,
      range: [low, high],
      why: assumption.why,
      lowTimesMin: lo.pairs.map((p) => p.timeMin),
      highTimesMin: hi.pairs.map((p) => p.timeMin),
      swingMin: swing,
      pairsMetLow: lo.summary.pairsMet,
      pairsMetHigh: hi.summary.pairsMet,
    });
  }
  return out.sort(
    (a, b) =>
      b.swingMin - a.swingMin || Math.abs(b.pairsMetHigh - b.pairsMetLow) - Math.abs(a.pairsMetHigh - a.pairsMetLow),
  );
}

/**
 * A quantity pointer in words: `/links/3/speedKmh` → `link "G75" speedKmh`,
 * `/services/0/runMinutes/2` → `service "X" runMinutes[2]`, `/parameters/transferMin/hsr` →
 * `parameter transferMin.hsr`. Unknown shapes are returned unchanged.
 */
export function describeQuantity(network: Network, pointer: string): string {
  const parts = pointer.split("/").slice(1);
  if (parts[0] === "parameters") return `parameter ${parts.slice(1).join(".")}`;
  const collection =
    parts[0] === "links"
      ? network.links
      : parts[0] === "services"
        ? network.services
        : parts[0] === "places"
          ? network.places
          : undefined;
  const entity = collection?.[Number(parts[1])];
  if (entity === undefined) return pointer;
  const kind = parts[0]!.slice(0, -1);
  const field = parts[2] ?? "";
  const index = parts[3] === undefined ? "" : `[${parts[3]}]`;
  return `${kind} "${entity.id}" ${field}${index}`;
}
