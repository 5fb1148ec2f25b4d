import { z } from "zod";
import {
  DecisionOutcome,
  DecisionState,
  DeliveryStatus,
  Language,
  LinkChannel,
  LinkKind,
  TokenType,
  VerificationStatus,
} from "@/lib/generated/prisma/enums";

// What /api/v1 answers, as zod schemas: the presenters (lib/api/present.ts) are typed by them and the OpenAPI
// document describes them, so the two cannot drift. Ids and states, the client ID and the bank's reference;
// never names, emails, phone numbers, comments or recordings (as the outbound webhooks).

const instant = z.iso.datetime();

const decisionView = z.object({
  id: z.uuid(),
  outcome: z.enum(DecisionOutcome),
  reason: z.string(),
  state: z.enum(DecisionState),
  decidedAt: instant,
  reviewedAt: instant.nullable(),
});

export const linkView = z.object({
  id: z.uuid(),
  kind: z.enum(LinkKind),
  channel: z.enum(LinkChannel),
  status: z.enum(DeliveryStatus),
  live: z.boolean(),
  createdAt: instant,
  sentAt: instant.nullable(),
  expiresAt: instant.nullable(),
  firstOpenedAt: instant.nullable(),
  openCount: z.int(),
});

export const verificationView = z.object({
  id: z.uuid(),
  scanRef: z.string(),
  clientId: z.string(),
  externalRef: z.string().nullable(),
  /** The client's language: their link email and pages, and MarkID's call. */
  clientLanguage: z.enum(Language),
  status: z.enum(VerificationStatus),
  markidStatus: z.string().nullable(),
  tokenType: z.enum(TokenType),
  tokenExpiresAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  decidedAt: instant.nullable(),
  purged: z.boolean(),
  links: z.array(linkView),
  /** Only for a key with the decision:read scope; absent otherwise. */
  decisions: z.array(decisionView).optional(),
});
export type VerificationView = z.infer<typeof verificationView>;

export const changesView = z.object({
  data: z.array(verificationView),
  /** Where the next call starts: the last change returned, or the cursor given when nothing changed since. */
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
});

export const sentLinkView = z.object({
  link: linkView,
  /** COPY only: the client's link, to hand over; it is not shown again. */
  url: z.url().optional(),
});

export const problemView = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z
    .object({ formErrors: z.array(z.string()), fieldErrors: z.record(z.string(), z.array(z.string())) })
    .optional(),
});
