import "server-only";
import type { Tx } from "@/lib/db";
import type { RiskFacts } from "@/lib/risk/rules";
import { RECENT_DAYS } from "@/lib/risk/schema";

/** The facts the risk rules need about one verification being decided, read inside the decision's transaction. */
export async function gatherRiskFacts(
  tx: Tx,
  verificationId: string,
  deciderId: string,
  decidedAt: Date,
): Promise<RiskFacts> {
  const v = await tx.verification.findUniqueOrThrow({
    where: { id: verificationId },
    select: { clientId: true, documentNumber: true },
  });
  const since = new Date(decidedAt.getTime() - RECENT_DAYS * 86_400_000);
  const [call, video, refusals, sameClient, sameDocument] = await Promise.all([
    tx.videoCall.findFirst({
      where: { verificationId, finishedAt: { not: null, lte: decidedAt } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
    tx.mediaAsset.aggregate({ where: { verificationId, kind: "VIDEO" }, _max: { durationMs: true } }),
    tx.decision.findMany({
      where: {
        verificationId: { not: verificationId },
        verification: { clientId: v.clientId },
        outcome: { in: ["REJECT", "ABORT"] },
        state: "FINAL",
        createdAt: { lte: decidedAt },
        OR: [{ decidedById: deciderId }, { reviewedById: deciderId }],
      },
      select: { verificationId: true },
    }),
    tx.verification.findMany({
      where: { id: { not: verificationId }, clientId: v.clientId, createdAt: { gte: since, lte: decidedAt } },
      select: { id: true, createdAt: true },
    }),
    v.documentNumber
      ? tx.verification.findMany({
          where: {
            id: { not: verificationId },
            documentNumber: v.documentNumber,
            createdAt: { gte: since, lte: decidedAt },
          },
          select: { id: true, createdAt: true },
        })
      : [],
  ]);
  const durationMs = video._max.durationMs;
  return {
    decidedAt,
    callFinishedAt: call?.finishedAt ?? null,
    videoSeconds: durationMs === null ? null : durationMs / 1000,
    earlierRefusalsBySameOfficer: refusals.map((r) => r.verificationId),
    others: [
      ...sameClient.map((o) => ({ verificationId: o.id, by: "clientId" as const, createdAt: o.createdAt })),
      ...sameDocument.map((o) => ({
        verificationId: o.id,
        by: "documentNumber" as const,
        createdAt: o.createdAt,
      })),
    ],
    hasDocumentNumber: v.documentNumber !== null,
  };
}
