/**
 * Where a target evaluator gets its times: a time source reads every pair of a target item under a
 * selection. The frequency model's source goes through the query layer; the timetable's is in
 * `timetable.ts`.
 */
import type { EdgeCosts, TravelTimeModel } from "../model/build-model.js";
import type { ProjectSelection, QuantityOverrides, Reading } from "../model/types.js";
import { READINGS } from "../network/schema.js";
import { PairTimes } from "../query/pair-times.js";
import { DEFAULT_READING } from "../query/options.js";
import type { Query } from "../query/query.js";
import type { PairReading, TargetItem } from "./results.js";

/** What {@link BoundTimeSource.readings} is asked for. */
export interface ReadingOptions {
  /** Route legs (default true); false is faster. */
  readonly routes?: boolean;
  /** Read under this reading instead of the item's (sources with {@link TargetTimeSource.readsReadings} only). */
  readonly reading?: Reading;
  /** Quantity overrides (a draw); `edgeCosts` wins when both are given. */
  readonly quantities?: QuantityOverrides;
  readonly edgeCosts?: EdgeCosts;
}

/** A time source bound to a fixed list of items (planned once). */
export interface BoundTimeSource {
  /** Readings of item `i`'s pairs, in pair order, under a selection. */
  readings(i: number, selection: ProjectSelection, options: ReadingOptions): readonly PairReading[];
  /**
   * Seconds of every item's pairs (`Infinity`: no time, each item under its reading) for a selection and edge costs
   * (the model's base or a draw from `costsWith`), written into `out[i]`: the fast path of
   * attribution and uncertainty. `reuseUnchanged` lets the source skip searches whose overlay did
   * not change since its previous call.
   */
  seconds(selection: ProjectSelection, costs: EdgeCosts, out: readonly Float64Array[], reuseUnchanged: boolean): void;
  /** Fields the source adds to item `i`'s result (the timetable's settings), last. */
  resultFields?(i: number, selection: ProjectSelection): Readonly<Record<string, unknown>>;
}

/** A source of pair times for target evaluation. */
export interface TargetTimeSource {
  /** `frequency`, `timetable`, …: what the times are read from. */
  readonly name: string;
  /**
   * Whether `readings` honours {@link ReadingOptions.reading} (default false). The frequency model
   * does; a timetable reads one statistic and reports `scheduledMin` / `typicalMin` in its own fields.
   */
  readonly readsReadings?: boolean;
  readonly model: TravelTimeModel;
  /** Binds the source to the evaluator's items. */
  bind(items: readonly TargetItem[]): BoundTimeSource;
}

/**
 * The frequency model's times through a {@link Query}: routes (with legs on request) for readings,
 * and the query layer's `PairTimes` (one overlay per measure, modes and reading; one search per
 * distinct origin) for the fast path.
 */
export function frequencyTimes(query: Query): TargetTimeSource {
  const model = query.model;
  return {
    name: "frequency",
    model,
    readsReadings: true,
    bind(items) {
      // Readings without routes come from one fast-path run (the same place graph and station rules
      // as routesFor, so the same times) of every item under every reading: the evaluator reads each
      // item under its own reading and the other, and lists of one (measure, modes, reading) share
      // their overlay and their searches. The run is kept for the selection and costs it ran for:
      // `results` asks item by item with one selection object. `seconds` (the evaluate fast path)
      // runs the items under their own readings only.
      type Batch = { times: PairTimes; ran: { selection: ProjectSelection; costs: EdgeCosts } | null };
      let own: PairTimes | null = null;
      let all: Batch | null = null;
      const run = (b: Batch, selection: ProjectSelection, costs: EdgeCosts) => {
        if (b.ran === null || b.ran.selection !== selection || b.ran.costs.costsSecs !== costs.costsSecs) {
          b.times.run(selection, costs);
          b.ran = { selection, costs };
        }
      };
      return {
        readings(i, selection, options) {
          const it = items[i]!;
          const reading = options.reading ?? it.reading ?? DEFAULT_READING;
          if (options.routes === false) {
            const costs = options.edgeCosts ?? (options.quantities === undefined ? model.base : model.costsWith(options.quantities));
            all ??= { times: new PairTimes(model, READINGS.flatMap((r) => items.map((x) => ({ ...x, reading: r })))), ran: null };
            run(all, selection, costs);
            const list = READINGS.indexOf(reading) * items.length + i;
            const secs = all.times.secs[list]!;
            const ends = all.times.ends[list]!;
            return it.pairs.map(([from, to], k): PairReading => {
              const t = secs[k]!;
              const end = ends[k]!;
              if (it.measure === "station-to-station" && end < 0 && t === Infinity && query.stationsOf(from).length * query.stationsOf(to).length === 0)
                return { status: "no-station", timeMin: null, legs: [] };
              if (!(t < Infinity)) return { status: "no-route", timeMin: null, legs: [] };
              const station = model.placeOfNode(end);
              if (it.measure === "station-to-station" && t === 0 && query.stationsOf(from).includes(station))
                return { status: "same-station", timeMin: 0, legs: [], fromStation: station, toStation: station };
              return { status: "ok", timeMin: t / 60, legs: [], toStation: station };
            });
          }
          return query.routesFor(it.pairs, {
            selection,
            measure: it.measure,
            modes: it.modes,
            reading: options.reading ?? it.reading,
            legs: options.routes ?? true,
            ...(options.quantities && { quantities: options.quantities }),
            ...(options.edgeCosts && { edgeCosts: options.edgeCosts }),
          });
        },
        seconds(selection, costs, out, reuseUnchanged) {
          own ??= new PairTimes(model, items);
          own.reuseUnchanged = reuseUnchanged;
          own.run(selection, costs);
          own.secs.forEach((s, i) => out[i]!.set(s));
        },
      };
    },
  };
}
