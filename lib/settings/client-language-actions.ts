"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import type { AuditEntry } from "@/lib/audit/types";
import { LANGUAGES } from "@/lib/i18n/languages";
import { messageKey } from "@/lib/i18n/keys";
import { upsertSetting } from "@/lib/settings/save";

/** The client's language a new verification starts with; audited like every setting. */
export const updateDefaultClientLanguage = validatedAction({
  permission: "settings:manage",
  schema: z.object({
    defaultClientLanguage: z.enum(LANGUAGES, { error: messageKey("clientLanguage.errors.unknown") }),
  }),
  async run({ defaultClientLanguage: value }, { user, commit }) {
    const key = "defaultClientLanguage";
    await commit(async (tx) => {
      await upsertSetting(tx, key, value, user.id);
      const audit: AuditEntry = {
        action: "settings.updated",
        targetType: "setting",
        targetId: key,
        details: { value },
      };
      return { value: null, audit };
    });
    return {
      ok: true,
      message: messageKey("clientLanguage.settings.saved"),
      revalidate: ["/admin/settings", "/verifications/new"],
    };
  },
});
