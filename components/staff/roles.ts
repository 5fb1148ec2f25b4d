import { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABEL: Record<Role, string> = {
  OFFICER: "Compliance officer",
  LEAD: "Team lead",
  OPS: "Operations",
  ADMIN: "Administrator",
};

export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = Object.values(Role).map((value) => ({
  value,
  label: ROLE_LABEL[value],
}));
