import { QiwanError } from "../core/errors.js";

/** One problem found while resolving a scenario's modifications. */
export interface ModificationProblem {
  /** Position of the modification in the scenario's list (0-based); -1 for the scenario itself. */
  readonly index: number;
  /** The modification's `type` as written (may itself be the problem). */
  readonly type: string;
  /** Path of the offending field inside the modification, e.g. "links[1]" or "service.stops". */
  readonly field: string;
  /** The offending value as given (undefined when the field is missing). */
  readonly value: unknown;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it (may name the closest known id). */
  readonly fix: string;
}

function formatValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
}

/**
 * Every problem of a scenario's modifications, collected before anything is applied. Thrown by
 * `resolveModifications` and `applyScenario`; match on the class (or `name`) and read `.problems`.
 */
export class ModificationError extends QiwanError {
  override name = "ModificationError";
  readonly code = "SCENARIO_MODIFICATION_INVALID";
  readonly problems: readonly ModificationProblem[];
  constructor(problems: readonly ModificationProblem[]) {
    const lines = problems.map(
      (p) =>
        `  modifications[${p.index}] (${p.type}) ${p.field} = ${formatValue(p.value)}: ${p.message}; fix: ${p.fix}`,
    );
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in scenario modifications:\n${lines.join("\n")}`);
    this.problems = problems;
  }
}

/** A scenario file that cannot be read or parsed (I/O or JSON syntax); content errors are {@link ModificationError}. */
export class ScenarioFileError extends QiwanError {
  override name = "ScenarioFileError";
  readonly code = "SCENARIO_FILE_UNREADABLE";
  /** The file path. */
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}
