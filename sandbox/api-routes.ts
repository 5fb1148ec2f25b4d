// The per-verification endpoints, all POST with {"scanRef": ...} (docs/markid.md §3, §7, §8).
import type { SandboxContext } from "./context";
import { apiError, errors, type ApiError } from "./errors";
import { deleteData, ensureCall, refresh, setResult } from "./lifecycle";
import { documentData, fileUrls, statusBody } from "./payloads";
import { createToken } from "./token";
import type { Verification } from "./types";

type ApiAnswer = { status: number; body: object | null } | ApiError;
type Handler = (ctx: SandboxContext, body: Record<string, unknown>) => ApiAnswer;

/** Finds the verification or answers the configured "unknown scanRef" error (default 400 BAD_VALUE). */
function withVerification(
  run: (ctx: SandboxContext, v: Verification, body: Record<string, unknown>) => ApiAnswer,
) {
  return (ctx: SandboxContext, body: Record<string, unknown>): ApiAnswer => {
    const scanRef = body.scanRef;
    if (scanRef === undefined || scanRef === null || scanRef === "") return errors.missing("scanRef");
    if (typeof scanRef !== "string") return errors.bad("scanRef", "must be of type string");
    const v = ctx.store.get(scanRef);
    if (!v) {
      const { identifier, status } = ctx.faults.unknownScanRef;
      return apiError(
        identifier,
        `Verification with scanRef '${scanRef.slice(0, 64)}' does not exist.`,
        status,
      );
    }
    refresh(ctx, v);
    return run(ctx, v, body);
  };
}

const ok = (body: object | null, status = 200): ApiAnswer => ({ status, body });

const videoCall = withVerification((ctx, v, body) => {
  if (body.photos !== undefined && body.photos !== null && typeof body.photos !== "boolean") {
    return errors.bad("photos", "must be of type boolean");
  }
  if (v.phase !== "ACTIVE" && v.phase !== "IN_CALL") return errors.tokenNotValid();
  const call = ensureCall(ctx, v, typeof body.photos === "boolean" ? body.photos : undefined);
  // The field name is not documented ("a json response with url"); `url` is the natural reading.
  return ok({ url: `${ctx.options.publicUrl}/call/${call.id}` });
});

const videoCallRecord = withVerification((ctx, v) => {
  // Before the call has finished nothing was recorded: empty lists rather than an error.
  const photos: Record<string, string> = {};
  const sign = (id: string) => ctx.media.signedUrl(ctx.options.publicUrl, id);
  if (v.call?.photos) {
    if (v.media.back) photos.VIDEO_CALL_BACK = sign(v.media.back);
    if (v.media.face) photos.VIDEO_CALL_FACE = sign(v.media.face);
    if (v.media.front) photos.VIDEO_CALL_FRONT = sign(v.media.front);
  }
  return ok({ photos, videos: v.media.video ? [sign(v.media.video)] : [] });
});

const MANUAL_FACE = [
  "FACE_MATCH",
  "FACE_MISMATCH",
  "NO_FACE_FOUND",
  "TOO_MANY_FACES",
  "FACE_UNCERTAIN",
  "FAKE_FACE",
];
const MANUAL_DOC = [
  "DOC_VALIDATED", "DOC_NOT_FULLY_VISIBLE", "DOC_NOT_SUPPORTED", "DOC_EXPIRED", "DOC_DAMAGED", "DOC_FAKE",
  "DOC_PERSONAL_CODE_INVALID", "MRZ_INVALID",
]; // prettier-ignore

const addDummyStatus = withVerification((ctx, v, body) => {
  const face = body.manualFaceMatchResult;
  const doc = body.manualDocumentValidity;
  if (face === undefined || face === null) return errors.missing("manualFaceMatchResult");
  if (doc === undefined || doc === null) return errors.missing("manualDocumentValidity");
  if (typeof face !== "string" || !MANUAL_FACE.includes(face))
    return errors.bad("manualFaceMatchResult", "is not valid");
  if (typeof doc !== "string" || !MANUAL_DOC.includes(doc))
    return errors.bad("manualDocumentValidity", "is not valid");
  if (v.phase === "EXPIRED" || v.phase === "DELETED") return errors.tokenNotValid();
  const approved = face === "FACE_MATCH" && doc === "DOC_VALIDATED";
  setResult(ctx, v, approved ? "APPROVED" : "DENIED", { manualFace: face, manualDocument: doc });
  return ok(null);
});

export const API_ROUTES: Record<string, Handler> = {
  "/api/v2/token": createToken,
  "/api/v2/status": withVerification((_ctx, v) => ok(statusBody(v))),
  "/api/v2/data": withVerification((_ctx, v) =>
    ok({ ...documentData(v), scanRef: v.scanRef, clientId: v.clientId }),
  ),
  "/api/v2/files": withVerification((ctx, v) => ok(fileUrls(ctx, v))),
  "/api/v2/delete": withVerification((ctx, v) => deleteData(ctx, v) ?? ok(null)),
  "/api/v2/video-call": videoCall,
  "/api/v2/video-call-record": videoCallRecord,
  "/api/v2/add-dummy-status": addDummyStatus,
};
