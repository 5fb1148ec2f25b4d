"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { LANGUAGES } from "@/lib/i18n/languages";
import { messageKey } from "@/lib/i18n/messages";

/** The client's language a new verification starts with; audited like every setting. */
export const updateDefaultClientLanguage = validatedAction({
  permission: "settings:manage",
  schema: z.object({
    defaultClientLanguage: z.enum(LANGUAGES, { error: messageKey("clientLanguage.errors.unknown") }),
  }),
  async run({ defaultClientLanguage: value }, { user, commit }) {
    const key = "defaultClientLanguage";
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
    return {
      ok: true,
      message: messageKey("clientLanguage.settings.saved"),
      revalidate: ["/admin/settings", "/verifications/new"],
    };
  },
});
