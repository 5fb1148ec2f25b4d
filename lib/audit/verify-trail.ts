import "server-only";
import {
  checkAnchor,
  readCheckpointState,
  type CheckpointProblem,
  type CheckpointReadDeps,
} from "@/lib/audit/checkpoint-read";
import { verifyAuditChain, type ChainReport } from "@/lib/audit/verify";

export type CheckpointSummary = { id: string; createdAt: string; headId: string; headHash: string };

export type TrailReport = ChainReport & {
  /** The newest checkpoint the chain was held against; null when none has been written yet. */
  checkpoint: CheckpointSummary | null;
  checkpointProblem: CheckpointProblem | null;
};

/**
 * The whole check: every row's hash and link (verify.ts), then the end of the chain against the newest
 * signed checkpoint, which both storage and the database must hold alike. A chain cut at the end, or
 * rewritten and rehashed, passes the first part and fails the second.
 */
export async function verifyAuditTrail(
  deps: CheckpointReadDeps,
  options: Parameters<typeof verifyAuditChain>[1] = {},
): Promise<TrailReport> {
  // Checkpoints first: the walk then starts at or beyond the row the newest one signed.
  const state = await readCheckpointState(deps);
  const chain = await verifyAuditChain(deps.pool, options);
  const problem =
    state.problem ?? (state.anchor && !chain.firstBreak ? await checkAnchor(deps.pool, state.anchor) : null);
  const anchor = state.anchor;
  return {
    ...chain,
    ok: chain.ok && problem === null,
    checkpoint: anchor && {
      id: anchor.id.toString(),
      createdAt: anchor.createdAt.toISOString(),
      headId: anchor.headId.toString(),
      headHash: anchor.headHash,
    },
    checkpointProblem: problem,
  };
}
