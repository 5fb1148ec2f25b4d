// POST /api/v2/token: validates like MarkID (docs/markid.md §2.1), echoes every field with defaults filled (§2.2).
import type { SandboxContext } from "./context";
import { errors, type ApiError } from "./errors";
import { authToken, digitString, uuidV1 } from "./ids";
import { expire, setResult } from "./lifecycle";
import { validateToken } from "./token-schema";
import type { Verification } from "./types";

// MarkID's own token table (MID): 86400 s to start, 1800 s in the flow. Older iDenfy docs say 3600 / 600.
const DEFAULT_EXPIRY_TIME = 86_400;
const DEFAULT_SESSION_LENGTH = 1800;

export function createToken(
  ctx: SandboxContext,
  body: Record<string, unknown>,
): { status: number; body: object } | ApiError {
  const input = validateToken(body);
  if ("identifier" in input) return input;
  const { faults } = ctx;
  if (faults.credits !== null && faults.credits <= 0) return errors.outOfCredits();
  if (faults.credits !== null) faults.credits--;
  const documents = input.documents ?? ["ID_CARD", "PASSPORT"];
  const ui = "https://ui.markid.eu/result";
  const echo = {
    message: input.dummyStatus
      ? "Dummy token and verification created successfully"
      : "Token created successfully",
    authToken: authToken(),
    scanRef: uuidV1(ctx.clock.now()),
    clientId: input.clientId,
    personScanRef: input.clientId,
    firstName: input.firstName ? input.firstName.toUpperCase() : null,
    lastName: input.lastName ? input.lastName.toUpperCase() : null,
    successUrl: input.successUrl ?? `${ui}?status=success`,
    errorUrl: input.errorUrl ?? `${ui}?status=fail`,
    unverifiedUrl: input.unverifiedUrl ?? `${ui}?status=unverified`,
    callbackUrl: input.callbackUrl ?? null,
    locale: input.locale ?? "en",
    showInstructions: input.showInstructions ?? true,
    expiryTime: input.expiryTime ?? DEFAULT_EXPIRY_TIME,
    sessionLength: input.sessionLength ?? DEFAULT_SESSION_LENGTH,
    country: input.country ?? null,
    documents,
    allowedDocuments: { ALL: documents },
    dateOfBirth: input.dateOfBirth ?? null,
    dateOfExpiry: input.dateOfExpiry ?? null,
    dateOfIssue: input.dateOfIssue ?? null,
    nationality: input.nationality ?? null,
    personalNumber: input.personalNumber ?? null,
    documentNumber: input.documentNumber ?? null,
    sex: input.sex ?? null,
    address: input.address ?? null,
    generateDigitString: input.generateDigitString ?? false,
    digitString: input.generateDigitString ? digitString() : null,
    tokenType: input.tokenType ?? "IDENTIFICATION",
    videoCallQuestions: input.videoCallQuestions ?? [],
    externalRef: input.externalRef ?? null,
    utilityBill: input.utilityBill ?? false,
    additionalSteps: input.additionalSteps ?? null,
  };
  const v: Verification = {
    scanRef: echo.scanRef,
    authToken: echo.authToken,
    clientId: echo.clientId,
    tokenType: echo.tokenType,
    callbackUrl: echo.callbackUrl,
    externalRef: echo.externalRef,
    firstName: echo.firstName,
    lastName: echo.lastName,
    videoCallQuestions: echo.videoCallQuestions,
    createdAtMs: ctx.clock.now(),
    expiryTime: echo.expiryTime,
    sessionLength: echo.sessionLength,
    locale: echo.locale,
    phase: "ACTIVE",
    deletedFrom: null,
    call: null,
    result: null,
    media: {},
  };
  ctx.store.add(v);
  if (input.dummyStatus === "EXPIRED") expire(ctx, v);
  else if (input.dummyStatus && input.dummyStatus !== "ACTIVE") setResult(ctx, v, input.dummyStatus);
  const redirectUrl = `${ctx.options.publicUrl}/api/v2/redirect?authToken=${echo.authToken}`;
  return { status: 201, body: faults.includeRedirectUrl ? { ...echo, redirectUrl } : echo };
}
