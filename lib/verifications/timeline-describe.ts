import { isAuditAction, type AuditAction, type AuditDetails } from "@/lib/audit/actions";
import { isEnumValue } from "@/lib/enum-values";
import { Availability, ChecklistResult, DecisionOutcome, MediaKind } from "@/lib/generated/prisma/enums";

// What a timeline line says: a label for every action in the catalogue, who acted, and the one detail that
// matters. Pure, so that the page, the evidence pack and tests describe events the same way.
import { formatClock } from "@/lib/format";
import { isLanguage, LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { ASSIGNMENT_CAUSES, AVAILABILITY_LABEL, CAUSE_LABEL } from "@/lib/desk/causes";

export type ActorKind = "staff" | "markid" | "client" | "system" | "api";

export type ActorSource = { action: string; actorId: string | null; actorEmail: string | null };

/**
 * Who did it: staff by name; MarkID for webhooks; the client for a link opened (named from the verification
 * as it is now, `client`, "deleted" once purged); otherwise the system.
 */
export function actorOf(
  row: ActorSource,
  names: ReadonlyMap<string, string>,
  client?: string,
): { kind: ActorKind; name: string } {
  if (row.actorId) return { kind: "staff", name: names.get(row.actorId) ?? row.actorEmail ?? "Staff" };
  if (row.actorEmail?.startsWith("api-key:"))
    return { kind: "api", name: `API key ${row.actorEmail.slice(8)}` };
  // A command-line user (cli:name) has an email-like label but no account.
  if (row.actorEmail) return { kind: "staff", name: row.actorEmail };
  if (row.action.startsWith("webhook.")) return { kind: "markid", name: "MarkID" };
  if (row.action === "link.opened") return { kind: "client", name: client ? `Client: ${client}` : "Client" };
  return { kind: "system", name: "System" };
}

const OUTCOME: Record<DecisionOutcome, string> = {
  APPROVE: "approve",
  REJECT: "reject",
  REQUEST_RESUBMISSION: "request resubmission",
  ABORT: "abort",
};
const KIND: Record<MediaKind, string> = {
  FACE_PHOTO: "face photo",
  DOCUMENT_FRONT: "document front",
  DOCUMENT_BACK: "document back",
  VIDEO: "video",
};

const RESULT: Record<ChecklistResult, string> = {
  PASS: "pass",
  FAIL: "fail",
  NOT_APPLICABLE: "not applicable",
};

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const outcome = (v: unknown) => (isEnumValue(DecisionOutcome, v) ? OUTCOME[v] : text(v));
const kind = (v: unknown) => (isEnumValue(MediaKind, v) ? KIND[v] : text(v));
const joined = (parts: unknown[]) => parts.filter(Boolean).join(" · ") || null;
const result = (v: unknown) => (isEnumValue(ChecklistResult, v) ? RESULT[v] : text(v));
const until = (v: unknown) => (typeof v === "string" && v ? `until ${v.slice(0, 10)}` : null);
// Rows written before personal data left the details held the title under `name`.
const qualification = (d: Stored<"qualification.granted">) =>
  text(d.qualification) ?? text((d as { name?: unknown }).name);

// Stored details are JSON of whatever shape the row was written with: the catalogue names the fields a
// description may read, but their values are checked, never trusted.
type AllKeys<D> = D extends unknown ? keyof D : never;
type Stored<A extends AuditAction> = { [K in AllKeys<AuditDetails<A>>]?: unknown };
type Describe<A extends AuditAction> = { label: string; detail?: (d: Stored<A>) => string | null };

const link = (d: Stored<"link.issued">) =>
  joined([text(d.kind)?.toLowerCase().replaceAll("_", " "), text(d.channel)?.toLowerCase()]);
const reviewed = (d: Stored<"decision.confirmed">) =>
  d.outcome ? `Outcome reviewed: ${outcome(d.outcome) ?? String(d.outcome)}` : null;

/** Every action in the catalogue, described: one added without its entry here fails the type check. */
export const EVENTS: { [A in AuditAction]: Describe<A> } = {
  "audit.chain_verified": { label: "Audit chain checked" },
  "audit.checkpoint_requested": { label: "Audit checkpoint requested" },
  "auth.2fa_code_failed": { label: "Two-factor code refused" },
  "auth.2fa_disabled": { label: "Two-factor sign-in turned off" },
  "auth.2fa_enrolled": { label: "Two-factor sign-in turned on" },
  "auth.lockout": { label: "Sign-in locked" },
  "auth.login": { label: "Signed in" },
  "auth.login_failed": { label: "Sign-in failed" },
  "auth.logout": { label: "Signed out" },
  "auth.recovery_code_used": { label: "Recovery code used" },
  "call.start_failed": { label: "Video call could not start", detail: (d) => text(d.error) },
  "call.started": {
    label: "Video call started",
    detail: (d) => (d.photos === true ? "With document photos" : null),
  },
  "checklist.answered": {
    label: "Checklist item answered",
    detail: (d) =>
      joined([
        text(d.itemKey)?.replaceAll("_", " "),
        text(d.choice) ?? result(d.result),
        typeof d.markSeconds === "number"
          ? `marked at ${formatClock(d.markSeconds)}`
          : d.markMediaId && "marked on a photo",
      ]),
  },
  "decision.confirmed": { label: "Decision confirmed (four-eyes)", detail: reviewed },
  "decision.overruled": { label: "Decision overruled (four-eyes)", detail: reviewed },
  "decision.recorded": {
    label: "Decision recorded",
    detail: (d) => {
      const said = outcome(d.outcome);
      return joined([
        said && `Outcome: ${said}`,
        text(d.reason),
        d.fourEyes === true && "waits for a second person",
        typeof d.rulebookVersion === "number" && `rulebook v${d.rulebookVersion}`,
      ]);
    },
  },
  "export.audit_csv": { label: "Audit log exported" },
  "export.evidence_pack": {
    label: "Evidence pack exported",
    detail: (d) => (Array.isArray(d.files) ? `${d.files.length} files` : null),
  },
  "export.subject_access": {
    label: "Subject access export",
    detail: (d) =>
      typeof d.count !== "number"
        ? null
        : d.count === 0
          ? "nothing held"
          : `${d.count} ${d.count === 1 ? "verification" : "verifications"}`,
  },
  "export.verifications_csv": { label: "Verification list exported" },
  "link.issued": { label: "Client link issued", detail: link },
  "link.opened": { label: "Client opened the link" },
  "link.send_failed": { label: "Client link email failed", detail: (d) => joined([link(d), text(d.reason)]) },
  "link.sent": { label: "Client link emailed", detail: link },
  "link.superseded": { label: "Client link replaced by a newer one" },
  "note.added": { label: "Note added" },
  "qa.disagreement_acknowledged": { label: "QA disagreement seen by a lead" },
  "qa.reviewed": {
    label: "QA review recorded",
    detail: (d) => {
      const verdict = d.verdict === "AGREE" ? "Agreed" : d.verdict === "DISAGREE" ? "Disagreed" : null;
      const said = outcome(d.outcome);
      return joined([
        verdict && said ? `${verdict} with the ${said} decision` : verdict,
        text(d.reason),
        d.reopened === true && "case reopened for a new decision",
      ]);
    },
  },
  "qualification.granted": { label: "Qualification granted", detail: qualification },
  "qualification.revoked": { label: "Qualification revoked", detail: qualification },
  "recording.archive_failed": {
    label: "Recording could not be archived",
    detail: (d) => joined([kind(d.kind), text(d.reason)]),
  },
  "recording.archived": { label: "Recording archived", detail: (d) => kind(d.kind) },
  "recording.downloaded": { label: "Recording downloaded", detail: (d) => kind(d.kind) },
  "recording.viewed": { label: "Recording viewed", detail: (d) => kind(d.kind) },
  "recording.watched": {
    label: "Recording watched",
    detail: (d) => (typeof d.share === "number" ? `${Math.round(d.share * 100)}% played` : null),
  },
  "recordings.fetch_requested": { label: "Recordings requested" },
  "settings.reason_added": { label: "Decision reason added" },
  "settings.reason_retired": { label: "Decision reason retired" },
  "outbound.endpoint_created": { label: "Webhook endpoint added", detail: (d) => text(d.host) },
  "outbound.endpoint_disabled": { label: "Webhook endpoint disabled", detail: (d) => text(d.host) },
  "outbound.delivery_resent": { label: "Webhook delivery sent again", detail: (d) => text(d.eventType) },
  "api_key.created": { label: "API key created", detail: (d) => text(d.prefix) },
  "api_key.revoked": { label: "API key revoked", detail: (d) => text(d.prefix) },
  "api.verification_read": {
    label: "Read through the API",
    detail: (d) => (d.decisions === true ? "with decisions" : null),
  },
  "api.changes_listed": { label: "Changes listed through the API" },
  "api.refused": { label: "API call refused", detail: (d) => joined([text(d.reason), text(d.operation)]) },
  "retention.policy_saved": { label: "Retention policy saved" },
  "retention.hold_placed": {
    label: "Legal hold placed",
    detail: (d) => joined([d.scope === "client" && "on every case of the client", until(d.endsAt)]),
  },
  "retention.hold_lifted": { label: "Legal hold lifted" },
  "retention.purge_started": { label: "Retention period ended: purge started" },
  "retention.purged": {
    label: "Evidence deleted (retention)",
    detail: (d) =>
      joined([
        Array.isArray(d.files) && `${d.files.length} file(s)`,
        "MarkID's copy deleted",
        typeof d.policyVersion === "number" && `policy v${d.policyVersion}`,
      ]),
  },
  "rulebook.version_created": {
    label: "Rulebook version published",
    detail: (d) => (typeof d.version === "number" ? `Rulebook version ${d.version}` : null),
  },
  "settings.updated": { label: "Settings changed" },
  "staff.2fa_reset": { label: "Two-factor sign-in reset" },
  "staff.access_changed": { label: "Auditor access expiry changed" },
  "staff.availability_changed": {
    label: "Availability changed",
    detail: (d) => (isEnumValue(Availability, d.status) ? AVAILABILITY_LABEL[d.status] : null),
  },
  "staff.access_expired": { label: "Auditor access expired; account deactivated" },
  "staff.approval_granted": { label: "Staff request approved" },
  "staff.approval_refused": { label: "Staff request refused" },
  "staff.approval_requested": { label: "Staff request waits for approval" },
  "staff.approval_withdrawn": { label: "Staff request withdrawn" },
  "staff.created": { label: "Account created" },
  "staff.deactivated": { label: "Account deactivated" },
  "staff.deactivated_inactive": {
    label: "Account deactivated for inactivity",
    detail: (d) => (typeof d.inactiveDays === "number" ? `No sign-in for ${d.inactiveDays} days` : null),
  },
  "staff.invitation_accepted": { label: "Invitation accepted" },
  "staff.invitation_reissued": { label: "Invitation sent again" },
  "staff.invited": { label: "Person invited" },
  "staff.notification_mail_changed": {
    label: "Notification emails changed",
    detail: (d) => (d.on === true ? "Turned on" : d.on === false ? "Turned off" : null),
  },
  "staff.reactivated": { label: "Account reactivated" },
  "staff.role_changed": { label: "Role changed" },
  "verification.assigned": {
    label: "Case assigned",
    detail: (d) => {
      const cause = ASSIGNMENT_CAUSES.find((c) => c === d.cause);
      return cause ? `Because: ${CAUSE_LABEL[cause]}` : null;
    },
  },
  "staff.time_zone_changed": {
    label: "Time zone changed",
    detail: (d) => (d.timeZone === null ? "the browser's" : text(d.timeZone)),
  },
  "staff.language_changed": {
    label: "Language changed",
    detail: (d) =>
      d.language === null ? "the browser's" : isLanguage(d.language) ? LANGUAGE_NAMES[d.language] : null,
  },
  "staff.role_synced": { label: "Role taken from single sign-on" },
  "verification.claimed": {
    label: "Verification claimed",
    detail: (d) => (d.claimed === false ? "Someone else had claimed it first" : null),
  },
  "verification.created": { label: "Verification created at MarkID" },
  "verification.token_renewed": { label: "MarkID token renewed (new scanRef)" },
  "webhook.identification_result": {
    label: "MarkID sent a result",
    detail: (d) => {
      const ignored = text(d.ignored);
      const final = d.final === true ? " (final)" : "";
      return `MarkID status ${text(d.markidStatus) ?? "unknown"}${final}${ignored ? ` · ignored: ${ignored}` : ""}`;
    },
  },
  "webhook.unmatched": { label: "MarkID sent something unmatched" },
  "webhook.video_call_finished": {
    label: "MarkID reported the call finished",
    detail: (d) =>
      d.success === true ? "The call succeeded" : d.success === false ? "The call failed" : null,
  },
};

/** The label of an action; an older one no longer in the catalogue shows as its name. */
export function labelOf(action: string): string {
  return isAuditAction(action) ? EVENTS[action].label : action;
}

/** A short detail line for an event, or null when its label says it all. */
export function describeDetails(action: string, d: Record<string, unknown>): string | null {
  if (!isAuditAction(action)) return null;
  return EVENTS[action].detail?.(d) ?? null;
}
