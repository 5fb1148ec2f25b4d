import { RECENT_DAYS, type RiskAssessment, type RiskSignal } from "@/lib/risk/schema";
import { describeHours, localTime, withinWorkingHours } from "@/lib/risk/working-hours";
import type { WorkingHours } from "@/lib/settings/qa-settings";

// The risk rules, pure: the facts are gathered by lib/risk/facts.ts inside the decision's transaction, the
// verdict stored with the decision. A rule that lacks a fact it needs says so instead of guessing.

export type RiskFacts = {
  decidedAt: Date;
  /** When the newest finished call ended (MarkID's video-call webhook), if any did. */
  callFinishedAt: Date | null;
  /** The longest archived video's own stated length; null when no video states one. */
  videoSeconds: number | null;
  /** Earlier verifications of this client ID that were rejected or aborted with this officer deciding. */
  earlierRefusalsBySameOfficer: string[];
  /** Other verifications sharing the client ID or the document number, with when they were created. */
  others: { verificationId: string; by: "clientId" | "documentNumber"; createdAt: Date }[];
  hasDocumentNumber: boolean;
};

export type RiskRuleSettings = { workingHours: WorkingHours; minCallSeconds: number };

type Verdict = { signal?: RiskSignal; unavailable?: string };

const NO_VIDEO_LENGTH = "the video's length is not known (no archived video states its duration)";

export function decidedWithinVideoLength(f: RiskFacts): Verdict {
  if (!f.callFinishedAt) return { unavailable: "no finished call is recorded" };
  if (f.videoSeconds === null) return { unavailable: NO_VIDEO_LENGTH };
  const decidedAfterSeconds = Math.max(0, (f.decidedAt.getTime() - f.callFinishedAt.getTime()) / 1000);
  if (decidedAfterSeconds >= f.videoSeconds) return {};
  return {
    signal: { kind: "decided_within_video_length", decidedAfterSeconds, videoSeconds: f.videoSeconds },
  };
}

export function outsideWorkingHours(f: RiskFacts, s: RiskRuleSettings): Verdict {
  if (withinWorkingHours(f.decidedAt, s.workingHours)) return {};
  const { timeZone } = s.workingHours;
  const local = localTime(f.decidedAt, timeZone).text;
  return {
    signal: { kind: "outside_working_hours", local, timeZone, hours: describeHours(s.workingHours) },
  };
}

export function sameOfficerEarlierRefusal(f: RiskFacts): Verdict {
  const ids = [...new Set(f.earlierRefusalsBySameOfficer)];
  return ids.length ? { signal: { kind: "same_officer_earlier_refusal", verificationIds: ids } } : {};
}

export function seenRecently(f: RiskFacts): Verdict {
  const since = f.decidedAt.getTime() - RECENT_DAYS * 86_400_000;
  const matches = f.others
    .filter((o) => o.createdAt.getTime() >= since && o.createdAt <= f.decidedAt)
    .map(({ verificationId, by }) => ({ verificationId, by }));
  if (matches.length) return { signal: { kind: "seen_recently", matches } };
  return f.hasDocumentNumber
    ? {}
    : { unavailable: "only the client ID was compared: MarkID's result carried no document number" };
}

export function shortCall(f: RiskFacts, s: RiskRuleSettings): Verdict {
  if (f.videoSeconds === null) return { unavailable: NO_VIDEO_LENGTH };
  if (f.videoSeconds >= s.minCallSeconds) return {};
  return { signal: { kind: "short_call", videoSeconds: f.videoSeconds, minimumSeconds: s.minCallSeconds } };
}

const RULES = {
  decided_within_video_length: decidedWithinVideoLength,
  outside_working_hours: outsideWorkingHours,
  same_officer_earlier_refusal: sameOfficerEarlierRefusal,
  seen_recently: seenRecently,
  short_call: shortCall,
} satisfies Record<RiskSignal["kind"], (f: RiskFacts, s: RiskRuleSettings) => Verdict>;

/** Every rule over the facts: the signals that fired, and the checks that could not be made. */
export function assessRisk(facts: RiskFacts, settings: RiskRuleSettings): RiskAssessment {
  const out: RiskAssessment = { signals: [], unavailable: [] };
  for (const [kind, rule] of Object.entries(RULES)) {
    const verdict = rule(facts, settings);
    if (verdict.signal) out.signals.push(verdict.signal);
    if (verdict.unavailable) out.unavailable.push({ kind, why: verdict.unavailable });
  }
  return out;
}
