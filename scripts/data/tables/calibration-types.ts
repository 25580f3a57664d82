/**
 * One row of a calibration set: a published or data-derived travel time between two places of the
 * network, against which the model is compared (`qiwan calibrate`). The CSV written from these rows
 * has exactly these columns, in this order, with a header: id, mode, from, to, minutes, kind,
 * reading, asOf, source, note. The library's type (src/calibrate/types.ts) is the one definition.
 */
export type { CalibrationRow } from "../../../src/calibrate/types.js";
