// The statements one GET /verifications/<id> issues as the lead, captured from PostgreSQL's log
// (log_statement = all on the bench database, one request of the bench case, 2026-12-06): the session's staff
// row and presence (lib/auth/dal.ts), the layout's notifications and availability, the record access check,
// then the page's own reads, Prisma's relation includes as the separate statements Prisma sends (its `IN
// (NULL)` lookups for empty relations included) and the current rulebook, read once per request since
// 2026-12-06 (it was read twice, each in a transaction). The waves follow the page's awaits: each wave's
// statements run at once, as the page's Promise.all do. 49 statements; the SQL is Prisma's, "public". dropped.
import type { CaseAnswer } from "./case-page";

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

export function caseWaves(ids: CaseIds): Statement[][] {
  const { user, verification: v } = ids;
  const now = new Date();
  const years = (n: number) => [n, 0, 0];
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
      q(
        `UPDATE "staff_presence" SET "seenAt" = $1 WHERE ("staff_presence"."staffUserId" = $2 AND "staff_presence"."status" <> CAST($3::text AS "Availability") AND "staff_presence"."seenAt" < $4)`,
        [now, user, "OFFLINE", new Date(now.getTime() - 60_000)],
      ),
    ],
    [
      q(
        `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "notifications"."id" FROM "notifications" WHERE ("notifications"."userId" = $1 AND "notifications"."readAt" IS NULL) OFFSET $2) AS "sub"`,
        [user, 0],
      ),
      q(
        select(
          "notifications",
          "id",
          `WHERE "notifications"."userId" = $1 ORDER BY "notifications"."createdAt" DESC LIMIT $2 OFFSET $3`,
        ),
        [user, 1, 0],
      ),
      q(
        `SELECT MAX("readAt") AS "_max$readAt" FROM (SELECT "notifications"."readAt" FROM "notifications" WHERE "notifications"."userId" = $1 OFFSET $2) AS "sub"`,
        [user, 0],
      ),
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
        select(
          "audit_events",
          "id occurredAt actorId actorEmail action targetType targetId requestId ip userAgent details prevHash hash",
          `${AUDIT_OF_CASE} ASC LIMIT $3 OFFSET $4`,
        ),
        ["verification", v, 1000, 0],
        count("timeline"),
      ),
      q(select("audit_events", "id", `${AUDIT_OF_CASE} DESC LIMIT $3 OFFSET $4`), ["verification", v, 1, 0]),
      q(byId("verifications", "id clientId status:"), [v, 1, 0]),
      q(byId("verifications", "id updatedAt"), [v, 1, 0]),
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
      q(
        ofCase(
          "qa_samples",
          "id decisionId verificationId reason: sampledAt assigneeId reviewerId reviewedAt verdict: disagreeReason comment reopened acknowledgedAt",
          `ORDER BY "qa_samples"."sampledAt" DESC `,
        ),
        [v, 0],
      ),
      q(
        ofCase(
          "verification_purges",
          "verificationId policyVersion retentionClass dueAt startedAt files filesDeletedAt markidDeletedAt markidAttempts markidError markidWaiting markidRetryAt completedAt receipt",
        ),
        [v, 0],
      ),
      RULEBOOK,
    ],
    [
      q(names(1), [user, 0]),
      q(names(1), [ids.officer, 0]),
      q(
        ofCaseIn(
          "video_calls",
          "id verificationId startedById photos callUrl outcome: errorMessage finishedAt createdAt",
          "DESC",
        ),
        [v, 0],
      ),
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
      q(ofCaseIn("verification_notes", "id verificationId authorId body createdAt", "DESC"), [v, 0]),
      q(names(3), [user, ids.officer, ids.reviewer, 0]),
      q(byId("verifications", "id clientId firstName lastName purgedAt"), [v, 1, 0]),
      ...[0, 0, 0, 0].map(() => q(names(0), [0])),
      q(select("verifications", "id status:", `WHERE "verifications"."id" IN (NULL) OFFSET $1`), [0]),
      q(names(2), [ids.officer, ids.officer, 0]),
      q(names(2), [ids.officer, ids.officer, 0]),
      q(names(1), [ids.officer, 0]),
      q(names(2), [ids.reviewer, ids.reviewer, 0]),
      q(select("rulebook_versions", "id version", `WHERE "rulebook_versions"."id" IN ($1,$2) OFFSET $3`), [
        null,
        null,
        0,
      ]),
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
          "retention_policy_versions",
          "id version content createdById createdAt",
          `WHERE 1=1 ORDER BY "retention_policy_versions"."version" DESC LIMIT $1 OFFSET $2`,
        ),
        [1, 0],
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
      q(select("staff_users", "id name", "WHERE 1=0 OFFSET $1"), [0]),
      q(
        select(
          "media_assets",
          "id durationSeconds",
          `WHERE ("media_assets"."verificationId" = $1 AND "media_assets"."kind" = CAST($2::text AS "MediaKind")) OFFSET $3`,
        ),
        [v, "VIDEO", 0],
      ),
    ],
    [
      q(
        select(
          "media_playbacks",
          "staffUserId mediaAssetId ranges",
          `WHERE ("media_playbacks"."staffUserId" = $1 AND "media_playbacks"."mediaAssetId" IN ($2)) OFFSET $3`,
        ),
        [user, ids.video, 0],
      ),
      q(byId("verifications", "id status: tokenType: createdAt updatedAt decidedAt"), [v, 1, 0]),
      q(ofCase("decisions", "id state: createdAt reviewedAt verificationId"), [v, 0]),
      q(ofCase("media_assets", "id kind: createdAt verificationId"), [v, 0]),
      q(
        select(
          "qa_samples",
          "id reviewedAt verificationId",
          `WHERE ("qa_samples"."reopened" = $1 AND "qa_samples"."verificationId" = $2) OFFSET $3`,
        ),
        [true, v, 0],
      ),
      q(ofCase("video_calls", "id finishedAt verificationId"), [v, 0]),
      q(ofCase("link_deliveries", "id createdAt firstOpenedAt verificationId"), [v, 0]),
      q(select("settings", "key value updatedAt updatedById", "WHERE 1=1 OFFSET $1"), [0]),
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
