/**
 * Atomic file writes for CLI outputs (reports, GeoJSON, SVG): a reader never sees a half-written file.
 */
import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import path from "node:path";

/** Data {@link writeFileAtomic} accepts: text (UTF-8), bytes, or chunks produced (possibly async). */
export type AtomicData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Write `data` to `file` atomically: write a temporary file in the same folder (same file system, so
 * the rename is atomic), flush it to disk, then rename it over `file`. If anything fails (including a
 * chunk producer that throws midway) the temporary file is removed, `file` keeps its previous content
 * (or stays absent), and the error is rethrown.
 *
 * @param file Destination path; its folder must exist.
 */
export async function writeFileAtomic(file: string, data: AtomicData): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(tmp, "wx");
    if (typeof data === "string" || data instanceof Uint8Array) {
      await handle.writeFile(data);
    } else {
      for await (const chunk of data as AsyncIterable<string | Uint8Array>) {
        if (typeof chunk === "string") await handle.write(chunk);
        else await handle.write(chunk);
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, file);
  } catch (err) {
    if (handle) await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
}
