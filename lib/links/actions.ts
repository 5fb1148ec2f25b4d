"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { linkAccess, NOT_FOUND_MESSAGE } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import { messageKey } from "@/lib/i18n/keys";
import { sendLinkSchema } from "@/lib/links/schemas";
import { sendLink } from "@/lib/links/send";

/** Sends (or resends) one of a verification's links; bound: the verification id. */
export const sendLinkAction = validatedAction({
  permission: "link:send",
  schema: sendLinkSchema,
  bound: 1,
  record: "verification",
  async run(input, { user, meta, commit, ids: [verificationId = ""] }) {
    const result = await sendLink({ user, meta, commit }, verificationId, input);
    return {
      ok: result.ok,
      message: result.message,
      revalidate: [`/verifications/${verificationId}`, "/queue"],
    };
  },
});

/**
 * One row of the work queue's bulk resend: the same kind again, by email to the same address, or to the
 * verification's address when the link was copied or shown as a QR code. Not revalidated per item: the
 * queue page refreshes once when the whole batch is done.
 */
export const resendQueuedLink = validatedAction({
  permission: "link:send",
  schema: z.object({ linkId: z.uuid() }),
  async run({ linkId }, { user, meta, commit }) {
    const access = await linkAccess(user, linkId, "link:send");
    if (!access) return { ok: false, notFound: true, message: NOT_FOUND_MESSAGE };
    const link = await getDb().linkDelivery.findUnique({
      where: { id: access.id },
      select: {
        live: true,
        kind: true,
        channel: true,
        recipient: true,
        verificationId: true,
        verification: { select: { email: true } },
      },
    });
    if (!link) return { ok: false, notFound: true, message: NOT_FOUND_MESSAGE };
    if (!link.live) return { ok: true, message: messageKey("links.queue.alreadyReplaced") };
    const recipient = link.channel === "EMAIL" ? link.recipient : link.verification.email;
    if (!recipient) {
      return { ok: false, message: messageKey("links.queue.noEmail") };
    }
    const result = await sendLink({ user, meta, commit }, link.verificationId, {
      kind: link.kind,
      channel: "EMAIL",
      recipient,
    });
    return { ok: result.ok, message: result.message };
  },
});
