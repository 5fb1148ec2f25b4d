import "server-only";
import { scopeOf, scopeWhere } from "@/lib/auth/record-scope";
import type { SessionUser } from "@/lib/auth/session-check";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { clientLabel } from "@/lib/verifications/purged";

/**
 * One notice as the bell shows it, with the case named now, as the reader may see it. What happened is its
 * kind, put in words where it is shown (notifications.kinds), in the reader's language.
 */
export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  verificationId: string;
  /** The client's name or ID; "deleted" once purged; null when the reader may no longer open the case. */
  label: string | null;
  at: string;
  read: boolean;
};

/** What the bell polls: the unread count, and a version that changes with every new or read notice. */
export async function notificationVersion(userId: string): Promise<{ unread: number; version: string }> {
  // One round trip: every page of a decider asks, and the bell polls it.
  const [row] = await getDb().$queryRaw<{ unread: number; latest: string | null; lastRead: Date | null }[]>`
    SELECT (SELECT count(*)::int FROM notifications WHERE "userId" = ${userId}::uuid AND "readAt" IS NULL) AS unread,
      (SELECT id::text FROM notifications WHERE "userId" = ${userId}::uuid
        ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS latest,
      (SELECT max("readAt") FROM notifications WHERE "userId" = ${userId}::uuid) AS "lastRead"`;
  const unread = row?.unread ?? 0;
  const version = [unread, row?.latest ?? "", row?.lastRead?.getTime() ?? 0].join(":");
  return { unread, version };
}

/** The reader's newest notices, their own only. A case they may no longer read is not named. */
export async function listNotifications(user: SessionUser, take = 20): Promise<NotificationItem[]> {
  const db = getDb();
  const rows = await db.notification.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      verificationId: true,
      createdAt: true,
      readAt: true,
      verification: { select: { clientId: true, firstName: true, lastName: true, purgedAt: true } },
    },
  });
  const ids = [...new Set(rows.map((r) => r.verificationId))];
  const readable = await db.verification.findMany({
    where: { id: { in: ids }, ...scopeWhere(scopeOf(user)) },
    select: { id: true },
  });
  const mayRead = new Set(readable.map((v) => v.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    verificationId: r.verificationId,
    label: mayRead.has(r.verificationId) ? clientLabel(r.verification) : null,
    at: formatDateTime(r.createdAt),
    read: r.readAt !== null,
  }));
}

/** Whether the person asked for their notifications by email too. */
export async function notificationMailChoice(userId: string): Promise<boolean> {
  const user = await getDb().staffUser.findUnique({ where: { id: userId }, select: { notifyByEmail: true } });
  return user?.notifyByEmail ?? false;
}
