/**
 * The travel-time model's parameters: every number the model uses that is not in the network's
 * entities, with its unit, its default and the default's provenance (a source, or an assumption with
 * a plausible range so that the uncertainty analysis can vary it). A network file's `parameters`
 * section overrides any of them by name.
 */
import type { Assumption, Parameters } from "../network/schema.js";
import { ModelError, didYouMean } from "./errors.js";

/** A parameter value with its provenance, in the same shape as the network format's Quantity. */
export interface ParameterValue {
  readonly value: number;
  readonly source?: string;
  readonly assumption?: Assumption;
  readonly note?: string;
}

/** Description of one parameter: unit, whether it is keyed (by mode or station id), and its meaning. */
export interface ParameterSpec {
  /** Unit of `value`, e.g. "min", "km/h", "ratio". */
  readonly unit: string;
  /** `mode`: keyed by a link or service mode; `station`: keyed by a station place id; `none`: scalar. */
  readonly keyedBy: "mode" | "station" | "none";
  readonly description: string;
  /** Smallest sensible value (exclusive when `minExclusive`). */
  readonly min: number;
  readonly minExclusive: boolean;
  readonly max: number;
}

const a = (value: number, range: [number, number], why: string): ParameterValue => ({
  value,
  assumption: { why, range },
});

/** What each parameter means. Keys are the names a network file's `parameters` section uses. */
export const PARAMETER_SPECS = {
  commercialSpeedFactor: {
    unit: "ratio",
    keyedBy: "mode",
    description:
      "Average running speed between stops (or along a road) divided by the line's design or posted speed: acceleration, braking, curves, speed restrictions, traffic. Applies to road links, and to service segments whose service states no speedKmh (a service's own speedKmh is already an average). Dwell is charged separately.",
    min: 0,
    minExclusive: true,
    max: 1.5,
  },
  designSpeedKmh: {
    unit: "km/h",
    keyedBy: "mode",
    description: "Design or posted speed used when neither the link nor the service gives one.",
    min: 0,
    minExclusive: true,
    max: 1000,
  },
  dwellMin: {
    unit: "min",
    keyedBy: "mode",
    description: "Dwell at each intermediate stop, by service mode, when the service gives none.",
    min: 0,
    minExclusive: false,
    max: 120,
  },
  transferMin: {
    unit: "min",
    keyedBy: "mode",
    description:
      "Minimum transfer time charged when boarding a service of this mode after an earlier ride (not on the first boarding).",
    min: 0,
    minExclusive: false,
    max: 240,
  },
  connectionWaitMin: {
    unit: "min",
    keyedBy: "mode",
    description:
      "Scheduled reading only: the wait between the minimum transfer and the departure of the connecting service of this mode, on the fastest scheduled connection (capped at the typical wait, so a scheduled time never exceeds the typical one). The typical reading uses the wait rule instead.",
    min: 0,
    minExclusive: false,
    max: 240,
  },
  stationTransferMin: {
    unit: "min",
    keyedBy: "station",
    description: "Minimum transfer time at one station (place id), overriding transferMin for every mode there.",
    min: 0,
    minExclusive: false,
    max: 240,
  },
  accessCarSpeedKmh: {
    unit: "km/h",
    keyedBy: "none",
    description:
      "Average speed of a generated car access/egress connector (and of explicit connectors without speed or time).",
    min: 0,
    minExclusive: true,
    max: 200,
  },
  accessWalkSpeedKmh: {
    unit: "km/h",
    keyedBy: "none",
    description: "Walking speed of a generated walking connector.",
    min: 0,
    minExclusive: true,
    max: 10,
  },
  circuityFactor: {
    unit: "ratio",
    keyedBy: "mode",
    description:
      "Network distance divided by great-circle distance, used where a length must be estimated from coordinates: `access` (generated connectors), `road` (road links and bus/coach segments without length), `rail` (service segments without a link path).",
    min: 1,
    minExclusive: false,
    max: 3,
  },
  congestionFactor: {
    unit: "ratio",
    keyedBy: "none",
    description: "Multiplies every road link's travel time (1 = free flow at the commercial speed).",
    min: 1,
    minExclusive: false,
    max: 5,
  },
} as const satisfies Record<string, ParameterSpec>;

