"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { writeCheckpoint } from "@/lib/audit/checkpoint";
import { appCheckpointDeps } from "@/lib/audit/checkpoint-deps";
import { checkpointReport } from "@/lib/audit/checkpoint-report";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";

// Signing what is there hides nothing, and a chain that does not check out is never signed: whoever may
// check the chain (audit:check: leads and admins, not a read-only auditor) may ask for a checkpoint before the
// quarter-hour job comes round.
export const writeCheckpointAction = validatedAction({
  permission: "audit:check",
  schema: z.object({}),
  async run(_input, { commit }) {
    const report = checkpointReport(
      await writeCheckpoint(appCheckpointDeps()),
      translatorFor(currentLanguage()),
    );
    await commit(async () => ({
      value: null,
      audit: {
        action: "audit.checkpoint_requested",
        targetType: "audit_checkpoint",
        targetId: report.details.checkpointId ?? null,
        details: report.details,
      },
    }));
    return { ok: report.ok, message: report.message, revalidate: ["/admin/audit"] };
  },
});
