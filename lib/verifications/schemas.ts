import { z } from "zod";

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
  .max(100, "At most 100 characters")
  .regex(/^[^\d~!@#$%^*()_+={}[\]|:;",<>/?]+$/, "Letters, spaces, hyphens and apostrophes only");

/** A client ID as staff type it: what MarkID accepts, so a search, a hold or a subject access export can name any client. */
export const clientIdSchema = z
  .string()
  .trim()
  .min(1, "Client ID is required")
  .max(100, "At most 100 characters")
  .regex(/^[\x21-\x7e]+$/, "Use printable ASCII characters without spaces");

export const newVerificationSchema = z.object({
  clientId: clientIdSchema,
  firstName: optional(NAME),
  lastName: optional(NAME),
  email: optional(z.email("Enter a valid email address").max(254)),
  phone: optional(z.string().regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a phone number, e.g. +44 20 7946 0958")),
  externalRef: optional(z.string().max(40, "At most 40 characters")),
  existingScanRef: optional(
    z
      .string()
      .max(40, "At most 40 characters")
      .regex(/^[A-Za-z0-9-]+$/, "A scanRef has letters, digits and hyphens only"),
  ),
  photos: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export type NewVerificationInput = z.infer<typeof newVerificationSchema>;
