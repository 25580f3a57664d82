/**
 * docs/cli.md is generated from the commands' own help (scripts/cli-docs.ts) and must be current;
 * every command has examples, and every flag an example uses exists on that command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_DOC, cliReference } from "../../scripts/cli-docs.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { EXAMPLES } from "../../src/cli/examples.js";
import { memoryIo } from "../../src/cli/io.js";
import { createProgram } from "../../src/cli/run.js";

describe("docs/cli.md", () => {
  it("is what scripts/cli-docs.ts generates (run `npx tsx scripts/cli-docs.ts` after changing a command)", async () => {
    expect(readFileSync(CLI_DOC, "utf8")).toBe(await cliReference());
  });

  it("every command has examples, and every example names only that command's options and the global ones", () => {
    const { program } = createProgram(memoryIo(), COMMANDS);
    const global = new Set(program.options.map((o) => o.long));
    for (const command of program.commands) {
      if (command.name() === "help") continue;
      const examples = EXAMPLES[command.name()];
      expect(examples, command.name()).toBeDefined();
      const own = new Set(command.options.map((o) => o.long));
      for (const line of examples!) {
        const words = line.split(/\s+/);
        expect(words[0]).toBe("qiwan");
        expect(words).toContain(command.name());
        for (const flag of words.filter((w) => w.startsWith("--"))) expect(own.has(flag) || global.has(flag), `${line}: ${flag}`).toBe(true);
      }
    }
  });
});
