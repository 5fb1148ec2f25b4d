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
