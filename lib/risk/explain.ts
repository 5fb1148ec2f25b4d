import type { RiskSignal } from "@/lib/risk/schema";
import { RECENT_DAYS } from "@/lib/risk/schema";

// What the case page says about each signal, from the facts stored with the decision. Pure.

export const RISK_LABEL: Record<RiskSignal["kind"], string> = {
  decided_within_video_length: "Decided sooner than the video lasts",
  outside_working_hours: "Decided outside working hours",
  same_officer_earlier_refusal: "Same officer as an earlier refusal",
  seen_recently: `Seen on another verification within ${RECENT_DAYS} days`,
  short_call: "Short call",
};

/** 70 → "1:10", 3725 → "1:02:05". */
function minutesClock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function explainSignal(s: RiskSignal): string {
  switch (s.kind) {
    case "decided_within_video_length":
      return `Decided ${minutesClock(s.decidedAfterSeconds)} after the call finished; the video lasts ${minutesClock(s.videoSeconds)}.`;
    case "outside_working_hours":
      return `Decided ${s.local} (${s.timeZone}); working hours are ${s.hours}.`;
    case "same_officer_earlier_refusal":
      return `The deciding officer also decided ${plural(s.verificationIds.length, "earlier verification", "earlier verifications")} of this client ID that ended rejected or aborted.`;
    case "seen_recently": {
      const byClient = s.matches.filter((m) => m.by === "clientId").length;
      const byDocument = s.matches.filter((m) => m.by === "documentNumber").length;
      const parts = [
        byClient && `the client ID on ${plural(byClient, "other verification", "other verifications")}`,
        byDocument &&
          `the document number on ${plural(byDocument, "other verification", "other verifications")}`,
      ].filter(Boolean);
      return `Within ${RECENT_DAYS} days, ${parts.join(" and ")}.`;
    }
    case "short_call":
      return `The call lasted ${minutesClock(s.videoSeconds)}; the configured minimum is ${minutesClock(s.minimumSeconds)}.`;
  }
}

/** The other verifications a signal points at, for links on the case page. */
export function linkedVerifications(s: RiskSignal): string[] {
  if (s.kind === "same_officer_earlier_refusal") return s.verificationIds;
  if (s.kind === "seen_recently") return [...new Set(s.matches.map((m) => m.verificationId))];
  return [];
}
