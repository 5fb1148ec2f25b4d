import "server-only";
import { IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-token";
import { getDb, type Tx } from "@/lib/db";
import { processWide } from "@/lib/singleton";
import type { Availability } from "@/lib/generated/prisma/enums";

// A decider's availability. What they choose in the header is kept with the session version it was chosen
// in; the session's end sets OFFLINE: at once on sign-out and deactivation (the callers below), and by the
// desk job for a session that ran out (idle past the limit) or was ended by a role change or a 2FA reset.

// A request refreshes seenAt at most this often, so a page full of requests writes once.
const TOUCH_EVERY_MS = 60_000;

/** The person's own availability; OFFLINE until they first choose. */
export async function availabilityOf(staffUserId: string): Promise<Availability> {
  const row = await getDb().staffPresence.findUnique({ where: { staffUserId }, select: { status: true } });
  return row?.status ?? "OFFLINE";
}

/** Records what the person chose, in the session they chose it in; false when it was already so. */
export async function setAvailability(
  tx: Tx,
  staffUserId: string,
  status: Availability,
  now = new Date(),
): Promise<boolean> {
  const { sessionVersion } = await tx.staffUser.findUniqueOrThrow({
    where: { id: staffUserId },
    select: { sessionVersion: true },
  });
  const before = await tx.staffPresence.findUnique({ where: { staffUserId } });
  await tx.staffPresence.upsert({
    where: { staffUserId },
    create: { staffUserId, status, since: now, seenAt: now, sessionVersion },
    update: { status, sessionVersion, seenAt: now, ...(before?.status === status ? {} : { since: now }) },
  });
  return before?.status !== status;
}

/** Their session ended (sign-out, deactivation): OFFLINE from now, so their open cases can move on. */
export async function markOffline(tx: Tx, staffUserIds: readonly string[], now = new Date()): Promise<void> {
  if (!staffUserIds.length) return;
  await tx.staffPresence.updateMany({
    where: { staffUserId: { in: [...staffUserIds] }, status: { not: "OFFLINE" } },
    data: { status: "OFFLINE", since: now },
  });
}

// When this process last wrote (or skipped writing) each person's seenAt: within a minute, a request does not
// even ask the database. Process-wide, so the pages' and the fast paths' bundles share it.
const lastTouched = () => processWide("presence-touched", () => new Map<string, number>());
const TOUCHED_MAX = 10_000;

/** A request in a standing session: the person is still here. */
export async function touchPresence(staffUserId: string, now = new Date()): Promise<void> {
  const touched = lastTouched();
  const last = touched.get(staffUserId);
  if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
  if (touched.size >= TOUCHED_MAX) touched.clear();
  touched.set(staffUserId, now.getTime());
  await getDb().staffPresence.updateMany({
    where: {
      staffUserId,
      status: { not: "OFFLINE" },
      seenAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) },
    },
    data: { seenAt: now },
  });
}

/**
 * OFFLINE for everyone whose session ended without a sign-out: idle past the limit, a newer session version
 * (role change, 2FA reset, password), or an inactive account. Returns their ids.
 */
export async function expireEndedSessions(now = new Date()): Promise<string[]> {
  const idleSince = new Date(now.getTime() - IDLE_TIMEOUT_SECONDS * 1000).toISOString();
  const rows = await getDb().$queryRaw<{ staffUserId: string }[]>`
    UPDATE staff_presence p SET status = 'OFFLINE', since = ${now.toISOString()}::timestamp
    FROM staff_users s
    WHERE s.id = p."staffUserId" AND p.status <> 'OFFLINE'
      AND (p."seenAt" <= ${idleSince}::timestamp OR s."sessionVersion" <> p."sessionVersion" OR NOT s.active)
    RETURNING p."staffUserId"`;
  return rows.map((r) => r.staffUserId);
}
