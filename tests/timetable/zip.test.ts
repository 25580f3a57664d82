import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GtfsValidationError, raptor, TimetableError } from "../../src/index.js";
import { loadGtfs, writeGtfs } from "../../src/node.js";
import { compile, rawTimetableArb } from "./random-timetable.js";

/** Writes a minimal zip (PKWARE APPNOTE 4.3) with stored (0) or deflated (8) entries. */
function writeZip(path: string, files: { name: string; data: Buffer }[], method: 0 | 8): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const body = method === 8 ? deflateRawSync(f.data) : f.data;
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(f.data.length, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(cen, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...parts, cd, eocd]));
}

const dir = mkdtempSync(join(tmpdir(), "qiwan-gtfs-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const feedDir = fileURLToPath(new URL("../fixtures/gtfs/transfer-missed", import.meta.url));
const files = readdirSync(feedDir).map((name) => ({ name, data: readFileSync(join(feedDir, name)) }));

describe("loadGtfs(zip) with archives written at test time", () => {
  it.each([0, 8] as const)("method %i (stored / deflate) gives the same timetable as the folder", async (method) => {
    const path = join(dir, `feed-${method}.zip`);
    writeZip(path, files, method);
    const zipped = await loadGtfs(path);
    const folder = await loadGtfs(feedDir);
    expect(Array.from(zipped.arrivalSecs)).toEqual(Array.from(folder.arrivalSecs));
    expect(Array.from(zipped.minTransferSecs)).toEqual(Array.from(folder.minTransferSecs));
    const A = zipped.stopIndexById.get("A")!;
    expect(raptor(zipped, { access: [{ stop: A, secs: 0 }], departureSecs: 7 * 3600 }).arrivalSecs(zipped.stopIndexById.get("B")!)).toBe(9 * 3600);
  });

  it("a file that is not a zip is an invalid feed (GtfsValidationError); a missing path is a TimetableError (bad argument)", async () => {
    const bogus = join(dir, "not-a-zip.zip");
    writeFileSync(bogus, "stop_id,stop_name\n");
    await expect(loadGtfs(bogus)).rejects.toThrow(GtfsValidationError);
    await expect(loadGtfs(bogus)).rejects.toMatchObject({ problems: [expect.objectContaining({ file: "not-a-zip.zip", line: 0, message: expect.stringMatching(/is not a zip archive/) })] });
    await expect(loadGtfs(join(dir, "nope"))).rejects.toThrow(TimetableError);
    await expect(loadGtfs(join(dir, "nope"))).rejects.toThrow(/does not exist/);
  });

  it("a zip without stop_times.txt is a GtfsValidationError naming the file", async () => {
    const path = join(dir, "partial.zip");
    writeZip(path, files.filter((f) => f.name !== "stop_times.txt"), 8);
    await expect(loadGtfs(path)).rejects.toMatchObject({ name: "GtfsValidationError", problems: [expect.objectContaining({ file: "stop_times.txt", line: 0 })] });
  });

  it("rejects a bad serviceDate option with TimetableError", async () => {
    await expect(loadGtfs(feedDir, { serviceDate: "2024-03-15" })).rejects.toThrow(/serviceDate "2024-03-15" is not a date/);
  });
});

describe("writeGtfs(tt, dir) then loadGtfs(dir)", () => {
  it("round-trips random timetables exactly (stops, trips, times, transfers, footpaths)", async () => {
    const samples = fc.sample(rawTimetableArb, { seed: 42, numRuns: 25 });
    for (const [i, raw] of samples.entries()) {
      const tt = compile(raw);
      const out = join(dir, `rt-${i}`);
      writeGtfs(tt, out);
      const back = await loadGtfs(out);
      expect(back.stopIds).toEqual(tt.stopIds);
      expect(Array.from(back.minTransferSecs)).toEqual(Array.from(tt.minTransferSecs));
      expect(Array.from(back.footpathSecs)).toEqual(Array.from(tt.footpathSecs));
      expect(Array.from(back.footpathTargets)).toEqual(Array.from(tt.footpathTargets));
      for (let s = 0; s < tt.stopCount; s++) {
        const a = raptor(tt, { access: [{ stop: s, secs: 0 }], departureSecs: 0 }).arrivals();
        const b = raptor(back, { access: [{ stop: s, secs: 0 }], departureSecs: 0 }).arrivals();
        expect(Array.from(b)).toEqual(Array.from(a));
      }
    }
  });
});
