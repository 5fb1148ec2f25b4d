"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { confirmEnrolment, removeTwoFactor } from "@/lib/auth/enrolment";
import { requiresTwoFactor } from "@/lib/auth/permissions";
import { consumeSecondFactor } from "@/lib/auth/second-factor";

const SELF = (userId: string) => ({ targetType: "staff_user", targetId: userId });

export const confirmTwoFactor = validatedAction({
  permission: "account:security",
  allowUnenrolled: true,
  schema: z.object({
    code: z
      .string()
      .transform((v) => v.replace(/\s/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code your app shows.")),
  }),
  async run(input, { user, commit }) {
    const codes = await commit(async (tx) => {
      const issued = await confirmEnrolment(tx, user.id, input.code);
      return { value: issued, audit: issued ? { action: "auth.2fa_enrolled", ...SELF(user.id) } : [] };
    });
    if (!codes) {
      const message =
        "That code did not match. Check that your phone's clock is right, then try the next code.";
      return { ok: false, message, fieldErrors: { code: [message] } };
    }
    // No revalidation: the page would re-render without the codes, which are shown this once.
    return { ok: true, message: "Two-factor sign-in is on.", data: { recoveryCodes: codes } };
  },
});

export const disableTwoFactor = validatedAction({
  permission: "account:security",
  schema: z.object({ code: z.string().trim().min(1, "Enter a current code or a recovery code.").max(64) }),
  async run(input, { user, commit }) {
    if (requiresTwoFactor(user.role)) {
      return { ok: false, message: "Administrators must keep two-factor sign-in on." };
    }
    const done = await commit(async (tx) => {
      const row = await tx.staffUser.findUnique({
        where: { id: user.id },
        select: { id: true, totpSecret: true },
      });
      const method = row ? await consumeSecondFactor(tx, row, input.code) : null;
      if (!method) return { value: false, audit: [] };
      await removeTwoFactor(tx, user.id, false);
      return { value: true, audit: { action: "auth.2fa_disabled", ...SELF(user.id), details: { method } } };
    });
    if (!done)
      return { ok: false, fieldErrors: { code: ["That code did not work."] }, message: "Not turned off." };
    return { ok: true, message: "Two-factor sign-in is off.", revalidate: ["/account/two-factor"] };
  },
});
