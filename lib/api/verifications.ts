import "server-only";
import { z } from "zod";
import type { ApiContext } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import { mayReadDecisions, refuse } from "@/lib/api/authorize";
import { parseBody } from "@/lib/api/body";
import { presentVerification, verificationSelect } from "@/lib/api/present";
import { json } from "@/lib/api/problem";
import { createVerificationBody } from "@/lib/api/schemas";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";
import { createVerificationCase } from "@/lib/verifications/create";

const NOT_FOUND = "No verification with this id.";

/** One verification as the key may see it, or null for an id that names none. */
async function loadVerificationView(ctx: ApiContext, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await getDb().verification.findUnique({ where: { id }, select: verificationSelect });
  return row ? presentVerification(row, mayReadDecisions(ctx)) : null;
}

/** GET /api/v1/verifications/{id}: audited as the key, with whether decisions were shown. */
export async function readVerification(ctx: ApiContext, request: Request, id: string): Promise<Response> {
  const view = await loadVerificationView(ctx, id);
  if (!view) return refuse(ctx, request, "not-found", NOT_FOUND);
  const details = { apiKeyId: ctx.apiKey.id, decisions: view.decisions !== undefined };
  await ctx.commit(async () => ({
    value: null,
    audit: { action: "api.verification_read", targetType: "verification", targetId: id, details },
  }));
  return json(view);
}

/** POST /api/v1/verifications: the New verification form's rules, through the same domain function. */
export async function createVerificationByApi(ctx: ApiContext, request: Request): Promise<Response> {
  const body = await parseBody(ctx, request, createVerificationBody);
  if (!body.ok) return body.response;
  const created = await createVerificationCase(ctx, body.data);
  if (!created.ok) {
    const type = { duplicate: "duplicate", scanRef: "refused", markid: "markid-unavailable" } as const;
    // The form's refusals are message keys; the API answers in English.
    const t = translatorFor("en");
    const fieldErrors = translateFieldErrors(t, created.fieldErrors);
    const errors = fieldErrors ? { formErrors: [], fieldErrors } : undefined;
    return refuse(ctx, request, type[created.reason], translateMessage(t, created.message), { errors });
  }
  const view = await loadVerificationView(ctx, created.id);
  return Response.json(view, {
    status: 201,
    headers: { Location: `/api/v1/verifications/${created.id}`, "Cache-Control": "no-store" },
  });
}
