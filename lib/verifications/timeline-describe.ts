// What a timeline line says beyond its label: who acted, and the one detail that matters for each event.
// Pure, so that the page, the evidence pack and tests describe events the same way.
import { formatClock } from "@/lib/format";

export type ActorKind = "staff" | "markid" | "client" | "system";

export type ActorSource = { action: string; actorId: string | null; actorEmail: string | null };

/** Who did it: staff by name; MarkID for webhooks; the client for a link opened; otherwise the system. */
export function actorOf(
  row: ActorSource,
  names: ReadonlyMap<string, string>,
): { kind: ActorKind; name: string } {
  if (row.actorId) return { kind: "staff", name: names.get(row.actorId) ?? row.actorEmail ?? "Staff" };
  // A command-line user (cli:name) has an email-like label but no account.
  if (row.actorEmail) return { kind: "staff", name: row.actorEmail };
  if (row.action.startsWith("webhook.")) return { kind: "markid", name: "MarkID" };
  if (row.action === "link.opened") return { kind: "client", name: "Client" };
  return { kind: "system", name: "System" };
}

const OUTCOME: Record<string, string> = {
  APPROVE: "approve",
  REJECT: "reject",
  REQUEST_RESUBMISSION: "request resubmission",
  ABORT: "abort",
};
const KIND: Record<string, string> = {
  FACE_PHOTO: "face photo",
  DOCUMENT_FRONT: "document front",
  DOCUMENT_BACK: "document back",
  VIDEO: "video",
};

const RESULT: Record<string, string> = { PASS: "pass", FAIL: "fail", NOT_APPLICABLE: "not applicable" };

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** A short detail line for an event, or null when its label says it all. */
export function describeDetails(action: string, d: Record<string, unknown>): string | null {
  switch (action) {
    case "decision.recorded": {
      const outcome = OUTCOME[String(d.outcome)] ?? text(d.outcome);
      const parts = [outcome && `Outcome: ${outcome}`, text(d.reason)];
      if (d.fourEyes === true) parts.push("waits for a second person");
      if (typeof d.rulebookVersion === "number") parts.push(`rulebook v${d.rulebookVersion}`);
      if (Array.isArray(d.riskSignals) && d.riskSignals.length)
        parts.push(`${d.riskSignals.length} risk signal${d.riskSignals.length === 1 ? "" : "s"}`);
      if (d.qaSampled === "RANDOM" || d.qaSampled === "RISK") parts.push("drawn for QA");
      return parts.filter(Boolean).join(" · ") || null;
    }
    case "decision.confirmed":
    case "decision.overruled":
      return d.outcome ? `Outcome reviewed: ${OUTCOME[String(d.outcome)] ?? d.outcome}` : null;
    case "qa.reviewed": {
      const verdict = d.verdict === "AGREE" ? "Agreed" : d.verdict === "DISAGREE" ? "Disagreed" : null;
      const outcome = OUTCOME[String(d.outcome)];
      return (
        [verdict && outcome ? `${verdict} with the ${outcome} decision` : verdict, text(d.reason)]
          .concat(d.reopened === true ? ["case reopened for a new decision"] : [])
          .filter(Boolean)
          .join(" · ") || null
      );
    }
    case "call.start_failed":
      return text(d.error);
    case "call.started":
      return d.photos === true ? "With document photos" : null;
    case "webhook.identification_result": {
      const status = text(d.markidStatus) ?? "unknown";
      const ignored = text(d.ignored);
      return `MarkID status ${status}${d.final === true ? " (final)" : ""}${ignored ? ` · ignored: ${ignored}` : ""}`;
    }
    case "webhook.video_call_finished":
      return d.success === true ? "The call succeeded" : d.success === false ? "The call failed" : null;
    case "recording.archive_failed":
      return [KIND[String(d.kind)] ?? text(d.kind), text(d.reason)].filter(Boolean).join(" · ") || null;
    case "recording.archived":
    case "recording.viewed":
    case "recording.downloaded":
      return KIND[String(d.kind)] ?? text(d.kind);
    case "link.issued":
    case "link.sent":
    case "link.send_failed":
      return (
        [
          text(d.kind)?.toLowerCase().replaceAll("_", " "),
          text(d.channel)?.toLowerCase(),
          text(d.recipient),
          text(d.reason),
        ]
          .filter(Boolean)
          .join(" · ") || null
      );
    case "checklist.answered": {
      const result = text(d.choice) ?? RESULT[String(d.result)] ?? text(d.result);
      const mark =
        typeof d.markSeconds === "number"
          ? `marked at ${formatClock(d.markSeconds)}`
          : d.markMediaId
            ? "marked on a photo"
            : null;
      return [text(d.itemKey)?.replaceAll("_", " "), result, mark].filter(Boolean).join(" · ") || null;
    }
    case "qualification.granted":
    case "qualification.revoked":
      return text(d.name);
    case "rulebook.version_created":
      return typeof d.version === "number" ? `Rulebook version ${d.version}` : null;
    case "verification.claimed":
      return d.claimed === false ? "Someone else had claimed it first" : null;
    case "export.evidence_pack":
      return Array.isArray(d.files) ? `${d.files.length} files` : null;
    default:
      return null;
  }
}
