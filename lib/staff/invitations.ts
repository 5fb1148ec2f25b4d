import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { randomToken, sha256 } from "@/lib/auth/keys";
import { hashPassword } from "@/lib/auth/password";
import { messageKey } from "@/lib/i18n/keys";
import { passwordProblem } from "@/lib/auth/password-policy";
import { getDb, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { RequestMeta } from "@/lib/request-meta";

const INVITATION_HOURS = 72;

/** A one-time link to set a password. Only its hash is stored; any earlier open link stops working. */
export async function createInvitation(tx: Tx, userId: string): Promise<{ token: string; expiresAt: Date }> {
  await tx.invitation.deleteMany({ where: { userId, usedAt: null } });
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_HOURS * 3600_000);
  await tx.invitation.create({ data: { userId, tokenHash: sha256(token), expiresAt } });
  return { token, expiresAt };
}

export function invitationUrl(token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, getEnv().APP_URL).toString();
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Who the link is for, while it is unused, unexpired and the account active. */
export async function findOpenInvitation(token: string) {
  if (!TOKEN.test(token)) return null;
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, active: true } },
    },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date() || !invitation.user.active)
    return null;
  return {
    id: invitation.id,
    userId: invitation.user.id,
    email: invitation.user.email,
    name: invitation.user.name,
  };
}

export type AcceptResult = { ok: true } | { ok: false; field?: "password"; message: string };

const GONE = messageKey("staff.invitation.linkGone");

/** Sets the password and spends the link, atomically: a second use of the same link finds it gone. */
export async function acceptInvitation(
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<AcceptResult> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return { ok: false, message: GONE };
  const problem = passwordProblem(password, invitation.email, invitation.name);
  if (problem) return { ok: false, field: "password", message: problem };
  const passwordHash = await hashPassword(password);
  return getDb().$transaction(async (tx): Promise<AcceptResult> => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count !== 1) return { ok: false, message: GONE };
    await tx.staffUser.update({
      where: { id: invitation.userId },
      data: {
        passwordHash,
        // The inactivity clock runs from acceptance until the first sign-in (lib/staff/inactivity-rules.ts).
        activeSince: new Date(),
        sessionVersion: { increment: 1 },
        failedLoginCount: 0,
        failedLoginWindow: null,
        lockedUntil: null,
      },
    });
    await recordAudit(tx, {
      action: "staff.invitation_accepted",
      actorId: invitation.userId,
      actorEmail: invitation.email,
      targetType: "staff_user",
      targetId: invitation.userId,
      ...meta,
    });
    return { ok: true };
  });
}
