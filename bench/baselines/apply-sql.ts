// The processing baseline: what applying an automatic identification result comes down to, as plain SQL over
// one pg connection, one event at a time in its own transaction (as the per-event jobs did, without pg-boss,
// Prisma, decryption or the audit trail): the verification's MarkID status and our status, and the event
// marked processed. Run on the baseline intake's copy of the events, so the app's rows are not touched twice.
import { withClient } from "../../scripts/db/client";

const AWAITING_RESULT = `('ACTIVE', 'CALL_IN_PROGRESS', 'CALL_FINISHED')`;

/** Applies the events with these body hashes from `table`, oldest first; resolves to the events per second. */
export async function applyAsPlainSql(
  databaseUrl: string,
  table: string,
  shas: Set<string>,
): Promise<{ events: number; seconds: number; perSecond: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; scanRef: string }>(
      `SELECT id, "scanRef" FROM ${table} WHERE "bodySha256" = ANY($1::text[]) ORDER BY "receivedAt", id`,
      [[...shas]],
    );
    const started = performance.now();
    for (const { id, scanRef } of rows) {
      await client.query("BEGIN");
      await client.query(
        `UPDATE verifications SET "markidStatus" = 'APPROVED', "updatedAt" = now() AT TIME ZONE 'UTC',
           status = CASE WHEN status IN ${AWAITING_RESULT} THEN 'REVIEWING' ELSE status END
         WHERE "scanRef" = $1`,
        [scanRef],
      );
      await client.query(`UPDATE ${table} SET "processedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [id]);
      await client.query("COMMIT");
    }
    const seconds = Math.max(0.001, (performance.now() - started) / 1000);
    return {
      events: rows.length,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round(rows.length / seconds),
    };
  });
}
