import { describe, expect, it } from "vitest";
import { canSecondReview, missingEvidence, needsSecondReview } from "@/lib/decisions/rules";

describe("missingEvidence", () => {
  it("needs face, front, back and a video when photos were requested", () => {
    expect(missingEvidence(true, [])).toEqual([
      "face photo",
      "document front",
      "document back",
      "video recording",
    ]);
    expect(missingEvidence(true, ["FACE_PHOTO", "DOCUMENT_FRONT", "VIDEO"])).toEqual(["document back"]);
    expect(missingEvidence(true, ["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK", "VIDEO"])).toEqual([]);
  });

  it("needs only a video when photos were not requested", () => {
    expect(missingEvidence(false, [])).toEqual(["video recording"]);
    expect(missingEvidence(false, ["VIDEO"])).toEqual([]);
  });
});

describe("four-eyes", () => {
  it("applies to rejections and aborts by default, to all with the setting", () => {
    expect(needsSecondReview("APPROVE", false)).toBe(false);
    expect(needsSecondReview("REQUEST_RESUBMISSION", false)).toBe(false);
    expect(needsSecondReview("REJECT", false)).toBe(true);
    expect(needsSecondReview("ABORT", false)).toBe(true);
    expect(needsSecondReview("APPROVE", true)).toBe(true);
  });

  it("never lets the decider confirm their own decision", () => {
    expect(canSecondReview("a", "a").ok).toBe(false);
    expect(canSecondReview("a", "b").ok).toBe(true);
  });
});
