import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, LIMITS, NetworkValidationError, UnknownIdError, type NetworkProblem } from "../../src/index.js";
import { loadNetwork } from "../../src/node.js";
import { showValue } from "../../src/network/errors.js";
import { formatPath } from "../../src/network/json-path.js";
import { decodeUtf8, findInvalidUtf8, scanJson } from "../../src/network/json-text.js";
import { showInvisible } from "../../src/util/visible.js";
import { tinyJson } from "./helpers.js";

const tmp = mkdtempSync(path.join(tmpdir(), "qiwan-strict-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function problemsOf(input: string | object): Promise<readonly NetworkProblem[]> {
  const err = await loadNetwork(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NetworkValidationError);
  return (err as NetworkValidationError).problems;
}

function fileWith(name: string, content: string | Uint8Array): string {
  const f = path.join(tmp, name);
  writeFileSync(f, content);
  return f;
}

describe("scanJson(text): duplicate keys", () => {
  it("reports both positions (line:column) and the key's JSON path", () => {
    const text = '{\n  "targets": [\n    { "thresholdMin": 30,\n      "thresholdMin": 300 }\n  ]\n}';
    const scan = scanJson(text);
    expect(scan.error).toBeUndefined();
    expect(scan.duplicates).toEqual([
      {
        key: "thresholdMin",
        segments: ["targets", 0, "thresholdMin"],
        first: { offset: text.indexOf('"thresholdMin"'), line: 3, column: 7 },
        second: { offset: text.lastIndexOf('"thresholdMin"'), line: 4, column: 7 },
      },
    ]);
  });

  it("compares decoded keys: an escaped spelling of the same key is a duplicate; equal keys in different objects are not", () => {
    expect(scanJson('{"a": 1, "\\u0061": 2}').duplicates.map((d) => d.key)).toEqual(["a"]);
    expect(scanJson('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]').duplicates).toEqual([]);
  });

  // Oracle: a serializer that writes one chosen object's first key twice. The scanner must find
  // exactly that key at that path, and nothing in the untouched serialization.
  it("finds exactly the one injected duplicate in random JSON (fast-check)", () => {
    const objectPaths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => {
      if (Array.isArray(v)) return v.flatMap((x, i) => objectPaths(x, [...at, i]));
      if (v !== null && typeof v === "object") {
        const own = Object.keys(v).length > 0 ? [at] : [];
        return [...own, ...Object.entries(v).flatMap(([k, x]) => objectPaths(x, [...at, k]))];
      }
      return [];
    };
    const write = (v: unknown, at: string, target: string): string => {
      if (Array.isArray(v)) return `[${v.map((x, i) => write(x, `${at}/${i}`, target)).join(",")}]`;
      if (v !== null && typeof v === "object") {
        const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x, `${at}/${k}`, target)}`);
        if (at === target) entries.push(entries[0]!);
        return `{${entries.join(",")}}`;
      }
      return JSON.stringify(v);
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (value, pick) => {
        expect(scanJson(JSON.stringify(value)).duplicates).toEqual([]);
        const paths = objectPaths(value);
        fc.pre(paths.length > 0);
        const chosen = paths[pick % paths.length]!;
        const target = chosen.map((s) => `/${s}`).join("");
        const text = write(value, "", target);
        const scan = scanJson(text);
        expect(scan.error).toBeUndefined();
        expect(scan.duplicates).toHaveLength(1);
        const obj = chosen.reduce<unknown>((o, s) => (o as Record<string, unknown>)[s], value) as object;
        expect(scan.duplicates[0]!.segments).toEqual([...chosen, Object.keys(obj)[0]]);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it("loadNetwork rejects a duplicated key that would flip a verdict, naming both positions", async () => {
    const n = tinyJson();
    const text = JSON.stringify(n, null, 2).replace('"thresholdMin": {', '"thresholdMin": { "value": 30, "source": "fixture" },\n      "thresholdMin": {');
    const problems = await problemsOf(fileWith("dup.json", text));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("targets[0].thresholdMin");
    expect(problems[0]!.message).toMatch(/^duplicate key "thresholdMin" at line \d+, column 7; the same object has it at line \d+, column 7/);
  });
});

describe("scanJson(text): nesting, unterminated strings", () => {
  it("a nesting deeper than the limit is an error at its bracket, found without recursion (200,000 levels)", () => {
    const depth = 200_000;
    const text = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(scanJson(text).error).toBeUndefined(); // no limit: scanned iteratively, no RangeError
    const err = scanJson(text, { maxDepth: 64 }).error!;
    expect(err).toMatchObject({ offset: 64, line: 1, column: 65 });
    expect(err.reason).toContain("nesting deeper than 64 levels");
  });

  it("a network whose note nests 10,000 levels deep is one problem, not a stack overflow (file and object)", async () => {
    const deepText = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const text = JSON.stringify(tinyJson()).replace('"note":', '"note0":').replace(/^\{/, `{"note": ${deepText},`);
    const fromFile = await problemsOf(fileWith("deep.json", text));
    expect(fromFile).toHaveLength(1);
    expect(fromFile[0]!.message).toContain(`nesting deeper than ${LIMITS.jsonDepth.max} levels`);
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = { note: deep };
    const fromObject = await problemsOf({ ...tinyJson(), description: deep });
    expect(fromObject).toHaveLength(1);
    expect(fromObject[0]!.message).toContain(`nests deeper than ${LIMITS.jsonDepth.max} levels`);
  });

  it("an unterminated quote is reported as such, at the opening quote", async () => {
    const text = '{\n  "id": "QJ_CITY,\n  "kind": "city"\n}';
    expect(scanJson(text).error).toMatchObject({ line: 2, column: 9, reason: expect.stringContaining("unterminated string") });
    const problems = await problemsOf(fileWith("quote.json", text));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^not valid JSON at line 2, column 9: unterminated string: the closing quote is missing/);
    expect(problems[0]!.fix).toContain("closing quote");
  });
});

describe("showValue(value): bounded and iterative", () => {
  it("equals JSON.stringify for short plain values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
        const json = JSON.stringify(v);
        if (json.length <= 80) expect(showValue(v)).toBe(json);
        else expect(showValue(v)).toBe(`${json.slice(0, 77)}...`);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it("renders a value nested 100,000 levels deep and an array of a million items in a few characters", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(showValue(deep)).toBe(`${"[".repeat(77)}...`);
    expect(showValue(new Array(1_000_000).fill(7))).toBe(`[${"7,".repeat(38)}...`);
    expect(showValue({ a: NaN, b: undefined, c: [Infinity] })).toBe('{"a":"NaN","c":["Infinity"]}');
  });
});

describe("UTF-8 is validated, with the byte offset of the first bad byte", () => {
  it("findInvalidUtf8 agrees with a fatal TextDecoder, and the bytes before the offset are valid (fast-check)", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Mostly-valid text with a few random bytes spliced in.
    const bytes = fc
      .tuple(fc.string({ unit: "grapheme" }), fc.uint8Array({ maxLength: 3 }), fc.nat(), fc.string())
      .map(([a, junk, at, b]) => {
        const text = new TextEncoder().encode(a + b);
        const k = at % (text.length + 1);
        return new Uint8Array([...text.subarray(0, k), ...junk, ...text.subarray(k)]);
      });
    fc.assert(
      fc.property(bytes, (b) => {
        const bad = findInvalidUtf8(b);
        expect(bad === undefined).toBe(valid(b));
        if (bad !== undefined) {
          expect(valid(b.subarray(0, bad.byteOffset))).toBe(true);
          expect(valid(b.subarray(bad.byteOffset))).toBe(false);
        }
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it("overlong forms, surrogates and code points above U+10FFFF are invalid", () => {
    for (const seq of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff]]) {
      expect(findInvalidUtf8(new Uint8Array([0x41, ...seq]))?.byteOffset, seq.join(",")).toBe(1);
    }
  });

  it("a GBK-encoded name makes loadNetwork fail with the byte offset and line, instead of U+FFFD", async () => {
    const text = JSON.stringify(tinyJson(), null, 2);
    const at = Buffer.byteLength(text.slice(0, text.indexOf("小网络")));
    const gbk = Buffer.concat([Buffer.from(text.slice(0, text.indexOf("小网络"))), Buffer.from([0xd0, 0xa1, 0xcd, 0xf8]), Buffer.from(text.slice(text.indexOf("小网络") + 3))]);
    const problems = await problemsOf(fileWith("gbk.json", gbk));
    expect(problems).toHaveLength(1);
    // 小 is D0 A1 in GBK, which happens to be valid UTF-8 (U+0421); 网 (CD F8) is not.
    expect(problems[0]!.message).toBe(`not valid UTF-8 at byte ${at + 2} (line 7): 0xCD 0xF8 is not a UTF-8 sequence`);
    expect(problems[0]!.fix).toContain("GB18030");
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), undefined)).toEqual({ ok: true, text: "\ufeffA" });
  });
});

describe("dates are real calendar dates", () => {
  it("asOf must exist in the calendar; a leap day only in a leap year", async () => {
    for (const [asOf, ok] of [["2025-13-45", false], ["2025-02-29", false], ["2024-02-29", true], ["2025-04-31", false], ["2025-06-30", true], ["2025-6-30", false]] as const) {
      const n = { ...tinyJson(), asOf };
      if (ok) await expect(loadNetwork(n)).resolves.toBeDefined();
      else {
        const problems = await problemsOf(n);
        expect(problems, asOf).toHaveLength(1);
        expect(problems[0]).toMatchObject({ path: "asOf", value: asOf, message: `"${asOf}" is not a calendar date (YYYY-MM-DD: month 01-12, a day the month has)` });
      }
    }
  });

  it("a source's accessed date may be a year or a month, each part real", async () => {
    for (const [accessed, ok] of [["2026", true], ["2026-11", true], ["2026-11-05", true], ["2026-13", false], ["2026-02-30", false], ["last week", false]] as const) {
      const n = tinyJson();
      n.sources[0].accessed = accessed;
      if (ok) await expect(loadNetwork(n)).resolves.toBeDefined();
      else expect((await problemsOf(n)).map((p) => p.path), accessed).toEqual(["sources[0].accessed"]);
    }
  });
});

describe("an empty network is rejected with one clear message", () => {
  it("every list empty: one problem at $", async () => {
    const n = { ...tinyJson(), sources: [], places: [], links: [], services: [], projects: [], scenarios: [], targets: [] };
    const problems = await problemsOf(n);
    expect(problems).toEqual([expect.objectContaining({ path: "$", message: "the network is empty: places, links, projects and scenarios are all empty lists" })]);
  });

  it("no scenarios is a problem of its own", async () => {
    const n = { ...tinyJson(), scenarios: [], targets: [] };
    expect((await problemsOf(n)).map((p) => p.path)).toEqual(["scenarios"]);
  });
});

describe("one bad id used many times is one problem", () => {
  it("an unknown place used in 23 places gives one problem with the count and the first paths", async () => {
    const n = tinyJson();
    const extra = Array.from({ length: 21 }, (_, i) => ({ ...n.links[0], id: `extra_${i}`, from: "QJ_GONE", to: "A", projects: undefined, replaces: undefined }));
    n.links.push(...extra);
    n.links[0].to = "QJ_GONE";
    n.targets[0].destinations = ["QJ_GONE"];
    const problems = await problemsOf(n);
    const gone = problems.filter((p) => p.message.includes("QJ_GONE"));
    expect(gone).toHaveLength(1);
    expect(gone[0]!.path).toBe("links[0].to");
    expect(gone[0]!.message).toBe('unknown place "QJ_GONE" (23 uses: links[0].to, links[8].from, links[9].from, and 20 more)');
  });
});

describe("invisible characters are escaped in messages", () => {
  it("showInvisible escapes bidi overrides, zero-width and filler characters, and keeps CJK and ASCII", () => {
    expect(showInvisible("QJ\u202E_CITY\u200B 綦江\u3000站 A\u00A0B \u3164 \u{E0041}")).toBe("QJ\\u202E_CITY\\u200B 綦江\u3000站 A\\u00A0B \\u3164 \\u{E0041}");
    expect(showInvisible("line 1\nline 2\ttab")).toBe("line 1\nline 2\\u0009tab");
  });

  it("a reference that only looks valid is shown with its escape, in formatProblem and UnknownIdError", async () => {
    const n = tinyJson();
    n.links[0].to = "J\u200B";
    const problems = await problemsOf(n);
    // One problem: not an id (an "unknown place" problem would repeat it).
    expect(problems.map((p) => p.path)).toEqual(["links[0].to"]);
    expect(formatProblem(problems[0]!)).toContain('"J\\u200B" is not valid: an id is');
    for (const p of problems) expect(formatProblem(p)).not.toContain("\u200B");
    expect(new UnknownIdError("place", "A\u202Eb", undefined, ["A"], "--from").message).toBe('unknown place "A\\u202Eb" in --from; known places: A');
  });
});

describe("formatPath is unchanged by the strict reader (sanity)", () => {
  it("paths of duplicates use the loader's notation", () => {
    expect(formatPath(scanJson('{"a b": [{"x": 1, "x": 2}]}').duplicates[0]!.segments)).toBe('["a b"][0].x');
  });
});
