import { describe, expect, it } from "vitest";
import { describeDetails } from "@/lib/verifications/timeline-describe";

describe("the rulebook's events on the timeline", () => {
  it("says which check was answered, how, and where it was marked, never the note", () => {
    expect(
      describeDetails("checklist.answered", {
        itemKey: "face_matches_photo",
        result: "PASS",
        choice: null,
        markSeconds: 83,
        markMediaId: "m",
        hasNote: true,
      }),
    ).toBe("face matches photo · pass · marked at 01:23");
    expect(
      describeDetails("checklist.answered", {
        itemKey: "security_features_tilted",
        result: "FAIL",
        choice: "2 of 4 seen",
        markSeconds: null,
        markMediaId: "m",
      }),
    ).toBe("security features tilted · 2 of 4 seen · marked on a photo");
  });

  it("names the rulebook version of a decision and of a publication, and the qualification granted", () => {
    expect(
      describeDetails("decision.recorded", {
        outcome: "APPROVE",
        reason: "ok",
        fourEyes: true,
        rulebookVersion: 3,
      }),
    ).toBe("Outcome: approve · ok · waits for a second person · rulebook v3");
    expect(describeDetails("rulebook.version_created", { version: 4 })).toBe("Rulebook version 4");
    expect(
      describeDetails("qualification.revoked", { qualification: "VideoIdent agent", hasNote: true }),
    ).toBe("VideoIdent agent");
    // Rows written before personal data left the details kept the title under `name`.
    expect(describeDetails("qualification.granted", { name: "VideoIdent agent" })).toBe("VideoIdent agent");
  });
});

describe("the timeline in the reader's language", () => {
  it("labels and details events in German and Lithuanian, plurals included", async () => {
    const { labelOf } = await import("@/lib/verifications/timeline-describe");
    const { summarizeReads } = await import("@/lib/verifications/timeline-group");
    const { translatorFor } = await import("@/lib/i18n/messages");
    const de = translatorFor("de");
    const lt = translatorFor("lt");
    expect(labelOf("decision.recorded", de)).toBe("Entscheidung erfasst");
    expect(describeDetails("decision.recorded", { outcome: "REJECT", fourEyes: true }, de)).toBe(
      "Ergebnis: ablehnen · wartet auf eine zweite Person",
    );
    expect(describeDetails("export.subject_access", { count: 3 }, lt)).toBe("3 patikrinimai");
    expect(describeDetails("export.subject_access", { count: 12 }, lt)).toBe("12 patikrinimų");
    const read = (kind: string) => ({
      id: kind,
      at: new Date(0),
      action: "recording.viewed",
      actorKey: "ann",
      details: { kind },
    });
    expect(summarizeReads([read("FACE_PHOTO"), read("VIDEO")], "de")).toBe("Gesicht und Video angesehen");
  });
});
