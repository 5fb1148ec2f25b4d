import type { SsoRefusal } from "@/lib/auth/sso-config";

// The error names authorize() sends back through next-auth, shared with the login form. None of them
// is given before the password has been verified, so none tells an email that exists from one that does not.
export const LOGIN_ERRORS = {
  codeRequired: "TwoFactorRequired",
  codeRejected: "CodeRejected",
  challengeExpired: "ChallengeExpired",
} as const;

/** The `?error=` a refused sign-in through the IdP leads to, and what the login page then says. */
export const SSO_ERRORS = {
  email_unverified: "SsoEmailUnverified",
  inactive: "SsoInactive",
  auditor: "SsoAuditor",
  no_mapped_group: "SsoNoRole",
  no_account: "SsoNoAccount",
} as const satisfies Record<SsoRefusal, string>;

const SSO_MESSAGES: Record<(typeof SSO_ERRORS)[SsoRefusal], string> = {
  SsoEmailUnverified:
    "Your organisation's sign-in did not confirm your email address, so it cannot be matched to an account.",
  SsoInactive: "Your back-office account is deactivated. Ask a back-office administrator to reactivate it.",
  SsoAuditor: "Auditor accounts sign in with their email, password and code, not through single sign-on.",
  SsoNoRole:
    "You signed in, but you are in none of the groups that give access to the back office. " +
    "Ask your administrator to add you to one.",
  SsoNoAccount:
    "You signed in, but there is no back-office account for your email address. Ask an administrator to invite you.",
};

/** What the login page says for `?error=`: a refusal explained, or next-auth's own failures as one line. */
export function loginErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return (
    new Map<string, string>(Object.entries(SSO_MESSAGES)).get(code) ??
    "Sign-in did not complete. Try again, or ask your administrator."
  );
}
