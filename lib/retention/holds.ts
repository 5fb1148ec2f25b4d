import "server-only";
import type { AuditEntry } from "@/lib/audit/actions";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";

export type HoldTarget = { verificationId: string } | { clientId: string };
export type HoldInput = { reason: string; endsOn: string | null };

/** A hold's end date is its last day: it stops holding at the next midnight (UTC). */
function holdEndsAt(endsOn: string | null): Date | null {
  if (!endsOn) return null;
  return new Date(Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000);
}

async function lockCases(tx: Tx, target: HoldTarget): Promise<Array<{ id: string; purging: boolean }>> {
  // The same row lock the purge takes to begin: a hold and a purge's start never pass each other.
  const rows =
    "verificationId" in target
      ? await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM verifications WHERE id = ${target.verificationId}::uuid FOR UPDATE`
      : await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM verifications WHERE "clientId" = ${target.clientId} ORDER BY id FOR UPDATE`;
  const purges = await tx.verificationPurge.findMany({
    where: { verificationId: { in: rows.map((r) => r.id) } },
    select: { verificationId: true },
  });
  const purging = new Set(purges.map((p) => p.verificationId));
  return rows.map((r) => ({ id: r.id, purging: purging.has(r.id) }));
}

/** Places a hold; refused on a case whose purge has begun (its evidence may already be gone). */
export async function placeHold(tx: Tx, userId: string, target: HoldTarget, input: HoldInput, now: Date) {
  const endsAt = holdEndsAt(input.endsOn);
  if (endsAt && endsAt <= now) throw new DomainError(messageKey("retention.errors.endsInPast"), "endsOn");
  const cases = await lockCases(tx, target);
  if ("verificationId" in target && !cases.length)
    throw new DomainError(messageKey("retention.errors.noVerification"));
  if (cases.some((c) => c.purging)) {
    throw new DomainError(
      "verificationId" in target
        ? messageKey("retention.errors.purging")
        : messageKey("retention.errors.clientPurging"),
    );
  }
  const hold = await tx.legalHold.create({
    data: { ...target, reason: input.reason, endsAt, placedById: userId },
  });
  return {
    value: { holdId: hold.id, covered: cases.length },
    audit: holdEvents("retention.hold_placed", hold.id, target, input.endsOn, cases),
  };
}

/** Lifts an active hold. With four-eyes on holds, the person who placed it cannot lift it. */
export async function liftHold(
  tx: Tx,
  userId: string,
  holdId: string,
  needsSecondPerson: boolean,
  now: Date,
) {
  const hold = await tx.legalHold.findUnique({ where: { id: holdId } });
  if (!hold || hold.liftedAt) throw new DomainError(messageKey("retention.errors.holdGone"));
  if (needsSecondPerson && hold.placedById === userId) {
    throw new DomainError(messageKey("retention.errors.secondPerson"));
  }
  const lifted = await tx.legalHold.updateMany({
    where: { id: holdId, liftedAt: null },
    data: { liftedAt: now, liftedById: userId },
  });
  if (lifted.count !== 1) throw new DomainError(messageKey("retention.errors.holdGone"));
  const target: HoldTarget = hold.verificationId
    ? { verificationId: hold.verificationId }
    : { clientId: hold.clientId ?? "" };
  const cases = await lockCases(tx, target);
  const endsOn = hold.endsAt ? new Date(hold.endsAt.getTime() - 86_400_000).toISOString().slice(0, 10) : null;
  return { value: null, audit: holdEvents("retention.hold_lifted", holdId, target, endsOn, cases) };
}

/** One event per case covered (so each case's timeline shows it), and one about a client-wide hold itself. */
function holdEvents(
  action: "retention.hold_placed" | "retention.hold_lifted",
  holdId: string,
  target: HoldTarget,
  endsOn: string | null,
  cases: Array<{ id: string }>,
): AuditEntry[] {
  const scope = "verificationId" in target ? ("verification" as const) : ("client" as const);
  const details = { holdId, scope, endsAt: endsOn };
  const perCase: AuditEntry[] = cases.map((c) => ({
    action,
    targetType: "verification",
    targetId: c.id,
    details,
  }));
  if (scope === "verification") return perCase;
  return [
    { action, targetType: "legal_hold", targetId: holdId, details: { ...details, covered: cases.length } },
    ...perCase,
  ];
}
