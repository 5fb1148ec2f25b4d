"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import type { AuditEntry } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import { messageKey } from "@/lib/i18n/keys";
import { issueLink } from "@/lib/links/issue";
import { markIdClient, staffMessageNow } from "@/lib/markid";
import { isOpen } from "@/lib/verifications/status";

export const startVideoCall = validatedAction({
  permission: "call:run",
  schema: z.object({}),
  bound: 1,
  record: "verification",
  async run(_input, { user, ids: [verificationId = ""], commit }) {
    const verification = await getDb().verification.findUnique({ where: { id: verificationId } });
    if (!verification) return { ok: false, message: messageKey("calls.errors.gone") };
    if (!isOpen(verification.status)) {
      return { ok: false, message: messageKey("calls.errors.closed") };
    }
    const photos = verification.tokenType === "VIDEO_CALL_PHOTOS";
    const call = await markIdClient().createVideoCall({ scanRef: verification.scanRef, photos });
    // A refused call is history too: staff see what was tried and why it failed.
    await commit(async (tx) => {
      const created = await tx.videoCall.create({
        data: {
          verificationId: verification.id,
          startedById: user.id,
          photos,
          callUrl: call.ok ? call.value.url : null,
          outcome: call.ok ? "PENDING" : "FAILED_TO_START",
          errorMessage: call.ok ? null : call.error.message,
        },
      });
      const audit: AuditEntry[] = [
        {
          action: call.ok ? "call.started" : "call.start_failed",
          targetType: "verification",
          targetId: verification.id,
          details: { videoCallId: created.id, photos, error: call.ok ? undefined : call.error.identifier },
        },
      ];
      if (call.ok) {
        await tx.verification.update({
          where: { id: verification.id },
          data: { status: "CALL_IN_PROGRESS", assigneeId: verification.assigneeId ?? user.id },
        });
        // The client gets our own short link to the call, shown for copying and as a QR code.
        const issued = await issueLink(tx, {
          verificationId: verification.id,
          kind: "VIDEO_CALL",
          channel: "COPY",
          targetUrl: call.value.url,
          recipient: null,
          sentById: user.id,
          expiresAt: verification.tokenExpiresAt,
        });
        audit.push(...issued.audit);
      }
      return { value: created.id, audit };
    });
    if (!call.ok) return { ok: false, message: staffMessageNow(call.error) };
    return {
      ok: true,
      message: messageKey("calls.panel.created"),
      revalidate: [`/verifications/${verificationId}`],
    };
  },
});
