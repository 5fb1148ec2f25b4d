"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";

export const addNote = validatedAction({
  permission: "decision:make",
  schema: z.object({
    body: z
      .string()
      .trim()
      .min(1, messageKey("decisions.actions.noteEmpty"))
      .max(4000, messageKey("decisions.actions.max4000")),
  }),
  bound: 1,
  record: "verification",
  async run(input, { user, ids: [verificationId = ""], commit }) {
    await commit(async (tx) => {
      const note = await tx.verificationNote.create({
        data: { verificationId, authorId: user.id, body: input.body },
      });
      return {
        value: note.id,
        audit: {
          action: "note.added",
          targetType: "verification",
          targetId: verificationId,
          details: { noteId: note.id },
        },
      };
    });
    return {
      ok: true,
      message: messageKey("decisions.actions.noteAdded"),
      revalidate: [`/verifications/${verificationId}`],
    };
  },
});
