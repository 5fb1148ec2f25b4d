import "server-only";
import type { Pool, PoolClient } from "pg";
import { STORED_COLUMNS, type StoredAuditRow } from "@/lib/audit/chain-pages";
import {
  copyKey,
  hasValidSignature,
  LATEST_KEY,
  readStoredCheckpoint,
  sameCheckpoint,
  type Checkpoint,
} from "@/lib/audit/checkpoint-format";
import { problemText, type ProblemText } from "@/lib/audit/problem-text";
import { storedRowHasher } from "@/lib/audit/stored-hash";
import type { MediaStorage } from "@/lib/media/storage";

// Reading the checkpoints and holding the chain's end against them, with plain pg: `npm run audit:verify`
// then never loads Prisma's query engine, a third of its memory (bench/README.md, audit verify).

/** `pool` reads the chain and the checkpoints; `db` (Prisma) only writes checkpoints (checkpoint.ts). */
export type CheckpointReadDeps = { pool: Pool; storage: MediaStorage; key: string };

export type CheckpointProblem = {
  kind: "forged" | "mismatch" | "cut" | "rewritten" | "broken";
} & ProblemText;

/** The checkpoint to hold the chain against, or the reason there is none to trust. */
export type CheckpointState = { anchor: Checkpoint | null; problem: CheckpointProblem | null };

// Writers take it exclusively while their checkpoint goes to both places; readers share it, so they never
// see a checkpoint in one place and not yet in the other.
export const CHECKPOINT_LOCK = 727_003;

const forged = (where: "forgedStorage" | "forgedDatabase", id: bigint): CheckpointProblem => ({
  kind: "forged",
  ...problemText(where, { id }),
});
const mismatch = (text: ProblemText): CheckpointProblem => ({ kind: "mismatch", ...text });

type CheckpointRow = { id: string; createdAt: string; headId: string; headHash: string; signature: string };
const CHECKPOINT = `SELECT id::text AS id, (extract(epoch FROM "createdAt") * 1000)::bigint::text AS "createdAt",
  "headId"::text AS "headId", "headHash", signature FROM audit_checkpoints`;

async function checkpointWhere(client: PoolClient, where: string, values: unknown[] = []) {
  const { rows } = await client.query<CheckpointRow>(`${CHECKPOINT} ${where}`, values);
  const row = rows[0];
  if (!row) return null;
  const { id, createdAt, headId, headHash, signature } = row;
  return {
    id: BigInt(id),
    createdAt: new Date(Number(createdAt)),
    headId: BigInt(headId),
    headHash,
    signature,
  };
}

async function compare(client: PoolClient, storage: MediaStorage, key: string): Promise<CheckpointState> {
  await client.query("SELECT pg_advisory_xact_lock_shared($1)", [CHECKPOINT_LOCK]);
  const stored = await readStoredCheckpoint(storage, LATEST_KEY);
  const newest = await checkpointWhere(client, "ORDER BY audit_checkpoints.id DESC LIMIT 1");
  const none = { anchor: null };
  if (stored === "unreadable") {
    return { ...none, problem: mismatch(problemText("storageReplaced", { file: LATEST_KEY })) };
  }
  if (stored && !hasValidSignature(key, stored))
    return { ...none, problem: forged("forgedStorage", stored.id) };
  if (newest && !hasValidSignature(key, newest))
    return { ...none, problem: forged("forgedDatabase", newest.id) };
  if (!stored && !newest) return { anchor: null, problem: null };
  if (!stored) return { ...none, problem: mismatch(problemText("storageEmpty", { id: newest!.id })) };
  const twin = await checkpointWhere(client, "WHERE id = $1", [stored.id.toString()]);
  if (!twin || !sameCheckpoint(twin, stored)) {
    const key = twin ? "databaseDiffers" : "databaseLacks";
    return { ...none, problem: mismatch(problemText(key, { id: stored.id })) };
  }
  if (newest!.id > stored.id) {
    const copy = await readStoredCheckpoint(storage, copyKey(newest!.id));
    if (copy === null || copy === "unreadable" || !sameCheckpoint(copy, newest!)) {
      return { ...none, problem: mismatch(problemText("noCopy", { id: newest!.id })) };
    }
    return { anchor: newest, problem: null };
  }
  return { anchor: stored, problem: null };
}

/** Reads the newest checkpoint from storage and from the database, and checks that both agree. */
export async function readCheckpointState({
  pool,
  storage,
  key,
}: CheckpointReadDeps): Promise<CheckpointState> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN READ ONLY");
    const state = await compare(client, storage, key);
    await client.query("COMMIT");
    return state;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Whether the row a checkpoint signed is still there, unchanged, with the hash that was signed. */
export async function checkAnchor(pool: Pool, anchor: Checkpoint): Promise<CheckpointProblem | null> {
  const { rows } = await pool.query<StoredAuditRow>(
    `SELECT ${STORED_COLUMNS} FROM audit_events WHERE id = $1`,
    [anchor.headId.toString()],
  );
  const row = rows[0];
  const signed = { checkpoint: anchor.id, at: anchor.createdAt.toISOString(), headId: anchor.headId };
  if (!row) {
    const { rows: newest } = await pool.query<{ id: string }>(
      "SELECT id::text AS id FROM audit_events ORDER BY audit_events.id DESC LIMIT 1",
    );
    const last = newest[0] ? BigInt(newest[0].id) : null;
    if (last === null || last < anchor.headId) {
      return {
        kind: "cut",
        ...(last === null ? problemText("cutEmpty", signed) : problemText("cut", { ...signed, last })),
      };
    }
    return { kind: "rewritten", ...problemText("gone", signed) };
  }
  if (row.hash !== anchor.headHash || storedRowHasher()(row) !== row.hash) {
    return { kind: "rewritten", ...problemText("hashChanged", signed) };
  }
  return null;
}
