/**
 * Examples shown at the end of every command's `--help` (and so in docs/cli.md, generated from the
 * help). One place for all of them, so that the spellings stay one vocabulary: `--from`/`--to` for
 * places (ids or names), `--scenario` for scenarios, `--format` for the output kind, `--out` for the file.
 */
import type { Command } from "commander";

/** Example command lines per command name, each a line a user can paste. */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  info: ["qiwan info", "qiwan info --format json", "qiwan --network my-network/ info"],
  places: ["qiwan places", "qiwan places 綦江", "qiwan places --kind city --format csv --out cities.csv"],
  check: [
    "qiwan check",
    "qiwan check --detail --scenario plan-2025",
    "qiwan check --format csv --out targets.csv --report targets.md",
    "qiwan check --timetable --window 07:00-09:00 --statistic p50",
  ],
  route: ["qiwan route --from 綦江 --to 万盛 --scenario plan-2025", "qiwan route --from QJ_CITY --to CQ_CBD --measure station-to-station --format json"],
  matrix: ["qiwan matrix --scenario current", "qiwan matrix --scenario plan-2025 --places 綦江,万盛,CQ_CBD --format json --out matrix.json"],
  isochrone: [
    "qiwan isochrone --from 綦江 --scenario plan-2025 --out qijiang.geojson",
    "qiwan isochrone --from QJ_CITY,WS_CITY+10 --scenario current --format png --out iso.png",
    "qiwan isochrone --from 万盛 --scenario current --format json",
  ],
  map: [
    "qiwan map --out network.svg",
    "qiwan map --scenario plan-2025 --from 綦江 --format png --out plan.png",
    "qiwan map --compare baseline-2020 plan-2025 --from QJ_CITY --out compare.svg --geojson gained.geojson",
  ],
  compare: ["qiwan compare current plan-2025", "qiwan compare plan-2025 notebooks/scenarios/plan-2025-frequent-commuter.json --format md --out compare.md"],
  attribute: ["qiwan attribute --scenario plan-2025", "qiwan attribute --scenario vision-2035 --method loo --format json"],
  uncertainty: ["qiwan uncertainty --draws 500", "qiwan uncertainty --scenario plan-2025 --target T_COMMUTE_30 --format md --out uncertainty.md"],
  calibrate: ["qiwan calibrate", "qiwan calibrate --format csv --out calibration.csv"],
};

/** Append an "Examples:" section to the help of each of `program`'s commands that has examples. */
export function addExamples(program: Command): void {
  for (const command of program.commands) {
    const lines = EXAMPLES[command.name()];
    if (lines === undefined || lines.length === 0) continue;
    command.addHelpText("after", `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}`);
  }
}
