/**
 * Bundles an entry point for the browser with esbuild and fails on any `node:` import reachable
 * from it (or any import esbuild cannot resolve for the browser), naming the importing module. `qiwan-access` (src/index.ts, and
 * dist/index.js once built) must pass; `qiwan-access/node` is not meant to.
 *
 *   npx tsx scripts/check-browser.ts [entry]     (default dist/index.js; exit 1 on failure)
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/** What a browser bundle of `entry` came to: its size, or the Node-only imports that stop it. */
export interface BrowserBundleResult {
  readonly ok: boolean;
  /** Bytes of the minified bundle (0 when it failed). */
  readonly bytes: number;
  /** `importer → specifier` for each Node-only import reached, and any other build error. */
  readonly problems: readonly string[];
}

/** Bundle `entry` for the browser platform (ESM, minified, in memory). */
export async function bundleForBrowser(entry: string): Promise<BrowserBundleResult> {
  const nodeImports: string[] = [];
  const rejectNode: Plugin = {
    name: "reject-node-builtins",
    setup(b) {
      // A bare built-in name ("events") is left to esbuild: it resolves to an npm polyfill when one
      // is installed (graphology depends on `events`) and is a build error otherwise.
      b.onResolve({ filter: /^node:/ }, (args) => {
        nodeImports.push(`${path.relative(process.cwd(), args.importer)} → ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      logLevel: "silent",
      plugins: [rejectNode],
    });
    const bytes = result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
    return { ok: nodeImports.length === 0, bytes: nodeImports.length === 0 ? bytes : 0, problems: nodeImports };
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
    const problems = errors?.map((e) => `${e.location?.file ?? entry}: ${e.text}`) ?? [String(err)];
    return { ok: false, bytes: 0, problems: [...nodeImports, ...problems] };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const entry = process.argv[2] ?? "dist/index.js";
  const r = await bundleForBrowser(entry);
  if (r.ok) {
    console.log(`browser bundle of ${entry}: ok, ${(r.bytes / 1024).toFixed(0)} KB minified, no Node built-ins`);
  } else {
    console.error(`browser bundle of ${entry} failed: ${r.problems.length} problem(s)`);
    for (const p of r.problems) console.error(`  ${p}`);
    console.error('Move Node-only code behind the "./node" entry point (src/node.ts); see docs/architecture.md.');
    process.exit(1);
  }
}
