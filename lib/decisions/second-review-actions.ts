"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { applySecondReview } from "@/lib/decisions/apply";

const schema = z.object({
  verdict: z.enum(["confirm", "overrule"], { message: "Choose confirm or overrule" }),
  comment: z.string().trim().max(2000, "At most 2000 characters").optional(),
});

export const secondReview = validatedAction({
  permission: "decision:second-review",
  schema,
  bound: 2,
  record: "verification",
  async run(input, { user, ids: [verificationId = "", decisionId = ""], commit }) {
    await commit((tx) => applySecondReview(tx, user.id, verificationId, decisionId, input));
    const message =
      input.verdict === "confirm" ? "Decision confirmed." : "Decision overruled; it can be decided again.";
    return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/"] };
  },
});
