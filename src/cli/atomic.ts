/**
 * Output writing for the CLI (reports, GeoJSON, SVG, PNG) that never loses data: a regular file is
 * replaced atomically (a reader never sees half of it), a symlink is written through to its final
 * target (the link stays a link), and anything that is not a regular file (a device such as
 * `/dev/null`, a FIFO, `/dev/stdout`) is written directly, never replaced.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, readlinkSync, realpathSync, statSync, unlinkSync, write, type Stats } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import path from "node:path";

/** Data {@link writeFileAtomic} accepts: text (UTF-8), bytes, or chunks produced (possibly async). */
export type AtomicData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** How an output path is written: see {@link resolveOutputTarget}. */
export type OutputTarget =
  /** A regular file, or nothing yet: written to a temporary file in `file`'s folder, then renamed over `file`. */
  | { readonly kind: "replace"; readonly file: string; readonly stats: Stats | undefined }
  /** A device, FIFO or socket, or another process's descriptor: opened and written in place. */
  | { readonly kind: "direct"; readonly file: string; readonly stats: Stats | undefined }
  /** One of this process's own open descriptors (`/dev/stdout` is descriptor 1): written to it. */
  | { readonly kind: "descriptor"; readonly fd: number; readonly file: string; readonly stats: Stats | undefined };

/** Symlink hops followed before giving up (Linux's own limit is 40). */
const MAX_LINK_HOPS = 40;

/**
 * Where writing `file` really goes. Symlinks are followed hop by hop (a dangling link resolves to
 * the file it names, which is then created), so the rename replaces the final target and not the
 * link. A link inside `/proc` (what `/dev/stdout` and `/dev/fd/N` lead to) names an open
 * descriptor, not a path, so it is written directly, like any existing non-regular file.
 *
 * @throws Error (with `code` ENOENT) when the folder of the final target does not exist, EISDIR when
 *   it is a folder, ELOOP after {@link MAX_LINK_HOPS} links.
 */
export function resolveOutputTarget(file: string): OutputTarget {
  let current = path.resolve(file);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    // Resolve the folder first: `/dev/fd/1` is `/proc/self/fd/1` once `/dev/fd` is resolved.
    current = path.join(realpathSync(path.dirname(current)), path.basename(current));
    let link: Stats;
    try {
      link = lstatSync(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return { kind: "replace", file: current, stats: undefined };
      throw err;
    }
    if (link.isSymbolicLink()) {
      if (current.startsWith("/proc/")) {
        const own = new RegExp(`^/proc/(?:self|${process.pid})/fd/(\\d+)$`).exec(current);
        // A socket cannot be opened by name (ENXIO), so our own descriptors are written to, not opened.
        if (own !== null) return { kind: "descriptor", fd: Number(own[1]), file: current, stats: statOrUndefined(current) };
        return { kind: "direct", file: current, stats: statOrUndefined(current) };
      }
      current = path.resolve(path.dirname(current), readlinkSync(current));
      continue;
    }
    if (link.isDirectory()) throw errnoError("EISDIR", `${file} is a folder, not a file`);
    return { kind: link.isFile() ? "replace" : "direct", file: current, stats: link };
  }
  throw errnoError("ELOOP", `${file}: more than ${MAX_LINK_HOPS} symbolic links`);
}

/** `stat` (following links), or undefined when the path cannot be stat'ed. */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/**
 * Write `data` to `file` without ever losing what was there:
 * - a regular file (or a new one) is written to a temporary file in the same folder (same file
 *   system, so the rename is atomic), flushed, then renamed over it, keeping its permission bits;
 * - a symlink is followed to its final target, which is replaced as above; the link is kept;
 * - a device, FIFO or socket (`/dev/null`, a named pipe) is written in place;
 * - one of the process's own descriptors (`/dev/stdout`, `/dev/fd/3`) is written to, not reopened.
 *
 * If anything fails (including a chunk producer that throws midway) the temporary file is removed,
 * the target keeps its previous content (or stays absent), and the error is rethrown. A SIGINT,
 * SIGTERM or SIGHUP during the write removes the temporary file before the process ends.
 *
 * @param file Destination path; its folder must exist.
 */
export async function writeFileAtomic(file: string, data: AtomicData): Promise<void> {
  const target = resolveOutputTarget(file);
  if (target.kind === "descriptor") {
    for await (const chunk of chunksOf(data)) await writeToDescriptor(target.fd, chunk);
    return;
  }
  if (target.kind === "direct") {
    // Append mode: `/dev/stdout` redirected with `>>` to a file must not truncate that file.
    const handle = await open(target.file, "a");
    try {
      await writeData(handle, data);
    } finally {
      await handle.close();
    }
    return;
  }
  const dir = path.dirname(target.file);
  const tmp = path.join(dir, `.${path.basename(target.file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  pendingTemporaryFiles.add(tmp);
  try {
    handle = await open(tmp, "wx");
    if (target.stats !== undefined) await handle.chmod(target.stats.mode & 0o7777);
    await writeData(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, target.file);
  } catch (err) {
    if (handle) await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  } finally {
    pendingTemporaryFiles.delete(tmp);
  }
}

async function writeData(handle: Awaited<ReturnType<typeof open>>, data: AtomicData): Promise<void> {
  if (typeof data === "string" || data instanceof Uint8Array) {
    await handle.writeFile(data);
    return;
  }
  for await (const chunk of data as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === "string") await handle.write(chunk);
    else await handle.write(chunk);
  }
}

async function* chunksOf(data: AtomicData): AsyncIterable<string | Uint8Array> {
  if (typeof data === "string" || data instanceof Uint8Array) yield data;
  else yield* data as AsyncIterable<string | Uint8Array>;
}

/**
 * Write to one of this process's descriptors. Standard output and error go through their Node
 * streams, so the bytes stay in order with everything else the process prints.
 */
async function writeToDescriptor(fd: number, chunk: string | Uint8Array): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : undefined;
  if (stream !== undefined) {
    await new Promise<void>((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())));
    return;
  }
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  for (let offset = 0; offset < bytes.length; ) {
    offset += await new Promise<number>((resolve, reject) =>
      write(fd, bytes, offset, bytes.length - offset, null, (err, n) => (err ? reject(err) : resolve(n))),
    );
  }
}

/**
 * Temporary files being written, removed synchronously if the process is interrupted. Signal
 * handlers are installed only while the set is non-empty, so the process keeps Node's default
 * behaviour (exit on SIGINT) the rest of the time.
 */
const pendingTemporaryFiles = new (class extends Set<string> {
  override add(file: string): this {
    if (this.size === 0) installCleanup();
    return super.add(file);
  }
  override delete(file: string): boolean {
    const had = super.delete(file);
    if (had && this.size === 0) removeCleanup();
    return had;
  }
})();

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function removeTemporaryFiles(): void {
  for (const file of pendingTemporaryFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone (renamed or removed): nothing to clean.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaryFiles();
  pendingTemporaryFiles.clear();
  removeCleanup();
  // Die of the same signal (exit status 128 + n), as the process would have without the handler.
  process.kill(process.pid, signal);
}

function installCleanup(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("exit", removeTemporaryFiles);
}

function removeCleanup(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off("exit", removeTemporaryFiles);
}
