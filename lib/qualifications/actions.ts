"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";
import { grant, revoke } from "@/lib/qualifications/register";

const grantSchema = z.object({
  staffUserId: z.uuid({ message: messageKey("qualifications.actions.chooseStaff") }),
  name: z
    .string()
    .trim()
    .min(2, messageKey("qualifications.actions.min2"))
    .max(80, messageKey("qualifications.actions.max80")),
  // A date from <input type="date">: valid through the end of that day (UTC), as staff read it.
  validUntil: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, messageKey("qualifications.actions.enterDate"))
    .transform((v) => (v ? new Date(`${v}T23:59:59.999Z`) : null))
    .refine((d) => d === null || !Number.isNaN(d.getTime()), messageKey("qualifications.actions.enterDate")),
  evidence: z.string().trim().min(3, messageKey("qualifications.actions.evidence")).max(1000),
});

export const grantQualification = validatedAction({
  permission: "staff:manage",
  schema: grantSchema,
  async run(input, { user, commit }) {
    await commit((tx) => grant(tx, user.id, input));
    return { ok: true, message: messageKey("qualifications.actions.granted"), revalidate: ["/admin/staff"] };
  },
});

export const revokeQualification = validatedAction({
  permission: "staff:manage",
  schema: z.object({
    note: z.string().trim().min(3, messageKey("qualifications.actions.revokeNote")).max(1000),
  }),
  bound: 1,
  async run(input, { user, ids: [qualificationId = ""], commit }) {
    await commit((tx) => revoke(tx, user.id, qualificationId, input.note));
    return { ok: true, message: messageKey("qualifications.actions.revoked"), revalidate: ["/admin/staff"] };
  },
});
