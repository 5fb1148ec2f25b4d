"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db";
import { applySecondReview } from "@/lib/decisions/apply";
import { verdictsFromForm } from "@/lib/decisions/review-verdicts";
import { messageKey } from "@/lib/i18n/keys";
import { readChecklistSnapshot } from "@/lib/rulebook/snapshot";

// Besides the verdict on the decision, one field per checklist item ("item.<key>", "itemComment.<key>"),
// read against the decision's own snapshot.
const schema = z
  .object({
    verdict: z.enum(["confirm", "overrule"], { message: messageKey("decisions.actions.chooseVerdict") }),
    comment: z.string().trim().max(2000, messageKey("decisions.actions.max2000")).optional(),
  })
  .catchall(z.string().max(2000, messageKey("decisions.actions.max2000")));

export const secondReview = validatedAction({
  permission: "decision:second-review",
  schema,
  bound: 2,
  record: "verification",
  async run(input, { user, ids: [verificationId = "", decisionId = ""], commit }) {
    const decision = await getDb().decision.findFirst({
      where: { id: decisionId, verificationId },
      select: { checklistSnapshot: true },
    });
    const items = readChecklistSnapshot(decision?.checklistSnapshot);
    const parsed = verdictsFromForm(input, items);
    if (!parsed.ok)
      return {
        ok: false,
        message: messageKey("decisions.actions.eachCheck"),
        fieldErrors: parsed.fieldErrors,
      };
    const { verdict, comment } = input;
    await commit((tx) =>
      applySecondReview(tx, user.id, verificationId, decisionId, {
        verdict,
        comment,
        verdicts: parsed.verdicts,
      }),
    );
    const message =
      verdict === "confirm"
        ? messageKey("decisions.actions.confirmed")
        : messageKey("decisions.actions.overruled");
    return { ok: true, message, revalidate: [`/verifications/${verificationId}`, "/"] };
  },
});
