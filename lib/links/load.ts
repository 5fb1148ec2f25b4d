import "server-only";
import { getDb } from "@/lib/db";
import type { ResendSnapshot } from "@/lib/links/rules";

/** A verification with what the resend rules look at. */
export async function loadForSend(verificationId: string) {
  const v = await getDb().verification.findUnique({
    where: { id: verificationId },
    include: {
      videoCalls: {
        orderBy: { createdAt: "desc" },
        select: { outcome: true, callUrl: true, finishedAt: true },
      },
      _count: { select: { decisions: true, mediaAssets: true } },
    },
  });
  if (!v) return null;
  const latest = v.videoCalls[0];
  const snapshot: ResendSnapshot = {
    status: v.status,
    tokenExpiresAt: v.tokenExpiresAt,
    hasAuthToken: Boolean(v.authTokenSealed),
    markidStatus: v.markidStatus,
    hasDecision: v._count.decisions > 0,
    hasFinishedCall: v.videoCalls.some((c) => c.finishedAt !== null),
    hasMedia: v._count.mediaAssets > 0,
    hasCall: v.videoCalls.some((c) => c.callUrl !== null),
    hasPendingCall: latest?.outcome === "PENDING" && Boolean(latest.callUrl),
  };
  return { v, snapshot };
}

export type LoadedForSend = NonNullable<Awaited<ReturnType<typeof loadForSend>>>;
