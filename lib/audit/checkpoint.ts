import "server-only";
import {
  copyKey,
  hasValidSignature,
  LATEST_KEY,
  putStoredCheckpoint,
  readStoredCheckpoint,
  sameCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from "@/lib/audit/checkpoint-format";
import { hashAuditRow } from "@/lib/audit/hash";
import { problemText, type ProblemText } from "@/lib/audit/problem-text";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db";
import type { MediaStorage } from "@/lib/media/storage";

// Anchoring the hash chain. Each checkpoint signs the newest row's id and hash with a key the database does
// not hold, and is kept twice: in audit_checkpoints and in media storage. Whoever can rewrite the database
// (its owner) can then no longer cut the end of the chain, rehash it, or drop the newer checkpoints unseen.

export type CheckpointDeps = { db: Db; storage: MediaStorage; key: string };

export type CheckpointProblem = {
  kind: "forged" | "mismatch" | "cut" | "rewritten" | "broken";
} & ProblemText;

/** The checkpoint to hold the chain against, or the reason there is none to trust. */
export type CheckpointState = { anchor: Checkpoint | null; problem: CheckpointProblem | null };

// Writers take it exclusively while their checkpoint goes to both places; readers share it, so they never
// see a checkpoint in one place and not yet in the other.
const CHECKPOINT_LOCK = 727_003;
const TX = { timeout: 60_000, maxWait: 30_000 };

const forged = (where: "forgedStorage" | "forgedDatabase", id: bigint): CheckpointProblem => ({
  kind: "forged",
  ...problemText(where, { id }),
});
const mismatch = (text: ProblemText): CheckpointProblem => ({ kind: "mismatch", ...text });

/** Reads the newest checkpoint from storage and from the database, and checks that both agree. */
export function readCheckpointState({ db, storage, key }: CheckpointDeps): Promise<CheckpointState> {
  return db.$transaction(async (tx): Promise<CheckpointState> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CHECKPOINT_LOCK})`;
    const stored = await readStoredCheckpoint(storage, LATEST_KEY);
    const newest = await tx.auditCheckpoint.findFirst({ orderBy: { id: "desc" } });
    const none = { anchor: null };
    if (stored === "unreadable") {
      return { ...none, problem: mismatch(problemText("storageReplaced", { file: LATEST_KEY })) };
    }
    if (stored && !hasValidSignature(key, stored))
      return { ...none, problem: forged("forgedStorage", stored.id) };
    if (newest && !hasValidSignature(key, newest))
      return { ...none, problem: forged("forgedDatabase", newest.id) };
    if (!stored && !newest) return { anchor: null, problem: null };
    if (!stored) {
      return {
        ...none,
        problem: mismatch(problemText("storageEmpty", { id: newest!.id })),
      };
    }
    const twin = await tx.auditCheckpoint.findUnique({ where: { id: stored.id } });
    if (!twin || !sameCheckpoint(twin, stored)) {
      const key = twin ? "databaseDiffers" : "databaseLacks";
      return { ...none, problem: mismatch(problemText(key, { id: stored.id })) };
    }
    if (newest!.id > stored.id) {
      const copy = await readStoredCheckpoint(storage, copyKey(newest!.id));
      if (copy === null || copy === "unreadable" || !sameCheckpoint(copy, newest!)) {
        return {
          ...none,
          problem: mismatch(problemText("noCopy", { id: newest!.id })),
        };
      }
      return { anchor: newest, problem: null };
    }
    return { anchor: stored, problem: null };
  }, TX);
}

/** Whether the row a checkpoint signed is still there, unchanged, with the hash that was signed. */
export async function checkAnchor(db: Db, anchor: Checkpoint): Promise<CheckpointProblem | null> {
  const row = await db.auditEvent.findUnique({ where: { id: anchor.headId } });
  const signed = {
    checkpoint: anchor.id,
    at: anchor.createdAt.toISOString(),
    headId: anchor.headId,
  };
  if (!row) {
    const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    if (!last || last.id < anchor.headId) {
      return {
        kind: "cut",
        ...(last ? problemText("cut", { ...signed, last: last.id }) : problemText("cutEmpty", signed)),
      };
    }
    return {
      kind: "rewritten",
      ...problemText("gone", signed),
    };
  }
  if (row.hash !== anchor.headHash || hashAuditRow(row.prevHash, row) !== row.hash) {
    return {
      kind: "rewritten",
      ...problemText("hashChanged", signed),
    };
  }
  return null;
}

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
  const anchorProblem = problem ?? (anchor ? await checkAnchor(deps.db, anchor) : null);
  if (anchorProblem) return { kind: "refused", problem: anchorProblem };
  const chain = await verifyAuditChain(
    deps.db,
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
