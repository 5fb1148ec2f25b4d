"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/validated-action";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { requestMeta } from "@/lib/request-meta";
import { acceptInvitation } from "@/lib/staff/invitations";

const schema = z
  .object({
    password: z.string().min(1, "Choose a password.").max(MAX_PASSWORD_LENGTH),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." });

/**
 * The one server action outside validatedAction: whoever opens an invitation has no session yet. The token,
 * bound by the page, is the authorisation; acceptInvitation checks it again and spends it atomically.
 */
export async function acceptInvitationAction(
  token: unknown,
  _state: ActionState,
  form: FormData,
): Promise<ActionState> {
  if (typeof token !== "string") return { ok: false, message: "The request was malformed." };
  const parsed = schema.safeParse({ password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) {
    return {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  const result = await acceptInvitation(token, parsed.data.password, await requestMeta());
  if (!result.ok && result.field) {
    return { ok: false, message: "Choose a stronger password.", fieldErrors: { password: [result.message] } };
  }
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/login?invited=1");
}
