// Every background queue, what its jobs carry and how pg-boss treats them. A queue's policy is fixed when it
// is first created in a database, so changing one here needs a new queue name.
import type { Queue } from "pg-boss";

export const QUEUES = {
  /** Copies a verification's call recordings from MarkID into our storage. */
  recordingsFetch: "recordings.fetch",
  /** Every few minutes: finds calls whose recordings never arrived (no webhook) and queues a fetch. */
  recordingsReconcile: "recordings.reconcile",
  /** Delivers (or retries) the email of one link; the job id is the LinkDelivery id. */
  linkEmail: "links.email",
  /** Every quarter hour and at start: signs the audit chain's head (lib/audit/checkpoint.ts). */
  auditCheckpoint: "audit.checkpoint",
  /** Daily and at start: deactivates auditor accounts whose access has expired (lib/auth/access-expiry.ts). */
  staffAccessExpiry: "staff.access_expiry",
  /** Daily and at start: purges what the retention policy says is due (lib/retention/purge-job.ts). */
  retentionPurge: "retention.purge",
  /** Tells one lead that a QA reviewer disagreed with an approval (lib/qa/disagreement-mail.ts). */
  qaDisagreementMail: "qa.disagreement_mail",
  /** Daily and at start: deactivates accounts nobody signed in to for the set days (lib/staff/inactivity.ts). */
  staffInactivity: "staff.inactivity",
  /** Delivers one event to one bank endpoint (lib/outbound-webhooks/deliver.ts); retried for 24 hours. */
  outboundDeliver: "outbound.deliver",
  /** Emails one in-app notification to a person who asked for email (lib/notifications/mail.ts). */
  notificationMail: "notifications.mail",
  /** Every two minutes: ended sessions go offline; with automatic assignment on, cases are handed out. */
  deskAssignment: "desk.assignment",
  /** Every five minutes: records each case's first breach of a stage target (lib/desk/breaches.ts). */
  deskBreaches: "desk.breaches",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type JobData = {
  "recordings.fetch": { verificationId: string };
  "recordings.reconcile": Record<string, never>;
  "links.email": { linkId: string };
  "audit.checkpoint": Record<string, never>;
  "staff.access_expiry": Record<string, never>;
  "retention.purge": Record<string, never>;
  "qa.disagreement_mail": { sampleId: string; leadId: string };
  "staff.inactivity": Record<string, never>;
  "outbound.deliver": { deliveryId: string };
  "notifications.mail": { notificationId: string };
  "desk.assignment": Record<string, never>;
  "desk.breaches": Record<string, never>;
};

// An email job: 1, 2, 4 … minutes apart, at most an hour: a mail server down for an afternoon still gets the
// mail out.
const MAIL_RETRIES = {
  expireInSeconds: 2 * 60,
  retryLimit: 10,
  retryDelay: 60,
  retryBackoff: true,
  retryDelayMax: 60 * 60,
} as const;

export const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, "name">> = {
  "recordings.fetch": {
    // One waiting job per verification (singletonKey); a new call may still queue one while another runs.
    policy: "stately",
    expireInSeconds: 15 * 60,
    retryLimit: 8,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
  },
  "recordings.reconcile": { policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 1 },
  "links.email": { policy: "standard", ...MAIL_RETRIES },
  // The first checkpoint of a large log walks all of it; later ones only what was appended since.
  "audit.checkpoint": { policy: "singleton", expireInSeconds: 30 * 60, retryLimit: 1 },
  "staff.access_expiry": { policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 3 },
  // Singleton: two purges at once would only wait on each other's row locks. Resumable, so an expiry is safe.
  "retention.purge": { policy: "singleton", expireInSeconds: 60 * 60, retryLimit: 2 },
  // One job per lead, so a refusal retries that lead's email alone and nobody gets it twice. The in-app
  // notice on /qa stays until a lead marks it seen, so the email only needs to arrive within the day.
  "qa.disagreement_mail": { policy: "standard", ...MAIL_RETRIES },
  "staff.inactivity": { policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 3 },
  // 30 s, 1, 2, 4 … minutes, then hourly: about 24 hours over 30 retries. The delivery itself gives up once its
  // 24-hour window has passed, whatever pg-boss still has left.
  "outbound.deliver": {
    policy: "standard",
    expireInSeconds: 60,
    retryLimit: 30,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 60 * 60,
  },
  // One job per notification: the bell already shows it, so the email only needs to arrive within the day.
  "notifications.mail": { policy: "standard", ...MAIL_RETRIES },
  // Singleton: a second sweep at once would only queue behind the first's assignment lock.
  "desk.assignment": { policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 1 },
  "desk.breaches": { policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 1 },
};
