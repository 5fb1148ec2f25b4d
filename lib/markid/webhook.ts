// Reads the two webhook kinds MarkID sends. Tolerant by design: unknown fields are ignored, unknown status
// strings are kept as text, and a body that is neither kind is UNKNOWN rather than an exception.
import { z } from "zod";
import type { VerificationStatus } from "@/lib/markid/types";

const text = z.string().nullish().catch(null);
const tagList = z.array(z.string()).nullish().catch([]);

const identificationSchema = z.looseObject({
  scanRef: z.string().min(1),
  // Absent "final" is read as not final: waiting is safe, since verifications without a final webhook are
  // reconciled through /status after they expire, while a wrong "final" would close one too early.
  final: z.boolean().optional().catch(undefined),
  clientId: text,
  externalRef: text,
  platform: text,
  startTime: z.number().nullish().catch(null),
  finishTime: z.number().nullish().catch(null),
  status: z.looseObject({
    overall: z.string().min(1),
    autoFace: text,
    autoDocument: text,
    manualFace: text,
    manualDocument: text,
    fraudTags: tagList,
    suspicionReasons: tagList,
    mismatchTags: tagList,
  }),
  fileUrls: z.record(z.string(), z.string().nullish()).nullish().catch(null),
  data: z.record(z.string(), z.unknown()).nullish().catch(null),
});

const answerSchema = z.looseObject({ answer: z.string().nullish(), correct: z.boolean().nullish() });
const videoCallSchema = z.looseObject({
  scanRef: z.string().min(1),
  status: z.boolean(),
  date: z.string(),
  clientId: text,
  videoCallAnswers: z.record(z.string(), answerSchema.catch({})).nullish().catch(null),
});

export type IdentificationWebhook = {
  kind: "IDENTIFICATION";
  scanRef: string;
  clientId: string | null;
  externalRef: string | null;
  /** true: no further webhook follows for this scanRef (unless re-reviewed). */
  final: boolean;
  overall: VerificationStatus;
  autoFace: string | null;
  autoDocument: string | null;
  manualFace: string | null;
  manualDocument: string | null;
  /** fraudTags and the legacy suspicionReasons, merged. */
  fraudTags: string[];
  mismatchTags: string[];
  /** Only keys with a URL; links expire about an hour after sending. */
  fileUrls: Record<string, string>;
  startTime: number | null;
  finishTime: number | null;
  data: Record<string, unknown>;
};

export type VideoCallFinishedWebhook = {
  kind: "VIDEO_CALL_FINISHED";
  scanRef: string;
  clientId: string | null;
  success: boolean;
  /** As sent, e.g. "2020-08-14 12:48:08.085275+00:00". */
  date: string;
  /** The same instant, or null when the text is not a date. */
  at: Date | null;
  answers: Record<string, { answer: string | null; correct: boolean | null }>;
  // authToken is left out on purpose: it can start a session, so it should not spread into logs or storage.
};

export type WebhookEvent = IdentificationWebhook | VideoCallFinishedWebhook | { kind: "UNKNOWN" };

function parseDate(value: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim(),
  );
  if (!m) return null;
  const millis = (m[3] ?? "").padEnd(3, "0").slice(0, 3);
  const date = new Date(`${m[1]}T${m[2]}.${millis}${m[4] ?? "Z"}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function parseWebhook(json: unknown): WebhookEvent {
  const video = videoCallSchema.safeParse(json);
  if (video.success) {
    const answers: VideoCallFinishedWebhook["answers"] = {};
    for (const [question, a] of Object.entries(video.data.videoCallAnswers ?? {})) {
      answers[question] = { answer: a.answer ?? null, correct: a.correct ?? null };
    }
    const { scanRef, clientId, status, date } = video.data;
    return {
      kind: "VIDEO_CALL_FINISHED",
      scanRef,
      clientId: clientId ?? null,
      success: status,
      date,
      at: parseDate(date),
      answers,
    };
  }
  const ident = identificationSchema.safeParse(json);
  if (!ident.success) return { kind: "UNKNOWN" };
  const d = ident.data;
  const fileUrls: Record<string, string> = {};
  for (const [key, url] of Object.entries(d.fileUrls ?? {})) if (url) fileUrls[key] = url;
  return {
    kind: "IDENTIFICATION",
    scanRef: d.scanRef,
    clientId: d.clientId ?? null,
    externalRef: d.externalRef ?? null,
    final: d.final ?? false,
    overall: d.status.overall,
    autoFace: d.status.autoFace ?? null,
    autoDocument: d.status.autoDocument ?? null,
    manualFace: d.status.manualFace ?? null,
    manualDocument: d.status.manualDocument ?? null,
    fraudTags: [...new Set([...(d.status.fraudTags ?? []), ...(d.status.suspicionReasons ?? [])])],
    mismatchTags: d.status.mismatchTags ?? [],
    fileUrls,
    startTime: d.startTime ?? null,
    finishTime: d.finishTime ?? null,
    data: d.data ?? {},
  };
}
