import { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABEL: Record<Role, string> = {
  OFFICER: "Compliance officer",
  LEAD: "Team lead",
  OPS: "Operations",
  ADMIN: "Administrator",
  AUDITOR: "Auditor (read-only)",
};

export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = Object.values(Role).map((value) => ({
  value,
  label: ROLE_LABEL[value],
}));

/** What a role change may choose: an auditor is only ever invited, with an expiry (lib/staff/commands.ts). */
export const ROLE_CHANGE_OPTIONS = ROLE_OPTIONS.filter((o) => o.value !== "AUDITOR");
