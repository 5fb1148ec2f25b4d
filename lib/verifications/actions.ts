"use server";

import { caseFacts, emitOutboundEvent } from "@/lib/outbound-webhooks/emit";
import { validatedAction } from "@/lib/actions/validated-action";
import { sealAuthToken } from "@/lib/auth/markid-secrets";
import type { Tx } from "@/lib/db";
import { getDb } from "@/lib/db";
import { assignNewCase } from "@/lib/desk/sweep";
import { getSettings } from "@/lib/settings/settings";
import type { TokenType } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/domain-error";
import { markIdClient } from "@/lib/markid";
import { newVerificationSchema, type NewVerificationInput } from "@/lib/verifications/schemas";
import { OPEN_STATUSES } from "@/lib/verifications/status";

const DUPLICATE = "This client already has an open verification. Finish or close it before starting another.";

async function findOpen(db: Pick<Tx, "verification">, clientId: string) {
  return db.verification.findFirst({
    where: { clientId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true },
  });
}

const OTHER_CLIENT =
  "MarkID holds this scanRef for a different client ID. Check both: a scanRef is only attached to its own client.";
const NO_CLIENT = "MarkID does not say which client this scanRef belongs to, so it cannot be attached.";

type Obtained =
  | { ok: true; scanRef: string; authToken: string | null; tokenType: TokenType; expiresAt: Date | null }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** A token from MarkID, or the scanRef of a client MarkID already knows, checked to be that client's. */
async function obtainScanRef(input: NewVerificationInput): Promise<Obtained> {
  const tokenType: TokenType = input.photos ? "VIDEO_CALL_PHOTOS" : "VIDEO_CALL";
  if (input.existingScanRef) {
    const status = await markIdClient().getStatus(input.existingScanRef);
    if (!status.ok) return { ok: false, message: status.error.message };
    // Otherwise an officer could attach another person's identity evidence to this client's record.
    if (status.value.clientId !== input.clientId) {
      const message = status.value.clientId === null ? NO_CLIENT : OTHER_CLIENT;
      return { ok: false, message, fieldErrors: { existingScanRef: [message] } };
    }
    return { ok: true, scanRef: input.existingScanRef, authToken: null, tokenType, expiresAt: null };
  }
  const token = await markIdClient().createToken({
    clientId: input.clientId,
    tokenType,
    firstName: input.firstName,
    lastName: input.lastName,
    externalRef: input.externalRef,
  });
  if (!token.ok) return { ok: false, message: token.error.message };
  const { scanRef, authToken, expiryTime } = token.value;
  const expiresAt = expiryTime ? new Date(Date.now() + expiryTime * 1000) : null;
  return { ok: true, scanRef, authToken, tokenType, expiresAt };
}

export const createVerification = validatedAction({
  permission: "verification:create",
  schema: newVerificationSchema,
  async run(input, { user, commit }) {
    if (await findOpen(getDb(), input.clientId)) {
      return { ok: false, fieldErrors: { clientId: [DUPLICATE] }, message: DUPLICATE };
    }
    if (
      input.existingScanRef &&
      (await getDb().verification.count({ where: { scanRef: input.existingScanRef } }))
    ) {
      const message = "This scanRef already belongs to a verification here.";
      return { ok: false, fieldErrors: { existingScanRef: [message] }, message };
    }
    const obtained = await obtainScanRef(input);
    // With automatic assignment on, the case goes round-robin to an available decider (lib/desk) instead.
    const { autoAssign } = await getSettings();
    if (!obtained.ok) return { ok: false, message: obtained.message, fieldErrors: obtained.fieldErrors };
    const id = await commit(async (tx) => {
      // Serialise creations per client so two officers cannot both pass the duplicate check.
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
          createdById: user.id,
          assigneeId: autoAssign ? null : user.id,
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
    return { ok: true, redirectTo: `/verifications/${id}`, revalidate: ["/"] };
  },
});
