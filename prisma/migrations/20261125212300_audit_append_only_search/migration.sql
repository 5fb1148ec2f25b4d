-- Hand-written: a trigger, its function and an index that Prisma cannot describe.

-- The audit trail is append-only. Any UPDATE, DELETE or TRUNCATE of audit_events fails, even one that
-- would touch no row. ENABLE ALWAYS keeps the trigger firing under session_replication_role = replica,
-- so changing history takes the table owner disabling the trigger on purpose, and the hash chain then
-- shows where. The function body is an E-string whose statement separator is written \073, because the
-- migration runner splits this file at every semicolon.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit_events is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege'' \073 END';

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER audit_events_append_only;

-- Search by part of a scanRef, a client ID or a name: one trigram index over the four, used by ILIKE.
-- The expression must match lib/verifications/list-sql.ts exactly, or the planner will not use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "verifications_search_trgm_idx" ON "verifications" USING GIN (
  ("scanRef" || ' ' || "clientId" || ' ' || coalesce("firstName", '') || ' ' || coalesce("lastName", '')) gin_trgm_ops
);
