import { describe, expect, it } from "vitest";
import { negotiateLanguage, resolveLanguage } from "@/lib/i18n/negotiate";

describe("the browser's language", () => {
  it("takes the first of ours by q weight, whatever the order in the header", () => {
    expect(negotiateLanguage("de")).toBe("de");
    expect(negotiateLanguage("fr;q=0.9, lt;q=0.8, de;q=0.7")).toBe("lt");
    expect(negotiateLanguage("en;q=0.2, de;q=0.9")).toBe("de");
    expect(negotiateLanguage("lt, de")).toBe("lt");
    expect(negotiateLanguage("de;q=0.5, lt;q=0.5")).toBe("de");
  });

  it("reads a region as its language and ignores case", () => {
    expect(negotiateLanguage("de-AT")).toBe("de");
    expect(negotiateLanguage("fr-CH, de-CH;q=0.8")).toBe("de");
    expect(negotiateLanguage("LT-lt")).toBe("lt");
    expect(negotiateLanguage("en-US,en;q=0.9")).toBe("en");
  });

  it("answers English for languages we lack, a missing header and q=0", () => {
    expect(negotiateLanguage("fr, es;q=0.8")).toBe("en");
    expect(negotiateLanguage("*")).toBe("en");
    expect(negotiateLanguage("")).toBe("en");
    expect(negotiateLanguage(null)).toBe("en");
    expect(negotiateLanguage(undefined)).toBe("en");
    expect(negotiateLanguage("de;q=0, fr")).toBe("en");
  });

  it("survives malformed headers", () => {
    expect(negotiateLanguage(";;;,,,")).toBe("en");
    expect(negotiateLanguage("de;q=abc, lt;q=0.1")).toBe("lt");
    expect(negotiateLanguage("de;q=")).toBe("en");
    expect(negotiateLanguage(`${"x,".repeat(400)}de`)).toBe("en");
    expect(negotiateLanguage("toString, constructor, __proto__")).toBe("en");
  });

  it("puts the person's own choice before the browser's", () => {
    expect(resolveLanguage("lt", "de-AT")).toBe("lt");
    expect(resolveLanguage(null, "de-AT")).toBe("de");
    expect(resolveLanguage(undefined, null)).toBe("en");
  });
});
