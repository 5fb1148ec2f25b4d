"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";

export const addNote = validatedAction({
  permission: "decision:make",
  schema: z.object({
    body: z.string().trim().min(1, "Write a note first").max(4000, "At most 4000 characters"),
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
    return { ok: true, message: "Note added.", revalidate: [`/verifications/${verificationId}`] };
  },
});
