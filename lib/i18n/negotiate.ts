import { DEFAULT_LANGUAGE, isLanguage, type Language } from "@/lib/i18n/languages";

/**
 * The first of our languages in a browser's Accept-Language, by its q weights ("de-AT;q=0.9" counts as de);
 * English when none matches or the header is missing or malformed.
 */
export function negotiateLanguage(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguage
    .slice(0, 512)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split("-")[0],
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((r) => r.base).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

/** The person's own choice, else their browser's preference, else English. */
export function resolveLanguage(
  chosen: Language | null | undefined,
  acceptLanguage: string | null | undefined,
) {
  return chosen ?? negotiateLanguage(acceptLanguage);
}
