// The per-scanRef state machine:
//   ACTIVE ──call page opened──▶ IN_CALL ──call finished──▶ CALL_FINISHED ──result──▶ DONE
//   ACTIVE/IN_CALL ──expiryTime / sessionLength passed──▶ EXPIRED
//   CALL_FINISHED/DONE/EXPIRED ──/delete──▶ DELETED
// Each transition sends the webhook MarkID would send at that point.
import type { SandboxContext } from "./context";
import { errors, type ApiError } from "./errors";
import { shortId } from "./ids";
import { identificationPayload, videoCallPayload } from "./payloads";
import type { Answers, ResultOverall, Verification, VerificationResult } from "./types";

class TransitionError extends Error {}

const RESULT_STATUSES: Record<
  ResultOverall,
  Pick<VerificationResult, "autoFace" | "autoDocument" | "mismatchTags">
> = {
  APPROVED: { autoFace: "FACE_MATCH", autoDocument: "DOC_VALIDATED", mismatchTags: [] },
  DENIED: { autoFace: "FACE_MISMATCH", autoDocument: "DOC_VALIDATED", mismatchTags: [] },
  SUSPECTED: { autoFace: "FACE_MATCH", autoDocument: "DOC_VALIDATED", mismatchTags: ["NAME"] },
};

function webhookUrl(ctx: SandboxContext, v: Verification): string | null {
  return v.callbackUrl ?? ctx.options.webhookUrl;
}

export function sendIdentificationWebhook(ctx: SandboxContext, v: Verification) {
  return ctx.webhooks.send("IDENTIFICATION", v.scanRef, identificationPayload(ctx, v), webhookUrl(ctx, v));
}

/** The video-call-finished webhook for a finished call; answers default to one per token question. */
export function sendVideoCallWebhook(ctx: SandboxContext, v: Verification, answers?: Answers) {
  const call = v.call;
  if (!call || call.finishedAtMs === null) throw new TransitionError("the video call has not finished");
  const success = call.success ?? false;
  const given =
    answers ?? Object.fromEntries(v.videoCallQuestions.map((q) => [q, { answer: "Yes", correct: success }]));
  const payload = videoCallPayload(v, success, given, call.finishedAtMs);
  return ctx.webhooks.send("VIDEO_CALL_FINISHED", v.scanRef, payload, webhookUrl(ctx, v));
}

export function isVideoToken(v: Verification): boolean {
  return v.tokenType.startsWith("VIDEO_CALL");
}

/** Lazily applies expiry: an unused token after expiryTime, an unfinished call after sessionLength. */
export function refresh(ctx: SandboxContext, v: Verification): void {
  const now = ctx.clock.now();
  const tokenOver = v.phase === "ACTIVE" && now > v.createdAtMs + v.expiryTime * 1000;
  const sessionOver = v.phase === "IN_CALL" && now > (v.call?.startedAtMs ?? now) + v.sessionLength * 1000;
  if (tokenOver || sessionOver) expire(ctx, v);
}

export function expire(ctx: SandboxContext, v: Verification): void {
  if (v.phase !== "ACTIVE" && v.phase !== "IN_CALL")
    throw new TransitionError(`cannot expire a ${v.phase} verification`);
  v.phase = "EXPIRED";
  v.result = {
    overall: "EXPIRED",
    autoFace: null,
    autoDocument: null,
    manualFace: null,
    manualDocument: null,
    mismatchTags: [],
    fraudTags: [],
    finishTime: ctx.clock.nowSeconds(),
  };
  sendIdentificationWebhook(ctx, v);
}

export function ensureCall(ctx: SandboxContext, v: Verification, photos: boolean | undefined) {
  if (!v.call) {
    const wantPhotos = photos ?? v.tokenType === "VIDEO_CALL_PHOTOS";
    v.call = { id: shortId(), photos: wantPhotos, startedAtMs: null, finishedAtMs: null, success: null };
    ctx.store.indexCall(v);
  } else if (photos !== undefined) {
    v.call.photos = photos;
  }
  return v.call;
}

export function startCall(ctx: SandboxContext, v: Verification): void {
  if (v.phase !== "ACTIVE") return;
  ensureCall(ctx, v, undefined).startedAtMs = ctx.clock.now();
  v.phase = "IN_CALL";
}

export type CompleteCallOptions = {
  success?: boolean;
  /** The identification result that follows; "none" leaves the verification REVIEWING. */
  result?: ResultOverall | "none";
  answers?: Answers;
};

export function finishCall(ctx: SandboxContext, v: Verification, options: CompleteCallOptions = {}): void {
  refresh(ctx, v);
  if (v.phase !== "ACTIVE" && v.phase !== "IN_CALL") {
    throw new TransitionError(`call cannot be finished: verification is ${v.phase}`);
  }
  const success = options.success ?? true;
  const call = ensureCall(ctx, v, undefined);
  const now = ctx.clock.now();
  call.startedAtMs ??= now;
  call.finishedAtMs = now;
  call.success = success;
  v.phase = "CALL_FINISHED";
  v.media.video = ctx.media.create("video");
  if (call.photos) {
    v.media.face = ctx.media.create("face");
    v.media.front = ctx.media.create("front");
    v.media.back = ctx.media.create("back");
  }
  sendVideoCallWebhook(ctx, v, options.answers);
  const result = options.result ?? (success ? "APPROVED" : "DENIED");
  if (result !== "none") setResult(ctx, v, result);
}

export type ManualReview = { manualFace?: string; manualDocument?: string };

/** Records the (manual) result and sends the final identification webhook. */
export function setResult(
  ctx: SandboxContext,
  v: Verification,
  overall: ResultOverall,
  manual: ManualReview = {},
) {
  if (v.phase === "EXPIRED" || v.phase === "DELETED") {
    throw new TransitionError(`cannot set a result on a ${v.phase} verification`);
  }
  // The web flow (and dummy results) leave document photos; a video call only has those it took.
  if (!isVideoToken(v)) {
    v.media.face ??= ctx.media.create("face");
    v.media.front ??= ctx.media.create("front");
    v.media.back ??= ctx.media.create("back");
  }
  const base = RESULT_STATUSES[overall];
  v.phase = "DONE";
  v.result = {
    overall,
    ...base,
    manualFace: manual.manualFace ?? base.autoFace,
    manualDocument: manual.manualDocument ?? base.autoDocument,
    fraudTags: [],
    finishTime: ctx.clock.nowSeconds(),
  };
  return sendIdentificationWebhook(ctx, v);
}

/** MarkID keeps the data while the token can still be used; after that, photos and data go. */
export function deleteData(ctx: SandboxContext, v: Verification): ApiError | null {
  refresh(ctx, v);
  if (v.phase === "ACTIVE" || v.phase === "IN_CALL") return errors.notExpired();
  if (v.phase === "DELETED") return null;
  v.deletedFrom = v.phase;
  v.phase = "DELETED";
  for (const id of Object.values(v.media)) ctx.media.remove(id);
  v.media = {};
  return null;
}
