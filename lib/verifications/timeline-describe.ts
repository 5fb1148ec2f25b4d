import { isAuditAction, type AuditAction, type AuditDetails } from "@/lib/audit/actions";
import { isEnumValue } from "@/lib/enum-values";
import { Availability, ChecklistResult, DecisionOutcome, MediaKind } from "@/lib/generated/prisma/enums";

// What a timeline line says: a label for every action in the catalogue, who acted, and the one detail that
// matters, in the reader's language (messages under verifications.events and verifications.eventDetails).
// Pure but for the translator, so that the page, the evidence pack and tests describe events the same way.
import { formatClock } from "@/lib/format";
import { ASSIGNMENT_CAUSES } from "@/lib/desk/causes";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { isLanguage, LANGUAGE_NAMES } from "@/lib/i18n/languages";

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
  t: Translator = reader(),
): { kind: ActorKind; name: string } {
  const a = (key: "staff" | "apiKey" | "markid" | "client" | "namedClient" | "system", values = {}) =>
    t(`verifications.actors.${key}`, values);
  if (row.actorId) return { kind: "staff", name: names.get(row.actorId) ?? row.actorEmail ?? a("staff") };
  if (row.actorEmail?.startsWith("api-key:"))
    return { kind: "api", name: a("apiKey", { prefix: row.actorEmail.slice(8) }) };
  // A command-line user (cli:name) has an email-like label but no account.
  if (row.actorEmail) return { kind: "staff", name: row.actorEmail };
  if (row.action.startsWith("webhook.")) return { kind: "markid", name: a("markid") };
  if (row.action === "link.opened")
    return { kind: "client", name: client ? a("namedClient", { client }) : a("client") };
  return { kind: "system", name: a("system") };
}

const reader = () => translatorFor(currentLanguage());

type T = Translator;

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const outcome = (v: unknown, t: T) =>
  isEnumValue(DecisionOutcome, v) ? t(`verifications.eventDetails.outcome.${v}`) : text(v);
const kind = (v: unknown, t: T) =>
  isEnumValue(MediaKind, v) ? t(`verifications.eventDetails.kind.${v}`) : text(v);
const joined = (parts: unknown[]) => parts.filter(Boolean).join(" · ") || null;
const result = (v: unknown, t: T) =>
  isEnumValue(ChecklistResult, v) ? t(`verifications.eventDetails.result.${v}`) : text(v);
const until = (v: unknown, t: T) =>
  typeof v === "string" && v ? t(`verifications.eventDetails.until`, { date: v.slice(0, 10) }) : null;
// Rows written before personal data left the details held the title under `name`.
const qualification = (d: Stored<"qualification.granted">) =>
  text(d.qualification) ?? text((d as { name?: unknown }).name);

// Stored details are JSON of whatever shape the row was written with: the catalogue names the fields a
// description may read, but their values are checked, never trusted. An action's label is its message
// (verifications.events.<action>); one added to the catalogue without it fails the type check below.
type AllKeys<D> = D extends unknown ? keyof D : never;
type Stored<A extends AuditAction> = { [K in AllKeys<AuditDetails<A>>]?: unknown };
type Describe<A extends AuditAction> = { detail?: (d: Stored<A>, t: T) => string | null };

// The link's kind and channel are enum values shown as words; they are the link panel's own terms.
const link = (d: Stored<"link.issued">) =>
  joined([text(d.kind)?.toLowerCase().replaceAll("_", " "), text(d.channel)?.toLowerCase()]);
const reviewed = (d: Stored<"decision.confirmed">, t: T) =>
  d.outcome
    ? t(`verifications.eventDetails.reviewed`, { outcome: outcome(d.outcome, t) ?? String(d.outcome) })
    : null;
const count = (v: unknown, key: "files" | "verifications", t: T) =>
  typeof v === "number" ? t(`verifications.eventDetails.${key}`, { count: v }) : null;

