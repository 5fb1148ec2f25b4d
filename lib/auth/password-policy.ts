// One rule for the CLI, the invitation page and the tests. Offline: the lists ship in the packages.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { currentLanguage } from "@/lib/i18n/current";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/messages";
import type en from "@/messages/en.json";
import { processWide } from "@/lib/singleton";

/**
 * zxcvbn's top score: at least 10^10 guesses even for an attacker who knows the leaked-password lists,
 * keyboard walks, dates and l33t spellings. Score 3 still lets "Password-2026!" through.
 */
const MIN_SCORE = 4;
// Words an attacker tries first against this product in particular.
const PRODUCT_WORDS = ["markid", "backoffice", "back office", "compliance", "verification"];

// Built on first use: ranking ~50 000 leaked passwords takes a moment that most processes never need.
function zxcvbn(): ZxcvbnFactory {
  return processWide(
    "zxcvbn",
    () =>
      new ZxcvbnFactory({
        dictionary,
        graphs: adjacencyGraphs,
        // Also catches a leaked password with a character or two changed ("Passw0rd!!").
        useLevenshteinDistance: true,
        maxLength: MAX_PASSWORD_LENGTH,
      }),
  );
}

type Warning = keyof (typeof en)["auth"]["password"]["warnings"];
// zxcvbn's feedback keys (its default "translations" are the keys themselves), as our messages.
const WARNINGS: Record<string, Warning> = {
  topTen: "leaked",
  topHundred: "leaked",
  common: "leaked",
  similarToCommon: "similarToCommon",
  userInputs: "userInputs",
  straightRow: "straightRow",
  keyPattern: "keyPattern",
  simpleRepeat: "simpleRepeat",
  extendedRepeat: "extendedRepeat",
  sequences: "sequences",
  recentYears: "recentYears",
  dates: "dates",
};

/**
 * Why the password is refused, in `language` (the request's; English on the command line), or null when it
 * is acceptable. Any characters are allowed (ASVS 6.2.5).
 */
export function passwordProblem(
  password: string,
  email: string,
  name = "",
  language: Language = currentLanguage(),
): string | null {
  const t = translatorFor(language);
  if (password.length < MIN_PASSWORD_LENGTH) return t("auth.password.tooShort", { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return t("auth.password.tooLong", { max: MAX_PASSWORD_LENGTH });
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && password.toLowerCase().includes(local)) return t("auth.password.emailName");
  const inputs = [email, local, ...local.split(/[._+-]/), ...name.split(/\s+/), ...PRODUCT_WORDS];
  const result = zxcvbn().check(
    password,
    inputs.filter((w) => w.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  // zxcvbn names a warning only when one pattern explains the whole password; a name among others counts too.
  const fromInputs = result.sequence.some((m) => "dictionaryName" in m && m.dictionaryName === "userInputs");
  const warning = fromInputs ? "userInputs" : (result.feedback.warning ?? "");
  const why = t(`auth.password.warnings.${WARNINGS[warning] ?? "other"}`);
  return t("auth.password.refused", { why });
}
