// A user's clone has nothing beside it: no tracked file may reach outside the repository for data or docs.
// The development machine happens to have a reference folder next to the clone; a test or a doc that read it
// would pass here and fail everywhere else.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP_DIRS = new Set([
  "node_modules",
  ".git",
  ".next",
  ".data",
  "generated",
  "test-results",
  "playwright-report",
]);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|sh|css|prisma|sql|toml|yml|yaml|txt)$|^\.|^run$/;
// Built from parts so this file does not match itself.
const FOLDER = ["sha", "red"].join("");
const OUTSIDE = new RegExp(
  String.raw`\.\./(\.\./)*${FOLDER}\b|\b${FOLDER}/(markid|seeds|notes|hooks)\b|/work/${FOLDER}\b`,
);

function* trackedFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".next"))
        yield* trackedFiles(path.join(dir, entry.name));
    } else if (entry.isFile() && TEXT.test(entry.name)) {
      yield path.join(dir, entry.name);
    }
  }
}

export function outsideReferences(root: string): string[] {
  const hits: string[] = [];
  for (const file of trackedFiles(root)) {
    if (statSync(file).size > 2_000_000) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (OUTSIDE.test(line)) hits.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

describe("the repository is self-contained", () => {
  it("no file refers to the folder beside the clone", () => {
    expect(outsideReferences(ROOT)).toEqual([]);
  });

  it("the check finds such a reference", () => {
    const sample = ["..", FOLDER, "markid", "API.md"].join("/");
    expect(OUTSIDE.test(`see ${sample}`)).toBe(true);
    expect(OUTSIDE.test(`readFileSync("../../${FOLDER}/markid/testdata/x.json")`)).toBe(true);
    expect(OUTSIDE.test("the shared test vector")).toBe(false);
  });
});
