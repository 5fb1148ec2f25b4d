import { describe, expect, it } from "vitest";
import { DEFAULT_RULEBOOK } from "@/lib/rulebook/default-template";
import {
  diffVersions,
  isEmptyDiff,
  missingRequired,
  qualificationInForce,
  suggestedOutcome,
  type AnswerLike,
} from "@/lib/rulebook/rules";
import { rulebookContentSchema, type RulebookContent } from "@/lib/rulebook/schema";

const { checklist } = DEFAULT_RULEBOOK;
const required = checklist.filter((i) => i.required).map((i) => i.key);
const pass = (itemKey: string): AnswerLike => ({ itemKey, result: "PASS", choice: null });
const allPassed = (): AnswerLike[] =>
  required.map((key) =>
    key === "security_features_tilted" ? { itemKey: key, result: "PASS", choice: "3 of 4 seen" } : pass(key),
  );
const keys = (items: { key: string }[]) => items.map((i) => i.key);

describe("the default template", () => {
  it("is a valid rulebook with the circular's checks required and the extras optional", () => {
    expect(rulebookContentSchema.parse(DEFAULT_RULEBOOK)).toEqual(DEFAULT_RULEBOOK);
    expect(required).toHaveLength(6);
    expect(keys(checklist.filter((i) => !i.required))).toEqual(["no_manipulation", "other_notes"]);
  });
});

describe("watching the call", () => {
  it("is off, at 80%, for versions saved before the setting existed", () => {
    const { watch: _, ...before } = DEFAULT_RULEBOOK;
    expect(rulebookContentSchema.parse(before).watch).toEqual({ required: false, minShare: 0.8 });
  });

  it("takes a share between 5% and 100%", () => {
    const withShare = (minShare: number) =>
      rulebookContentSchema.safeParse({ ...DEFAULT_RULEBOOK, watch: { required: true, minShare } }).success;
    expect([0.04, 0.05, 1, 1.01, Number.NaN].map(withShare)).toEqual([false, true, true, false, false]);
  });
});

describe("missingRequired", () => {
  it("lists every required item until each has passed", () => {
    expect(keys(missingRequired(checklist, []))).toEqual(required);
    expect(missingRequired(checklist, allPassed())).toEqual([]);
  });

  it("does not let not-applicable or a failure satisfy a required item", () => {
    const answers = allPassed().map((a) =>
      a.itemKey === "document_valid" ? { ...a, result: "NOT_APPLICABLE" as const } : a,
    );
    expect(keys(missingRequired(checklist, answers))).toEqual(["document_valid"]);
    const failed = allPassed().map((a) =>
      a.itemKey === "face_matches_photo" ? { ...a, result: "FAIL" as const } : a,
    );
    expect(keys(missingRequired(checklist, failed))).toEqual(["face_matches_photo"]);
  });

  it("passes a choice item only on a passing choice, whatever result was sent with it", () => {
    const withChoice = (choice: string) =>
      allPassed().map((a) => (a.itemKey === "security_features_tilted" ? { ...a, choice } : a));
    expect(missingRequired(checklist, withChoice("4 of 4 seen"))).toEqual([]);
    expect(keys(missingRequired(checklist, withChoice("2 of 4 seen")))).toEqual(["security_features_tilted"]);
  });
});

describe("suggestedOutcome", () => {
  it("suggests nothing while nothing failed", () => {
    expect(suggestedOutcome(checklist, allPassed())).toBeNull();
    expect(
      suggestedOutcome(checklist, [{ itemKey: "document_valid", result: "NOT_APPLICABLE", choice: null }]),
    ).toBeNull();
  });

  it("takes the most severe failure: abort over reject over resubmission", () => {
    const fail = (itemKey: string): AnswerLike => ({ itemKey, result: "FAIL", choice: null });
    expect(suggestedOutcome(checklist, [fail("call_fully_recorded")])).toEqual({
      itemKey: "call_fully_recorded",
      outcome: "REQUEST_RESUBMISSION",
      reason: "Call recording interrupted or incomplete",
    });
    expect(suggestedOutcome(checklist, [fail("call_fully_recorded"), fail("document_valid")])?.outcome).toBe(
      "REJECT",
    );
    const all = [fail("call_fully_recorded"), fail("document_valid"), fail("consent_recorded")];
    expect(suggestedOutcome(checklist, all)).toMatchObject({ outcome: "ABORT", itemKey: "consent_recorded" });
    // Among equals, the earlier item in the checklist.
    expect(suggestedOutcome(checklist, [fail("document_valid"), fail("face_matches_photo")])?.itemKey).toBe(
      "face_matches_photo",
    );
  });

  it("counts a failing choice as a failure", () => {
    const answers: AnswerLike[] = [
      { itemKey: "security_features_tilted", result: "FAIL", choice: "1 of 4 seen" },
    ];
    expect(suggestedOutcome(checklist, answers)?.reason).toBe("Document appears forged or altered");
  });
});

