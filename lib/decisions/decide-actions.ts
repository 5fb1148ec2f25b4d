"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { applyDecision } from "@/lib/decisions/apply";
import { activeReasons } from "@/lib/decisions/reasons";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { messageKey } from "@/lib/i18n/keys";

const schema = z.object({
  outcome: z.enum(DecisionOutcome, { message: messageKey("decisions.actions.chooseOutcome") }),
  reason: z.string().trim().min(1, messageKey("decisions.actions.chooseReason")).max(200),
  comment: z.string().trim().max(2000, messageKey("decisions.actions.max2000")).optional(),
  confirmed: z.literal("yes", { message: messageKey("decisions.actions.confirmFirst") }),
});

export const recordDecision = validatedAction({
  permission: "decision:make",
  schema,
  bound: 1,
  record: "verification",
  async run(input, { user, ids: [verificationId = ""], commit }) {
    // Shown under the field here; applyDecision checks again against the version the decision records.
    if (!(await activeReasons())[input.outcome].includes(input.reason))
      return { ok: false, fieldErrors: { reason: [messageKey("decisions.actions.reasonFromList")] } };
    const pending = await commit((tx) => applyDecision(tx, user.id, verificationId, input));
    const message = pending
      ? messageKey("decisions.actions.recordedPending")
      : messageKey("decisions.actions.recorded");
    return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/"] };
  },
});
