import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/settings";
import { lockAdministrators } from "@/lib/staff/commands";
import { deactivateWhere } from "@/lib/staff/deactivate";
import {
  inactivityCutoff,
  inactivityDeadline,
  isInactive,
  lastActivityAt,
  WARNING_DAYS,
} from "@/lib/staff/inactivity-rules";

// The daily deactivation of accounts nobody signed in to (the rule: lib/staff/inactivity-rules.ts), and what
// the Staff page lists of it.

/** The rule as a query: every date that restarts the clock lies at or before the cutoff. */
function inactiveWhere(days: number, now: Date): Prisma.StaffUserWhereInput {
  const cutoff = inactivityCutoff(days, now);
  return {
    createdAt: { lte: cutoff },
    AND: [
      { OR: [{ lastLoginAt: null }, { lastLoginAt: { lte: cutoff } }] },
      { OR: [{ activeSince: null }, { activeSince: { lte: cutoff } }] },
    ],
  };
}

// The job never leaves no active administrator (as an admin may not deactivate the last one): when every
// active admin is inactive, the most recently active stays, listed as due, for a person to deal with.
async function adminToKeep(tx: Tx, days: number, now: Date): Promise<string | null> {
  const admins = await tx.staffUser.findMany({
    where: { role: "ADMIN", active: true },
    select: { id: true, lastLoginAt: true, activeSince: true, createdAt: true },
  });
  if (admins.length === 0 || admins.some((a) => !isInactive(a, days, now))) return null;
  const latest = (a: (typeof admins)[number]) => lastActivityAt(a).getTime();
  return admins.reduce((a, b) => (latest(b) > latest(a) ? b : a)).id;
}

/**
 * Deactivates every account inactive for `days` days and ends its sessions, each audited once with its cause
 * (lib/staff/deactivate.ts: a second run finds nothing left). Returns the ids deactivated.
 */
export async function deactivateInactive(
  db: Pick<Db, "$transaction">,
  days: number,
  now = new Date(),
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const keep = await adminToKeep(tx, days, now);
    const where = { ...inactiveWhere(days, now), ...(keep ? { id: { not: keep } } : {}) };
    const done = await deactivateWhere(tx, where, (user) => ({
      action: "staff.deactivated_inactive",
      targetType: "staff_user",
      targetId: user.id,
      details: { inactiveDays: days, lastActivityAt: lastActivityAt(user).toISOString() },
    }));
    return done.map((u) => u.id);
  });
}

export type InactivityRow = { id: string; name: string; email: string; role: Role; at: Date };

export type InactivityOverview = {
  days: number;
  /** Active accounts the job deactivates within WARNING_DAYS, soonest first; `at` is when. */
  dueSoon: InactivityRow[];
  /** Inactive accounts whose latest deactivation was for inactivity, newest first; `at` is when. */
  deactivated: InactivityRow[];
};

const DEACTIVATIONS = ["staff.deactivated", "staff.deactivated_inactive", "staff.access_expired"];

export async function inactivityOverview(now = new Date()): Promise<InactivityOverview> {
  const db = getDb();
  const [{ staffInactiveDays: days }, staff, latest] = await Promise.all([
    getSettings(),
    db.staffUser.findMany({
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        lastLoginAt: true,
        activeSince: true,
        createdAt: true,
      },
    }),
    // Each account's latest deactivation: one reactivated and later deactivated by hand is not listed.
    db.$queryRaw<{ targetId: string; action: string; occurredAt: Date }[]>`
      SELECT DISTINCT ON ("targetId") "targetId", action, "occurredAt" FROM audit_events
      WHERE "targetType" = 'staff_user' AND action = ANY(${DEACTIVATIONS})
      ORDER BY "targetId", id DESC`,
  ]);
  const row = ({ id, name, email, role }: (typeof staff)[number], at: Date) => ({
    id,
    name,
    email,
    role,
    at,
  });
  const warnFrom = new Date(now.getTime() + WARNING_DAYS * 86_400_000);
  const dueSoon = staff
    .filter((u) => u.active && inactivityDeadline(u, days) <= warnFrom)
    .map((u) => row(u, inactivityDeadline(u, days)))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const byId = new Map(staff.map((u) => [u.id, u]));
  const deactivated = latest
    .filter((e) => e.action === "staff.deactivated_inactive" && byId.get(e.targetId)?.active === false)
    .map((e) => row(byId.get(e.targetId)!, e.occurredAt))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return { days, dueSoon, deactivated };
}
