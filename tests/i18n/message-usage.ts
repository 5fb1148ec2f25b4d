import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// What the messages test needs to know about the source: which full keys it names. A file names a key by its
// full path anywhere in a string ("verifications.form.saved", how lib/ hands keys over), by a key relative to a
// namespace it opened (useTranslations / getTranslations), or by a template's fixed head (`status.${s}`), which
// counts every key under it as used.

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIRS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

export type SourceFile = { file: string; text: string; client: boolean; namespaces: string[] };

/** The message namespaces a file opens (useTranslations / getTranslations). */
export function namespacesOf(text: string): string[] {
  return [
    ...text.matchAll(/(?:useTranslations|getTranslations)\(\s*["'`]([\w.]+)["'`]/g),
    ...text.matchAll(/getTranslations\(\{[^}]*namespace:\s*["'`]([\w.]+)["'`]/g),
  ].map((m) => m[1]!);
}

/** Whether a file starts the browser's part ("use client"). */
export const isClientSource = (text: string) => /^["']use client["']/m.test(text);

export function readSources(): SourceFile[] {
  return DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).map((file) => {
    const text = readFileSync(file, "utf8");
    return {
      file: path.relative(ROOT, file),
      text,
      client: isClientSource(text),
      namespaces: namespacesOf(text),
    };
  });
}

function literals(text: string): { exact: Set<string>; heads: string[] } {
  const exact = new Set([...text.matchAll(/["'`]([\w.]+)["'`]/g)].map((m) => m[1]!));
  const heads = [...text.matchAll(/`([\w.]*)\$\{/g)].map((m) => m[1]!).filter((h) => h.endsWith("."));
  return { exact, heads };
}

/** Every key in `keys` that no source file names. */
export function unusedKeys(keys: string[], sources: SourceFile[]): string[] {
  const scanned = sources.map((s) => ({ ...literals(s.text), namespaces: s.namespaces }));
  return keys.filter(
    (key) =>
      !scanned.some(({ exact, heads, namespaces }) => {
        const prefixes = ["", ...namespaces.map((ns) => `${ns}.`)];
        return prefixes.some((p) => {
          if (!key.startsWith(p)) return false;
          const rest = key.slice(p.length);
          return exact.has(rest) || heads.some((h) => rest.startsWith(h));
        });
      }),
  );
}

export function flatten(messages: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(messages)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments a message takes: {name}, {count, plural, …}, <tag>…</tag>. */
export function icuArguments(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]!);
  const tags = [...message.matchAll(/<([A-Za-z_]\w*)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}
