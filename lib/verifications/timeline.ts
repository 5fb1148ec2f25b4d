import "server-only";
import { getDb } from "@/lib/db";

export type TimelineEntry = {
  id: string;
  at: Date;
  actor: string;
  action: string;
  details: Record<string, unknown>;
};

/** Every audited event about one verification, oldest first, with who did it. */
export async function getTimeline(verificationId: string): Promise<TimelineEntry[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { targetType: "verification", targetId: verificationId },
    orderBy: { id: "asc" },
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.occurredAt,
    actor: r.actorEmail ?? (r.actorId ? "staff" : "MarkID"),
    action: r.action,
    details: (r.details ?? {}) as Record<string, unknown>,
  }));
}

/** A cheap fingerprint of everything the page shows; it changes whenever the page should refresh. */
export async function verificationVersion(verificationId: string): Promise<string | null> {
  const [v, last] = await Promise.all([
    getDb().verification.findUnique({ where: { id: verificationId }, select: { updatedAt: true } }),
    getDb().auditEvent.findFirst({
      where: { targetType: "verification", targetId: verificationId },
      orderBy: { id: "desc" },
      select: { id: true },
    }),
  ]);
  if (!v) return null;
  return `${v.updatedAt.getTime()}-${last?.id ?? 0}`;
}
