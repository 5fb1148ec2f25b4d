"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { liftHold, placeHold, type HoldTarget } from "@/lib/retention/holds";
import { policyInForce } from "@/lib/retention/policy";
import { clientIdSchema } from "@/lib/verifications/schemas";

const holdFields = {
  reason: z.string().trim().min(3, "Say why the evidence must be kept").max(500, "At most 500 characters"),
  endsOn: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.iso.date("A date, or leave it empty for no end").nullable()),
};

const PLACED = "Legal hold placed. Nothing it covers will be purged while it is in place.";
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
    const cases = covered === 1 ? "1 verification" : `${covered} verifications`;
    return {
      ok: true,
      message: `Legal hold placed on ${cases} of this client, and on any created while it is in place.`,
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
    return { ok: true, message: "Legal hold lifted.", revalidate: revalidate([]) };
  },
});
