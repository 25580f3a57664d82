// node:fs and the native resvg binding are imported lazily, so that importing the library in a
// browser or Deno does not pull them in; only the PNG functions need them.

import { QiwanError } from "../core/errors.js";
import { IsochroneError } from "../isochrone/errors.js";

/** The optional native PNG renderer (a peer dependency, about 4 MB): installed by `npm ci` in the repo. */
export const PNG_RENDERER_PACKAGE = "@resvg/resvg-js";

/**
 * Thrown when a feature needs an optional package that is not installed (today: PNG rendering
 * needs `@resvg/resvg-js`). The message names the package, the command that installs it and the
 * alternative that needs nothing (SVG).
 */
export class MissingDependencyError extends QiwanError {
  override name = "MissingDependencyError" as const;
  readonly code = "DEPENDENCY_MISSING";
  constructor(
    /** The npm package to install. */
    readonly packageName: string,
    feature: string,
    cause: unknown,
  ) {
    super(
      `${feature} needs the optional package ${packageName}, which is not installed (${(cause as Error | undefined)?.message?.split("\n")[0] ?? String(cause)}); ` +
        `install it with \`npm install ${packageName}\`, or write SVG instead`,
    );
  }
}

/**
 * What is used of `@resvg/resvg-js`, written out so that the declarations never name the optional
 * package (a consumer without it still type-checks).
 */
export interface ResvgModule {
  readonly Resvg: new (
    svg: string,
    options?: {
      font?: { loadSystemFonts?: boolean; fontFiles?: string[]; defaultFontFamily?: string };
      fitTo?: { mode: "width"; value: number };
    },
  ) => { render(): { asPng(): Uint8Array } };
}

/** Loads the PNG renderer on first use; `importer` is replaceable for tests. */
export async function loadResvg(importer: () => Promise<ResvgModule> = () => import("@resvg/resvg-js")): Promise<ResvgModule> {
  try {
    return await importer();
  } catch (err) {
    throw new MissingDependencyError(PNG_RENDERER_PACKAGE, "PNG rendering (svgToPng; qiwan map or isochrone --format png)", err);
  }
}

/** Folders searched for a CJK font, in order. */
export const FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts", "C:\\Windows\\Fonts"];

/** File names recognised as CJK fonts, most preferred first (Debian `fonts-noto-cjk` first). */
const CJK_FONT_PATTERNS = [/^NotoSansCJK-Regular\.tt[co]$/i, /^NotoSansCJK.*\.tt[co]$/i, /^NotoSans(SC|CJKsc)-.*\.[ot]tf$/i, /^SourceHanSans.*\.(ttc|otf)$/i, /^wqy-(zenhei|microhei)\.ttc$/i, /^DroidSansFallback.*\.ttf$/i, /^(PingFang|msyh|simhei|simsun).*\.tt[cf]$/i];

/**
 * Finds a font (Node only) that covers Chinese, searching {@link FONT_DIRS} (three levels deep). Undefined when
 * none is installed (on Debian: `apt-get install fonts-noto-cjk`).
 */
export async function findCjkFont(dirs: readonly string[] = FONT_DIRS): Promise<string | undefined> {
  const { readdir } = await import("node:fs/promises");
  const path = await import("node:path");
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 3) await walk(full, depth + 1);
      else if (e.isFile()) files.push(full);
    }
  };
  for (const d of dirs) await walk(d, 0);
  for (const pattern of CJK_FONT_PATTERNS) {
    const hit = files.filter((f) => pattern.test(path.basename(f))).sort()[0];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** A rendered PNG and what the renderer had to say about it. */
export interface PngResult {
  readonly png: Uint8Array;
  /** The CJK font file used, if one was found. */
  readonly fontFile?: string;
  /** Problems that did not stop rendering (e.g. no CJK font: Chinese labels drawn as boxes). */
  readonly warnings: readonly string[];
}

/** Largest accepted `widthPx` of {@link svgToPng} (a tall map at this width is already ~300 MB of pixels). */
export const MAX_PNG_WIDTH_PX = 8192;

/**
 * Renders an SVG document to PNG with resvg (Node only; the optional native package
 * `@resvg/resvg-js` loads on first call, {@link MissingDependencyError} when it is not installed),
 * with a CJK font found by {@link findCjkFont}, or the system fonts when none is found. Without a CJK font the PNG is still written and `warnings` says so.
 *
 * @param options.widthPx output width in pixels, an integer in 1..{@link MAX_PNG_WIDTH_PX} (default: the SVG's
 *   own width; height keeps the aspect).
 * @param options.fontFile a font file to use instead of searching.
 * @param options.fontDirs folders to search for a CJK font (default {@link FONT_DIRS}).
 * @throws IsochroneError for a bad `widthPx`; {@link MissingDependencyError} without `@resvg/resvg-js`.
 */
export async function svgToPng(
  svg: string,
  options: { widthPx?: number; fontFile?: string; fontDirs?: readonly string[] } = {},
): Promise<PngResult> {
  const widthPx = options.widthPx;
  // resvg treats 0 as an error, ignores negative or NaN widths, and aborts the whole process when it
  // cannot allocate a huge canvas, so the width is checked here.
  if (widthPx !== undefined && !(Number.isInteger(widthPx) && widthPx >= 1 && widthPx <= MAX_PNG_WIDTH_PX)) {
    throw new IsochroneError(`widthPx ${widthPx} must be a whole number of pixels in 1..${MAX_PNG_WIDTH_PX}, e.g. 1800; omit it for the SVG's own width`);
  }
  const { Resvg } = await loadResvg();
  const fontFile = options.fontFile ?? (await findCjkFont(options.fontDirs));
  const warnings: string[] = [];
  if (fontFile === undefined) {
    warnings.push(
      "no CJK font found (searched " + (options.fontDirs ?? FONT_DIRS).join(", ") + "): Chinese labels will render as empty boxes; install one, e.g. `apt-get install fonts-noto-cjk`",
    );
  }
  const resvg = new Resvg(svg, {
    font: {
      // Noto Sans CJK covers Latin too; scanning every system font costs about a second, so only
      // fall back to the system fonts when no CJK font was found.
      loadSystemFonts: fontFile === undefined,
      ...(fontFile !== undefined && { fontFiles: [fontFile], defaultFontFamily: "Noto Sans CJK SC" }),
    },
    ...(widthPx !== undefined && { fitTo: { mode: "width" as const, value: widthPx } }),
  });
  const png = resvg.render().asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), ...(fontFile !== undefined && { fontFile }), warnings };
}
