// parseWebhook on the real-world identification body, the video-call body and things that are neither.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWebhook } from "@/lib/markid";
import { readVector } from "@/tests/fixtures/markid/vector";

const vector = JSON.parse(readVector().toString("utf8")) as Record<string, unknown>;

describe("parseWebhook", () => {
  it("reads the identification test data", () => {
    const event = parseWebhook(vector);
    expect(event).toMatchObject({
      kind: "IDENTIFICATION",
      scanRef: "scan-ref",
      clientId: "123",
      externalRef: "external-ref",
      final: false,
      overall: "APPROVED",
      autoFace: "FACE_MATCH",
      autoDocument: "DOC_VALIDATED",
      manualFace: "FACE_MATCH",
      manualDocument: "DOC_VALIDATED",
      fraudTags: [],
      mismatchTags: [],
      startTime: 1554726960,
      finishTime: 1554727002,
    });
    if (event.kind !== "IDENTIFICATION") return;
    expect(Object.keys(event.fileUrls).sort()).toEqual(["BACK", "FACE", "FRONT"]);
    expect(event.data.docFirstName).toBe("FIRST-NAME-EXAMPLE");
  });

  it("keeps an unknown overall status as text and merges legacy suspicionReasons", () => {
    const status = { ...(vector.status as object), overall: "ON_HOLD", suspicionReasons: ["FACE_SUSPECTED"] };
    const event = parseWebhook({ ...vector, status, final: true, fileUrls: null, brandNewField: { x: 1 } });
    expect(event).toMatchObject({ kind: "IDENTIFICATION", overall: "ON_HOLD", final: true, fileUrls: {} });
    expect(event.kind === "IDENTIFICATION" && event.fraudTags).toEqual(["FACE_SUSPECTED"]);
  });

  it("tolerates missing optional parts", () => {
    const event = parseWebhook({ scanRef: "s", final: true, status: { overall: "EXPIRED" } });
    expect(event).toMatchObject({
      kind: "IDENTIFICATION",
      overall: "EXPIRED",
      clientId: null,
      autoFace: null,
    });
  });

  it("reads a video-call-finished body and leaves the authToken out", () => {
    const event = parseWebhook({
      videoCallAnswers: { "Is this your document?": { answer: "Yes", correct: true } },
      date: "2020-08-14 12:48:08.085275+00:00",
      status: false,
      scanRef: "scan-1",
      authToken: "A".repeat(40),
      clientId: "client-1",
    });
    expect(event).toEqual({
      kind: "VIDEO_CALL_FINISHED",
      scanRef: "scan-1",
      clientId: "client-1",
      success: false,
      date: "2020-08-14 12:48:08.085275+00:00",
      at: new Date("2020-08-14T12:48:08.085Z"),
      answers: { "Is this your document?": { answer: "Yes", correct: true } },
    });
  });

  it("keeps an unreadable date as text", () => {
    const event = parseWebhook({ status: true, date: "yesterday", scanRef: "s" });
    expect(event).toMatchObject({ kind: "VIDEO_CALL_FINISHED", success: true, date: "yesterday", at: null });
  });

  it.each([null, 42, "text", [], {}, { scanRef: "s" }, { scanRef: "s", status: "APPROVED" }])(
    "%o is UNKNOWN",
    (body) => {
      expect(parseWebhook(body)).toEqual({ kind: "UNKNOWN" });
    },
  );

  it("never throws, whatever the JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(["IDENTIFICATION", "VIDEO_CALL_FINISHED", "UNKNOWN"]).toContain(parseWebhook(value).kind);
      }),
    );
  });
});
