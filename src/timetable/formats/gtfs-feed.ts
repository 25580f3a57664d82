/** Reading a GTFS feed's files: opening a folder or zip archive, and streaming one table with its problems. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { TimetableError, type GtfsProblem } from "../errors.js";
import { readCsvBatches } from "./csv.js";
import { listZip, openZipEntry } from "./zip.js";

/** A GTFS feed, a folder or a zip archive: which files it has, and each as a byte stream. */
export interface Feed {
  has(file: string): boolean;
  open(file: string): Promise<Readable>;
}

/** Opens a feed folder or zip archive (`TimetableError` when the path does not exist). */
export async function openFeed(path: string): Promise<Feed> {
  if (!existsSync(path)) throw new TimetableError(`GTFS path ${JSON.stringify(path)} does not exist; give a feed folder or a .zip file`);
  if (statSync(path).isDirectory()) {
    return { has: (f) => existsSync(join(path, f)), open: async (f) => createReadStream(join(path, f)) };
  }
  const entries = await listZip(path);
  // Feeds are sometimes zipped with their folder: match on the file name, ignoring one leading folder.
  const byName = new Map<string, (typeof entries)[number]>();
  for (const e of entries) {
    const base = e.name.slice(e.name.lastIndexOf("/") + 1);
    if (base && !byName.has(base)) byName.set(base, e);
  }
  return {
    has: (f) => byName.has(f),
    open: (f) => openZipEntry(path, byName.get(f) as (typeof entries)[number]),
  };
}

/** A row's column getter. */
export type Row = (column: string) => string;

/** A raw value inside a message, cut to 60 characters: a stray quote or a missing newline can make a field megabytes long. */
export const cut = (v: string): string => (v.length > 60 ? `${v.slice(0, 57)}...` : v);

/** The problems found so far in a feed. */
export class Problems {
  readonly list: GtfsProblem[] = [];
  add(file: string, line: number, column: string, value: string, message: string, fix: string): void {
    this.list.push({ file, line, column, value, message, fix });
  }
}

/** Streams a table, checking required columns; `onRow` gets a column getter (trimmed, `""` when absent). */
export async function readTable(feed: Feed, file: string, required: readonly string[], problems: Problems, onRow: (row: Row, line: number) => void): Promise<boolean> {
  const stream = await feed.open(file);
  let header: Map<string, number> | undefined;
  let fields: string[] = [];
  const row: Row = (c) => {
    const i = header?.get(c);
    return i === undefined ? "" : (fields[i] ?? "").trim();
  };
  try {
    for await (const batch of readCsvBatches(stream)) {
      for (const rec of batch) {
        if (rec.unclosedQuote) {
          problems.add(file, rec.line, "", rec.fields.join(","), `a quoted field opened on line ${rec.line} is never closed, so the rest of the file is one field`, 'close the quote, or remove the stray "; inside a quoted field write "" for a quote');
          continue;
        }
        if (header === undefined) {
          header = new Map(rec.fields.map((h, i) => [h.trim(), i] as const));
          const missing = required.filter((c) => !header!.has(c));
          for (const c of missing) problems.add(file, 1, c, "", `required column ${c} is missing`, `add a ${c} column to the header of ${file}`);
          if (missing.length > 0) {
            stream.destroy();
            return false;
          }
          continue;
        }
        fields = rec.fields;
        onRow(row, rec.line);
      }
    }
  } catch (err) {
    // The bytes could not be read (corrupt compressed data, a folder named like a file): bad data.
    problems.add(file, 0, "", "", `${file} cannot be read: ${(err as Error).message}`, "re-create the feed (re-zip it, or replace the file)");
    stream.destroy();
    return false;
  }
  if (header === undefined) {
    problems.add(file, 0, "", "", `${file} is empty (no header)`, `write the header line and rows of ${file}`);
    return false;
  }
  return true;
}
