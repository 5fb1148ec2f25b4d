// What POST /api/v2/token accepts (docs/markid.md §2.1) and how a refusal is worded.
import { z } from "zod";
import { errors, type ApiError } from "./errors";

const TOKEN_TYPES = [
  "DOCUMENT",
  "IDENTIFICATION",
  "VIDEO_CALL",
  "VIDEO_CALL_PHOTOS",
  "VIDEO_CALL_IDENTIFICATION",
];
const LOCALES = [
  "lt",
  "en",
  "ru",
  "pl",
  "lv",
  "ro",
  "it",
  "de",
  "fr",
  "sv",
  "es",
  "hu",
  "ja",
  "bg",
  "et",
  "cs",
];
const DOCUMENTS = [
  "ID_CARD", "PASSPORT", "RESIDENCE_PERMIT", "DRIVER_LICENSE", "AADHAAR", "PAN_CARD", "VISA", "BORDER_CROSSING",
  "ASYLUM", "NATIONAL_PASSPORT", "INTERNATIONAL_PASSPORT", "VOTER_CARD", "OLD_ID_CARD", "TRAVEL_CARD", "PHOTO_CARD",
  "MILITARY_CARD", "PROOF_OF_AGE_CARD", "DIPLOMATIC_ID", "OTHER",
]; // prettier-ignore
const DUMMY = ["APPROVED", "DENIED", "SUSPECTED", "EXPIRED", "ACTIVE"] as const;

const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^0-9~!@#$%^*()_+={}[\]\\|:;",<>/?]*$/, "must not contain digits or special characters");
const redirect = z.string().min(5).max(2048).nullish();
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .nullish();
const alpha2 = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "must be a valid ISO 3166-1 alpha-2 code")
  .nullish();

const schema = z.object({
  clientId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\x20-\x7E]+$/, "must contain only ASCII characters"),
  firstName: name.nullish(),
  lastName: name.nullish(),
  successUrl: redirect,
  errorUrl: redirect,
  unverifiedUrl: redirect,
  callbackUrl: z.url({ protocol: /^https$/, message: "must be an HTTPS URL" }).nullish(),
  locale: z.enum(LOCALES).nullish(),
  showInstructions: z.boolean().nullish(),
  expiryTime: z.number().int().min(1).max(2_592_000).nullish(),
  sessionLength: z.number().int().min(60).max(3600).nullish(),
  country: alpha2,
  documents: z.array(z.enum(DOCUMENTS)).nullish(),
  dateOfBirth: date,
  dateOfExpiry: date,
  dateOfIssue: date,
  nationality: alpha2,
  personalNumber: z.string().min(1).max(50).nullish(),
  documentNumber: z.string().min(1).max(50).nullish(),
  sex: z.enum(["M", "F"]).nullish(),
  address: z.string().max(255).nullish(),
  generateDigitString: z.boolean().nullish(),
  // The video-call page spells it VIDEO_CALL_PHOTO; every token table says VIDEO_CALL_PHOTOS. Accept both.
  tokenType: z
    .string()
    .transform((t) => (t === "VIDEO_CALL_PHOTO" ? "VIDEO_CALL_PHOTOS" : t))
    .pipe(z.enum(TOKEN_TYPES))
    .nullish(),
  videoCallQuestions: z.array(z.string().min(1).max(500)).nullish(),
  externalRef: z.string().max(40).nullish(),
  utilityBill: z.boolean().nullish(),
  additionalSteps: z.record(z.string(), z.unknown()).nullish(),
  dummyStatus: z.enum(DUMMY).nullish(),
});

export function validateToken(body: Record<string, unknown>): z.infer<typeof schema> | ApiError {
  const input = { ...body, clientId: body.clientId ?? body.personScanRef };
  if (input.clientId === undefined || input.clientId === null || input.clientId === "")
    return errors.missing("clientId");
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const why =
    issue.code === "invalid_type" ? `must be of type ${issue.expected}` : issue.message.replace(/\.$/, "");
  return errors.bad(String(issue.path[0] ?? "body"), why.charAt(0).toLowerCase() + why.slice(1));
}
