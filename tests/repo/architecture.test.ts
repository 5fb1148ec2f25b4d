// Each thing in its room: lib/ never reaches up into components/, pages and routes reach the database only
// through lib/, lib/markid/index.ts is the one door to MarkID, and no lib/ file imports in a circle.
// Imports are read with the TypeScript parser, so comments and strings that look like imports do not count.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx"];

type Import = { from: string; specifier: string; target: string | null; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f).split(path.sep).join("/"))
    .filter((f) => !f.startsWith("lib/generated/") && EXTENSIONS.some((e) => f.endsWith(e)))
    .filter((f) => !f.endsWith(".d.ts") && statSync(path.join(ROOT, f)).isFile());
}

/** The repository-relative file a specifier names, or null for packages and files outside the repository. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("."))
    base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => `${base}/index${e}`),
  ];
  return (
    candidates.find((c) => existsSync(path.join(ROOT, c)) && statSync(path.join(ROOT, c)).isFile()) ?? base
  );
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    found.push({ from: file, specifier, target: resolve(file, specifier), typeOnly });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      add(node.moduleSpecifier.text, node.isTypeOnly);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      add(node.arguments[0].text, false);
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      add(node.argument.literal.text, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const PRODUCTION_DIRS = ["app", "components", "lib"];
const production = PRODUCTION_DIRS.flatMap(sourceFiles).concat(
  ["proxy.ts", "instrumentation.ts"].filter((f) => existsSync(path.join(ROOT, f))),
);
const imports = production.flatMap(importsOf);
const show = (list: Import[]) => list.map((i) => `${i.from} -> ${i.specifier}`);

/** The cycles a depth-first walk meets (at least one for every group of files that import in a circle). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const walk = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf(cycle.reduce((a, b) => (a < b ? a : b)));
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join(" -> "), rotated);
      } else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) walk(node);
  return [...cycles.values()];
}

function libGraph(includeTypeOnly: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const i of imports) {
    if (!i.from.startsWith("lib/") || !i.target?.startsWith("lib/") || (i.typeOnly && !includeTypeOnly))
      continue;
    graph.set(i.from, [...(graph.get(i.from) ?? []), i.target]);
  }
  return graph;
}

describe("architecture: each thing in its room", () => {
  it("reads the source tree (the walker sees the files and imports it should)", () => {
    expect(production.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.from === "lib/markid/index.ts" && i.target === "lib/markid/client.ts")).toBe(
      true,
    );
  });

  it("lib/ never imports from components/", () => {
    const upward = imports.filter((i) => i.from.startsWith("lib/") && i.target?.startsWith("components/"));
    expect(show(upward)).toEqual([]);
  });

  it("app/ never reaches Prisma directly: pages and routes go through lib/", () => {
    const direct = imports.filter(
      (i) =>
        i.from.startsWith("app/") &&
        (i.target === "lib/db.ts" || i.target === "lib/db" || !!i.target?.startsWith("lib/generated/prisma")),
    );
    expect(show(direct)).toEqual([]);
  });

  it("outside lib/markid, MarkID is reached only through lib/markid/index.ts", () => {
    const side = imports.filter(
      (i) =>
        !i.from.startsWith("lib/markid/") &&
        !!i.target?.startsWith("lib/markid/") &&
        i.target !== "lib/markid/index.ts",
    );
    expect(show(side)).toEqual([]);
  });

  it("domain code takes the audit types from lib/audit, not from the action wrapper", () => {
    // Only the action files (which call validatedAction) may import the wrapper's own types.
    const text = (f: string) => readFileSync(path.join(ROOT, f), "utf8");
    const borrowing = imports.filter(
      (i) =>
        i.target === "lib/actions/validated-action.ts" &&
        i.from.startsWith("lib/") &&
        !/\bvalidatedAction\(/.test(text(i.from)) &&
        /\b(AuditEntry|ActionContext)\b/.test(text(i.from)),
    );
    expect(show(borrowing)).toEqual([]);
  });

  it("server actions live in actions.ts, or <thing>-actions.ts where a feature has several", () => {
    const misnamed = production.filter(
      (f) =>
        /^\s*["']use server["']/m.test(readFileSync(path.join(ROOT, f), "utf8")) &&
        !/(^|\/|-)actions\.ts$/.test(f),
    );
    expect(misnamed).toEqual([]);
  });

  it("app/, components/ and lib/ import each other by @/ path, never by relative path", () => {
    const relative = imports.filter((i) => i.specifier.startsWith("."));
    expect(show(relative)).toEqual([]);
  });

  it("no import cycle among lib/ files, type-only imports included", () => {
    expect(findCycles(libGraph(true)).map((c) => [...c, c[0]].join(" -> "))).toEqual([]);
  });

  it("the cycle finder finds a cycle it is given", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c"]]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });
});
