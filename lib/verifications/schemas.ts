import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";
import { messageKey } from "@/lib/i18n/keys";

const optional = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(schema.optional());

// MarkID refuses digits and these characters in names (docs/markid.md §2.1); say so before MarkID does.
const NAME = z
  .string()
  .max(100, messageKey("verifications.fields.max100"))
  .regex(/^[^\d~!@#$%^*()_+={}[\]|:;",<>/?]+$/, messageKey("verifications.fields.nameChars"));

/** A client ID as staff type it: what MarkID accepts, so a search, a hold or a subject access export can name any client. */
export const clientIdSchema = z
  .string()
  .trim()
  .min(1, messageKey("verifications.fields.clientIdRequired"))
  .max(100, messageKey("verifications.fields.max100"))
  .regex(/^[\x21-\x7e]+$/, messageKey("verifications.fields.clientIdChars"));

export const newVerificationSchema = z.object({
  clientId: clientIdSchema,
  firstName: optional(NAME),
  lastName: optional(NAME),
  email: optional(z.email(messageKey("verifications.fields.email")).max(254)),
  phone: optional(z.string().regex(/^\+?[0-9 ()-]{6,20}$/, messageKey("verifications.fields.phone"))),
  externalRef: optional(z.string().max(40, messageKey("verifications.fields.max40"))),
  existingScanRef: optional(
    z
      .string()
      .max(40, messageKey("verifications.fields.max40"))
      .regex(/^[A-Za-z0-9-]+$/, messageKey("verifications.fields.scanRefChars")),
  ),
  // Absent: the organisation's default (lib/settings/settings.ts), applied by createVerificationCase.
  clientLanguage: z.enum(LANGUAGES, { error: messageKey("clientLanguage.errors.unknown") }).optional(),
  photos: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export type NewVerificationInput = z.infer<typeof newVerificationSchema>;