describe("diffVersions", () => {
  it("names added, removed and changed items by field, reordering and policy changes", () => {
    const [first, second, ...rest] = checklist;
    const b: RulebookContent = {
      checklist: [
        second!,
        { ...first!, label: "Consent given", required: false },
        ...rest.filter((i) => i.key !== "other_notes"),
        { ...first!, key: "new_item", label: "A new check" },
      ],
      requiredQualification: { decide: "VideoIdent basic", secondReview: null },
      watch: DEFAULT_RULEBOOK.watch,
    };
    const diff = diffVersions(DEFAULT_RULEBOOK, b);
    expect(keys(diff.added)).toEqual(["new_item"]);
    expect(keys(diff.removed)).toEqual(["other_notes"]);
    expect(diff.changed).toEqual([
      {
        key: first!.key,
        label: "Consent given",
        fields: [
          { field: "label", before: first!.label, after: "Consent given" },
          { field: "required", before: true, after: false },
        ],
      },
    ]);
    expect(diff.reordered).toBe(true);
    expect(diff.policy).toEqual([{ field: "decide", before: null, after: "VideoIdent basic" }]);
  });

  it("shows turning watching on and changing its share as policy changes", () => {
    const on = { ...DEFAULT_RULEBOOK, watch: { required: true, minShare: 0.8 } };
    expect(diffVersions(DEFAULT_RULEBOOK, on).policy).toEqual([
      { field: "watchRequired", before: false, after: true },
    ]);
    const more = { ...on, watch: { required: true, minShare: 0.95 } };
    expect(diffVersions(on, more).policy).toEqual([{ field: "watchMinShare", before: 0.8, after: 0.95 }]);
  });

  it("finds nothing between a version and itself", () => {
    expect(diffVersions(DEFAULT_RULEBOOK, DEFAULT_RULEBOOK)).toEqual({
      added: [],
      removed: [],
      changed: [],
      reordered: false,
      policy: [],
    });
  });
});

describe("diffVersions, decision policy", () => {
  const reasons = {
    APPROVE: ["Fine"],
    REJECT: ["Forged", "Expired"],
    REQUEST_RESUBMISSION: [],
    ABORT: ["Left"],
  };
  const a: RulebookContent = { ...DEFAULT_RULEBOOK, reasons, fourEyesForAll: false };

  it("shows reasons changed per outcome and four-eyes as policy changes, the checklist untouched", () => {
    const b: RulebookContent = {
      ...a,
      reasons: { ...reasons, REJECT: ["Expired", "Forged"], ABORT: ["Left", "Stopped"] },
      fourEyesForAll: true,
    };
    const diff = diffVersions(a, b);
    expect(diff.policy).toEqual([
      { field: "reasons.REJECT", before: ["Forged", "Expired"], after: ["Expired", "Forged"] },
      { field: "reasons.ABORT", before: ["Left"], after: ["Left", "Stopped"] },
      { field: "fourEyesForAll", before: false, after: true },
    ]);
    expect([diff.added, diff.removed, diff.changed, diff.reordered]).toEqual([[], [], [], false]);
    expect(isEmptyDiff(diffVersions(a, { ...a, reasons: { ...reasons } }))).toBe(true);
  });

  it("shows a version from before the move as having none", () => {
    const diff = diffVersions(DEFAULT_RULEBOOK, a);
    expect(diff.policy).toContainEqual({ field: "fourEyesForAll", before: undefined, after: false });
    expect(diff.policy).toContainEqual({
      field: "reasons.REQUEST_RESUBMISSION",
      before: undefined,
      after: [],
    });
  });
});

describe("qualificationInForce", () => {
  const at = new Date("2026-06-01T12:00:00Z");
  const q = (
    over: Partial<{ name: string; grantedAt: Date; validUntil: Date | null; revokedAt: Date | null }>,
  ) => ({
    name: "VideoIdent",
    grantedAt: new Date("2026-01-01T00:00:00Z"),
    validUntil: null,
    revokedAt: null,
    ...over,
  });

  it("needs the same name, granted before, not revoked and not expired", () => {
    expect(qualificationInForce([q({})], "VideoIdent", at)).not.toBeNull();
    expect(qualificationInForce([q({ name: "Other" })], "VideoIdent", at)).toBeNull();
    expect(
      qualificationInForce([q({ grantedAt: new Date("2026-07-01T00:00:00Z") })], "VideoIdent", at),
    ).toBeNull();
    expect(
      qualificationInForce([q({ revokedAt: new Date("2026-05-01T00:00:00Z") })], "VideoIdent", at),
    ).toBeNull();
    expect(
      qualificationInForce([q({ validUntil: new Date("2026-05-31T00:00:00Z") })], "VideoIdent", at),
    ).toBeNull();
    // Revoked later than the moment asked about: it was in force then.
    expect(
      qualificationInForce([q({ revokedAt: new Date("2026-07-01T00:00:00Z") })], "VideoIdent", at),
    ).not.toBeNull();
  });

  it("prefers the one that lasts longest", () => {
    const short = q({ validUntil: new Date("2026-06-30T00:00:00Z") });
    const long = q({ validUntil: new Date("2027-06-30T00:00:00Z") });
    expect(qualificationInForce([short, long], "VideoIdent", at)).toBe(long);
  });
});
