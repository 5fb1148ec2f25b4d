import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { claimsFrom } from "@/lib/auth/session-token";
import { handOverCasesOf } from "@/lib/desk/sweep";
import { markOffline } from "@/lib/desk/presence";
import { getDb } from "@/lib/db";
import type { JWT } from "next-auth/jwt";

/**
 * Sign-out ends the session on the server too: the session version moves on, so a copy of the cookie (or
 * one re-issued by a request still in flight) is refused from now on. It signs out the person's other
 * browsers as well, which for a back office is the safer surprise.
 */
export async function endSession(token: JWT | null | undefined): Promise<void> {
  const claims = claimsFrom(token);
  if (!claims) return;
  const ended = await getDb().$transaction(async (tx) => {
    const { count } = await tx.staffUser.updateMany({
      where: { id: claims.sub, sessionVersion: claims.sv },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count !== 1) return false;
    await markOffline(tx, [claims.sub]);
    await recordAudit(tx, {
      action: "auth.logout",
      actorId: claims.sub,
      targetType: "staff_user",
      targetId: claims.sub,
    });
    return true;
  });
  // Their open cases go to someone available now (lib/desk), when automatic assignment is on.
  if (ended) await handOverCasesOf(claims.sub);
}
