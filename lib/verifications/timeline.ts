import "server-only";
import { getDb } from "@/lib/db";
import { staffNames } from "@/lib/staff/names";
import { clientLabel } from "@/lib/verifications/purged";
import { actorOf, describeDetails, labelOf, type ActorKind } from "@/lib/verifications/timeline-describe";

export type TimelineEntry = {
  id: string;
  at: Date;
  /** A staff member's name, or MarkID, the client, the system. */
  actor: string;
  actorKind: ActorKind;
  actorEmail: string | null;
  /** Stable per person, for folding one person's reads into one line (lib/verifications/timeline-group.ts). */
  actorKey: string;
  action: string;
  /** What happened, in words (lib/verifications/timeline-describe.ts). */
  label: string;
  /** One line of detail for the event, or null. */
  summary: string | null;
  details: Record<string, unknown>;
};

// A verification gathers a few dozen events; this bound only stops a pathological one from flooding the page.
export const TIMELINE_LIMIT = 1000;

/** Every audited event about one verification, oldest first, with who did it. */
export async function getTimeline(verificationId: string): Promise<TimelineEntry[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { targetType: "verification", targetId: verificationId },
    orderBy: { id: "asc" },
    take: TIMELINE_LIMIT,
  });
  const [names, verification] = await Promise.all([
    staffNames(rows.map((r) => r.actorId)),
    getDb().verification.findUnique({
      where: { id: verificationId },
      select: { clientId: true, firstName: true, lastName: true, purgedAt: true },
    }),
  ]);
  // People are resolved now, from their rows: the trail holds ids only (lib/audit/actions.ts).
  const client = verification ? clientLabel(verification) : undefined;
  return rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    const actor = actorOf(r, names, client);
    return {
      id: r.id.toString(),
      at: r.occurredAt,
      actor: actor.name,
      actorKind: actor.kind,
      actorEmail: r.actorEmail,
      actorKey: r.actorId ?? `${actor.kind}:${actor.name}`,
      action: r.action,
      label: labelOf(r.action),
      summary: describeDetails(r.action, details),
      details,
    };
  });
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
  return versionOf(v.updatedAt, last?.id ?? 0);
}

const versionOf = (updatedAt: Date, lastEventId: string | bigint | number) =>
  `${updatedAt.getTime()}-${lastEventId}`;

/**
 * The same fingerprint from what the case page has read anyway: its timeline ends with the newest event, unless
 * the timeline was cut at its limit, when it is asked for.
 */
export async function pageVersion(
  verificationId: string,
  updatedAt: Date,
  timeline: TimelineEntry[],
): Promise<string | null> {
  if (timeline.length >= TIMELINE_LIMIT) return verificationVersion(verificationId);
  return versionOf(updatedAt, timeline.at(-1)?.id ?? 0);
}
