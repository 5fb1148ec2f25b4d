import "server-only";
import {
  checkAnchor,
  CHECKPOINT_LOCK,
  readCheckpointState,
  type CheckpointProblem,
  type CheckpointReadDeps,
} from "@/lib/audit/checkpoint-read";
import {
  copyKey,
  LATEST_KEY,
  putStoredCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from "@/lib/audit/checkpoint-format";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db";

export type { CheckpointProblem } from "@/lib/audit/checkpoint-read";

// Anchoring the hash chain. Each checkpoint signs the newest row's id and hash with a key the database does
// not hold, and is kept twice: in audit_checkpoints and in media storage. Whoever can rewrite the database
// (its owner) can then no longer cut the end of the chain, rehash it, or drop the newer checkpoints unseen.

/** The reads (checkpoint-read.ts) and Prisma for writing a checkpoint. */
export type CheckpointDeps = CheckpointReadDeps & { db: Db };

const TX = { timeout: 60_000, maxWait: 30_000 };

export type CheckpointOutcome =
  | { kind: "written" | "unchanged"; checkpoint: Checkpoint }
  | { kind: "empty" }
  | { kind: "refused"; problem: CheckpointProblem };

/**
 * Signs the chain's newest row, after checking that the rows since the last checkpoint follow from it: a
 * chain that is already cut or rewritten never gets a checkpoint blessing it. "unchanged" when nothing was
 * appended since the last checkpoint.
 */
export async function writeCheckpoint(deps: CheckpointDeps): Promise<CheckpointOutcome> {
  const { anchor, problem } = await readCheckpointState(deps);
  const anchorProblem = problem ?? (anchor ? await checkAnchor(deps.pool, anchor) : null);
  if (anchorProblem) return { kind: "refused", problem: anchorProblem };
  const chain = await verifyAuditChain(
    deps.pool,
    anchor ? { from: { id: anchor.headId, hash: anchor.headHash } } : {},
  );
  if (chain.firstBreak)
    return {
      kind: "refused",
      problem: {
        kind: "broken",
        key: chain.firstBreak.key,
        values: chain.firstBreak.values,
        message: chain.firstBreak.message,
      },
    };
  if (!chain.head) return { kind: "empty" };
  const head = { id: BigInt(chain.head.id), hash: chain.head.hash };
  if (anchor && head.id <= anchor.headId) return { kind: "unchanged", checkpoint: anchor };
  return deps.db.$transaction(async (tx): Promise<CheckpointOutcome> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`;
    // Another writer may have signed since: its head was checked from the same anchor as ours.
    const newest = await tx.auditCheckpoint.findFirst({ orderBy: { id: "desc" } });
    if (newest && newest.headId >= head.id) return { kind: "unchanged", checkpoint: newest };
    const unsigned = {
      id: (newest?.id ?? 0n) + 1n,
      createdAt: new Date(),
      headId: head.id,
      headHash: head.hash,
    };
    const checkpoint = { ...unsigned, signature: signCheckpoint(deps.key, unsigned) };
    await tx.auditCheckpoint.create({ data: checkpoint });
    // Storage before commit: if it fails, the row is rolled back and both places still agree.
    await putStoredCheckpoint(deps.storage, copyKey(checkpoint.id), checkpoint);
    await putStoredCheckpoint(deps.storage, LATEST_KEY, checkpoint);
    return { kind: "written", checkpoint };
  }, TX);
}
