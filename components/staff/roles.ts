import { Role } from "@/lib/generated/prisma/enums";

// A role's name comes from messages/<language>.json ("roles.<ROLE>"), wherever a role is shown.

export const ROLE_VALUES: readonly Role[] = Object.values(Role);

/** What a role change may choose: an auditor is only ever invited, with an expiry (lib/staff/commands.ts). */
export const ROLE_CHANGE_VALUES = ROLE_VALUES.filter((r) => r !== "AUDITOR");

/**
 * English names, kept only for the app shell until it reads "roles.<ROLE>" itself (another change): delete
 * this then.
 */
export const ROLE_LABEL: Record<Role, string> = {
  OFFICER: "Compliance officer",
  LEAD: "Team lead",
  OPS: "Operations",
  ADMIN: "Administrator",
  AUDITOR: "Auditor (read-only)",
};
