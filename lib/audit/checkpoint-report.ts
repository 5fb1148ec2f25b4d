import type { AuditDetails } from "@/lib/audit/actions";
import type { CheckpointOutcome } from "@/lib/audit/checkpoint";
import { translatorFor, type Translator } from "@/lib/i18n/messages";

/**
 * What a person who asked for a checkpoint is told (in `t`'s language; the CLI's is English), and what the
 * audit event keeps (ids only).
 */
export function checkpointReport(
  outcome: CheckpointOutcome,
  t: Translator = translatorFor("en"),
): {
  ok: boolean;
  message: string;
  details: AuditDetails<"audit.checkpoint_requested">;
} {
  switch (outcome.kind) {
    case "written":
    case "unchanged": {
      const { id, headId } = outcome.checkpoint;
      const values = { id: id.toString(), headId: headId.toString() };
      const message =
        outcome.kind === "written"
          ? t("audit.checkpoint.written", values)
          : t("audit.checkpoint.unchanged", values);
      return {
        ok: true,
        message,
        details: { outcome: outcome.kind, checkpointId: id.toString(), headId: headId.toString() },
      };
    }
    case "empty":
      return {
        ok: false,
        message: t("audit.checkpoint.empty"),
        details: { outcome: "empty" },
      };
    case "refused":
      return {
        ok: false,
        message: t("audit.checkpoint.refused", {
          problem: t(`audit.problems.${outcome.problem.key}`, outcome.problem.values),
        }),
        details: { outcome: "refused", problem: outcome.problem.kind },
      };
  }
}
