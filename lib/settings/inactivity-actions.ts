"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { inLanguage } from "@/lib/i18n/in-language";
import { INACTIVE_DAYS_INPUT } from "@/lib/staff/inactivity-rules";

/** Days without a sign-in before the daily job deactivates an account; audited like every setting. */
export const updateInactivityDays = validatedAction({
  permission: "settings:manage",
  schema: z.object({ staffInactiveDays: INACTIVE_DAYS_INPUT }),
  async run({ staffInactiveDays: value }, { user, commit }) {
    const key = "staffInactiveDays";
    await commit(async (tx) => {
      await tx.setting.upsert({
        where: { key },
        create: { key, value, updatedById: user.id },
        update: { value, updatedById: user.id },
      });
      return {
        value: null,
        audit: { action: "settings.updated", targetType: "setting", targetId: key, details: { value } },
      };
    });
    const message = inLanguage("settings.actions.inactivitySaved", { days: value });
    return { ok: true, message, revalidate: ["/admin/settings", "/admin/staff"] };
  },
});
