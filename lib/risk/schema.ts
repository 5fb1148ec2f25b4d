import { z } from "zod";

// What a decision stores in Decision.riskSignals: each signal that fired with the facts that explain it, and
// each check that could not be made with why. Ids only: never a client ID, a name or a document number.

export const RECENT_DAYS = 90;

const signal = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("decided_within_video_length"),
    decidedAfterSeconds: z.number(),
    videoSeconds: z.number(),
  }),
  z.object({
    kind: z.literal("outside_working_hours"),
    local: z.string(),
    timeZone: z.string(),
    hours: z.string(),
  }),
  z.object({
    kind: z.literal("same_officer_earlier_refusal"),
    verificationIds: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("seen_recently"),
    matches: z.array(z.object({ verificationId: z.string(), by: z.enum(["clientId", "documentNumber"]) })),
  }),
  z.object({ kind: z.literal("short_call"), videoSeconds: z.number(), minimumSeconds: z.number() }),
]);

export type RiskSignal = z.infer<typeof signal>;

const RISK_ASSESSMENT = z.object({
  signals: z.array(signal),
  unavailable: z.array(z.object({ kind: z.string(), why: z.string() })),
});

export type RiskAssessment = z.infer<typeof RISK_ASSESSMENT>;

/** The stored assessment, or null for decisions from before risk signals (or anything unreadable). */
export function readRiskAssessment(value: unknown): RiskAssessment | null {
  const parsed = RISK_ASSESSMENT.safeParse(value);
  return parsed.success ? parsed.data : null;
}
