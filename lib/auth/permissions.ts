// The role → permission map. Anything not listed is refused (fail closed).
export const ROLES = ["OFFICER", "LEAD", "OPS", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "verification:create",
  "verification:read",
  "verification:read-all",
  "call:run",
  "recording:view",
  "decision:make",
  "decision:second-review",
  "verification:reassign",
  "audit:read",
  "export:run",
  "metrics:read",
  "link:send",
  "staff:manage",
  "settings:manage",
  // One's own sign-in settings (two-factor): every role has it, but it is still asked for by name.
  "account:security",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICER: readonly Permission[] = [
  "account:security",
  "verification:create",
  "verification:read",
  "call:run",
  "recording:view",
  "decision:make",
  "link:send",
];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  OFFICER,
  LEAD: [
    ...OFFICER,
    "verification:read-all",
    "decision:second-review",
    "verification:reassign",
    "audit:read",
    "export:run",
    "metrics:read",
  ],
  OPS: ["account:security", "verification:read", "verification:read-all", "link:send"],
  ADMIN: ["account:security", "staff:manage", "settings:manage", "audit:read"],
};

// Roles that may not use the app at all until two-factor sign-in is set up.
const TWO_FACTOR_REQUIRED: readonly Role[] = ["ADMIN"];

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (typeof role !== "string" || typeof permission !== "string" || !Object.hasOwn(GRANTS, role))
    return false;
  return GRANTS[role as Role].includes(permission);
}

export function requiresTwoFactor(role: string): boolean {
  return (TWO_FACTOR_REQUIRED as readonly string[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
