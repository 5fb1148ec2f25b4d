import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
/** The e2e server's own SMTP catcher, and the folder it keeps each message in (read by e2e/support/mailbox). */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 2000);
export const E2E_MAILBOX_DIR = path.resolve(import.meta.dirname, "../../.data", `e2e-mailbox-${E2E_PORT}`);
export const E2E_PASSWORDS: Record<string, string> = {
  OFFICER: "e2e-Officer-password-1",
  LEAD: "e2e-Lead-password-1",
  OPS: "e2e-Ops-password-1",
  ADMIN: "e2e-Admin-password-1",
  ADMIN2: "e2e-Admin2-password-1",
  AUDITOR: "e2e-Auditor-password-1",
};
/** The demo accounts' TOTP keys: the e2e server seeds them enrolled, e2e/support/two-factor makes codes. */
export const E2E_TOTP_SECRETS: Record<string, string> = {
  OFFICER: "JBSWY3DPEHPK3PXPOFFICERAAAAAAAAA",
  LEAD: "JBSWY3DPEHPK3PXPLEADAAAAAAAAAAAA",
  OPS: "JBSWY3DPEHPK3PXPOPSAAAAAAAAAAAAA",
  ADMIN: "JBSWY3DPEHPK3PXPADMINAAAAAAAAAAA",
  ADMIN2: "JBSWY3DPEHPK3PXPADMINBBBBBBBBBBB",
  AUDITOR: "JBSWY3DPEHPK3PXPAUDITORAAAAAAAAA",
};
/** The e2e app's environment, written by the e2e server: e2e/support/purge.ts runs a tool against it. */
export const E2E_ENV_FILE = path.resolve(import.meta.dirname, "../../.data", `e2e-env-${E2E_PORT}.json`);
/** Where two-factor.ts keeps each account's key and last used step; the e2e server empties it at start. */
export const E2E_TOTP_STATE = path.resolve(import.meta.dirname, "../../.data", `e2e-totp-${E2E_PORT}.json`);

/** The in-process OpenID Connect provider (e2e/support/oidc-idp.ts) that e2e/sso.spec.ts starts. */
export const E2E_OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? E2E_PORT + 2001);
export const E2E_OIDC = {
  OIDC_ISSUER: `http://127.0.0.1:${E2E_OIDC_PORT}`,
  OIDC_CLIENT_ID: "e2e-back-office",
  OIDC_NAME: "Test IdP",
  OIDC_SCOPES: "openid email profile groups",
  OIDC_ROLE_MAP: "kyc-officers=OFFICER,kyc-leads=LEAD,kyc-ops=OPS,kyc-admins=ADMIN",
  OIDC_AUTO_CREATE: "on",
};

/** The secrets the e2e stack runs with. e2e/security.spec.ts checks that none of them reaches a browser. */
export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
  MARKID_API_KEY: "e2e-api-key",
  MARKID_API_SECRET: "e2e-api-secret",
  // At least 32 bytes: the production server refuses a shorter webhook key.
  MARKID_WEBHOOK_SIGNING_KEY: "e2e-webhook-signing-key-0123456789abcdef",
  AUDIT_CHECKPOINT_KEY: "e2e-audit-checkpoint-key-0123456789abcdef",
  OIDC_CLIENT_SECRET: "e2e-oidc-client-secret-0123456789abcdef",
};
