import { isEnumValue } from "@/lib/enum-values";
import { Role } from "@/lib/generated/prisma/enums";

// The role → permission map. Anything not listed is refused (fail closed).
export const ROLES = Object.values(Role);

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
  // Checking the chain and writing a checkpoint: each writes to the trail, so not a read-only role's.
  "audit:check",
  "export:run",
  "metrics:read",
  "link:send",
  "staff:manage",
  "settings:manage",
  // Quality assurance of final decisions (lib/qa): a second line of defence, never on one's own decisions.
  "qa:review",
  // The purge preview, its exceptions and legal holds (lib/retention): leads and admins, not auditors, since
  // placing and lifting a hold changes what is kept.
  "retention:manage",
  // One's own sign-in settings (two-factor): every role has it, but it is still asked for by name.
  "account:security",
  // One's own notifications (lib/notifications) and whether they are emailed: the roles whose cases,
  // decisions and second reviews cause them. Each person reads and marks only their own.
  "notification:read",
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
  "notification:read",
];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  OFFICER,
  LEAD: [
    ...OFFICER,
    "verification:read-all",
    "decision:second-review",
    "verification:reassign",
    "audit:read",
    "audit:check",
    "export:run",
    "metrics:read",
    "qa:review",
    "retention:manage",
  ],
  OPS: ["account:security", "verification:read", "verification:read-all", "link:send"],
  ADMIN: [
    "account:security",
    "staff:manage",
    "settings:manage",
    "audit:read",
    "audit:check",
    "retention:manage",
  ],
  // Read-only, within the account's date scope (lib/auth/record-scope.ts) and until its expiry: no action.
  AUDITOR: [
    "account:security",
    "verification:read",
    "verification:read-all",
    "recording:view",
    "audit:read",
    "export:run",
    "metrics:read",
  ],
};

// Every role must use two-factor sign-in. An administrator may make it optional for these roles only
// (Settings); administrators, team leads and auditors can never go without it.
export const TWO_FACTOR_OPTIONAL_ROLES = ["OFFICER", "OPS"] as const satisfies readonly Role[];
const RELAXABLE: ReadonlySet<string> = new Set(TWO_FACTOR_OPTIONAL_ROLES);

// Granting any of these needs a second administrator's approval: decisions and exports act on clients'
// identities, and staff:manage makes another approver, so one admin cannot approve their own requests.
const APPROVAL_NEEDED: readonly Permission[] = [
  "decision:make",
  "decision:second-review",
  "export:run",
  "staff:manage",
];

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!isRole(role) || typeof permission !== "string") return false;
  return GRANTS[role].includes(permission);
}

/** Whether the role must use two-factor sign-in, given the roles Settings make it optional for. */
export function requiresTwoFactor(role: string, optionalFor: readonly string[] = []): boolean {
  return !(twoFactorRelaxable(role) && optionalFor.includes(role));
}

/** Whether Settings may make two-factor sign-in optional for this role at all. */
export function twoFactorRelaxable(role: string): boolean {
  return RELAXABLE.has(role);
}

/** Whether moving someone from `from` (null: a new account) to `to` needs another administrator's approval. */
export function roleGrantNeedsApproval(from: Role | null, to: Role): boolean {
  return APPROVAL_NEEDED.some((p) => can(to, p) && !(from !== null && can(from, p)));
}

export function isRole(value: unknown): value is Role {
  return isEnumValue(Role, value);
}
