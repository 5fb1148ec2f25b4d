import { z } from "zod";
import { linkSendFields, requireRecipient } from "@/lib/links/schemas";
import { decodeCursor } from "@/lib/verifications/cursor";
import { newVerificationSchema } from "@/lib/verifications/schemas";

// The schemas /api/v1 validates requests with; lib/api/openapi.ts describes the API from these same objects.

/**
 * The New verification form's schema, field for field; only "take photos" is a JSON boolean, not a checkbox.
 * Without clientLanguage the organisation's default applies.
 */
export const createVerificationBody = newVerificationSchema.extend({
  photos: z.boolean().default(false),
});

/** A link by email to an address, or COPY: the answer carries the URL to hand over. */
export const sendLinkBody = z
  .object({ ...linkSendFields, channel: z.enum(["EMAIL", "COPY"], { message: "EMAIL or COPY" }) })
  .superRefine(requireRecipient);

const CHANGES_MAX_LIMIT = 100;

/** A cursor this API handed out: the (updatedAt, id) of the last change the caller saw. */
export const changesQuery = z.object({
  cursor: z
    .string()
    .max(400)
    .refine((text) => {
      const cursor = decodeCursor(text);
      return cursor !== null && !Number.isNaN(Date.parse(cursor.value));
    }, "Not a cursor this API returned")
    .optional(),
  limit: z.coerce.number().int().min(1).max(CHANGES_MAX_LIMIT).default(50),
});
