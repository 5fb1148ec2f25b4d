import type { ApiScope } from "@/lib/api/scopes";
import type { Permission } from "@/lib/auth/permissions";

/**
 * Who may reach each page, route handler, server action and Node fast path. tests/authorization checks this
 * map against the code: every entry point must be listed, and each one's first statement must ask for what is
 * listed. "public" entries carry the reason they need no session.
 *
 * `record` says what the id an entry point takes names. A case record (a verification, or one of its
 * recordings or client links) is checked against the per-record rule (lib/auth/record-access.ts) right after
 * the permission, and one the user may not see answers 404. `unscoped` ids name records that every holder of
 * the permission handles alike; the reason says why. An entry point that takes an id must say which.
 */
export type RecordKind = "verification" | "media" | "link";
export type Access =
  | { permission: Permission; record?: RecordKind | { unscoped: string } }
  | { session: true }
  | { public: string }
  /**
   * The bank's API (/api/v1): an API key with this scope (lib/api/authorize.ts), never a session. A key is a
   * system's, not a person's: its scope covers every verification, so the per-record rule does not apply.
   */
  | { apiKey: ApiScope };

const STAFF_ACCOUNT = { unscoped: "a staff account: staff:manage covers every account" };
const STAFF_REQUEST = { unscoped: "a pending invitation or role change: staff:manage covers every one" };

export const PAGES: Record<string, Access> = {
  // Any signed-in role: the page sends roles without verification:read on to their own start page.
  "/": { session: true },
  "/login": { public: "the sign-in form itself" },
  "/invite/[token]": { public: "a one-time set-password link; the token is the credential" },
  "/account/two-factor": { permission: "account:security" },
  "/account/notifications": { permission: "notification:read" },
  "/verifications/new": { permission: "verification:create" },
  // The signed-in decider's own assigned cases (lib/desk/queries.ts), nobody else's.
  "/my-work": { permission: "decision:make" },
  "/verifications/[id]": { permission: "verification:read", record: "verification" },
  "/admin/staff": { permission: "staff:manage" },
  "/admin/settings": { permission: "settings:manage" },
  "/admin/rulebook": { permission: "settings:manage" },
  "/queue": { permission: "link:send" },
  "/metrics": { permission: "metrics:read" },
  "/qa": { permission: "qa:review" },
  "/retention": { permission: "retention:manage" },
  "/retention/holds": { permission: "retention:manage" },
  "/admin/retention": { permission: "settings:manage" },
  "/admin/webhooks": { permission: "settings:manage" },
  "/admin/api-keys": { permission: "settings:manage" },
  "/admin/audit": { permission: "audit:read" },
  // Also needs recording:view, as the export it leads to does.
  "/exports/subject-access": { permission: "export:run" },
  // Any signed-in role, and only in development with the local SMTP catcher: otherwise a 404.
  "/dev/mailbox": { session: true },
};

export const ROUTES: Record<string, Access> = {
  "/api/auth/[...nextauth]": { public: "next-auth's own sign-in, CSRF and session endpoints" },
  "/l/[slug]": {
    public: "a client's link: the 128-bit slug is the credential; it only redirects or shows a page",
  },
  "/api/verifications/[id]/version": { permission: "verification:read", record: "verification" },
  "/api/verifications/[id]/deletion-receipt": { permission: "verification:read", record: "verification" },
  // Exports also check audit:read (audit log) or recording:view (evidence pack, subject access) after this first check.
  "/api/exports/verifications": { permission: "export:run" },
  "/api/exports/audit": { permission: "export:run" },
  "/api/exports/evidence/[id]": { permission: "export:run", record: "verification" },
  // Takes a client ID, not a record id: it covers only the verifications the per-record rule lets the user see.
  "/api/exports/subject-access": { permission: "export:run" },
  "/api/audit/verify": { permission: "audit:check" },
  // The signed-in person's own notifications: the queries take their id from the session, never a request.
  "/api/notifications": { permission: "notification:read" },
  "/api/notifications/version": { permission: "notification:read" },
  "/api/v1/verifications": { apiKey: "verification:create" },
  "/api/v1/verifications/[id]": { apiKey: "verification:read" },
  "/api/v1/verifications/[id]/links": { apiKey: "verification:create" },
  "/api/v1/changes": { apiKey: "verification:read" },
  "/api/v1/openapi.json": {
    public:
      "the API's description: its shape only, no data; tools and engineers read it before holding a key",
  },
};

