import "server-only";
import { getDb } from "@/lib/db";
import { staffNames } from "@/lib/staff/names";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import { RETENTION_CLASSES, type RetentionClass } from "@/lib/retention/classes";
import { dueVerifications, type DueVerification } from "@/lib/retention/due";
import { policyInForce, policyVersions, type PolicyInForce } from "@/lib/retention/policy";
import type { DeletionReceipt } from "@/lib/retention/tombstone";

const DAY_MS = 86_400_000;
export const PREVIEW_DAYS = 30;

type PreviewRow = DueVerification & { clientId: string; createdAt: Date };
export type PurgePreview = {
  policy: PolicyInForce;
  until: Date;
  counts: Record<RetentionClass, number>;
  held: number;
  rows: PreviewRow[];
};

/** What the purge will take in the next 30 days under the policy in force, soonest first. */
export async function purgePreview(now = new Date(), limit = 500): Promise<PurgePreview> {
  const db = getDb();
  const policy = await policyInForce(db);
  const until = new Date(now.getTime() + PREVIEW_DAYS * DAY_MS);
  const due = await dueVerifications(db, policy, { until, asOf: now, limit });
  const extra = await db.verification.findMany({
    where: { id: { in: due.map((d) => d.id) } },
    select: { id: true, clientId: true, createdAt: true },
  });
  const byId = new Map(extra.map((e) => [e.id, e]));
  const counts = Object.fromEntries(RETENTION_CLASSES.map((c) => [c, 0])) as Record<RetentionClass, number>;
  for (const d of due) if (!d.held) counts[d.retentionClass]++;
  const rows = due.map((d) => ({
    ...d,
    clientId: byId.get(d.id)?.clientId ?? "",
    createdAt: byId.get(d.id)!.createdAt,
  }));
  return { policy, until, counts, held: due.filter((d) => d.held).length, rows };
}

/** Purges begun and not finished: waiting for MarkID's link to expire, or failing (the exceptions). */
export async function unfinishedPurges() {
  const rows = await getDb().verificationPurge.findMany({
    where: { completedAt: null },
    orderBy: { startedAt: "asc" },
    take: 200,
    select: {
      verificationId: true,
      startedAt: true,
      filesDeletedAt: true,
      markidAttempts: true,
      markidError: true,
      markidWaiting: true,
      markidRetryAt: true,
    },
  });
  return {
    exceptions: rows.filter((r) => r.markidError && !r.markidWaiting),
    waiting: rows.filter((r) => !r.markidError || r.markidWaiting),
  };
}

export type HoldRow = {
  id: string;
  verificationId: string | null;
  clientId: string | null;
  reason: string;
  endsAt: Date | null;
  placedBy: string;
  placedById: string;
  placedAt: Date;
  liftedBy: string | null;
  liftedAt: Date | null;
};

async function withNames(
  rows: Array<Omit<HoldRow, "placedBy" | "liftedBy"> & { liftedById: string | null }>,
) {
  const name = await staffNames(rows.flatMap((r) => [r.placedById, r.liftedById]));
  return rows.map(({ liftedById, ...r }) => ({
    ...r,
    placedBy: name.get(r.placedById) ?? "Staff",
    liftedBy: liftedById ? (name.get(liftedById) ?? "Staff") : null,
  }));
}

/** Holds in place, and the last lifted ones. */
export async function legalHolds(now = new Date()): Promise<{ active: HoldRow[]; lifted: HoldRow[] }> {
  const rows = await getDb().legalHold.findMany({ orderBy: { placedAt: "desc" }, take: 500 });
  const named = await withNames(rows);
  const active = named.filter((h) => !h.liftedAt && (!h.endsAt || h.endsAt > now));
  return { active, lifted: named.filter((h) => !active.includes(h)).slice(0, 50) };
}

export type CaseRetention = {
  holds: HoldRow[];
  purge: { startedAt: Date; completedAt: Date | null; receipt: DeletionReceipt | null } | null;
  keptUntil: Date | null;
  status: VerificationStatus;
};

/** A case's retention: the holds covering it, its purge (and receipt) and, if none, when it will be due. */
export async function caseRetention(verificationId: string, now = new Date()): Promise<CaseRetention | null> {
  const db = getDb();
  const v = await db.verification.findUnique({
    where: { id: verificationId },
    select: { clientId: true, status: true, purge: true },
  });
  if (!v) return null;
  const [rows, policy] = await Promise.all([
    db.legalHold.findMany({
      where: {
        liftedAt: null,
        OR: [{ endsAt: null }, { endsAt: { gt: now } }],
        AND: [{ OR: [{ verificationId }, { clientId: v.clientId }] }],
      },
      orderBy: { placedAt: "asc" },
    }),
    policyInForce(db),
  ]);
  const [due] = v.purge
    ? []
    : await dueVerifications(db, policy, {
        until: new Date("9999-12-31T00:00:00Z"),
        asOf: now,
        limit: 1,
        id: verificationId,
      });
  return {
    holds: await withNames(rows),
    purge: v.purge
      ? {
          startedAt: v.purge.startedAt,
          completedAt: v.purge.completedAt,
          receipt: v.purge.receipt as DeletionReceipt | null,
        }
      : null,
    keptUntil: due?.dueAt ?? null,
    status: v.status,
  };
}

/** The policy in force and its earlier versions, for the admin page. */
export async function retentionPolicyView() {
  const db = getDb();
  const [policy, versions] = await Promise.all([policyInForce(db), policyVersions(db)]);
  return { policy, versions };
}

/** A purged case's deletion receipt, with its id; null until the purge is complete. */
export async function deletionReceipt(verificationId: string) {
  const purge = await getDb().verificationPurge.findUnique({
    where: { verificationId },
    select: { completedAt: true, receipt: true },
  });
  if (!purge?.completedAt || !purge.receipt) return null;
  return { verificationId, ...(purge.receipt as DeletionReceipt) };
}
