import type { SsoRefusal } from "@/lib/auth/sso-config";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";

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

const SSO_MESSAGES: Record<(typeof SSO_ERRORS)[SsoRefusal], MessageKey> = {
  SsoEmailUnverified: messageKey("auth.login.sso.emailUnverified"),
  SsoInactive: messageKey("auth.login.sso.inactive"),
  SsoAuditor: messageKey("auth.login.sso.auditor"),
  SsoNoRole: messageKey("auth.login.sso.noRole"),
  SsoNoAccount: messageKey("auth.login.sso.noAccount"),
};

/** What the login page says for `?error=`: a refusal explained, or next-auth's own failures as one line. */
export function loginErrorMessage(code: string | undefined): MessageKey | null {
  if (!code) return null;
  return (
    new Map<string, MessageKey>(Object.entries(SSO_MESSAGES)).get(code) ?? messageKey("auth.login.failed")
  );
}
