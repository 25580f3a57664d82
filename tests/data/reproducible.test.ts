/**
 * The committed JSON must be exactly what scripts/data/build-network.ts derives from the reference
 * data (and the calibration set calibration.csv), so that every coordinate and running time can be
 * traced to its derivation.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NETWORK_DIR, REPO_ROOT, SHARED_DIR } from "./network-folder.js";

const needed = [path.join(SHARED_DIR, "reference/places-verified.csv"), path.join(SHARED_DIR, "data/china-rail-2023/train_segments.csv.gz"), path.join(SHARED_DIR, "data/china-population-2020/county_town_pop.csv.gz")];
const haveShared = needed.every((p) => existsSync(p));
if (!haveShared) console.warn(`skipping the reproducibility check: ${needed.join(" or ")} not found (fresh clone without ../shared)`);

describe.skipIf(!haveShared)("scripts/data/build-network.ts", () => {
  it("regenerates networks/qijiang-wansheng byte for byte", () => {
    const out = mkdtempSync(path.join(tmpdir(), "qiwan-net-"));
    try {
      execFileSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts/data/build-network.ts"), "--out", out], { cwd: REPO_ROOT, stdio: "pipe" });
      const files = readdirSync(NETWORK_DIR).filter((f) => f.endsWith(".json") || f.endsWith(".csv"));
      expect(readdirSync(out).sort()).toEqual(files.sort());
      for (const f of files) {
        expect(readFileSync(path.join(out, f), "utf8"), f).toBe(readFileSync(path.join(NETWORK_DIR, f), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
