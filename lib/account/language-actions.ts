"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { chosenLanguage } from "@/lib/account/language-choice";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { resolveLanguage } from "@/lib/i18n/negotiate";

const schema = z.object({
  language: z
    .string()
    .trim()
    .refine((v) => chosenLanguage(v) !== undefined, messageKey("account.language.invalid"))
    .transform((v) => chosenLanguage(v) ?? null),
});

/** The signed-in person's own language for the back office; "browser" follows the browser's. */
export const setLanguage = validatedAction({
  permission: "account:security",
  schema,
  async run({ language }, { user, commit }) {
    await commit(async (tx) => {
      await tx.staffUser.update({ where: { id: user.id }, data: { language } });
      return {
        value: null,
        audit: [
          {
            action: "staff.language_changed",
            targetType: "staff_user",
            targetId: user.id,
            details: { language },
          },
        ],
      };
    });
    // Said in the language just chosen, which the re-rendered page shows too: the request's is the old one.
    const now = resolveLanguage(language, (await headers()).get("accept-language"));
    const t = translatorFor(now);
    return {
      ok: true,
      message: t(language ? "account.language.saved" : "account.language.savedBrowser"),
      revalidate: ["/", "/account/two-factor"],
    };
  },
});