export const ACTIONS: Record<string, Access> = {
  "lib/audit/checkpoint-actions.ts#writeCheckpointAction": { permission: "audit:check" },
  "lib/verifications/actions.ts#createVerification": { permission: "verification:create" },
  "lib/calls/actions.ts#startVideoCall": { permission: "call:run", record: "verification" },
  "lib/links/actions.ts#sendLinkAction": { permission: "link:send", record: "verification" },
  "lib/links/actions.ts#resendQueuedLink": { permission: "link:send", record: "link" },
  "lib/recordings/actions.ts#fetchRecordings": { permission: "call:run", record: "verification" },
  // The second bound id is a recording, checked to be a video of that verification inside the transaction.
  // decision:make: the share watched only ever counts towards a decision; readers (auditors) are not tracked.
  "lib/recordings/playback-actions.ts#reportPlayback": {
    permission: "decision:make",
    record: "verification",
  },
  "lib/decisions/decide-actions.ts#recordDecision": { permission: "decision:make", record: "verification" },
  "lib/decisions/second-review-actions.ts#secondReview": {
    permission: "decision:second-review",
    record: "verification",
  },
  "lib/decisions/claim-actions.ts#claimVerification": { permission: "decision:make", record: "verification" },
  "lib/desk/actions.ts#setMyAvailability": { permission: "decision:make" },
  // Takes the new assignee's id and any number of case ids from the form; each case is checked with
  // verificationAccess before anything moves, and the assignee must be an active, qualified decider.
  "lib/desk/actions.ts#reassignCases": {
    permission: "verification:reassign",
    record: { unscoped: "leads hold verification:read-all; each case id is still checked one by one" },
  },
  "lib/settings/desk-actions.ts#updateDeskSettings": { permission: "settings:manage" },
  "lib/settings/client-language-actions.ts#updateDefaultClientLanguage": { permission: "settings:manage" },
  "lib/decisions/note-actions.ts#addNote": { permission: "decision:make", record: "verification" },
  "lib/checklist/actions.ts#answerChecklistItem": { permission: "decision:make", record: "verification" },
  "lib/qa/actions.ts#recordQaReview": { permission: "qa:review", record: "verification" },
  "lib/qa/actions.ts#acknowledgeQaDisagreement": {
    permission: "qa:review",
    record: { unscoped: "a QA disagreement notice: every QA reviewer sees every one" },
  },
  "lib/settings/qa-actions.ts#updateQaSettings": { permission: "settings:manage" },
  "lib/retention/policy-actions.ts#saveRetentionPolicy": { permission: "settings:manage" },
  "lib/outbound-webhooks/actions.ts#createWebhookEndpoint": { permission: "settings:manage" },
  "lib/outbound-webhooks/actions.ts#disableWebhookEndpoint": {
    permission: "settings:manage",
    record: { unscoped: "a webhook endpoint: settings:manage covers every one" },
  },
  "lib/api/key-actions.ts#createApiKey": { permission: "settings:manage" },
  "lib/api/key-actions.ts#revokeApiKey": {
    permission: "settings:manage",
    record: { unscoped: "an API key: settings:manage covers every one" },
  },
  "lib/outbound-webhooks/actions.ts#resendWebhookDelivery": {
    permission: "settings:manage",
    record: { unscoped: "a webhook delivery: settings:manage covers every one" },
  },
  "lib/retention/hold-actions.ts#placeCaseHold": {
    permission: "retention:manage",
    record: {
      unscoped: "a verification due for purge: holds are placed from the preview, which lists every one",
    },
  },
  "lib/retention/hold-actions.ts#placeClientHold": { permission: "retention:manage" },
  "lib/retention/hold-actions.ts#liftLegalHold": {
    permission: "retention:manage",
    record: { unscoped: "a legal hold: every lead and admin sees and lifts every one" },
  },
  "lib/settings/inactivity-actions.ts#updateInactivityDays": { permission: "settings:manage" },
  "lib/settings/actions.ts#updateFourEyes": { permission: "settings:manage" },
  "lib/settings/actions.ts#updateTwoFactorPolicy": { permission: "settings:manage" },
  "lib/settings/actions.ts#addReason": { permission: "settings:manage" },
  "lib/settings/actions.ts#retireReason": { permission: "settings:manage" },
  "lib/rulebook/actions.ts#publishRulebook": { permission: "settings:manage" },
  "lib/staff/actions.ts#inviteStaff": { permission: "staff:manage" },
  "lib/staff/actions.ts#reissueStaffInvitation": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/staff/actions.ts#changeStaffRole": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/staff/actions.ts#deactivateStaff": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/staff/actions.ts#reactivateStaff": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/staff/actions.ts#resetStaffTwoFactor": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/staff/auditor-actions.ts#changeAuditorExpiry": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/staff/actions.ts#approveStaffRequest": { permission: "staff:manage", record: STAFF_REQUEST },
  "lib/staff/actions.ts#refuseStaffRequest": { permission: "staff:manage", record: STAFF_REQUEST },
  "lib/qualifications/actions.ts#grantQualification": { permission: "staff:manage", record: STAFF_ACCOUNT },
  "lib/qualifications/actions.ts#revokeQualification": {
    permission: "staff:manage",
    record: { unscoped: "an entry of the training register: staff:manage covers every one" },
  },
  "lib/notifications/actions.ts#markNotificationRead": {
    permission: "notification:read",
    record: { unscoped: "a notification: found only among the signed-in person's own, else not found" },
  },
  "lib/notifications/actions.ts#markAllNotificationsRead": { permission: "notification:read" },
  "lib/notifications/actions.ts#updateNotificationMail": { permission: "notification:read" },
  "lib/auth/two-factor-actions.ts#confirmTwoFactor": { permission: "account:security" },
  "lib/auth/two-factor-actions.ts#disableTwoFactor": { permission: "account:security" },
  "lib/account/time-zone-actions.ts#setTimeZone": { permission: "account:security" },
  "lib/account/language-actions.ts#setLanguage": { permission: "account:security" },
  "lib/staff/invitation-actions.ts#acceptInvitationAction": {
    public: "sets a password from a one-time invitation token, which is the credential",
  },
};

// The app server's own Node paths (lib/server/app-server.ts), answered before Next routes anything, in every mode.
export const FAST_PATHS: Record<string, Access> = {
  "lib/webhooks/node-intake.ts#receiveMarkIdWebhook": {
    public: "MarkID's webhook; authenticated by its HMAC signature",
  },
  "lib/media/node-serve.ts#serveMediaNode": { permission: "recording:view", record: "media" },
  "lib/server/health.ts#answerHealth": {
    public: "a load balancer's liveness probe: says only that the process answers",
  },
  "lib/server/health.ts#answerReadiness": {
    public: "a load balancer's readiness probe: says only whether the database and storage answer",
  },
};
