/** The demo accounts the e2e server seeds, by their key in E2E_PASSWORDS and E2E_TOTP_SECRETS. */
export const STAFF_EMAILS = {
  OFFICER: "officer@demo.markid.local",
  LEAD: "lead@demo.markid.local",
  OPS: "ops@demo.markid.local",
  ADMIN: "admin@demo.markid.local",
  ADMIN2: "admin2@demo.markid.local",
  AUDITOR: "auditor@demo.markid.local",
} as const;
