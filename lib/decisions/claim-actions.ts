"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";

/** Claiming keeps two officers from deciding the same verification. */
export const claimVerification = validatedAction({
  permission: "decision:make",
  schema: z.object({}),
  bound: 1,
  record: "verification",
  async run(_input, { user, ids: [verificationId = ""], commit }) {
    const claimed = await commit(async (tx) => {
      const updated = await tx.verification.updateMany({
        where: { id: verificationId, assigneeId: null },
        data: { assigneeId: user.id },
      });
      return {
        value: updated.count === 1,
        audit: {
          action: "verification.claimed",
          targetType: "verification",
          targetId: verificationId,
          details: { claimed: updated.count === 1 },
        },
      };
    });
    if (!claimed) return { ok: false, message: messageKey("decisions.actions.claimedFirst") };
    return {
      ok: true,
      message: messageKey("decisions.actions.claimed"),
      revalidate: [`/verifications/${verificationId}`],
    };
  },
});
