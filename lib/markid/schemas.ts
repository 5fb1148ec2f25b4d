// Zod schemas for what we send (strict, checked before any request) and what MarkID answers (loose: unknown
// fields are tolerated so a MarkID release that adds fields does not break the back office).
import { z } from "zod";
import { TOKEN_TYPES } from "@/lib/markid/types";

// Digits and these characters are refused by MarkID in names (docs/markid.md §2.1).
const NAME_FORBIDDEN = /[0-9~!@#$%^*()_+={}[\]\\|:;",<>/?]/;
const name = z
  .string()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .refine((v) => !NAME_FORBIDDEN.test(v), "must not contain digits or special characters");

export const createTokenInputSchema = z.object({
  clientId: z
    .string()
    .min(1, "is required")
    .max(100, "must be at most 100 characters")
    .regex(/^[\x20-\x7E]+$/, "must contain only ASCII characters"),
  tokenType: z.enum(TOKEN_TYPES, { message: "must be VIDEO_CALL or VIDEO_CALL_PHOTOS" }),
  firstName: name.optional(),
  lastName: name.optional(),
  externalRef: z.string().min(1, "must not be empty").max(40, "must be at most 40 characters").optional(),
  expiryTime: z
    .number()
    .int()
    .min(60, "must be at least 60 seconds")
    .max(2_592_000, "must be at most 30 days")
    .optional(),
  sessionLength: z
    .number()
    .int()
    .min(60, "must be at least 60 seconds")
    .max(3600, "must be at most 3600 seconds")
    .optional(),
  locale: z
    .string()
    .regex(/^[a-z]{2}$/, "must be a two-letter language code")
    .optional(),
  callbackUrl: z.url({ protocol: /^https$/, message: "must be an https:// URL" }).optional(),
  videoCallQuestions: z.array(z.string().min(1).max(500)).max(50).optional(),
});

export const scanRefSchema = z.string().trim().min(1, "is required").max(100, "is too long");

export const tokenResponseSchema = z.looseObject({
  scanRef: z.string().min(1),
  authToken: z.string().min(1),
  clientId: z.string().nullish(),
  expiryTime: z.number().nullish(),
  sessionLength: z.number().nullish(),
  tokenType: z.string().nullish(),
  redirectUrl: z.string().nullish(),
});

export const videoCallResponseSchema = z.looseObject({ url: z.url() });

const optionalUrl = z.string().nullish();
export const videoCallRecordResponseSchema = z.looseObject({
  photos: z
    .looseObject({
      VIDEO_CALL_FACE: optionalUrl,
      VIDEO_CALL_FRONT: optionalUrl,
      VIDEO_CALL_BACK: optionalUrl,
    })
    .nullish(),
  videos: z.array(z.string()).nullish(),
});

const tags = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);
export const statusResponseSchema = z.looseObject({
  status: z.string().min(1),
  scanRef: z.string().min(1),
  clientId: z.string().nullish(),
  autoFace: z.string().nullish(),
  autoDocument: z.string().nullish(),
  manualFace: z.string().nullish(),
  manualDocument: z.string().nullish(),
  fraudTags: tags,
  mismatchTags: tags,
});

/** "firstName must not contain digits…" from the first zod issue, for a staff-readable BAD_VALUE. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is invalid";
  const field = issue.path.map(String).join(".") || "input";
  return `${field} ${issue.message}`;
}
