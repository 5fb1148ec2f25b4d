// The statements one GET /verifications/<id> issues as the lead, captured from PostgreSQL's log
// (log_statement = all on the bench database, one request of the bench case, 2026-12-06 16:00): the session's
// staff row (lib/auth/dal.ts; its presence update runs at most once a minute, so not per request), the layout's
// notifications and availability, the record access check, then the page's own reads: Prisma's relation
// includes as the separate statements Prisma sends (its `IN (NULL)` lookups for empty relations included), the
// staff names in one lookup per reader (lib/staff/names.ts), the current rulebook, the retention due date and
// the case's stage clock from the list's SQL (lib/desk/stage-sql.ts, imported). The waves follow the page's
// awaits, as the log's timestamps show them: each wave's statements run at once, as the page's Promise.all do.
// 31 statements (49 before the afternoon's changes); the SQL is Prisma's, "public". dropped.
import { stageRowSql } from "../../lib/desk/stage-sql";
import { Prisma } from "../../lib/generated/prisma/client";
import type { CaseAnswer } from "./case-page";
import { CLOCK } from "./list-sql";

type Row = Record<string, unknown>;
type Read = (rows: Row[], answer: Partial<CaseAnswer>) => void;
export type Statement = { text: string; values: unknown[]; read?: Read };
export type CaseIds = {
  user: string;
  verification: string;
  clientId: string;
  officer: string;
  reviewer: string;
  video: string;
};

/** Prisma's SELECT of `columns` (enums cast to text, as Prisma casts them) from `table`, then `rest`. */
const select = (table: string, columns: string, rest: string) =>
  `SELECT ${columns
    .split(" ")
    .map((c) => (c.endsWith(":") ? `"${table}"."${c.slice(0, -1)}"::text` : `"${table}"."${c}"`))
    .join(", ")} FROM "${table}" ${rest}`;

const q = (text: string, values: unknown[], read?: Read): Statement => ({ text, values, read });
const names = (n: number) =>
  select(
    "staff_users",
    "id name",
    `WHERE "staff_users"."id" IN (${n ? Array.from({ length: n }, (_, i) => `$${i + 1}`).join(",") : "NULL"}) OFFSET $${n + 1}`,
  );
const byId = (table: string, columns: string) =>
  select(table, columns, `WHERE ("${table}"."id" = $1 AND 1=1) LIMIT $2 OFFSET $3`);
const ofCase = (table: string, columns: string, order = "") =>
  select(table, columns, `WHERE "${table}"."verificationId" = $1 ${order}OFFSET $2`);
const ofCaseIn = (table: string, columns: string, order: string) =>
  select(
    table,
    columns,
    `WHERE "${table}"."verificationId" IN ($1) ORDER BY "${table}"."createdAt" ${order} OFFSET $2`,
  );
const RULEBOOK = {
  text: select(
    "rulebook_versions",
    "id version content note createdById createdAt",
    `WHERE 1=1 ORDER BY "rulebook_versions"."version" DESC LIMIT $1 OFFSET $2`,
  ),
  values: [1, 0],
};
const AUDIT_OF_CASE = `WHERE ("audit_events"."targetType" = $1 AND "audit_events"."targetId" = $2) ORDER BY "audit_events"."id"`;
const RETENTION_DUE = `SELECT * FROM ( SELECT v.id, v.status::text AS status, COALESCE(v."decidedAt", v."updatedAt") AS "keptFrom",
  COALESCE(v."decidedAt", v."updatedAt") + CASE
  WHEN v.status::text IN ($1) THEN make_interval(years => $2::int, months => $3::int, days => $4::int)
  WHEN v.status::text IN ($5,$6) THEN make_interval(years => $7::int, months => $8::int, days => $9::int)
  WHEN v.status::text IN ($10) THEN make_interval(years => $11::int, months => $12::int, days => $13::int)
  WHEN v.status::text IN ($14) THEN make_interval(years => $15::int, months => $16::int, days => $17::int)
  WHEN v.status::text IN ($18,$19) THEN make_interval(years => $20::int, months => $21::int, days => $22::int)
  WHEN v.status::text IN ($23,$24,$25,$26,$27) THEN make_interval(years => $28::int, months => $29::int, days => $30::int)
  END AS "dueAt", EXISTS (SELECT 1 FROM legal_holds h WHERE h."liftedAt" IS NULL AND (h."endsAt" IS NULL OR h."endsAt" > $31::timestamp)
  AND (h."verificationId" = v.id OR h."clientId" = v."clientId")) AS held
  FROM verifications v LEFT JOIN verification_purges p ON p."verificationId" = v.id
  WHERE p."verificationId" IS NULL AND v.id = $32::uuid ) d WHERE d."dueAt" <= $33::timestamp ORDER BY d."dueAt", d.id LIMIT $34`;

