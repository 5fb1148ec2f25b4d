import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import { accessEnded } from "@/lib/auth/access-expiry";
import { removeTwoFactor } from "@/lib/auth/enrolment";
import type { Role } from "@/lib/generated/prisma/enums";
import { markOffline } from "@/lib/desk/presence";
import type { Tx } from "@/lib/db";
import { messageKey } from "@/lib/i18n/keys";
import { accessDetails, type AuditorAccess } from "@/lib/staff/auditor-access";
import { createInvitation } from "@/lib/staff/invitations";

// The admin page's changes, each run inside the caller's transaction with its audit entry.
// A refusal changes nothing and audits nothing.

export type Outcome<T = null> = {
  value: { ok: true; result: T } | { ok: false; message: string };
  audit: AuditEntry[];
};

const refuse = (message: string): Outcome<never> => ({ value: { ok: false, message }, audit: [] });
const target = (id: string) => ({ targetType: "staff_user", targetId: id }) as const;
const ADMIN_LOCK = 727_010;

/** Serialises every change that could leave no active administrator (held to the end of the transaction). */
export async function lockAdministrators(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK})`;
}

/** Someone else must remain an active administrator. Serialised, so two admins cannot remove each other. */
async function othersKeepAdmin(tx: Tx, userId: string): Promise<boolean> {
  await lockAdministrators(tx);
  const others = await tx.staffUser.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  return others > 0;
}

/** An auditor always comes with an expiry; no other role has one (lib/staff/auditor-access.ts). */
export const AUDITOR_ONLY = messageKey("staff.errors.auditorOnlyInvited");

export async function inviteUser(
  tx: Tx,
  input: { email: string; name: string; role: Role; access: AuditorAccess | null },
): Promise<Outcome<{ userId: string; token: string; expiresAt: Date }>> {
  const { access, ...person } = input;
  if ((person.role === "AUDITOR") !== (access !== null))
    return refuse(messageKey("staff.errors.auditorNeedsExpiry"));
  if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return refuse(messageKey("staff.errors.emailTaken"));
  }
  const user = await tx.staffUser.create({ data: { ...person, ...access }, select: { id: true } });
  const { token, expiresAt } = await createInvitation(tx, user.id);
  const audit: AuditEntry = {
    action: "staff.invited",
    ...target(user.id),
    details: { role: input.role, ...(access ? { access: accessDetails(access) } : {}) },
  };
  return { value: { ok: true, result: { userId: user.id, token, expiresAt } }, audit: [audit] };
}

export async function reissueInvitation(
  tx: Tx,
  userId: string,
): Promise<Outcome<{ email: string; name: string; token: string; expiresAt: Date }>> {
  const user = await tx.staffUser.findUnique({ where: { id: userId } });
  if (!user || !user.active) return refuse(messageKey("staff.errors.onlyActiveInvited"));
  if (user.passwordHash) return refuse(messageKey("staff.errors.passwordAlreadySet"));
  const { token, expiresAt } = await createInvitation(tx, userId);
  // A new link gives the person a new chance to sign in: the inactivity clock restarts with it.
  await tx.staffUser.update({ where: { id: userId }, data: { activeSince: new Date() } });
  const result = { email: user.email, name: user.name, token, expiresAt };
  return { value: { ok: true, result }, audit: [{ action: "staff.invitation_reissued", ...target(userId) }] };
}

export async function changeRole(tx: Tx, actorId: string, userId: string, role: Role): Promise<Outcome> {
  if (actorId === userId) return refuse(messageKey("staff.errors.ownRole"));
  const user = await tx.staffUser.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!user) return refuse(messageKey("staff.errors.noSuchAccount"));
  if (user.role === role) return { value: { ok: true, result: null }, audit: [] };
  if (user.role === "AUDITOR" || role === "AUDITOR") return refuse(AUDITOR_ONLY);
  if (user.role === "ADMIN" && user.active && !(await othersKeepAdmin(tx, userId))) {
    return refuse(messageKey("staff.errors.lastAdmin"));
  }
  // A new session version ends the person's current sessions: the new role applies from their next sign-in.
  await tx.staffUser.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
  const audit: AuditEntry = {
    action: "staff.role_changed",
    ...target(userId),
    details: { from: user.role, to: role },
  };
  return { value: { ok: true, result: null }, audit: [audit] };
}

export async function setActive(tx: Tx, actorId: string, userId: string, active: boolean): Promise<Outcome> {
  if (!active && actorId === userId) return refuse(messageKey("staff.errors.ownDeactivate"));
  const user = await tx.staffUser.findUnique({
    where: { id: userId },
    select: { role: true, active: true, accessExpiresAt: true },
  });
  if (!user) return refuse(messageKey("staff.errors.noSuchAccount"));
  if (user.active === active) return { value: { ok: true, result: null }, audit: [] };
  // It would end again at once: the expiry must be moved first.
  if (active && accessEnded(user.accessExpiresAt)) return refuse(messageKey("staff.errors.extendFirst"));
  if (!active && user.role === "ADMIN" && !(await othersKeepAdmin(tx, userId))) {
    return refuse(messageKey("staff.errors.lastAdminDeactivate"));
  }
  await tx.staffUser.update({
    where: { id: userId },
    data: {
      active,
      sessionVersion: { increment: 1 },
      // Reactivated, the inactivity clock restarts (lib/staff/inactivity-rules.ts), or the job would undo it.
      ...(active
        ? { failedLoginCount: 0, failedLoginWindow: null, lockedUntil: null, activeSince: new Date() }
        : {}),
    },
  });
  if (!active) await markOffline(tx, [userId]);
  return {
    value: { ok: true, result: null },
    audit: [{ action: active ? "staff.reactivated" : "staff.deactivated", ...target(userId) }],
  };
}

export async function resetTwoFactor(tx: Tx, actorId: string, userId: string): Promise<Outcome> {
  if (actorId === userId) return refuse(messageKey("staff.errors.ownTwoFactor"));
  const user = await tx.staffUser.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!user) return refuse(messageKey("staff.errors.noSuchAccount"));
  await removeTwoFactor(tx, userId, true);
  return { value: { ok: true, result: null }, audit: [{ action: "staff.2fa_reset", ...target(userId) }] };
}

/** Moves an auditor's expiry (the caller has checked the 90-day cap); a reactivation stays a separate step. */
export async function changeAccessExpiry(tx: Tx, userId: string, expiresAt: Date): Promise<Outcome> {
  const user = await tx.staffUser.findUnique({ where: { id: userId }, select: { accessExpiresAt: true } });
  if (!user?.accessExpiresAt) return refuse(messageKey("staff.errors.onlyAuditorsExpiry"));
  if (user.accessExpiresAt.getTime() === expiresAt.getTime())
    return { value: { ok: true, result: null }, audit: [] };
  // Shortening takes effect at once (the session check reads it); a session begun earlier still ends at the
  // expiry its cookie carries, so an extension applies from the next sign-in.
  await tx.staffUser.update({ where: { id: userId }, data: { accessExpiresAt: expiresAt } });
  const details = { from: user.accessExpiresAt.toISOString(), to: expiresAt.toISOString() };
  return {
    value: { ok: true, result: null },
    audit: [{ action: "staff.access_changed", ...target(userId), details }],
  };
}
