import pg from "pg";

// A production-sized dataset made inside PostgreSQL, one INSERT … SELECT per table, so it takes seconds:
// used by the query-plan test (verifications only) and by bench/ (everything).

const FIRST = `ARRAY['Anna','Ben','Chloé','Dmitri','Eva','Farid','Greta','Hugo','Ines','Jonas','Karin','Liam',
  'Maja','Noah','Olga','Pavel','Rosa','Sven','Tara','Uwe']`;
const LAST = `ARRAY['Andersson','Berg','Costa','Dubois','Eriksen','Fischer','García','Horvat','Ivanova','Jensen',
  'Kowalski','Larsen','Müller','Nowak','Olsen','Petrov','Quinn','Rossi','Schmidt','Tamm']`;

/** Staff to spread the work over; returns nothing, the dataset reads them back by email order. */
async function staff(client: pg.Client, count: number) {
  await client.query(
    `INSERT INTO staff_users (id, email, name, role, "updatedAt")
     SELECT gen_random_uuid(), 'bench-' || i || '@test', 'Officer ' || i,
       (CASE WHEN i % 5 = 0 THEN 'LEAD' ELSE 'OFFICER' END)::"Role", now()
     FROM generate_series(1, $1) i`,
    [count],
  );
}

/**
 * `count` verifications, one every 30 seconds back from now: the newest 5% still open, the rest closed,
 * mostly approved; a tenth unassigned; scanRefs are random-looking hex, client IDs repeat.
 */
export async function insertVerifications(client: pg.Client, count: number): Promise<void> {
  await staff(client, 20);
  await client.query(
    `WITH s AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_users WHERE email LIKE 'bench-%')
     INSERT INTO verifications (id, "scanRef", "clientId", "tokenType", "firstName", "lastName", status,
       "createdById", "assigneeId", "createdAt", "updatedAt", "decidedAt")
     SELECT g.id, md5(i::text), 'client-' || (i % ($1 / 3 + 1)), 'VIDEO_CALL', (${FIRST})[1 + i % 20],
       (${LAST})[1 + (i / 20) % 20], g.status::"VerificationStatus", s.ids[1 + i % 20],
       CASE WHEN i % 10 = 0 THEN NULL ELSE s.ids[1 + (i * 7) % 20] END,
       g.created, g.created + interval '2 hours',
       CASE WHEN g.status IN ('APPROVED','DENIED','RESUBMISSION_REQUESTED','ABORTED')
         THEN g.created + (i % 97) * interval '3 minutes' END
     FROM generate_series(1, $1) i CROSS JOIN s
     CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id,
       date_trunc('milliseconds', now() - i * interval '30 seconds') AS created,
       CASE WHEN i <= $1 / 20 THEN (ARRAY['ACTIVE','CALL_IN_PROGRESS','CALL_FINISHED','REVIEWING'])[1 + i % 4]
            WHEN i % 100 < 70 THEN 'APPROVED' WHEN i % 100 < 82 THEN 'DENIED'
            WHEN i % 100 < 90 THEN 'RESUBMISSION_REQUESTED' WHEN i % 100 < 95 THEN 'EXPIRED'
            ELSE 'ABORTED' END AS status) g`,
    [count],
  );
}

/** One decision per decided verification (a fifth confirmed by a second person) and one video each. */
export async function insertDecisionsAndMedia(client: pg.Client): Promise<void> {
  await client.query(
    `WITH s AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_users WHERE email LIKE 'bench-%')
     INSERT INTO decisions (id, "verificationId", "decidedById", outcome, reason, state, "reviewedById",
       "reviewedAt", "createdAt")
     SELECT gen_random_uuid(), v.id, v."assigneeId",
       (CASE v.status WHEN 'APPROVED' THEN 'APPROVE' WHEN 'DENIED' THEN 'REJECT'
         WHEN 'ABORTED' THEN 'ABORT' ELSE 'REQUEST_RESUBMISSION' END)::"DecisionOutcome",
       'bench', 'FINAL', CASE WHEN v.status <> 'APPROVED' THEN s.ids[1 + abs(hashtext(v."scanRef")) % 20] END,
       v."decidedAt", v."decidedAt"
     FROM verifications v CROSS JOIN s WHERE v."decidedAt" IS NOT NULL AND v."assigneeId" IS NOT NULL`,
  );
  await client.query(
    `INSERT INTO media_assets (id, "verificationId", kind, "sourceKey", "storageKey", "contentType",
       "sizeBytes", sha256, "createdAt")
     SELECT gen_random_uuid(), v.id, 'VIDEO', 'VIDEO_0', v.id || '/VIDEO_0', 'video/webm', 1000000,
       md5(v.id::text) || md5(v."scanRef"), v."createdAt" + interval '1 hour'
     FROM verifications v WHERE v.status NOT IN ('ACTIVE', 'EXPIRED')`,
  );
}

/**
 * Runs a bulk load the fast way: the table's secondary indexes dropped and rebuilt afterwards from their
 * own definitions (so the indexes measured are exactly the migrations'), and foreign-key triggers off
 * (session_replication_role, superuser only: the generated rows are consistent by construction).
 */
export async function bulkLoad(
  client: pg.Client,
  tables: string[],
  load: () => Promise<void>,
): Promise<void> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = ANY($1) AND i.schemaname = 'public' AND NOT EXISTS (
       SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const { indexname } of rows) await client.query(`DROP INDEX "${indexname}"`);
  await client.query("SET session_replication_role = replica");
  try {
    await load();
  } finally {
    await client.query("SET session_replication_role = DEFAULT");
  }
  await client.query("SET maintenance_work_mem = '256MB'");
  for (const { indexdef } of rows) await client.query(indexdef);
  for (const table of tables) await client.query(`ANALYZE "${table}"`);
}
