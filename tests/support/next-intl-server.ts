// next-intl's server API as a page calls it, for tests that call a page function outside Next (which alone
// runs the request config): English, from the same message files. Used as
// vi.mock("next-intl/server", () => import("../support/next-intl-server")).
import { translatorFor } from "@/lib/i18n/messages";

type Values = Record<string, string | number | Date>;
const english = translatorFor("en") as unknown as (key: string, values?: Values) => string;

export async function getTranslations(namespace?: string | { namespace?: string }) {
  const ns = typeof namespace === "string" ? namespace : namespace?.namespace;
  return ns ? (key: string, values?: Values) => english(`${ns}.${key}`, values) : english;
}

export async function getLocale() {
  return "en";
}
