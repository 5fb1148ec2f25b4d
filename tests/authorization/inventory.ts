// Finds every page, route handler and server action in the source tree.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : walk(rel);
    return [rel];
  });
}

/** app/(group)/a/[id]/page.tsx → /a/[id] */
function routePath(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`;
}

export const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

export function pages(): Map<string, string> {
  return new Map(
    walk("app")
      .filter((f) => f.endsWith("/page.tsx"))
      .map((f) => [routePath(f), f]),
  );
}

export function routes(): Map<string, string> {
  return new Map(
    walk("app")
      .filter((f) => f.endsWith("/route.ts"))
      .map((f) => [routePath(f), f]),
  );
}

/** "lib/x.ts#name" for every export of every "use server" module. */
export function actions(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of [...walk("lib"), ...walk("app")].filter((f) => /\.tsx?$/.test(f))) {
    const source = read(file);
    if (!/^\s*["']use server["'];/.test(source)) continue;
    for (const m of source.matchAll(/^export (?:const|async function) (\w+)/gm))
      out.set(`${file}#${m[1]}`, file);
  }
  return out;
}

/** The body of a function starting at `from`, up to its first statement. */
export function firstStatement(source: string, from: number): string {
  const open = source.indexOf("{", source.indexOf(")", from));
  return (
    source
      .slice(open + 1)
      .trim()
      .split("\n")[0] ?? ""
  ).trim();
}

/** From `from` to the end of the top-level block it opens: the first line that starts with `}`. */
export function block(source: string, from: number): string {
  const end = source.indexOf("\n}", from);
  return source.slice(from, end < 0 ? undefined : end + 2);
}

/** The functions a body awaits, in order: `await name(` and `await a.b(`. */
export function awaitedCalls(body: string): string[] {
  return [...body.matchAll(/\bawait\s+([\w.]+)\(/g)].map((m) => m[1]!);
}

/** One validatedAction's source: its options, and the schema they name when it is declared elsewhere. */
export function actionSource(file: string, name: string): { options: string; schema: string } | null {
  const source = read(file);
  const start = source.indexOf(`export const ${name} = validatedAction({`);
  if (start < 0) return null;
  const options = block(source, start);
  const named = /\bschema(?:: (\w+))?,/.exec(options);
  const schemaName = named ? (named[1] ?? "schema") : null;
  const declared = schemaName ? source.indexOf(`const ${schemaName} = `) : -1;
  const schema = declared < 0 ? options : source.slice(declared, source.indexOf("\n\n", declared));
  return { options, schema };
}

/**
 * The Node fast paths lib/server/app-server.ts answers before Next: what it imports from lib/ and hands
 * (req, res), as "lib/x.ts#name".
 */
export function fastPaths(): Map<string, string> {
  const server = read("lib/server/app-server.ts");
  const out = new Map<string, string>();
  for (const m of server.matchAll(/import \{([^}]+)\} from "@\/(lib\/[\w/-]+)"/g)) {
    for (const name of m[1]!.split(",").map((n) => n.trim())) {
      if (new RegExp(`\\b${name}\\(req, res\\b`).test(server)) out.set(`${m[2]}.ts#${name}`, `${m[2]}.ts`);
    }
  }
  return out;
}
