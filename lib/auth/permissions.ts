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
  // Quality assurance of final decisions (lib/qa): a second line of defence, never on one's own decisions.
  "qa:review",
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
    "qa:review",
  ],
  OPS: ["account:security", "verification:read", "verification:read-all", "link:send"],
  ADMIN: ["account:security", "staff:manage", "settings:manage", "audit:read"],
};

// Every role must use two-factor sign-in. An administrator may make it optional for these roles only
// (Settings); administrators and team leads can never go without it.
export const TWO_FACTOR_OPTIONAL_ROLES = ["OFFICER", "OPS"] as const satisfies readonly Role[];

// Granting any of these needs a second administrator's approval: decisions and exports act on clients'
// identities, and staff:manage makes another approver, so one admin cannot approve their own requests.
const APPROVAL_NEEDED: readonly Permission[] = [
  "decision:make",
  "decision:second-review",
  "export:run",
  "staff:manage",
];

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (typeof role !== "string" || typeof permission !== "string" || !Object.hasOwn(GRANTS, role))
    return false;
  return GRANTS[role as Role].includes(permission);
}

/** Whether the role must use two-factor sign-in, given the roles Settings make it optional for. */
export function requiresTwoFactor(role: string, optionalFor: readonly string[] = []): boolean {
  const relaxable = (TWO_FACTOR_OPTIONAL_ROLES as readonly string[]).includes(role);
  return !(relaxable && optionalFor.includes(role));
}

/** Whether moving someone from `from` (null: a new account) to `to` needs another administrator's approval. */
export function roleGrantNeedsApproval(from: Role | null, to: Role): boolean {
  return APPROVAL_NEEDED.some((p) => can(to, p) && !(from !== null && can(from, p)));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
