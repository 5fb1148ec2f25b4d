export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const E2E_PASSWORDS: Record<string, string> = {
  OFFICER: "e2e-Officer-password-1",
  LEAD: "e2e-Lead-password-1",
  OPS: "e2e-Ops-password-1",
  ADMIN: "e2e-Admin-password-1",
};
