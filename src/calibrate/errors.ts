/**
 * Errors of the calibration stage.
 */
import { QiwanError } from "../core/errors.js";

/** One bad cell of a calibration file: where (file, 1-based data row, column), what, how to fix. */
export interface CalibrationProblem {
  readonly file: string;
  /** 1-based data row (the header is row 0); 0 for header problems. */
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
  readonly fix: string;
}

/** A calibration file (or row list) is invalid: every problem found, each with its row and column. */
export class CalibrationFileError extends QiwanError {
  override name = "CalibrationFileError";
  readonly code = "CALIBRATION_INVALID";
  readonly problems: readonly CalibrationProblem[];

  constructor(readonly file: string, problems: readonly CalibrationProblem[]) {
    const n = problems.length;
    super(
      `${file}: ${n} problem${n === 1 ? "" : "s"} in the calibration set:\n` +
        problems
          .map((p) => `  ${p.file}: row ${p.row}, column ${p.column}: ${JSON.stringify(p.value)}: ${p.message} (fix: ${p.fix})`)
          .join("\n"),
    );
    this.problems = Object.freeze([...problems]);
  }
}
