import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import * as nodeApi from "../src/node.js";
import { CliError, EXIT } from "../src/cli/exit.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** One instance of every error class, built with the class's own constructor arguments. */
const instances: Record<string, api.QiwanError> = {
  CoreError: new api.CoreError("m"),
  NetworkValidationError: new api.NetworkValidationError("net.json", [{ path: "$", value: 1, message: "m", fix: "f" }]),
  UnknownIdError: new api.UnknownIdError("place", "X", undefined, []),
  AmbiguousPlaceError: new api.AmbiguousPlaceError("X", []),
  ModelError: new api.ModelError("m"),
  ModificationError: new api.ModificationError([]),
  ScenarioFileError: new api.ScenarioFileError("s.json", "m"),
  GtfsValidationError: new api.GtfsValidationError([]),
  TimetableError: new api.TimetableError("m"),
  IsochroneError: new api.IsochroneError("m"),
  AccessibilityError: new api.AccessibilityError("m"),
  AttributionError: new api.AttributionError("m"),
  UncertaintyError: new api.UncertaintyError("m"),
  LimitError: new api.LimitError("draws", 1e9, "draws"),
  CalibrationFileError: new api.CalibrationFileError("c.csv", []),
  MissingDependencyError: new nodeApi.MissingDependencyError("pkg", "feature", new Error("absent")),
  CliError: new CliError("m", EXIT.USAGE),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("QiwanError: every error class of the library, with a stable code", () => {
  it("no class in src/ extends Error directly except QiwanError, and every one is listed here", () => {
    const declared: string[] = [];
    for (const file of sourceFiles(join(root, "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/class (\w+) extends (\w+)/g)) {
        if (m[2] === "Error") expect(m[1], file).toBe("QiwanError");
        else if (/Error$/.test(m[1]!)) declared.push(m[1]!);
      }
    }
    expect(declared.sort()).toEqual(Object.keys(instances).sort());
  });

  it("every exported error class extends QiwanError, with its own name and a unique code documented in docs/errors.md", () => {
    // "." and "./node" together ("./node" re-exports "." and adds the file and PNG parts).
    const exported = [...new Set(Object.entries({ ...api, ...nodeApi }).filter(([, v]) => typeof v === "function" && v.prototype instanceof Error).map(([k]) => k))];
    expect(exported.sort()).toEqual(["QiwanError", ...Object.keys(instances).filter((k) => k !== "CliError")].sort());
    const doc = readFileSync(join(root, "docs/errors.md"), "utf8");
    const codes = new Set<string>();
    for (const [name, err] of Object.entries(instances)) {
      expect(err).toBeInstanceOf(api.QiwanError);
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe(name);
      expect(err.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(codes.has(err.code), err.code).toBe(false);
      codes.add(err.code);
      expect(doc).toContain(`\`${err.code}\``);
      expect(doc).toContain(`\`${name}\``);
    }
  });

  it("CliError's code names its exit code", () => {
    expect(new CliError("m", EXIT.BAD_DATA).code).toBe("CLI_BAD_DATA");
    expect(new CliError("m", EXIT.TARGETS_FAILED).code).toBe("CLI_TARGETS_FAILED");
  });
});
