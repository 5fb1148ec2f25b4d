"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";
import { BROWSER_ZONE, isTimeZone } from "@/lib/time-zone";

const schema = z.object({
  timeZone: z
    .string()
    .trim()
    .refine((v) => v === BROWSER_ZONE || isTimeZone(v), messageKey("account.timeZone.invalid")),
});

/** The signed-in person's own time zone for reading dates; "browser" follows the browser's. */
export const setTimeZone = validatedAction({
  permission: "account:security",
  schema,
  async run({ timeZone }, { user, commit }) {
    const value = timeZone === BROWSER_ZONE ? null : timeZone;
    await commit(async (tx) => {
      await tx.staffUser.update({ where: { id: user.id }, data: { timeZone: value } });
      return {
        value: null,
        audit: [
          {
            action: "staff.time_zone_changed",
            targetType: "staff_user",
            targetId: user.id,
            details: { timeZone: value },
          },
        ],
      };
    });
    return {
      ok: true,
      message: messageKey("account.timeZone.saved"),
      revalidate: ["/", "/account/two-factor"],
    };
  },
});
