import type { Role } from "@/lib/auth/permissions";

export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = [
  { value: "OFFICER", label: "Compliance officer" },
  { value: "LEAD", label: "Team lead" },
  { value: "OPS", label: "Operations" },
  { value: "ADMIN", label: "Administrator" },
];
