/**
 * Test helpers for the embedded network: read the folder form (network.json + one file per
 * collection) into one single-file object, and a minimal scenario resolver used only to check the
 * data (the loader area owns the official one).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NETWORK_DIR = path.join(REPO_ROOT, "networks/qijiang-wansheng");
export const SHARED_DIR = path.resolve(REPO_ROOT, "../shared");

const COLLECTIONS = ["places", "links", "services", "projects", "scenarios", "targets"] as const;

/** The folder merged into the single-file shape that `NetworkFileSchema` validates. */
export function readNetworkFolder(dir: string = NETWORK_DIR): Record<string, unknown> {
  const header = JSON.parse(readFileSync(path.join(dir, "network.json"), "utf8")) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...header };
  for (const key of COLLECTIONS) {
    const file = JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8")) as Record<string, unknown>;
    merged[key] = file[key];
  }
  return merged;
}

interface ScenarioLike {
  id: string;
  year: number;
  extends?: string;
  projects?: { byYear?: boolean; statuses?: string[]; include?: string[]; exclude?: string[] };
}
interface ProjectLike {
  id: string;
  status: string;
  openingYear?: { value: number };
}
interface Active {
  id: string;
  projects?: string[];
  replaces?: string[];
}

const DEFAULT_STATUSES = ["existing", "under-construction", "planned"];

/** Project set of a scenario: extends → byYear → include → exclude (the documented order). */
export function resolveProjects(
  scenarioId: string,
  scenarios: readonly ScenarioLike[],
  projects: readonly ProjectLike[],
  seen: Set<string> = new Set(),
): Set<string> {
  const sc = scenarios.find((s) => s.id === scenarioId);
  if (!sc) throw new Error(`unknown scenario ${scenarioId}`);
  if (seen.has(scenarioId)) throw new Error(`extends cycle at ${scenarioId}`);
  seen.add(scenarioId);
  const set = sc.extends ? resolveProjects(sc.extends, scenarios, projects, seen) : new Set<string>();
  const p = sc.projects ?? {};
  if (p.byYear ?? true) {
    const statuses = p.statuses ?? DEFAULT_STATUSES;
    for (const pr of projects) {
      if (pr.openingYear !== undefined && pr.openingYear.value <= sc.year && statuses.includes(pr.status)) set.add(pr.id);
    }
  }
  for (const id of p.include ?? []) set.add(id);
  for (const id of p.exclude ?? []) set.delete(id);
  return set;
}

/** Items whose projects are all in the set and that no other active item replaces. */
export function activeItems<T extends Active>(items: readonly T[], projectSet: ReadonlySet<string>): T[] {
  const present = items.filter((it) => (it.projects ?? []).every((p) => projectSet.has(p)));
  const replaced = new Set(present.flatMap((it) => it.replaces ?? []));
  return present.filter((it) => !replaced.has(it.id));
}
