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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICER: readonly Permission[] = [
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
  OPS: ["verification:read", "verification:read-all", "link:send"],
  ADMIN: ["staff:manage", "settings:manage", "audit:read"],
};

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(GRANTS, role)) return false;
  return GRANTS[role as Role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
