import { describe, expect, it } from "vitest";
import { quickFormat } from "@/lib/i18n/quick-format";
import { LANGUAGES } from "@/lib/i18n/languages";
import { MESSAGES, translatorFor } from "@/lib/i18n/messages";

type Loose = ((key: string, values: Record<string, string>) => string) & { raw(key: string): unknown };

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe("quickFormat", () => {
  it.each(LANGUAGES)("formats every message with arguments exactly as next-intl does (%s)", (language) => {
    const t = translatorFor(language) as unknown as Loose;
    const format = quickFormat(t);
    let simple = 0;
    for (const [key, message] of leaves(MESSAGES[language])) {
      const names = [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
      // Rich messages (tags) are for t.rich, never for quickFormat.
      if (!names.length || message.includes("<")) continue;
      // Strings with characters ICU treats specially, so that a wrong split would show.
      const values = Object.fromEntries(names.map((n) => [n, `<${n} & {x}>`]));
      expect(format(key, values), key).toBe(t(key, values));
      if (/^(?:[^{}'<>#|]|\{\w+\})*$/.test(message)) simple++;
    }
    // The fast path is really taken for most of them.
    expect(simple).toBeGreaterThan(100);
  });

  it("leaves plural, select and quoted messages to the translator, and fills simple ones itself", () => {
    const calls: string[] = [];
    const raw: Record<string, string> = {
      plain: "since {at}",
      plural: "{n, plural, one {# row} other {# rows}}",
      quoted: "It''s {at}",
    };
    const t = Object.assign(
      (key: string, values: Record<string, string>) => {
        calls.push(key);
        return `translated ${key} ${JSON.stringify(values)}`;
      },
      { raw: (key: string) => raw[key] },
    );
    const format = quickFormat(t);
    expect(format("plain", { at: "5 Dec" })).toBe("since 5 Dec");
    expect(format("plural", { n: "2" })).toContain("translated plural");
    expect(format("quoted", { at: "now" })).toContain("translated quoted");
    // A missing argument is the translator's to report.
    expect(format("plain", {})).toContain("translated plain");
    expect(calls).toEqual(["plural", "quoted", "plain"]);
  });
});