/** A parameter name (a key of {@link PARAMETER_SPECS}). */
export type ParameterName = keyof typeof PARAMETER_SPECS;

/**
 * Defaults: scalars for `keyedBy: "none"`, records by mode otherwise. They are generic (no region,
 * line or timetable in particular), each with a plausible range from design standards, routing
 * engines' profiles or the literature; a network that has regional evidence overrides them in its
 * `parameters` section (the embedded network does, with its reasons). Justified in
 * docs/design-choices.md.
 */
export const DEFAULT_PARAMETERS: {
  readonly [K in ParameterName]: (typeof PARAMETER_SPECS)[K]["keyedBy"] extends "none"
    ? ParameterValue
    : Readonly<Record<string, ParameterValue>>;
} = {
  commercialSpeedFactor: {
    hsr: a(
      0.8,
      [0.65, 0.9],
      "Generic: high-speed trains average 65–90 % of line speed between stops (acceleration, braking, speed restrictions near stations and junctions); non-stop runs near the top, stopping trains lower.",
    ),
    rail: a(
      0.75,
      [0.6, 0.9],
      "Generic: conventional and mixed-traffic lines run below line speed on curves, at speed restrictions and behind freight; non-stop runs near the top, stopping trains lower.",
    ),
    suburban: a(
      0.7,
      [0.55, 0.85],
      "Suburban (市域) trains stop every few km, so accelerating and braking take a larger share of each segment than on intercity lines.",
    ),
    metro: a(
      0.6,
      [0.45, 0.75],
      "Metro segments of 1–2 km spend much of their time accelerating and braking; 80 km/h lines typically average 35–40 km/h before dwell.",
    ),
    expressway: a(
      0.85,
      [0.7, 0.95],
      "Cars rarely hold the posted 100–120 km/h: trucks, tunnels, interchanges and toll gates lower the average.",
    ),
    road: a(0.75, [0.55, 0.9], "Trunk roads pass through towns, junctions and mixed traffic."),
    "urban-road": a(0.6, [0.4, 0.8], "Signals and urban traffic; off-peak assumption."),
    connector: a(1, [1, 1], "Explicit connector speeds are taken as average door-to-door speeds already."),
    bus: a(0.7, [0.5, 0.85], "Buses stop and merge into traffic; applies to the road speed of bus segments."),
    coach: a(0.8, [0.65, 0.9], "Intercity coaches run mostly on expressways with few stops."),
    ferry: a(0.9, [0.7, 1], "Ferries cruise near design speed apart from manoeuvring."),
    air: a(0.8, [0.7, 0.9], "Taxi, climb and descent lower the block speed below cruise speed."),
  },
  designSpeedKmh: {
    hsr: a(
      300,
      [250, 350],
      "Generic: new high-speed lines are built for at least 250 km/h (UIC's definition of high-speed rail; EU Directive 96/48/EC), most for 300–350.",
    ),
    rail: a(120, [80, 160], "Generic: conventional main lines run at 80–160 km/h, most at 100–120."),
    suburban: a(
      140,
      [120, 160],
      "Generic: regional and suburban express lines (S-Bahn, RER, 市域快轨) are built for 120–160 km/h.",
    ),
    metro: a(80, [80, 120], "Generic: most metro lines are designed for 80 km/h; express and airport lines 100–120."),
    expressway: a(
      100,
      [80, 120],
      "Generic: motorways are designed for 80–120 km/h (China's JTG B01-2014: 80, 100 or 120; 100 in hilly terrain).",
    ),
    road: a(60, [40, 80], "Generic: rural trunk roads are designed for 60–80 km/h, less in mountains."),
    "urban-road": a(50, [30, 60], "Urban arterials are posted 40–60 km/h."),
    connector: a(30, [20, 40], "Same as accessCarSpeedKmh."),
    bus: a(60, [40, 80], "Bus routes run on trunk and urban roads."),
    coach: a(100, [80, 120], "Coaches run mostly on expressways."),
    ferry: a(25, [15, 35], "River passenger boats."),
    air: a(700, [600, 850], "Regional jets cruise at 750–850 km/h; turboprops slower."),
  },
  dwellMin: {
    hsr: a(2, [1, 4], "Generic: high-speed trains dwell about 2 min at intermediate stops (1–4 min in timetables)."),
    rail: a(3, [2, 8], "Conventional intercity trains dwell 2–8 min at intermediate stations."),
    suburban: a(1, [0.5, 2], "Suburban trains dwell about a minute."),
    metro: a(0.5, [0.3, 1], "Metro dwell is 30–60 s."),
    bus: a(0.5, [0.2, 1], "Bus stops take under a minute."),
    coach: a(5, [0, 15], "Intercity coaches stop a few minutes at intermediate stations."),
    ferry: a(5, [2, 10], "Berthing and boarding at intermediate piers."),
    air: a(45, [30, 90], "A through stop of a flight."),
  },
  transferMin: {
    hsr: a(
      10,
      [5, 20],
      "Generic: changes between long-distance trains take 5–20 min (platform change, and ticket or security checks where a station has them).",
    ),
    rail: a(10, [5, 20], "Same as hsr: in-station changes with ticket checks."),
    suburban: a(8, [3, 15], "Suburban rail changes are in-station with ticket gates."),
    metro: a(5, [2, 10], "Metro interchanges take 2–10 min of walking."),
    bus: a(3, [1, 8], "Bus stops beside the station or stop."),
    coach: a(10, [5, 20], "Coach stations require ticketing and boarding checks."),
    ferry: a(10, [5, 20], "Walk to the pier and board."),
    air: a(60, [45, 120], "Check-in and security before a flight."),
  },
  connectionWaitMin: {
    hsr: a(
      10,
      [0, 30],
      "Generic: long-distance trains are rarely timed to each other; even the best connection of the day usually leaves some minutes beyond the minimum transfer.",
    ),
    rail: a(15, [0, 45], "Generic: conventional trains run less often than high-speed ones, so connections are looser."),
    suburban: a(5, [0, 15], "Generic: suburban lines run every 10–30 min and are often timed to main-line arrivals."),
    metro: a(2, [0, 5], "Generic: metro runs every few minutes."),
    bus: a(5, [0, 15], "Generic: frequent urban buses; longer on rural routes."),
    coach: a(15, [0, 60], "Generic: intercity coaches leave every 30–120 min."),
    ferry: a(15, [0, 60], "Generic: ferries leave every 30–120 min."),
    air: a(30, [0, 120], "Generic: flights connect through banks; a tight scheduled connection still waits."),
  },
  stationTransferMin: {},
  accessCarSpeedKmh: a(
    30,
    [20, 40],
    "Average urban and suburban driving speed door to door, including junctions and parking.",
  ),
  accessWalkSpeedKmh: a(4.5, [3.5, 5.5], "Typical adult walking speed 4–5 km/h."),
  circuityFactor: {
    access: a(
      1.3,
      [1.15, 1.5],
      "Generic: street distance over the straight line is about 1.2–1.4 in cities (Ballou, Rahardja & Sakai 2002, Transportation Research A 36(9); Levinson & El-Geneidy 2009, Regional Science and Urban Economics 39(6)), higher in hilly or water-cut towns.",
    ),
    road: a(
      1.25,
      [1.1, 1.5],
      "Generic: inter-city road distance over the straight line is about 1.15–1.3 on dense networks (Ballou et al. 2002), more in mountains.",
    ),
    rail: a(1.15, [1.05, 1.3], "Generic: rail alignments are straighter than roads: about 1.05–1.3 times the great circle."),
  },
  congestionFactor: a(1, [1, 1.3], "Off-peak, free-flow driving by default; up to 30 % slower in the peak."),
};

