import type { CheckpointProblem } from "@/lib/audit/checkpoint";
import type { AuditFilters } from "@/lib/audit/list-params";
import type { ChainBreak } from "@/lib/audit/verify";
import type { SecondFactorMethod } from "@/lib/auth/second-factor";
import type { AssignmentCause } from "@/lib/desk/causes";
import type * as E from "@/lib/generated/prisma/enums";
import type { ListFilters, SortKey } from "@/lib/verifications/list-params";

// Every audit event the code writes, in one place: what it may be about and the shape of its details, so a
// misspelt action or a missing or wrong detail fails the type check where the event is written. Details hold
// ids and facts about the event; what is shown of them is described in lib/verifications/timeline-describe.ts.
// Rows already written keep whatever they hold: readers treat stored details as untrusted JSON.
// No personal data in details: the trail is never purged, so a client's or a staff member's name, email,
// phone, client ID or reference, and any free text a person typed that may hold them, stay out. Readers
// resolve people from the current rows by id (lib/audit/people.ts); tests/audit/detail-keys.test.ts fails
// on a detail key named like one of those fields.

/** What an event may be about; null in `about`: the event may name no target (a failed sign-in, a list export). */
export const AUDIT_TARGET_TYPES = [
  "verification",
  "staff_user",
  "staff_request",
  "setting",
  "decision_reason",
  "audit_checkpoint",
  "webhook_event",
  "rulebook_version",
  "retention_policy_version",
  "legal_hold",
  "webhook_endpoint",
  "api_key",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** A details shape, for the type checker only: at run time an empty function stands in for it. */
type Shape<D> = (details: D) => void;
const shape =
  <D extends object | undefined>(): Shape<D> =>
  () =>
    undefined;
const none = shape<undefined>();

type ById = { linkId: string };
type Call = { videoCallId: string; photos: boolean; error?: string; forLinkResend?: boolean };
// No address: the trail is append-only, the link row (which has it) can be purged.
type Email = ById & { channel: "EMAIL"; attempt: number; reason?: string };
type Read = { mediaId: string; kind: E.MediaKind; range: string | null };
// Disputed checklist items by key: what the second reviewer did not confirm (absent before the rulebook).
// The QA and risk settings (sampling shares, working hours, minimum call length), as saved.
type QaSettingValue =
  | number
  // The desk's stage targets in minutes (null: none), lib/settings/desk-settings.ts.
  | Partial<Record<E.DeskStage, number | null>>
  | { timeZone: string; days: number[]; start: string; end: string }
  | Record<E.DecisionOutcome, number>;
type Review = {
  decisionId: string;
  outcome: E.DecisionOutcome;
  decidedById: string;
  disputedItems?: string[];
  // Whether the now-final decision was drawn for QA, and why (absent before QA sampling existed).
  qaSampled?: E.QaSampleReason | null;
};
// The qualification's own title (a training, not a person), under a key no one mistakes for a person's name.
type Qualification = { qualificationId: string; qualification: string };
type StaffRequest = { kind: "invitation" | "role_change"; role: E.Role; requestedById: string };
/** An auditor's access (ISO instants): when it ends, and the verifications' creation dates it covers. */
type Access = { accessExpiresAt: string; scopeFrom: string | null; scopeTo: string | null };
// Export filters as audited: the free-text search (a name, a client ID) and a typed target id that is not one
// of ours only as the fact that there was one (lib/exports/filter-facts.ts).
export type ListFilterFacts = Omit<ListFilters, "q"> & { hasQuery?: true };
export type AuditFilterFacts = AuditFilters & { hasTargetText?: true };
type Transition = { previousStatus: E.VerificationStatus; status: E.VerificationStatus };

// A legal hold as the trail knows it: ids and dates only; the reason, which may name people, stays in its row.
type Hold = { holdId: string; scope: "verification" | "client"; endsAt: string | null };
type PurgedFile = { mediaId: string; kind: E.MediaKind; sha256: string; sizeBytes: number };

const staff = ["staff_user"] as const;
const verification = ["verification"] as const;
const nothing = [null] as const;

export const AUDIT_CATALOGUE = {
  "audit.chain_verified": {
    about: nothing,
    details: shape<{
      ok: boolean;
      checked: number;
      head: { id: string; hash: string } | null;
      firstBreak: ChainBreak | null;
      checkpointId: string | null;
      checkpointProblem: CheckpointProblem["kind"] | null;
    }>(),
  },
  "audit.checkpoint_requested": {
    about: ["audit_checkpoint"],
    details: shape<{
      outcome: "written" | "unchanged" | "empty" | "refused";
      checkpointId?: string;
      headId?: string;
      problem?: CheckpointProblem["kind"];
    }>(),
  },
  "auth.2fa_code_failed": {
    about: staff,
    details: shape<{ purpose: "enrol" | "disable"; reason: "locked" | "wrong_code" }>(),
  },
  "auth.2fa_disabled": { about: staff, details: shape<{ method: SecondFactorMethod }>() },
  "auth.2fa_enrolled": { about: staff, details: none },
  "auth.lockout": { about: ["staff_user", null], details: shape<{ scope: string; until: Date }>() },
  // "sso": through the IdP (lib/auth/sso.ts), which ran its own second factor.
  "auth.login": { about: staff, details: shape<{ method: "password" | SecondFactorMethod | "sso" }>() },
  "auth.login_failed": { about: nothing, details: shape<{ reason: string }>() },
  "auth.logout": { about: staff, details: none },
  "auth.recovery_code_used": { about: staff, details: shape<{ remaining: number }>() },
  "call.start_failed": { about: verification, details: shape<Call>() },
  "call.started": { about: verification, details: shape<Call>() },
  "checklist.answered": {
    about: verification,
    details: shape<{
      itemKey: string;
      rulebookVersion: number;
      result: E.ChecklistResult;
      choice: string | null;
      markMediaId: string | null;
      markSeconds: number | null;
      // The note itself may name the client: only whether there is one.
      hasNote: boolean;
    }>(),
  },
  "decision.confirmed": { about: verification, details: shape<Review>() },
  "decision.overruled": { about: verification, details: shape<Review>() },
  "decision.recorded": {
    about: verification,
    details: shape<{
      decisionId: string;
      outcome: E.DecisionOutcome;
      reason: string;
      fourEyes: boolean;
      // Absent on decisions recorded before the rulebook existed.
      rulebookVersion?: number;
      // The kinds of risk signal raised, and whether a final decision was drawn for QA (absent before them).
      riskSignals?: string[];
      qaSampled?: E.QaSampleReason | null;
    }>(),
  },
  "export.audit_csv": { about: nothing, details: shape<{ filters: AuditFilterFacts }>() },
  "export.evidence_pack": {
    about: verification,
    details: shape<{ files: { kind: E.MediaKind; sha256: string }[] }>(),
  },
  // GDPR Art. 15: the verifications answered and how many files left with them; never the client ID asked
  // about (the trail outlives a purge of the client's data). A count of 0 records "nothing held".
  "export.subject_access": {
    about: nothing,
    details: shape<{ verificationIds: string[]; count: number; files: number }>(),
  },
  "export.verifications_csv": {
    about: nothing,
    details: shape<{ filters: ListFilterFacts; sort: SortKey }>(),
  },
  "link.issued": {
    about: verification,
    details: shape<
      ById & {
        kind: E.LinkKind;
        channel: E.LinkChannel;
        expiresAt: string | null;
        sameTarget: boolean | null;
      }
    >(),
  },
  "link.opened": { about: verification, details: shape<ById & { kind: E.LinkKind }>() },
  "link.send_failed": { about: verification, details: shape<Email>() },
  "link.sent": { about: verification, details: shape<Email>() },
  "link.superseded": {
    about: verification,
    details: shape<ById & { supersededBy: string; kind: E.LinkKind }>(),
  },
  "note.added": { about: verification, details: shape<{ noteId: string }>() },
  "qa.disagreement_acknowledged": { about: verification, details: shape<{ sampleId: string }>() },
  "qa.reviewed": {
    about: verification,
    details: shape<{
      sampleId: string;
      decisionId: string;
      outcome: E.DecisionOutcome;
      decidedById: string;
      verdict: E.QaVerdict;
      reason?: string;
      reopened?: boolean;
    }>(),
  },
  "qualification.granted": {
    about: staff,
    details: shape<Qualification & { validUntil: string | null }>(),
  },
  "qualification.revoked": { about: staff, details: shape<Qualification & { hasNote: boolean }>() },
  "recording.archive_failed": {
    about: verification,
    details: shape<{ kind: E.MediaKind; sourceKey: string; reason: string }>(),
  },
  "recording.archived": {
    about: verification,
    details: shape<{ kind: E.MediaKind; sourceKey: string; sha256: string; sizeBytes: number }>(),
  },
  "recording.downloaded": { about: verification, details: shape<Read>() },
  "recording.viewed": { about: verification, details: shape<Read>() },
  // A new 10% step of a video reached by one person (share 0.1–1), once per step, person and file.
  "recording.watched": { about: verification, details: shape<{ mediaId: string; share: number }>() },
  "recordings.fetch_requested": { about: verification, details: none },
  "settings.reason_added": {
    about: ["decision_reason"],
    details: shape<{ outcome: E.DecisionOutcome; label: string }>(),
  },
  "settings.reason_retired": { about: ["decision_reason"], details: shape<{ label: string }>() },
  // A bank's webhook endpoint (lib/outbound-webhooks): its host, never the secret.
  "outbound.endpoint_created": {
    about: ["webhook_endpoint"],
    details: shape<{ host: string; events: string[]; allowPrivate: boolean }>(),
  },
  "outbound.endpoint_disabled": { about: ["webhook_endpoint"], details: shape<{ host: string }>() },
  "outbound.delivery_resent": {
    about: ["webhook_endpoint"],
    details: shape<{ deliveryId: string; eventType: string; previousStatus: string }>(),
  },
  // An API key (lib/api): its prefix and what it may do, never the key, its hash or the name an admin typed.
  "api_key.created": {
    about: ["api_key"],
    details: shape<{
      prefix: string;
      scopes: string[];
      expiresAt: string | null;
      ipRanges: string[];
      rateLimitPerMinute: number;
    }>(),
  },
  "api_key.revoked": { about: ["api_key"], details: shape<{ prefix: string }>() },
  // Reads through the API, written as the key (actorEmail `api-key:<prefix>`): what it was shown, by id.
  "api.verification_read": {
    about: verification,
    details: shape<{ apiKeyId: string; decisions: boolean }>(),
  },
  "api.changes_listed": {
    about: nothing,
    details: shape<{ apiKeyId: string; verificationIds: string[]; decisions: boolean; cursor: boolean }>(),
  },
  // A call with a valid key that was refused: its problem type (lib/api/problem.ts) and the operation, with the
  // path (ids only). Rate-limited calls are only counted, so that a leaked key cannot flood the trail.
  "api.refused": {
    about: ["api_key"],
    details: shape<{ reason: string; operation: string; scope?: string }>(),
  },
  "retention.policy_saved": {
    about: ["retention_policy_version"],
    details: shape<{ version: number; changes: string[] }>(),
  },
  // A hold on a client ID writes one event about the hold (with how many cases it covered then) and one
  // about each of those cases; a hold on one case, one about that case.
  "retention.hold_placed": {
    about: ["verification", "legal_hold"],
    details: shape<Hold & { covered?: number }>(),
  },
  "retention.hold_lifted": {
    about: ["verification", "legal_hold"],
    details: shape<Hold & { covered?: number }>(),
  },
  "retention.purge_started": {
    about: verification,
    details: shape<{ policyVersion: number; retentionClass: string; dueAt: string }>(),
  },
  // The deletion receipt: what was deleted (by hash), MarkID's answer, the policy applied.
  "retention.purged": {
    about: verification,
    details: shape<{
      policyVersion: number;
      retentionClass: string;
      dueAt: string;
      files: PurgedFile[];
      markid: { scanRefDeletedAt: string; attempts: number };
      fieldsCleared: string[];
    }>(),
  },
  "rulebook.version_created": {
    about: ["rulebook_version"] as const,
    details: shape<{ version: number; previousVersion: number; items: number }>(),
  },
  "settings.updated": {
    about: ["setting"],
    details: shape<
      | { value: boolean }
      | { value: E.Role[]; previous: E.Role[] }
      | { value: QaSettingValue }
      // The organisation's default client language.
      | { value: E.Language }
    >(),
  },
  "staff.2fa_reset": { about: staff, details: none },
  // A decider said whether they take new work (lib/desk/presence.ts); a session's end sets OFFLINE unaudited.
  "staff.availability_changed": { about: staff, details: shape<{ status: E.Availability }>() },
  "staff.access_changed": { about: staff, details: shape<{ from: string; to: string }>() },
  "staff.access_expired": { about: staff, details: shape<{ via: "job" | "session" | "sign_in" }>() },
  "staff.approval_granted": { about: ["staff_request"], details: shape<StaffRequest>() },
  "staff.approval_refused": { about: ["staff_request"], details: shape<StaffRequest>() },
  "staff.approval_requested": {
    about: ["staff_request", "staff_user"],
    details: shape<
      | { kind: "invitation"; role: E.Role; access?: Access }
      | { kind: "role_change"; requestId: string; from: E.Role; to: E.Role }
    >(),
  },
  "staff.approval_withdrawn": { about: ["staff_request"], details: shape<StaffRequest>() },
  // "sso": at a first sign-in through the IdP with OIDC_AUTO_CREATE=on, the role from its groups.
  "staff.created": { about: staff, details: shape<{ role: E.Role; via: "cli" | "sso" }>() },
  "staff.deactivated": { about: staff, details: none },
  // The daily job (lib/staff/inactivity.ts): the setting in force and when the clock started, never who.
  "staff.deactivated_inactive": {
    about: staff,
    details: shape<{ inactiveDays: number; lastActivityAt: string }>(),
  },
  "staff.invitation_accepted": { about: staff, details: none },
  "staff.invitation_reissued": { about: staff, details: none },
  "staff.invited": { about: staff, details: shape<{ role: E.Role; access?: Access }>() },
  "staff.notification_mail_changed": { about: staff, details: shape<{ on: boolean }>() },
  "staff.reactivated": { about: staff, details: none },
  "staff.role_changed": { about: staff, details: shape<{ from: E.Role; to: E.Role }>() },
  // Who the case went to, from whom, and why (lib/desk/assign.ts): automatic, or a lead's reassignment.
  "verification.assigned": {
    about: verification,
    details: shape<{ assigneeId: string; previousAssigneeId: string | null; cause: AssignmentCause }>(),
  },
  // A person's own display preference; null: their browser's zone.
  "staff.time_zone_changed": { about: staff, details: shape<{ timeZone: string | null }>() },
  // A person's own language for the back office; null: their browser's.
  "staff.language_changed": { about: staff, details: shape<{ language: E.Language | null }>() },
  // The IdP's groups gave another role at sign-in: the IdP's joiner-mover process stands in for our approval.
  "staff.role_synced": { about: staff, details: shape<{ from: E.Role; to: E.Role }>() },
  "verification.claimed": { about: verification, details: shape<{ claimed: boolean }>() },
  "verification.created": {
    about: verification,
    details: shape<{ scanRef: string; tokenType: E.TokenType; existing: boolean }>(),
  },
  "verification.token_renewed": {
    about: verification,
    details: shape<{ oldScanRef: string; newScanRef: string; previousStatus: E.VerificationStatus }>(),
  },
  "webhook.identification_result": {
    about: verification,
    details: shape<
      Transition & { webhookEventId: string; final: boolean; markidStatus: string; ignored?: string }
    >(),
  },
  "webhook.unmatched": {
    about: ["webhook_event"],
    details: shape<{ kind: E.WebhookKind; scanRef: string | null }>(),
  },
  "webhook.video_call_finished": {
    about: verification,
    details: shape<
      Transition & {
        webhookEventId: string;
        videoCallId: string | null;
        success: boolean;
        recordingsFetchQueued: boolean;
      }
    >(),
  },
} as const satisfies Record<string, { about: readonly (AuditTargetType | null)[]; details: Shape<never> }>;

type Catalogue = typeof AUDIT_CATALOGUE;
export type AuditAction = keyof Catalogue;
export type AuditDetails<A extends AuditAction> = Catalogue[A]["details"] extends Shape<infer D> ? D : never;
type About<A extends AuditAction> = Catalogue[A]["about"][number];

/** One event of action A as domain code writes it: a target when the catalogue says it has one, its details. */
export type AuditEntryOf<A extends AuditAction> = {
  action: A;
  targetId?: string | null;
} & (null extends About<A> ? { targetType?: About<A> } : { targetType: About<A> }) &
  (undefined extends AuditDetails<A> ? { details?: AuditDetails<A> } : { details: AuditDetails<A> });

/** Any one event: a union on `action`, so each entry is checked against its own action's shape. */
export type AuditEntry = { [A in AuditAction]: AuditEntryOf<A> }[AuditAction];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_CATALOGUE, value);
}

/** The catalogue's actions, sorted: the audit log's filter offers them (and still accepts older names). */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.keys(AUDIT_CATALOGUE)
  .filter(isAuditAction)
  .sort();
