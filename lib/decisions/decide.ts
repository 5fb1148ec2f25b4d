"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db";
import { FINAL_STATUS, missingEvidence, needsSecondReview } from "@/lib/decisions/rules";
import { getSettings } from "@/lib/settings/settings";
import { isOpen } from "@/lib/verifications/status";

const schema = z.object({
  outcome: z.enum(["APPROVE", "REJECT", "REQUEST_RESUBMISSION", "ABORT"], { message: "Choose a decision" }),
  reason: z.string().trim().min(1, "Choose a reason").max(200),
  comment: z.string().trim().max(2000, "At most 2000 characters").optional(),
  confirmed: z.literal("yes", { message: "Confirm the decision before it is recorded" }),
});

class Refused extends Error {}

export const recordDecision = validatedAction({
  permission: "decision:make",
  schema,
  bound: 1,
  async run(input, { user, ids: [verificationId = ""], commit }) {
    const reason = await getDb().decisionReason.findFirst({
      where: { outcome: input.outcome, label: input.reason, active: true },
    });
    if (!reason) return { ok: false, fieldErrors: { reason: ["Choose a reason from the list"] } };
    try {
      const pending = await commit(async (tx) => {
        // Lock the row: two officers deciding at once must not both succeed.
        const [v] = await tx.$queryRaw<
          Array<{ status: string; assigneeId: string | null; tokenType: string }>
        >`
          SELECT status, "assigneeId", "tokenType" FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
        if (!v) throw new Refused("This verification no longer exists.");
        if (!isOpen(v.status)) throw new Refused("This verification is already closed.");
        if (v.assigneeId && v.assigneeId !== user.id) {
          throw new Refused("Another officer has claimed this verification. Ask a team lead to reassign it.");
        }
        const open = await tx.decision.count({ where: { verificationId, state: "PENDING_SECOND_REVIEW" } });
        if (open) throw new Refused("A decision is already waiting for its second review.");
        if (input.outcome === "APPROVE") {
          const media = await tx.mediaAsset.findMany({ where: { verificationId }, select: { kind: true } });
          const missing = missingEvidence(
            v.tokenType === "VIDEO_CALL_PHOTOS",
            media.map((m) => m.kind),
          );
          if (missing.length)
            throw new Refused(`Approval needs complete evidence. Missing: ${missing.join(", ")}.`);
        }
        const fourEyes = needsSecondReview(input.outcome, (await getSettings(tx)).fourEyesForAll);
        const decision = await tx.decision.create({
          data: {
            verificationId,
            decidedById: user.id,
            outcome: input.outcome,
            reason: input.reason,
            comment: input.comment || null,
            state: fourEyes ? "PENDING_SECOND_REVIEW" : "FINAL",
          },
        });
        await tx.verification.update({
          where: { id: verificationId },
          data: fourEyes
            ? { status: "REVIEWING", assigneeId: user.id }
            : { status: FINAL_STATUS[input.outcome], decidedAt: new Date(), assigneeId: user.id },
        });
        return {
          value: fourEyes,
          audit: {
            action: "decision.recorded",
            targetType: "verification",
            targetId: verificationId,
            details: { decisionId: decision.id, outcome: input.outcome, reason: input.reason, fourEyes },
          },
        };
      });
      const message = pending
        ? "Decision recorded. It takes effect when a second reviewer confirms it."
        : "Decision recorded.";
      return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/"] };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, message: error.message };
      throw error;
    }
  },
});
