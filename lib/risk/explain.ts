import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import type { RiskSignal } from "@/lib/risk/schema";
import { RECENT_DAYS } from "@/lib/risk/schema";

// What the case page says about each signal, from the facts stored with the decision, in the reader's words.
// The stored facts themselves (the local time, the working hours, why a check was not made) stay as stored.

/** 70 → "1:10", 3725 → "1:02:05". */
function minutesClock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const reader = () => translatorFor(currentLanguage());

/** A signal's name; an unknown kind (from a newer release) shows as itself. */
export function riskLabel(kind: string, t: Translator = reader()): string {
  return t.has(`risk.labels.${kind}` as never)
    ? t(`risk.labels.${kind as RiskSignal["kind"]}`, { days: RECENT_DAYS })
    : kind;
}

export function explainSignal(s: RiskSignal, t: Translator = reader()): string {
  switch (s.kind) {
    case "decided_within_video_length":
      return t("risk.explain.decidedWithinVideoLength", {
        after: minutesClock(s.decidedAfterSeconds),
        video: minutesClock(s.videoSeconds),
      });
    case "outside_working_hours":
      return t("risk.explain.outsideWorkingHours", { local: s.local, timeZone: s.timeZone, hours: s.hours });
    case "same_officer_earlier_refusal":
      return t("risk.explain.sameOfficerEarlierRefusal", { count: s.verificationIds.length });
    case "seen_recently": {
      const clients = s.matches.filter((m) => m.by === "clientId").length;
      const documents = s.matches.filter((m) => m.by === "documentNumber").length;
      const key = clients && documents ? "seenBoth" : clients ? "seenClient" : "seenDocument";
      return t(`risk.explain.${key}`, { days: RECENT_DAYS, clients, documents });
    }
    case "short_call":
      return t("risk.explain.shortCall", {
        video: minutesClock(s.videoSeconds),
        minimum: minutesClock(s.minimumSeconds),
      });
  }
}

/** The other verifications a signal points at, for links on the case page. */
export function linkedVerifications(s: RiskSignal): string[] {
  if (s.kind === "same_officer_earlier_refusal") return s.verificationIds;
  if (s.kind === "seen_recently") return [...new Set(s.matches.map((m) => m.verificationId))];
  return [];
}
