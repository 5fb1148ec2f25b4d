"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";
import { QA_DISAGREE_REASONS } from "@/lib/qa/reasons";
import { applyQaReview, type QaReviewInput } from "@/lib/qa/review";

const schema = z
  .object({
    verdict: z.enum(["AGREE", "DISAGREE"], { message: messageKey("qa.actions.chooseVerdict") }),
    reason: z.string().optional(),
    comment: z.string().trim().max(2000, messageKey("decisions.actions.max2000")).optional(),
    reopen: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  })
  .superRefine((v, ctx) => {
    if (v.verdict !== "DISAGREE") return;
    if (!QA_DISAGREE_REASONS.includes(v.reason as never))
      ctx.addIssue({ code: "custom", path: ["reason"], message: messageKey("qa.actions.chooseReason") });
    if (!v.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: messageKey("qa.actions.sayWhat") });
  });

/** A QA reviewer's verdict on a sampled case: agree, or disagree with a reason and a comment. */
export const recordQaReview = validatedAction({
  permission: "qa:review",
  schema,
  bound: 2,
  record: "verification",
  async run(input, { user, ids: [verificationId = "", sampleId = ""], commit }) {
    const review: QaReviewInput =
      input.verdict === "AGREE"
        ? { verdict: "AGREE", comment: input.comment }
        : {
            verdict: "DISAGREE",
            reason: input.reason ?? "",
            comment: input.comment ?? "",
            reopen: input.reopen,
          };
    const { reopened } = await commit((tx) => applyQaReview(tx, user.id, verificationId, sampleId, review));
    const message = reopened ? messageKey("qa.actions.recordedReopened") : messageKey("qa.actions.recorded");
    return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/qa"] };
  },
});

/** A lead has seen a QA disagreement on an approval: it leaves the QA page's notices. */
export const acknowledgeQaDisagreement = validatedAction({
  permission: "qa:review",
  schema: z.object({}),
  bound: 1,
  async run(_input, { ids: [sampleId = ""], commit }) {
    await commit(async (tx) => {
      const sample = await tx.qaSample.findFirst({
        where: { id: sampleId, verdict: "DISAGREE", acknowledgedAt: null },
        select: { verificationId: true },
      });
      if (!sample) return { value: null, audit: [] };
      await tx.qaSample.update({ where: { id: sampleId }, data: { acknowledgedAt: new Date() } });
      return {
        value: null,
        audit: {
          action: "qa.disagreement_acknowledged",
          targetType: "verification",
          targetId: sample.verificationId,
          details: { sampleId },
        },
      };
    });
    return { ok: true, message: messageKey("qa.actions.seen"), revalidate: ["/qa"] };
  },
});
