"use server";

import { validatedAction } from "@/lib/actions/validated-action";
import { createVerificationCase } from "@/lib/verifications/create";
import { newVerificationSchema } from "@/lib/verifications/schemas";

/** The New verification form; the API (lib/api) creates through the same createVerificationCase. */
export const createVerification = validatedAction({
  permission: "verification:create",
  schema: newVerificationSchema,
  async run(input, ctx) {
    const created = await createVerificationCase(ctx, input);
    if (!created.ok) return { ok: false, message: created.message, fieldErrors: created.fieldErrors };
    return { ok: true, redirectTo: `/verifications/${created.id}`, revalidate: ["/"] };
  },
});
