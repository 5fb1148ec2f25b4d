// MarkID identification webhooks as the bench sends them: the shape of docs/markid.md §5.2, signed like MarkID signs.
import { createHash, createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "Idenfy-Signature";

/** The generator's scanRef for its i-th verification (tests/support/large-dataset.ts: md5(i::text)). */
export const datasetScanRef = (i: number): string => createHash("md5").update(String(i)).digest("hex");

export type Identification = { scanRef: string; final: boolean; overall: string; nonce: number };

export function identificationBody({ scanRef, final, overall, nonce }: Identification): string {
  const manual = overall === "APPROVED" ? "FACE_MATCH" : "FACE_MISMATCH";
  return JSON.stringify({
    clientId: `client-${nonce % 9973}`,
    scanRef,
    externalRef: null,
    platform: "PC",
    startTime: 1_760_000_000 + (nonce % 1_000_000),
    finishTime: 1_760_000_300 + (nonce % 1_000_000),
    clientIp: "192.0.2.10",
    clientIpCountry: "LT",
    clientLocation: "Vilnius, Lithuania",
    final,
    status: {
      overall,
      suspicionReasons: [],
      mismatchTags: [],
      fraudTags: [],
      autoDocument: "DOC_VALIDATED",
      autoFace: "FACE_MATCH",
      manualDocument: "DOC_VALIDATED",
      manualFace: manual,
      additionalSteps: null,
    },
    data: {
      docFirstName: "ANNA",
      docLastName: "BERG",
      // Makes every body unique, so each one is a new event rather than a repeated delivery.
      docNumber: `X${String(nonce).padStart(8, "0")}`,
      docExpiry: "2031-05-17",
      docDob: "1987-02-11",
      docType: "ID_CARD",
      docSex: "FEMALE",
      docNationality: "LT",
      docIssuingCountry: "LT",
      fullName: "ANNA BERG",
      selectedCountry: "LT",
      ageEstimate: "OVER_25",
      clientIpProxyRiskLevel: "LOW",
    },
    fileUrls: {},
    AML: [],
    LID: [],
  });
}

export function sign(body: string, key: string): string {
  return createHmac("sha256", key).update(body).digest("hex");
}

export const sha256 = (body: string): string => createHash("sha256").update(body).digest("hex");
