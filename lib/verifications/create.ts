import "server-only";
import { sealAuthToken } from "@/lib/auth/markid-secrets";
import { actingStaff, type ActingContext } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { TokenType } from "@/lib/generated/prisma/enums";
import { markidLocale, type Language } from "@/lib/i18n/languages";
import { messageKey } from "@/lib/i18n/keys";
import { markIdClient, staffMessageNow } from "@/lib/markid";
import { assignNewCase } from "@/lib/desk/sweep";
import { caseFacts, emitOutboundEvent } from "@/lib/outbound-webhooks/emit";
import { getSettings } from "@/lib/settings/settings";
import type { NewVerificationInput } from "@/lib/verifications/schemas";
import { OPEN_STATUSES } from "@/lib/verifications/status";

// Creating a verification, for the form (lib/verifications/actions.ts) and the API (lib/api) alike: one open
// verification per client ID, a MarkID token (or a scanRef MarkID holds for this very client), audited as
// whoever acts, with the outbound event in the same transaction.

const DUPLICATE = messageKey("verifications.create.duplicate");
const OTHER_CLIENT = messageKey("verifications.create.otherClient");
const NO_CLIENT = messageKey("verifications.create.noClient");
const SCANREF_TAKEN = messageKey("verifications.create.scanRefTaken");

type CreateRefusal = {
  ok: false;
  /** duplicate: an open one exists; scanRef: the existing scanRef cannot be attached; markid: MarkID refused. */
  reason: "duplicate" | "scanRef" | "markid";
  /** A message key, or MarkID's own English words: the form translates it, the API answers in English. */
  message: string;
  fieldErrors?: Record<string, string[]>;
};
export type CreateOutcome = { ok: true; id: string } | CreateRefusal;

const refuse = (reason: CreateRefusal["reason"], message: string, field?: string): CreateRefusal => ({
  ok: false,
  reason,
  message,
  ...(field ? { fieldErrors: { [field]: [message] } } : {}),
});

async function findOpen(db: Pick<Tx, "verification">, clientId: string) {
  return db.verification.findFirst({
    where: { clientId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true },
  });
}

type Obtained =
  | { ok: true; scanRef: string; authToken: string | null; tokenType: TokenType; expiresAt: Date | null }
  | CreateRefusal;

/** A token from MarkID, or the scanRef of a client MarkID already knows, checked to be that client's. */
async function obtainScanRef(input: NewVerificationInput, language: Language): Promise<Obtained> {
  const tokenType: TokenType = input.photos ? "VIDEO_CALL_PHOTOS" : "VIDEO_CALL";
  if (input.existingScanRef) {
    const status = await markIdClient().getStatus(input.existingScanRef);
    if (!status.ok) return refuse("markid", staffMessageNow(status.error));
    // Otherwise an officer could attach another person's identity evidence to this client's record.
    if (status.value.clientId !== input.clientId) {
      return refuse("scanRef", status.value.clientId === null ? NO_CLIENT : OTHER_CLIENT, "existingScanRef");
    }
    return { ok: true, scanRef: input.existingScanRef, authToken: null, tokenType, expiresAt: null };
  }
  const token = await markIdClient().createToken({
    clientId: input.clientId,
    tokenType,
    firstName: input.firstName,
    lastName: input.lastName,
    externalRef: input.externalRef,
    // MarkID's own pages and the call speak the client's language too.
    locale: markidLocale(language),
  });
  if (!token.ok) return refuse("markid", staffMessageNow(token.error));
  const { scanRef, authToken, expiryTime } = token.value;
  const expiresAt = expiryTime ? new Date(Date.now() + expiryTime * 1000) : null;
  return { ok: true, scanRef, authToken, tokenType, expiresAt };
}

/** Creates the verification; a staff member becomes its creator and assignee, an API key leaves both empty. */
export async function createVerificationCase(
  ctx: ActingContext,
  input: NewVerificationInput,
): Promise<CreateOutcome> {
  if (await findOpen(getDb(), input.clientId)) return refuse("duplicate", DUPLICATE, "clientId");
  if (
    input.existingScanRef &&
    (await getDb().verification.count({ where: { scanRef: input.existingScanRef } }))
  )
    return refuse("scanRef", SCANREF_TAKEN, "existingScanRef");
  const { autoAssign, defaultClientLanguage } = await getSettings();
  const clientLanguage = input.clientLanguage ?? defaultClientLanguage;
  const obtained = await obtainScanRef(input, clientLanguage);
  if (!obtained.ok) return obtained;
  const staffId = actingStaff(ctx)?.id ?? null;
  // With automatic assignment on (autoAssign), the case goes round-robin to an available decider (lib/desk).
  try {
    const id = await ctx.commit(async (tx) => {
      // Serialise creations per client so two callers cannot both pass the duplicate check.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${input.clientId}))`;
      if (await findOpen(tx, input.clientId)) throw new DomainError(DUPLICATE, "clientId");
      const created = await tx.verification.create({
        data: {
          scanRef: obtained.scanRef,
          authTokenSealed: obtained.authToken ? sealAuthToken(obtained.scanRef, obtained.authToken) : null,
          tokenType: obtained.tokenType,
          tokenExpiresAt: obtained.expiresAt,
          clientId: input.clientId,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          phone: input.phone,
          externalRef: input.externalRef,
          clientLanguage,
          createdById: staffId,
          assigneeId: autoAssign ? null : staffId,
        },
      });
      await emitOutboundEvent(tx, "verification.created", await caseFacts(tx, created.id));
      const details = {
        scanRef: obtained.scanRef,
        tokenType: obtained.tokenType,
        existing: !obtained.authToken,
      };
      return {
        value: created.id,
        audit: { action: "verification.created", targetType: "verification", targetId: created.id, details },
      };
    });
    // Its own transaction after the creation's: nobody available leaves it for the desk job's next sweep.
    if (autoAssign) await assignNewCase(id);
    return { ok: true, id };
  } catch (error) {
    if (error instanceof DomainError) return refuse("duplicate", error.message, "clientId");
    throw error;
  }
}
