"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { grant, revoke } from "@/lib/qualifications/register";

const grantSchema = z.object({
  staffUserId: z.uuid({ message: "Choose a staff member" }),
  name: z.string().trim().min(2, "At least 2 characters").max(80, "At most 80 characters"),
  // A date from <input type="date">: valid through the end of that day (UTC), as staff read it.
  validUntil: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Enter a date")
    .transform((v) => (v ? new Date(`${v}T23:59:59.999Z`) : null))
    .refine((d) => d === null || !Number.isNaN(d.getTime()), "Enter a date"),
  evidence: z.string().trim().min(3, "Say what shows the training (certificate, course, date)").max(1000),
});

export const grantQualification = validatedAction({
  permission: "staff:manage",
  schema: grantSchema,
  async run(input, { user, commit }) {
    await commit((tx) => grant(tx, user.id, input));
    return { ok: true, message: "Qualification recorded.", revalidate: ["/admin/staff"] };
  },
});

export const revokeQualification = validatedAction({
  permission: "staff:manage",
  schema: z.object({ note: z.string().trim().min(3, "Say why it is revoked").max(1000) }),
  bound: 1,
  async run(input, { user, ids: [qualificationId = ""], commit }) {
    await commit((tx) => revoke(tx, user.id, qualificationId, input.note));
    return { ok: true, message: "Qualification revoked.", revalidate: ["/admin/staff"] };
  },
});
