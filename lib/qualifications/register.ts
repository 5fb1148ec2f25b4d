import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";

// The training register's changes. The evidence and revocation notes may name people or courses taken
// elsewhere, so the audit trail records only that there was one.

export type GrantInput = { staffUserId: string; name: string; validUntil: Date | null; evidence: string };

export async function grant(
  tx: Tx,
  adminId: string,
  input: GrantInput,
): Promise<{ value: string; audit: AuditEntry }> {
  const holder = await tx.staffUser.findUnique({
    where: { id: input.staffUserId },
    select: { active: true },
  });
  if (!holder?.active) throw new DomainError(messageKey("qualifications.errors.inactive"), "staffUserId");
  if (input.validUntil && input.validUntil.getTime() <= Date.now())
    throw new DomainError(messageKey("qualifications.errors.pastDate"), "validUntil");
  const q = await tx.qualification.create({ data: { ...input, grantedById: adminId } });
  return {
    value: q.id,
    audit: {
      action: "qualification.granted",
      targetType: "staff_user",
      targetId: input.staffUserId,
      details: {
        qualificationId: q.id,
        qualification: q.name,
        validUntil: q.validUntil?.toISOString() ?? null,
      },
    },
  };
}

export async function revoke(
  tx: Tx,
  adminId: string,
  qualificationId: string,
  note: string,
): Promise<{ value: null; audit: AuditEntry }> {
  // Only a qualification still in the register moves: revoking twice finds nothing.
  const updated = await tx.qualification.updateMany({
    where: { id: qualificationId, revokedAt: null },
    data: { revokedAt: new Date(), revokedById: adminId, revokeNote: note },
  });
  if (updated.count !== 1) throw new DomainError(messageKey("qualifications.errors.gone"));
  const q = await tx.qualification.findUniqueOrThrow({ where: { id: qualificationId } });
  return {
    value: null,
    audit: {
      action: "qualification.revoked",
      targetType: "staff_user",
      targetId: q.staffUserId,
      details: { qualificationId, qualification: q.name, hasNote: true },
    },
  };
}
