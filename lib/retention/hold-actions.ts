"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { liftHold, placeHold, type HoldTarget } from "@/lib/retention/holds";
import { policyInForce } from "@/lib/retention/policy";
import { clientIdSchema } from "@/lib/verifications/schemas";

const holdFields = {
  reason: z
    .string()
    .trim()
    .min(3, messageKey("retention.errors.reason"))
    .max(500, messageKey("retention.errors.reasonTooLong")),
  endsOn: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.iso.date(messageKey("retention.errors.endsOn")).nullable()),
};

const PLACED = messageKey("retention.actions.placed");
const revalidate = (ids: string[]) => [
  "/retention",
  "/retention/holds",
  ...ids.map((id) => `/verifications/${id}`),
];

// Leads and admins place holds from the purge preview, which lists every case due: retention:manage covers all
// verifications alike, so the id is not checked against the per-record rule (lib/auth/access-map.ts says so).
export const placeCaseHold = validatedAction({
  permission: "retention:manage",
  schema: z.object(holdFields),
  bound: 1,
  async run(input, { user, ids: [verificationId = ""], commit }) {
    await commit((tx) => placeHold(tx, user.id, { verificationId }, input, new Date()));
    return { ok: true, message: PLACED, revalidate: revalidate([verificationId]) };
  },
});

export const placeClientHold = validatedAction({
  permission: "retention:manage",
  schema: z.object({ clientId: clientIdSchema, ...holdFields }),
  async run({ clientId, ...input }, { user, commit }) {
    const target: HoldTarget = { clientId };
    const { covered } = await commit((tx) => placeHold(tx, user.id, target, input, new Date()));
    return {
      ok: true,
      message: translatorFor(currentLanguage())("retention.actions.placedClient", { count: covered }),
      revalidate: revalidate([]),
    };
  },
});

export const liftLegalHold = validatedAction({
  permission: "retention:manage",
  schema: z.object({}),
  bound: 1,
  async run(_input, { user, ids: [holdId = ""], commit }) {
    await commit(async (tx) => {
      const { liftNeedsSecondPerson } = await policyInForce(tx);
      return liftHold(tx, user.id, holdId, liftNeedsSecondPerson, new Date());
    });
    return { ok: true, message: messageKey("retention.actions.lifted"), revalidate: revalidate([]) };
  },
});
