-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "id" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "headId" BIGINT NOT NULL,
    "headHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);

-- Hand-written: checkpoints are append-only like the events they anchor. The refusal function now names the
-- table it guards (same message as before for audit_events). Its body is an E-string with \073 for the
-- statement separator, because the migration runner splits this file at every semicolon.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''% is append-only: % refused'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''insufficient_privilege'' \073 END';

CREATE TRIGGER audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

ALTER TABLE "audit_checkpoints" ENABLE ALWAYS TRIGGER audit_checkpoints_append_only;
