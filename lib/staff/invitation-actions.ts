"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/validated-action";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { translateFieldErrors, translateMessage, zodErrorMap } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { resolveLanguage } from "@/lib/i18n/negotiate";
import { requestMeta } from "@/lib/request-meta";
import { acceptInvitation } from "@/lib/staff/invitations";

const schema = z
  .object({
    password: z.string().min(1, messageKey("staff.invitation.choosePassword")).max(MAX_PASSWORD_LENGTH),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: messageKey("staff.invitation.passwordsDiffer"),
  });

/**
 * The one server action outside validatedAction: whoever opens an invitation has no session yet. The token,
 * bound by the page, is the authorisation; acceptInvitation checks it again and spends it atomically. With no
 * account to ask, the answer is in the browser's language.
 */
export async function acceptInvitationAction(
  token: unknown,
  _state: ActionState,
  form: FormData,
): Promise<ActionState> {
  const language = resolveLanguage(null, (await headers()).get("accept-language"));
  const t = translatorFor(language);
  if (typeof token !== "string") return { ok: false, message: t("staff.errors.requestMalformed") };
  const parsed = schema.safeParse(
    { password: form.get("password"), confirm: form.get("confirm") },
    { error: zodErrorMap(language) },
  );
  if (!parsed.success) {
    return {
      ok: false,
      message: t("common.errors.checkFields"),
      fieldErrors: translateFieldErrors(t, z.flattenError(parsed.error).fieldErrors),
    };
  }
  const result = await acceptInvitation(token, parsed.data.password, await requestMeta());
  if (!result.ok && result.field) {
    return {
      ok: false,
      message: t("staff.invitation.strongerPassword"),
      fieldErrors: { password: [translateMessage(t, result.message)] },
    };
  }
  if (!result.ok) return { ok: false, message: translateMessage(t, result.message) };
  redirect("/login?invited=1");
}
