/**
 * Machine-readable benchmark claims: every figure a README or a report quotes, with the exact
 * definition of what was measured. Each benchmark script writes `benchmarks/claims/<area>.json`;
 * `benchmarks/collect.ts` folds them into `benchmarks/claims.json`, from which prose can be
 * generated instead of copied by hand.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One quotable figure. */
export interface Claim {
  /** Stable id, dotted: `<area>.<subject>.<quantity>`, e.g. `core.ny.coreMedianMs`. */
  id: string;
  value: number | string | boolean | null;
  /** Unit of `value` (`ms`, `ratio`, `MB`, `B/arc`, `1/s`, …; `""` for counts and flags). */
  unit: string;
  /** What exactly was measured: the operation, the input, the statistic, the sample size. */
  definition: string;
}

export interface ClaimsFile {
  area: string;
  /** The command that regenerates this file. */
  command: string;
  date: string;
  machine: { cpu: string; cores: number; memGb: number; os: string; node: string };
  /** 1/5/15-minute load averages when the area's run started and ended (a shared machine). */
  loadAverage: { start: number[]; end: number[] };
  claims: Claim[];
}

export function machineInfo(): ClaimsFile["machine"] {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

export const loadAverage = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

const here = dirname(fileURLToPath(import.meta.url));

/** Writes `benchmarks/claims/<area>.json`; returns its path. */
export function writeClaims(area: string, command: string, loadAtStart: number[], claims: Claim[]): string {
  const ids = new Set<string>();
  for (const c of claims) {
    if (ids.has(c.id)) throw new Error(`claim id ${c.id} appears twice`);
    ids.add(c.id);
    if (typeof c.value === "number" && !Number.isFinite(c.value)) c.value = null;
  }
  const file: ClaimsFile = {
    area,
    command,
    date: new Date().toISOString(),
    machine: machineInfo(),
    loadAverage: { start: loadAtStart, end: loadAverage() },
    claims,
  };
  const path = join(here, "claims", `${area}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(file, null, 2) + "\n");
  return path;
}