/** Every action in the catalogue, described: one added without its entry here fails the type check. */
export const EVENTS: { [A in AuditAction]: Describe<A> } = {
  "audit.chain_verified": {},
  "audit.checkpoint_requested": {},
  "auth.2fa_code_failed": {},
  "auth.2fa_disabled": {},
  "auth.2fa_enrolled": {},
  "auth.lockout": {},
  "auth.login": {},
  "auth.login_failed": {},
  "auth.logout": {},
  "auth.recovery_code_used": {},
  "call.start_failed": { detail: (d) => text(d.error) },
  "call.started": {
    detail: (d, t) => (d.photos === true ? t(`verifications.eventDetails.withPhotos`) : null),
  },
  "checklist.answered": {
    detail: (d, t) =>
      joined([
        text(d.itemKey)?.replaceAll("_", " "),
        text(d.choice) ?? result(d.result, t),
        typeof d.markSeconds === "number"
          ? t(`verifications.eventDetails.markedAt`, { clock: formatClock(d.markSeconds) })
          : d.markMediaId && t(`verifications.eventDetails.markedOnPhoto`),
      ]),
  },
  "decision.confirmed": { detail: reviewed },
  "decision.overruled": { detail: reviewed },
  "decision.recorded": {
    detail: (d, t) => {
      const said = outcome(d.outcome, t);
      return joined([
        said && t(`verifications.eventDetails.outcomeSaid`, { outcome: said }),
        text(d.reason),
        d.fourEyes === true && t(`verifications.eventDetails.waitsForSecond`),
        typeof d.rulebookVersion === "number" &&
          t(`verifications.eventDetails.rulebookShort`, { version: d.rulebookVersion }),
      ]);
    },
  },
  "export.audit_csv": {},
  "export.evidence_pack": {
    detail: (d, t) => (Array.isArray(d.files) ? count(d.files.length, "files", t) : null),
  },
  "export.subject_access": {
    detail: (d, t) =>
      typeof d.count !== "number"
        ? null
        : d.count === 0
          ? t(`verifications.eventDetails.nothingHeld`)
          : count(d.count, "verifications", t),
  },
  "export.verifications_csv": {},
  "link.issued": { detail: link },
  "link.opened": {},
  "link.send_failed": { detail: (d) => joined([link(d), text(d.reason)]) },
  "link.sent": { detail: link },
  "link.superseded": {},
  "note.added": {},
  "qa.disagreement_acknowledged": {},
  "qa.reviewed": {
    detail: (d, t) => {
      const verdict = d.verdict === "AGREE" || d.verdict === "DISAGREE" ? d.verdict : null;
      const said = outcome(d.outcome, t);
      return joined([
        verdict &&
          (said
            ? t(`verifications.eventDetails.qaVerdictOn.${verdict}`, { outcome: said })
            : t(`verifications.eventDetails.qaVerdict.${verdict}`)),
        text(d.reason),
        d.reopened === true && t(`verifications.eventDetails.reopened`),
      ]);
    },
  },
  "qualification.granted": { detail: qualification },
  "qualification.revoked": { detail: qualification },
  "recording.archive_failed": { detail: (d, t) => joined([kind(d.kind, t), text(d.reason)]) },
  "recording.archived": { detail: (d, t) => kind(d.kind, t) },
  "recording.downloaded": { detail: (d, t) => kind(d.kind, t) },
  "recording.viewed": { detail: (d, t) => kind(d.kind, t) },
  "recording.watched": {
    detail: (d, t) =>
      typeof d.share === "number"
        ? t(`verifications.eventDetails.played`, { percent: Math.round(d.share * 100) })
        : null,
  },
  "recordings.fetch_requested": {},
  "settings.reason_added": {},
  "settings.reason_retired": {},
  "outbound.endpoint_created": { detail: (d) => text(d.host) },
  "outbound.endpoint_disabled": { detail: (d) => text(d.host) },
  "outbound.delivery_resent": { detail: (d) => text(d.eventType) },
  "api_key.created": { detail: (d) => text(d.prefix) },
  "api_key.revoked": { detail: (d) => text(d.prefix) },
  "api.verification_read": {
    detail: (d, t) => (d.decisions === true ? t(`verifications.eventDetails.withDecisions`) : null),
  },
  "api.changes_listed": {},
  "api.refused": { detail: (d) => joined([text(d.reason), text(d.operation)]) },
  "retention.policy_saved": {},
  "retention.hold_placed": {
    detail: (d, t) =>
      joined([d.scope === "client" && t(`verifications.eventDetails.wholeClient`), until(d.endsAt, t)]),
  },
  "retention.hold_lifted": {},
  "retention.purge_started": {},
  "retention.purged": {
    detail: (d, t) =>
      joined([
        Array.isArray(d.files) && t(`verifications.eventDetails.purgedFiles`, { count: d.files.length }),
        t(`verifications.eventDetails.markidCopyDeleted`),
        typeof d.policyVersion === "number" &&
          t(`verifications.eventDetails.policyShort`, { version: d.policyVersion }),
      ]),
  },
  "rulebook.version_created": {
    detail: (d, t) =>
      typeof d.version === "number"
        ? t(`verifications.eventDetails.rulebookVersion`, { version: d.version })
        : null,
  },
  "settings.updated": {},
  "staff.2fa_reset": {},
  "staff.access_changed": {},
  "staff.availability_changed": {
    detail: (d, t) =>
      isEnumValue(Availability, d.status) ? t(`verifications.eventDetails.availability.${d.status}`) : null,
  },
  "staff.access_expired": {},
  "staff.approval_granted": {},
  "staff.approval_refused": {},
  "staff.approval_requested": {},
  "staff.approval_withdrawn": {},
  "staff.created": {},
  "staff.deactivated": {},
  "staff.deactivated_inactive": {
    detail: (d, t) =>
      typeof d.inactiveDays === "number"
        ? t(`verifications.eventDetails.inactiveDays`, { days: d.inactiveDays })
        : null,
  },
  "staff.invitation_accepted": {},
  "staff.invitation_reissued": {},
  "staff.invited": {},
  "staff.notification_mail_changed": {
    detail: (d, t) =>
      d.on === true
        ? t(`verifications.eventDetails.turnedOn`)
        : d.on === false
          ? t(`verifications.eventDetails.turnedOff`)
          : null,
  },
  "staff.reactivated": {},
  "staff.role_changed": {},
  "verification.assigned": {
    detail: (d, t) => {
      const cause = ASSIGNMENT_CAUSES.find((c) => c === d.cause);
      return cause
        ? t(`verifications.eventDetails.because`, { cause: t(`verifications.eventDetails.cause.${cause}`) })
        : null;
    },
  },
  "staff.time_zone_changed": {
    detail: (d, t) =>
      d.timeZone === null ? t(`verifications.eventDetails.browserTimeZone`) : text(d.timeZone),
  },
  "staff.language_changed": {
    detail: (d, t) =>
      d.language === null
        ? t(`verifications.eventDetails.browserLanguage`)
        : isLanguage(d.language)
          ? LANGUAGE_NAMES[d.language]
          : null,
  },
  "staff.role_synced": {},
  "verification.claimed": {
    detail: (d, t) => (d.claimed === false ? t(`verifications.eventDetails.claimedFirst`) : null),
  },
  "verification.created": {},
  "verification.token_renewed": {},
  "webhook.identification_result": {
    detail: (d, t) => {
      const status = text(d.markidStatus) ?? t(`verifications.eventDetails.unknown`);
      const ignored = text(d.ignored);
      const said = t(
        d.final === true
          ? `verifications.eventDetails.markidStatusFinal`
          : `verifications.eventDetails.markidStatus`,
        { status },
      );
      return ignored ? `${said} · ${t(`verifications.eventDetails.ignored`, { reason: ignored })}` : said;
    },
  },
  "webhook.unmatched": {},
  "webhook.video_call_finished": {
    detail: (d, t) =>
      d.success === true
        ? t(`verifications.eventDetails.callSucceeded`)
        : d.success === false
          ? t(`verifications.eventDetails.callFailed`)
          : null,
  },
};

/** The label of an action, in the reader's words; an older one no longer in the catalogue shows as its name. */
export function labelOf(action: string, t: T = reader()): string {
  return isAuditAction(action) ? t(`verifications.events.${action}`) : action;
}

/** A short detail line for an event, or null when its label says it all. */
export function describeDetails(action: string, d: Record<string, unknown>, t: T = reader()): string | null {
  if (!isAuditAction(action)) return null;
  const describe = EVENTS[action].detail as ((d: Record<string, unknown>, t: T) => string | null) | undefined;
  return describe?.(d, t) ?? null;
}
