// A signed checkpoint of the generated chain's head, in the database and in the bench's media storage, as a
// running installation has one from its quarter-hour job. Without it the app's first checkpoint job, at
// start, would walk all 5M rows while the other benchmarks measure; and audit:verify holds the chain to it.
import pg from "pg";
import { copyKey, LATEST_KEY, putStoredCheckpoint, signCheckpoint } from "../../lib/audit/checkpoint-format";
import { localStorage } from "../../lib/media/local-storage";
import { BENCH_SECRETS, type BenchConfig } from "./config";

export async function anchorGeneratedChain(client: pg.Client, config: BenchConfig): Promise<void> {
  const { rows } = await client.query<{ id: string; hash: string }>(
    "SELECT id::text AS id, hash FROM audit_events ORDER BY audit_events.id DESC LIMIT 1",
  );
  if (!rows[0]) return;
  // Trusted without a walk: the generator hashed every row, and the audit verify case checks them all.
  const unsigned = { id: 1n, createdAt: new Date(), headId: BigInt(rows[0].id), headHash: rows[0].hash };
  const checkpoint = { ...unsigned, signature: signCheckpoint(BENCH_SECRETS.AUDIT_CHECKPOINT_KEY, unsigned) };
  await client.query(
    `INSERT INTO audit_checkpoints (id, "createdAt", "headId", "headHash", signature)
     VALUES (1, timestamp 'epoch' + $1::bigint * interval '1 millisecond', $2, $3, $4)`,
    [checkpoint.createdAt.getTime(), rows[0].id, checkpoint.headHash, checkpoint.signature],
  );
  const storage = localStorage(config.mediaDir);
  await putStoredCheckpoint(storage, copyKey(checkpoint.id), checkpoint);
  await putStoredCheckpoint(storage, LATEST_KEY, checkpoint);
}
