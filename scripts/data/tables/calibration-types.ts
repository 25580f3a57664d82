/**
 * One row of a calibration set: a published or data-derived travel time between two places of the
 * network, against which the model is compared (`qiwan calibrate`). The CSV written from these rows
 * has exactly these columns, in this order, with a header: id, mode, from, to, minutes, kind,
 * reading, asOf, source, note.
 */
export interface CalibrationRow {
  /** Unique row id, e.g. "CAL_R_CQW_QJE". */
  id: string;
  /** "rail": station to station, rail only. "road": door to door, road only. */
  mode: "rail" | "road";
  /** Place id of the origin. */
  from: string;
  /** Place id of the destination. */
  to: string;
  /** The published or data-derived time, minutes. */
  minutes: number;
  /** "published": press, official or map-service figure. "data": computed from a cited data set. */
  kind: "published" | "data";
  /** How the time is read: "scheduled" (fastest scheduled, no initial wait) or "typical". */
  reading: "scheduled" | "typical";
  /** Date the figure refers to, YYYY-MM-DD. */
  asOf: string;
  /** Where the figure comes from (outlet, URL, date; or data file and method). */
  source: string;
  /** Anything a reader needs to interpret the row (train, route, caveats). */
  note?: string;
}
