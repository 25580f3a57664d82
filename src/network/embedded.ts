import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Absolute path of an embedded network folder, `networks/<region>/` of the installed package.
 * Resolved relative to this module, so it works from `src/` (tsx, vitest) and from `dist/` (the
 * published package) alike. The folder may not exist (e.g. a region that is not shipped);
 * `loadNetwork` then reports it as a problem.
 */
export function embeddedNetworkPath(region = "qijiang-wansheng"): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, "..", "..", "networks", region);
}
