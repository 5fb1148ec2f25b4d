"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { canSecondReview, FINAL_STATUS } from "@/lib/decisions/rules";

const schema = z.object({
  verdict: z.enum(["confirm", "overrule"], { message: "Choose confirm or overrule" }),
  comment: z.string().trim().max(2000, "At most 2000 characters").optional(),
});

class Refused extends Error {}

export const secondReview = validatedAction({
  permission: "decision:second-review",
  schema,
  bound: 2,
  async run(input, { user, ids: [verificationId = "", decisionId = ""], commit }) {
    try {
      await commit(async (tx) => {
        const decision = await tx.decision.findFirst({ where: { id: decisionId, verificationId } });
        if (!decision) throw new Refused("This decision no longer exists.");
        const check = canSecondReview(decision.decidedById, user.id);
        if (!check.ok) throw new Refused(check.reason);
        const confirm = input.verdict === "confirm";
        // Only a still-pending decision moves: a concurrent second review finds nothing to update.
        const updated = await tx.decision.updateMany({
          where: { id: decisionId, state: "PENDING_SECOND_REVIEW" },
          data: {
            state: confirm ? "FINAL" : "OVERRULED",
            reviewedById: user.id,
            reviewedAt: new Date(),
            reviewComment: input.comment || null,
          },
        });
        if (updated.count !== 1) throw new Refused("This decision has already been reviewed.");
        await tx.verification.update({
          where: { id: verificationId },
          data: confirm
            ? { status: FINAL_STATUS[decision.outcome], decidedAt: new Date() }
            : { status: "REVIEWING" },
        });
        return {
          value: null,
          audit: {
            action: confirm ? "decision.confirmed" : "decision.overruled",
            targetType: "verification",
            targetId: verificationId,
            details: { decisionId, outcome: decision.outcome, decidedById: decision.decidedById },
          },
        };
      });
    } catch (error) {
      if (error instanceof Refused) return { ok: false, message: error.message };
      throw error;
    }
    const message =
      input.verdict === "confirm" ? "Decision confirmed." : "Decision overruled; it can be decided again.";
    return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/"] };
  },
});
