import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { fail, succeed } from "@/lib/auth/login-outcomes";
import type { AuthenticatedUser, LoginContext } from "@/lib/auth/login-types";
import { roleForGroups, type SsoProfile, type SsoRefusal, type SsoRole } from "@/lib/auth/sso-config";
import type { SsoSettings } from "@/lib/auth/sso-env";
import { getDb, type Tx } from "@/lib/db";
import { lockAdministrators } from "@/lib/staff/commands";

export type SsoOutcome =
  { status: "ok"; user: AuthenticatedUser } | { status: "refused"; reason: SsoRefusal };

const FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  sessionVersion: true,
  accessExpiresAt: true,
} as const;

/**
 * The IdP vouched for this person; whether the back office lets them in is decided here, in this order: a
 * verified email, then our account's own state (deactivation in the back office wins over the IdP), then a
 * mapped group, then an account (matched by email, case-insensitively, or created when the setting allows).
 * A role the groups no longer give is replaced, which ends that person's other sessions. Every refusal is
 * audited like a failed password; nothing here counts toward the password lockout.
 */
export async function signInWithSso(
  profile: SsoProfile,
  settings: Pick<SsoSettings, "roles" | "autoCreate">,
  ctx: LoginContext,
): Promise<SsoOutcome> {
  const refuse = async (reason: SsoRefusal, user?: AuthenticatedUser | null): Promise<SsoOutcome> => {
    await fail({ user, reason: `sso_${reason}` }, [], ctx);
    return { status: "refused", reason };
  };
  if (!profile.email || !profile.emailVerified) return refuse("email_unverified");
  const db = getDb();
  const email = profile.email.toLowerCase();
  const found = await db.staffUser.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: FIELDS,
  });
  if (found && !found.active) return refuse("inactive", found);
  // An auditor's access has an expiry and a scope only an admin sets: auditors sign in with password and code.
  if (found?.role === "AUDITOR") return refuse("auditor", found);
  const role = roleForGroups(profile.groups, settings.roles);
  if (!role) return refuse("no_mapped_group", found);
  if (!found && !settings.autoCreate) return refuse("no_account");
  const who = { ...ctx, actorEmail: found?.email ?? email };
  const user = await db.$transaction(async (tx) => {
    if (!found) return createAccount(tx, { email, name: profile.name ?? email.split("@")[0]!, role }, who);
    return syncRole(tx, found, role, who);
  });
  await succeed(user, "sso", ctx);
  return { status: "ok", user };
}

type Who = LoginContext & { actorEmail: string };

async function createAccount(
  tx: Tx,
  data: { email: string; name: string; role: SsoRole },
  who: Who,
): Promise<AuthenticatedUser> {
  // No password: this account signs in through the IdP only (an admin may still invite it to set one).
  const user = await tx.staffUser.create({ data: { ...data, activeSince: new Date() }, select: FIELDS });
  const target = { targetType: "staff_user", targetId: user.id } as const;
  await recordAudit(tx, {
    action: "staff.created",
    ...who,
    actorId: user.id,
    ...target,
    details: { role: data.role, via: "sso" },
  });
  return user;
}

async function syncRole(
  tx: Tx,
  user: AuthenticatedUser,
  role: SsoRole,
  who: Who,
): Promise<AuthenticatedUser> {
  if (user.role === role) return user;
  if (user.role === "ADMIN") {
    // As on the Staff page, never leave no active administrator: the last one keeps the role.
    await lockAdministrators(tx);
    const others = { role: "ADMIN", active: true, id: { not: user.id } } as const;
    if ((await tx.staffUser.count({ where: others })) === 0) return user;
  }
  const updated = await tx.staffUser.update({
    where: { id: user.id },
    data: { role, sessionVersion: { increment: 1 } },
    select: FIELDS,
  });
  await recordAudit(tx, {
    action: "staff.role_synced",
    ...who,
    actorId: user.id,
    targetType: "staff_user",
    targetId: user.id,
    details: { from: user.role, to: role },
  });
  return updated;
}
