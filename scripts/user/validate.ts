// The CLI's checks, pure so that tests call them directly.
import { passwordProblem } from "../../lib/auth/password-policy";
import { Role } from "../../lib/generated/prisma/enums";

// Auditors are invited on the Staff page, where their expiry is required (lib/staff/auditor-access.ts).
const CLI_ROLES = Object.values(Role).filter((role) => role !== "AUDITOR");
const ROLE_NAMES = CLI_ROLES.map((role) => role.toLowerCase());
export type NewUser = { email: string; name: string; role: Role };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the command-line arguments; each problem says what to fix. */
export function validateArgs(args: { email?: string; name?: string; role?: string }): NewUser | string[] {
  const problems: string[] = [];
  const email = args.email?.trim().toLowerCase() ?? "";
  const name = args.name?.trim() ?? "";
  const given = args.role?.trim().toLowerCase() ?? "";
  const role = CLI_ROLES.find((r) => r.toLowerCase() === given);
  if (!EMAIL.test(email) || email.length > 254) problems.push("--email must be an email address.");
  if (!name || name.length > 120) problems.push("--name is required (at most 120 characters).");
  if (!role) problems.push(`--role must be one of: ${ROLE_NAMES.join(", ")}.`);
  if (problems.length || !role) return problems;
  return { email, name, role };
}

/** The reason a password is refused, or null. */
export function validatePassword(password: string, email: string, name = ""): string | null {
  return passwordProblem(password, email, name);
}
