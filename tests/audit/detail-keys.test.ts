// No audit detail key is named like a person's data (the trail is never purged: lib/audit/actions.ts). Future
// actions are held to it twice: by the type checker over every shape in the catalogue, imported types included,
// and at run time over the catalogue's source and every `details: { … }` the code writes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AuditAction, AuditDetails } from "@/lib/audit/actions";

type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends Date
    ? never
    : T extends object
      ? { [K in keyof T & string]-?: K | DeepKeys<T[K]> }[keyof T & string]
      : never;
type Personal<K extends string> = K extends unknown
  ? Lowercase<K> extends
      | `${string}email${string}`
      | `${string}phone${string}`
      | `${string}name`
      | "clientid"
      | "externalref"
      | "q"
    ? K
    : never
  : never;
const PERSONAL_KEY = /^(.*email.*|.*phone.*|.*name|clientid|externalref|q)$/i;

const ROOT = path.resolve(import.meta.dirname, "../..");
const sources = () =>
  ["app", "lib", "scripts", "components"].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .map((f) => `${dir}/${f.split(path.sep).join("/")}`)
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith("lib/generated/")),
  );

describe("no detail key is named like personal data", () => {
  it("in the catalogue's shapes (type-checked, so `npm run typecheck` fails on one)", () => {
    type Leaks = Personal<{ [A in AuditAction]: DeepKeys<AuditDetails<A>> }[AuditAction]>;
    expectTypeOf<Leaks>().toEqualTypeOf<never>();
    // The check itself finds such keys, at any depth.
    expectTypeOf<Personal<DeepKeys<{ a: { firstName: string }[]; q: string; ok: 1 }>>>().toEqualTypeOf<
      "firstName" | "q"
    >();
  });

  it("in the catalogue's source and in every `details: { … }` the code writes", () => {
    const catalogue = readFileSync(path.join(ROOT, "lib/audit/actions.ts"), "utf8").replace(/\/\/.*$/gm, "");
    const keys = [...catalogue.matchAll(/([A-Za-z_$][\w$]*)\??:/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => PERSONAL_KEY.test(k))).toEqual([]);
    const written = sources().flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/details:\s*\{([^{}]*)\}/g)].flatMap((m) =>
        [...m[1]!.matchAll(/(?:^|[,{\s])([A-Za-z_$][\w$]*)\s*(?=[:,]|$)/g)].map((k) => `${file}: ${k[1]}`),
      ),
    );
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((w) => PERSONAL_KEY.test(w.split(": ")[1]!))).toEqual([]);
    expect(PERSONAL_KEY.test("recipientEmail") && PERSONAL_KEY.test("lastName")).toBe(true);
  });
});
