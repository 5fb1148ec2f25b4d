import type { AuditDetails } from "@/lib/audit/actions";
import type { CheckpointOutcome } from "@/lib/audit/checkpoint";

/** What a person who asked for a checkpoint is told, and what the audit event keeps (ids only). */
export function checkpointReport(outcome: CheckpointOutcome): {
  ok: boolean;
  message: string;
  details: AuditDetails<"audit.checkpoint_requested">;
} {
  switch (outcome.kind) {
    case "written":
    case "unchanged": {
      const { id, headId } = outcome.checkpoint;
      const message =
        outcome.kind === "written"
          ? `Checkpoint ${id} signed the chain up to row ${headId}.`
          : `Nothing was added since checkpoint ${id}, which signed the chain up to row ${headId}.`;
      return {
        ok: true,
        message,
        details: { outcome: outcome.kind, checkpointId: id.toString(), headId: headId.toString() },
      };
    }
    case "empty":
      return {
        ok: false,
        message: "The audit log is empty: nothing to sign yet.",
        details: { outcome: "empty" },
      };
    case "refused":
      return {
        ok: false,
        message: `No checkpoint was written. ${outcome.problem.message}`,
        details: { outcome: "refused", problem: outcome.problem.kind },
      };
  }
}