/** Parameters after merging a network's overrides into the defaults. */
export interface ResolvedParameters {
  /** The value of a parameter, by name and (for keyed parameters) key; undefined when absent. */
  get(name: ParameterName, key?: string): ParameterValue | undefined;
  /** Every (name, key) with its value and provenance; key is undefined for scalars. */
  entries(): Array<{ name: ParameterName; key: string | undefined; value: ParameterValue; fromNetwork: boolean }>;
}

/**
 * Merge a network's `parameters` over {@link DEFAULT_PARAMETERS}. Throws {@link ModelError} listing every
 * unknown name, a keyed parameter given as a scalar (or the reverse), and values outside the
 * parameter's bounds.
 */
export function resolveParameters(overrides: Parameters | undefined): ResolvedParameters {
  const scalars = new Map<string, { value: ParameterValue; fromNetwork: boolean }>();
  const keyed = new Map<string, Map<string, { value: ParameterValue; fromNetwork: boolean }>>();
  for (const [name, spec] of Object.entries(PARAMETER_SPECS) as Array<[ParameterName, ParameterSpec]>) {
    const d = DEFAULT_PARAMETERS[name];
    if (spec.keyedBy === "none") scalars.set(name, { value: d as ParameterValue, fromNetwork: false });
    else
      keyed.set(
        name,
        new Map(
          Object.entries(d as Record<string, ParameterValue>).map(([k, v]) => [k, { value: v, fromNetwork: false }]),
        ),
      );
  }
  const problems: string[] = [];
  const check = (path: string, spec: ParameterSpec, v: ParameterValue): void => {
    const ok =
      Number.isFinite(v.value) && (spec.minExclusive ? v.value > spec.min : v.value >= spec.min) && v.value <= spec.max;
    if (!ok)
      problems.push(
        `parameters.${path}: value ${v.value} out of bounds ${spec.minExclusive ? ">" : ">="} ${spec.min} and <= ${spec.max} ${spec.unit}`,
      );
  };
  for (const [name, given] of Object.entries(overrides ?? {})) {
    const spec = (PARAMETER_SPECS as Record<string, ParameterSpec>)[name];
    if (spec === undefined) {
      problems.push(
        `parameters.${name}: unknown parameter${didYouMean(name, Object.keys(PARAMETER_SPECS))} (known: ${Object.keys(PARAMETER_SPECS).join(", ")})`,
      );
      continue;
    }
    const isScalar = typeof (given as { value?: unknown }).value === "number";
    if (spec.keyedBy === "none") {
      if (!isScalar) {
        problems.push(
          `parameters.${name}: expected one value { "value": …, "source" | "assumption": … }, got a record`,
        );
        continue;
      }
      check(name, spec, given as ParameterValue);
      scalars.set(name, { value: given as ParameterValue, fromNetwork: true });
    } else {
      if (isScalar) {
        problems.push(
          `parameters.${name}: expected a record keyed by ${spec.keyedBy} (e.g. { "hsr": { "value": … } }), got one value`,
        );
        continue;
      }
      const target = keyed.get(name)!;
      for (const [key, v] of Object.entries(given as Record<string, ParameterValue>)) {
        check(`${name}.${key}`, spec, v);
        target.set(key, { value: v, fromNetwork: true });
      }
    }
  }
  if (problems.length > 0) throw new ModelError(`invalid model parameters:\n  ${problems.join("\n  ")}`);
  return {
    get(name, key) {
      if (key === undefined) return scalars.get(name)?.value;
      return keyed.get(name)?.get(key)?.value;
    },
    entries() {
      const out: Array<{ name: ParameterName; key: string | undefined; value: ParameterValue; fromNetwork: boolean }> =
        [];
      for (const [name, v] of scalars) out.push({ name: name as ParameterName, key: undefined, ...v });
      for (const [name, m] of keyed) for (const [key, v] of m) out.push({ name: name as ParameterName, key, ...v });
      return out;
    },
  };
}
