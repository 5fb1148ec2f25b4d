"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { applyDecision } from "@/lib/decisions/apply";
import { activeReasons } from "@/lib/decisions/reasons";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";

const schema = z.object({
  outcome: z.enum(DecisionOutcome, { message: "Choose a decision" }),
  reason: z.string().trim().min(1, "Choose a reason").max(200),
  comment: z.string().trim().max(2000, "At most 2000 characters").optional(),
  confirmed: z.literal("yes", { message: "Confirm the decision before it is recorded" }),
});

export const recordDecision = validatedAction({
  permission: "decision:make",
  schema,
  bound: 1,
  record: "verification",
  async run(input, { user, ids: [verificationId = ""], commit }) {
    // Shown under the field here; applyDecision checks again against the version the decision records.
    if (!(await activeReasons())[input.outcome].includes(input.reason))
      return { ok: false, fieldErrors: { reason: ["Choose a reason from the list"] } };
    const pending = await commit((tx) => applyDecision(tx, user.id, verificationId, input));
    const message = pending
      ? "Decision recorded. It takes effect when a second reviewer confirms it."
      : "Decision recorded.";
    return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/"] };
  },
});
