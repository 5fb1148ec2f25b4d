import { describe, expect, it } from "vitest";
import { explainSignal } from "@/lib/risk/explain";
import {
  assessRisk,
  decidedWithinVideoLength,
  outsideWorkingHours,
  sameOfficerEarlierRefusal,
  seenRecently,
  shortCall,
  type RiskFacts,
  type RiskRuleSettings,
} from "@/lib/risk/rules";
import { readRiskAssessment } from "@/lib/risk/schema";

// Wednesday 2026-05-06 10:00 UTC: within Mon–Fri 08:00–18:00 in UTC.
const WEDNESDAY_10 = new Date("2026-05-06T10:00:00Z");
const settings: RiskRuleSettings = {
  workingHours: { timeZone: "UTC", days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" },
  minCallSeconds: 60,
};
const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  decidedAt: WEDNESDAY_10,
  callFinishedAt: new Date(WEDNESDAY_10.getTime() - 3600_000),
  videoSeconds: 252,
  earlierRefusalsBySameOfficer: [],
  others: [],
  hasDocumentNumber: true,
  ...over,
});
const DAY = 86_400_000;

describe("decided sooner after the call than the video lasts", () => {
  it("fires when the time since the call finished is shorter than the video, and explains both", () => {
    const f = facts({ callFinishedAt: new Date(WEDNESDAY_10.getTime() - 70_000) });
    const { signal } = decidedWithinVideoLength(f);
    expect(signal).toEqual({
      kind: "decided_within_video_length",
      decidedAfterSeconds: 70,
      videoSeconds: 252,
    });
    expect(explainSignal(signal!)).toBe("Decided 1:10 after the call finished; the video lasts 4:12.");
  });

  it("stays quiet once the whole video could have been watched", () => {
    expect(
      decidedWithinVideoLength(facts({ callFinishedAt: new Date(WEDNESDAY_10.getTime() - 252_000) })),
    ).toEqual({});
  });

  it("says it could not check when the video's length or the call's end is unknown", () => {
    expect(decidedWithinVideoLength(facts({ videoSeconds: null })).unavailable).toMatch(
      /length is not known/,
    );
    expect(decidedWithinVideoLength(facts({ callFinishedAt: null })).unavailable).toMatch(/no finished call/);
  });
});

describe("decided outside working hours", () => {
  it("is quiet inside the hours and fires at the end minute, on a weekend, and by the configured zone", () => {
    expect(outsideWorkingHours(facts(), settings)).toEqual({});
    const at18 = outsideWorkingHours(facts({ decidedAt: new Date("2026-05-06T18:00:00Z") }), settings);
    expect(at18.signal).toMatchObject({ kind: "outside_working_hours", local: "Wed 2026-05-06 18:00" });
    const saturday = outsideWorkingHours(facts({ decidedAt: new Date("2026-05-09T10:00:00Z") }), settings);
    expect(explainSignal(saturday.signal!)).toBe(
      "Decided Sat 2026-05-09 10:00 (UTC); working hours are Mon–Fri 08:00–18:00.",
    );
    // 10:00 UTC is 13:00 in Vilnius (UTC+3 in May): inside 08:00–12:00 UTC hours, outside in Vilnius.
    const vilnius = {
      ...settings,
      workingHours: { ...settings.workingHours, timeZone: "Europe/Vilnius", end: "12:00" },
    };
    expect(outsideWorkingHours(facts(), vilnius).signal).toMatchObject({ local: "Wed 2026-05-06 13:00" });
  });
});

describe("same officer on an earlier refusal", () => {
  it("fires with the earlier verifications, once each", () => {
    expect(sameOfficerEarlierRefusal(facts())).toEqual({});
    const { signal } = sameOfficerEarlierRefusal(facts({ earlierRefusalsBySameOfficer: ["v1", "v1", "v2"] }));
    expect(signal).toEqual({ kind: "same_officer_earlier_refusal", verificationIds: ["v1", "v2"] });
    expect(explainSignal(signal!)).toMatch(/2 earlier verifications of this client ID/);
  });
});

describe("client ID or document number seen within 90 days", () => {
  const other = (id: string, by: "clientId" | "documentNumber", daysAgo: number) => ({
    verificationId: id,
    by,
    createdAt: new Date(WEDNESDAY_10.getTime() - daysAgo * DAY),
  });

  it("counts matches within 90 days by what matched, and ignores older ones", () => {
    const { signal } = seenRecently(
      facts({
        others: [other("a", "clientId", 3), other("b", "documentNumber", 89), other("c", "clientId", 91)],
      }),
    );
    expect(signal).toEqual({
      kind: "seen_recently",
      matches: [
        { verificationId: "a", by: "clientId" },
        { verificationId: "b", by: "documentNumber" },
      ],
    });
    expect(explainSignal(signal!)).toBe(
      "Within 90 days, the client ID on 1 other verification and the document number on 1 other verification.",
    );
  });

  it("says only the client ID was compared when MarkID sent no document number", () => {
    expect(seenRecently(facts({ hasDocumentNumber: false })).unavailable).toMatch(/only the client ID/);
    expect(seenRecently(facts())).toEqual({});
  });
});

describe("short call", () => {
  it("fires under the configured minimum, not at it, and cannot judge an unknown length", () => {
    expect(shortCall(facts({ videoSeconds: 60 }), settings)).toEqual({});
    const { signal } = shortCall(facts({ videoSeconds: 4.003 }), settings);
    expect(explainSignal(signal!)).toBe("The call lasted 0:04; the configured minimum is 1:00.");
    expect(shortCall(facts({ videoSeconds: null }), settings).unavailable).toMatch(/not known/);
  });
});

describe("assessRisk", () => {
  it("gathers every rule's verdict into what the decision stores, readable back through its schema", () => {
    const assessment = assessRisk(
      facts({ videoSeconds: null, earlierRefusalsBySameOfficer: ["v9"] }),
      settings,
    );
    expect(assessment.signals.map((s) => s.kind)).toEqual(["same_officer_earlier_refusal"]);
    expect(assessment.unavailable.map((u) => u.kind)).toEqual(["decided_within_video_length", "short_call"]);
    expect(readRiskAssessment(JSON.parse(JSON.stringify(assessment)))).toEqual(assessment);
    expect(readRiskAssessment({ signals: [{ kind: "made_up" }], unavailable: [] })).toBeNull();
  });
});
