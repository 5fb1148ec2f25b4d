// Pure, so that the CLI, the invitation page and the tests share one rule.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
// The words behind most "strong enough" passwords, once digits and symbols are stripped.
const COMMON = new Set([
  ...["password", "passwort", "qwerty", "qwertz", "letmein", "welcome", "admin", "changeme"],
  ...["iloveyou", "monkey", "dragon", "abc", "markid", "backoffice", "summer", "winter"],
]);

/** Why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  }
  if (CLASSES.filter((c) => c.test(password)).length < 2) {
    return "The password must mix at least two kinds of characters (lower case, upper case, digits, symbols).";
  }
  if (new Set(password).size < 4) {
    return "The password repeats too few different characters.";
  }
  if (COMMON.has(password.toLowerCase().replace(/[^a-z]/g, ""))) {
    return "The password is a common word with digits or symbols added; choose something less guessable.";
  }
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && password.toLowerCase().includes(local)) {
    return "The password must not contain the name part of the email address.";
  }
  return null;
}
