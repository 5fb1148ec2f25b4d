"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { applyAnswer, type MarkInput } from "@/lib/checklist/answer";
import { messageKey } from "@/lib/i18n/keys";

// A mark as the form's buttons send it: "<media id>" (a photo), "<media id>@<seconds>" (a video), "clear".
const mark = z
  .string()
  .regex(/^(clear|[0-9a-f-]{36}(@\d{1,6})?)$/i, messageKey("checklist.actions.markInvalid"))
  .transform((value): MarkInput => {
    if (value === "clear") return "clear";
    const [mediaId = "", seconds] = value.split("@");
    return { mediaId, seconds: seconds === undefined ? null : Number(seconds) };
  })
  .refine(
    (m) => m === "clear" || z.uuid().safeParse(m.mediaId).success,
    messageKey("checklist.actions.markInvalid"),
  )
  .optional();

const schema = z.object({
  itemKey: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, messageKey("checklist.actions.unknownItem")),
  result: z
    .enum(["PASS", "FAIL", "NOT_APPLICABLE"], { message: messageKey("checklist.actions.chooseResult") })
    .optional(),
  choice: z.string().trim().max(60).optional(),
  note: z.string().trim().max(2000, messageKey("decisions.actions.max2000")).optional(),
  mark,
});

export const answerChecklistItem = validatedAction({
  permission: "decision:make",
  schema,
  bound: 1,
  record: "verification",
  async run(input, { user, ids: [verificationId = ""], commit }) {
    await commit((tx) => applyAnswer(tx, user.id, verificationId, input));
    return {
      ok: true,
      message: messageKey("checklist.actions.saved"),
      revalidate: [`/verifications/${verificationId}`],
    };
  },
});
