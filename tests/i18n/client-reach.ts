import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isClientSource, namespacesOf } from "./message-usage";

// Which message namespaces the browser needs for one route file: the namespaces opened by every file that runs
// in the browser, found by following imports from the file ("use client" marks where the browser's part starts,
// and everything such a file imports runs there too).

const ROOT = path.resolve(import.meta.dirname, "../..");

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

const IMPORTS = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^"';]*?from\s+["']([^"']+)["']/g;

/** The namespaces the browser part of `file` (relative to the repository) opens, with the files that open them. */
export function browserNamespaces(file: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (full: string, inBrowser: boolean) => {
    const key = `${full}|${inBrowser}`;
    if (seen.has(key)) return;
    seen.add(key);
    const text = readFileSync(full, "utf8");
    const browser = inBrowser || isClientSource(text);
    if (browser) {
      for (const ns of namespacesOf(text))
        found.set(ns, [...(found.get(ns) ?? []), path.relative(ROOT, full)]);
    }
    for (const m of text.matchAll(IMPORTS)) {
      const next = resolve(full, m[1]!);
      if (next) visit(next, browser);
    }
  };
  visit(path.join(ROOT, file), false);
  return found;
}
