import { open } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { createInflateRaw } from "node:zlib";
import { Readable } from "node:stream";
import { basename } from "node:path";
import { GtfsValidationError } from "../errors.js";

/** One file entry of a zip archive, as listed in its central directory. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated. */
  readonly name: string;
  /** 0 = stored, 8 = deflate; other methods are rejected when opened. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the entry's local header in the archive. */
  readonly localHeaderOffset: number;
  /** General purpose flags; bit 0 = encrypted. */
  readonly flags: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** An archive the reader cannot use: the feed is invalid as given (bad data, not a bad argument). */
function badArchive(path: string, message: string, fix: string): GtfsValidationError {
  return new GtfsValidationError([{ file: basename(path), line: 0, column: "", value: "", message, fix }]);
}

/**
 * Lists the entries of a zip archive by reading its end-of-central-directory record and central
 * directory (no dependency). A file that is not a zip archive, a corrupt one, and Zip64 archives
 * (over 4 GiB or 65,535 entries) are rejected with a `GtfsValidationError`.
 */
export async function listZip(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw badArchive(path, `${path} is not a zip archive (no end-of-central-directory record)`, "give a GTFS folder or a .zip of its files");
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) {
      throw badArchive(path, `${path} is a Zip64 archive, which is not supported`, "unzip it and pass the folder");
    }
    // Checked before allocating: a corrupt or hostile header must not size a buffer beyond the file.
    if (cdOffset + cdSize > size) throw badArchive(path, `${path}: the zip central directory (${cdSize} bytes at offset ${cdOffset}) lies beyond the end of the ${size}-byte file`, "re-create the archive");
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cdSize || cd.readUInt32LE(p) !== CEN_SIG) throw badArchive(path, `${path}: corrupt zip central directory at entry ${i}`, "re-create the archive");
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString("utf8", p + 46, p + 46 + nameLen);
      entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, flags });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** Opens one entry as a stream of uncompressed bytes (stored or deflate), inflating while reading. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
  if (entry.flags & 1) throw badArchive(path, `${path}: entry ${entry.name} is encrypted`, "give an unencrypted archive");
  if (entry.method !== 0 && entry.method !== 8) {
    throw badArchive(path, `${path}: entry ${entry.name} uses compression method ${entry.method}`, "re-zip with deflate (method 8)");
  }
  const fh = await open(path, "r");
  const head = Buffer.alloc(30);
  try {
    await fh.read(head, 0, 30, entry.localHeaderOffset);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== LOC_SIG) throw badArchive(path, `${path}: corrupt local header for ${entry.name}`, "re-create the archive");
  const dataStart = entry.localHeaderOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on("error", (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}
