// One rule for the CLI, the invitation page and the tests. Offline: the lists ship in the packages.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
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

const LEAKED = "This is one of the most commonly used or leaked passwords.";
// zxcvbn's feedback keys (its default "translations" are the keys themselves), in our words.
const WARNINGS: Record<string, string> = {
  topTen: LEAKED,
  topHundred: LEAKED,
  common: LEAKED,
  similarToCommon: "This is too close to a commonly used or leaked password.",
  userInputs: "The password must not be built from your name or email address.",
  straightRow: "Keys in a row on the keyboard are quick to guess.",
  keyPattern: "Keyboard patterns are quick to guess.",
  simpleRepeat: "Repeated characters are quick to guess.",
  extendedRepeat: "Repeated words or characters are quick to guess.",
  sequences: "Sequences such as abc or 6543 are quick to guess.",
  recentYears: "Recent years are quick to guess.",
  dates: "Dates are quick to guess.",
};

/** Why the password is refused, or null when it is acceptable. Any characters are allowed (ASVS 6.2.5). */
export function passwordProblem(password: string, email: string, name = ""): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  }
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && password.toLowerCase().includes(local)) {
    return "The password must not contain the name part of the email address.";
  }
  const inputs = [email, local, ...local.split(/[._+-]/), ...name.split(/\s+/), ...PRODUCT_WORDS];
  const result = zxcvbn().check(
    password,
    inputs.filter((w) => w.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  // zxcvbn names a warning only when one pattern explains the whole password; a name among others counts too.
  const fromInputs = result.sequence.some((m) => "dictionaryName" in m && m.dictionaryName === "userInputs");
  const warning = fromInputs ? "userInputs" : (result.feedback.warning ?? "");
  const why = WARNINGS[warning] ?? "It is a common pattern that is quick to guess.";
  return `${why} Choose a longer phrase of unrelated words.`;
}
