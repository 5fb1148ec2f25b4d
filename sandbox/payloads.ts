// Bodies the sandbox sends: webhook payloads (docs/markid.md §5.2, §5.6) and the /status, /data, /files answers.
import type { SandboxContext } from "./context";
import type { Answers, Verification } from "./types";

/** The overall status MarkID would report for the verification right now. */
export function overallStatus(v: Verification): string {
  switch (v.phase) {
    case "ACTIVE":
    case "IN_CALL":
      return "ACTIVE";
    case "CALL_FINISHED":
      return "REVIEWING";
    case "DONE":
      return v.result?.overall ?? "REVIEWING";
    case "EXPIRED":
      return "EXPIRED";
    case "DELETED":
      return v.deletedFrom === "EXPIRED" ? "EXPIRED-DELETED" : "DELETED";
  }
}

/** The photos and video links as in webhook fileUrls; fresh signatures on every call. */
export function fileUrls(ctx: SandboxContext, v: Verification): Record<string, string> {
  const url = (id: string | undefined) => (id ? ctx.media.signedUrl(ctx.options.publicUrl, id) : undefined);
  const out: Record<string, string | undefined> = {
    FRONT: url(v.media.front),
    BACK: url(v.media.back),
    FACE: url(v.media.face),
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => e[1] !== undefined));
}

const DATA_KEYS = [
  "docFirstName", "docLastName", "docNumber", "docPersonalCode", "docExpiry", "docDob", "docDateOfIssue", "docType",
  "docSex", "docNationality", "docIssuingCountry", "docTemporaryAddress", "docBirthName", "docPatronymic",
  "birthPlace", "authority", "address", "mothersMaidenName", "driverLicenseCategory", "manuallyDataChanged",
  "fullName", "selectedCountry", "orgFirstName", "orgLastName", "orgNationality", "orgBirthPlace", "orgAuthority",
  "orgAddress", "orgTemporaryAddress", "orgMothersMaidenName", "orgPatronymic", "orgBirthName", "ageEstimate",
  "clientIpProxyRiskLevel", "duplicateFaces", "duplicateDocFaces", "additionalData",
] as const; // prettier-ignore

/** The document data read from the fixture ID card; all null until a document was seen. */
export function documentData(v: Verification): Record<string, unknown> {
  const data: Record<string, unknown> = Object.fromEntries(DATA_KEYS.map((k) => [k, null]));
  if (!v.media.front) return data;
  return {
    ...data,
    docFirstName: "JOHN",
    docLastName: "SAMPLE",
    docNumber: "SBX000001",
    docExpiry: "2035-12-31",
    docDob: "1990-01-01",
    docDateOfIssue: "2025-01-01",
    docType: "ID_CARD",
    docSex: "MALE",
    docNationality: "LT",
    docIssuingCountry: "LT",
    address: "1 SANDBOX STREET, TEST CITY",
    authority: "MARKID SANDBOX AUTHORITY",
    manuallyDataChanged: false,
    fullName: "JOHN SAMPLE",
    selectedCountry: "LT",
    ageEstimate: "OVER_30",
  };
}

export function statusBody(v: Verification) {
  const r = v.result;
  return {
    fraudTags: r?.fraudTags ?? [],
    mismatchTags: r?.mismatchTags ?? [],
    autoDocument: r?.autoDocument ?? null,
    autoFace: r?.autoFace ?? null,
    manualDocument: r?.manualDocument ?? null,
    manualFace: r?.manualFace ?? null,
    scanRef: v.scanRef,
    clientId: v.clientId,
    status: overallStatus(v),
  };
}

export function identificationPayload(ctx: SandboxContext, v: Verification) {
  const r = v.result;
  const startMs = v.call?.startedAtMs ?? v.createdAtMs;
  return {
    clientId: v.clientId,
    scanRef: v.scanRef,
    externalRef: v.externalRef,
    platform: "PC",
    startTime: Math.floor(startMs / 1000),
    finishTime: r?.finishTime ?? ctx.clock.nowSeconds(),
    clientIp: "192.0.2.10",
    clientIpCountry: "LT",
    clientLocation: "Vilnius, Lithuania",
    // Only a result, an expiry or a deletion is final; a fired webhook for a pending verification is not.
    final: v.phase === "DONE" || v.phase === "EXPIRED" || v.phase === "DELETED",
    status: {
      overall: overallStatus(v),
      suspicionReasons: r?.fraudTags ?? [],
      mismatchTags: r?.mismatchTags ?? [],
      fraudTags: r?.fraudTags ?? [],
      autoDocument: r?.autoDocument ?? null,
      autoFace: r?.autoFace ?? null,
      manualDocument: r?.manualDocument ?? null,
      manualFace: r?.manualFace ?? null,
      additionalSteps: null,
    },
    data: documentData(v),
    fileUrls: fileUrls(ctx, v),
    additionalStepPdfUrls: {},
    AML: [],
    LID: [],
  };
}

/** "2020-08-14 12:48:08.085275+00:00", the format in MarkID's video-call webhook example. */
function pythonUtcDate(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2020-08-14T12:48:08.085Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000+00:00`;
}

export function videoCallPayload(v: Verification, success: boolean, answers: Answers, atMs: number) {
  return {
    videoCallAnswers: answers,
    date: pythonUtcDate(atMs),
    status: success,
    scanRef: v.scanRef,
    authToken: v.authToken,
    clientId: v.clientId,
  };
}