const count =
  (key: "media" | "decisions" | "timeline"): Read =>
  (rows, a) =>
    void (a[key] = rows.length);

const NOTIFICATIONS = `SELECT (SELECT count(*)::int FROM notifications WHERE "userId" = $1::uuid AND "readAt" IS NULL) AS unread,
  (SELECT id::text FROM notifications WHERE "userId" = $2::uuid ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS latest,
  (SELECT max("readAt") FROM notifications WHERE "userId" = $3::uuid) AS "lastRead"`;

/** The case's stage clock as lib/desk/queries.ts's caseStage reads it, with the default targets. */
function stage(verification: string): Statement {
  const sql = Prisma.sql`SELECT st.stage, st.since, st."dueAt", st.clock
    FROM verifications v CROSS JOIN LATERAL (${stageRowSql(CLOCK, new Date())}) st
    WHERE v.id = ${verification}::uuid`;
  return q(sql.text, sql.values);
}

export function caseWaves(ids: CaseIds): Statement[][] {
  const { user, verification: v } = ids;
  const now = new Date();
  const years = (n: number) => [n, 0, 0];
  const staff = [user, ids.officer, ids.reviewer];
  return [
    [
      q(
        byId(
          "staff_users",
          "id email name role: active sessionVersion totpEnabledAt accessExpiresAt scopeFrom scopeTo timeZone language:",
        ),
        [user, 1, 0],
      ),
    ],
    [
      q(NOTIFICATIONS, [user, user, user]),
      q(
        select(
          "staff_presence",
          "staffUserId status:",
          `WHERE ("staff_presence"."staffUserId" = $1 AND 1=1) LIMIT $2 OFFSET $3`,
        ),
        [user, 1, 0],
      ),
      q(select("verifications", "id", `WHERE "verifications"."id" = $1 LIMIT $2 OFFSET $3`), [v, 1, 0]),
    ],
    [
      q(
        select(
          "verifications",
          "id scanRef clientId authTokenSealed tokenType: firstName lastName email phone externalRef clientLanguage: status: markidStatus markidFinalAt tokenExpiresAt createdById assigneeId createdAt updatedAt decidedAt documentNumber purgedAt",
          `WHERE "verifications"."id" = $1 LIMIT $2 OFFSET $3`,
        ),
        [v, 1, 0],
        (rows, a) => void (a.scanRef = String(rows[0]?.scanRef)),
      ),
      q(
        ofCase(
          "qa_samples",
          "id decisionId verificationId reason: sampledAt assigneeId reviewerId reviewedAt verdict: disagreeReason comment reopened acknowledgedAt",
          `ORDER BY "qa_samples"."sampledAt" DESC `,
        ),
        [v, 0],
      ),
      RULEBOOK,
      q(
        select(
          "audit_events",
          "id occurredAt actorId actorEmail action targetType targetId requestId ip userAgent details prevHash hash",
          `${AUDIT_OF_CASE} ASC LIMIT $3 OFFSET $4`,
        ),
        ["verification", v, 1000, 0],
        count("timeline"),
      ),
      q(
        select(
          "link_deliveries",
          "id slug verificationId kind: channel: targetUrlSealed recipient sentById status: failureReason attempts firstOpenedAt expiresAt supersededById createdAt live supersededAt sentAt lastAttemptAt openCount lastOpenedAt",
          `WHERE "link_deliveries"."verificationId" = $1 ORDER BY "link_deliveries"."createdAt" DESC LIMIT $2 OFFSET $3`,
        ),
        [v, 30, 0],
      ),
      q(
        ofCase(
          "checklist_answers",
          "verificationId itemKey rulebookVersionId result: choice note markMediaId markSeconds answeredById updatedAt",
        ),
        [v, 0],
      ),
      q(byId("verifications", "id clientId status:"), [v, 1, 0]),
    ],
    [
      q(
        ofCaseIn(
          "video_calls",
          "id verificationId startedById photos callUrl outcome: errorMessage finishedAt createdAt",
          "DESC",
        ),
        [v, 0],
      ),
      q(ofCaseIn("verification_notes", "id verificationId authorId body createdAt", "DESC"), [v, 0]),
      q(
        ofCaseIn(
          "media_assets",
          "id verificationId kind: sourceKey storageKey contentType sizeBytes sha256 durationMs createdAt durationSeconds",
          "ASC",
        ),
        [v, 0],
        count("media"),
      ),
      q(
        ofCaseIn(
          "decisions",
          "id verificationId decidedById outcome: reason comment state: reviewedById reviewedAt reviewComment createdAt rulebookVersionId checklistSnapshot qualificationSnapshot reviewVerdicts watchedShare riskSignals",
          "DESC",
        ),
        [v, 0],
        count("decisions"),
      ),
      q(byId("verifications", "id clientId firstName lastName purgedAt"), [v, 1, 0]),
      q(names(3), [...staff, 0]),
      q(names(0), [0]),
      q(select("verifications", "id status:", `WHERE "verifications"."id" IN (NULL) OFFSET $1`), [0]),
      q(names(0), [0]),
      q(
        ofCase(
          "verification_purges",
          "verificationId policyVersion retentionClass dueAt startedAt files filesDeletedAt markidDeletedAt markidAttempts markidError markidWaiting markidRetryAt completedAt receipt",
        ),
        [v, 0],
      ),
    ],
    [
      q(select("rulebook_versions", "id version", `WHERE "rulebook_versions"."id" IN ($1,$2) OFFSET $3`), [
        null,
        null,
        0,
      ]),
      q(
        select(
          "retention_policy_versions",
          "id version content createdById createdAt",
          `WHERE 1=1 ORDER BY "retention_policy_versions"."version" DESC LIMIT $1 OFFSET $2`,
        ),
        [1, 0],
      ),
      q(names(3), [...staff, 0]),
      q(
        select(
          "media_assets",
          "id durationSeconds",
          `WHERE ("media_assets"."verificationId" = $1 AND "media_assets"."kind" = CAST($2::text AS "MediaKind")) OFFSET $3`,
        ),
        [v, "VIDEO", 0],
      ),
      q(
        select(
          "legal_holds",
          "id verificationId clientId reason endsAt placedById placedAt liftedById liftedAt",
          `WHERE ("legal_holds"."liftedAt" IS NULL AND ("legal_holds"."endsAt" IS NULL OR "legal_holds"."endsAt" > $1) AND ("legal_holds"."verificationId" = $2 OR "legal_holds"."clientId" = $3)) ORDER BY "legal_holds"."placedAt" ASC OFFSET $4`,
        ),
        [now, v, ids.clientId, 0],
      ),
      q(
        select(
          "media_playbacks",
          "staffUserId mediaAssetId ranges",
          `WHERE ("media_playbacks"."staffUserId" = $1 AND "media_playbacks"."mediaAssetId" IN ($2)) OFFSET $3`,
        ),
        [user, ids.video, 0],
      ),
    ],
    [
      q(RETENTION_DUE, [
        "APPROVED",
        ...years(5),
        "DENIED",
        "SUSPECTED",
        ...years(1),
        "RESUBMISSION_REQUESTED",
        ...years(1),
        "ABORTED",
        ...years(1),
        "EXPIRED",
        "DELETED",
        ...years(1),
        "DRAFT",
        "ACTIVE",
        "CALL_IN_PROGRESS",
        "CALL_FINISHED",
        "REVIEWING",
        ...years(1),
        now,
        v,
        "9999-12-31 00:00:00",
        1,
      ]),
      q(select("settings", "key value updatedAt updatedById", "WHERE 1=1 OFFSET $1"), [0]),
    ],
    [
      stage(v),
      q(
        select(
          "qualifications",
          "id staffUserId name validUntil evidence grantedById grantedAt revokedAt revokedById revokeNote",
          `WHERE ("qualifications"."staffUserId" = $1 AND "qualifications"."revokedAt" IS NULL) OFFSET $2`,
        ),
        [user, 0],
      ),
    ],
  ];
}
