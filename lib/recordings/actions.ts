"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { enqueueRecordingsFetch } from "@/lib/recordings/enqueue";
import { archiveRecordings } from "@/lib/recordings/archive";

// Asks MarkID and writes: part of running the call (call:run), not of viewing recordings, which an auditor may.
export const fetchRecordings = validatedAction({
  permission: "call:run",
  schema: z.object({}),
  bound: 1,
  record: "verification",
  async run(_input, { ids: [verificationId = ""], commit }) {
    await commit(async () => ({
      value: null,
      audit: { action: "recordings.fetch_requested", targetType: "verification", targetId: verificationId },
    }));
    const outcome = await archiveRecordings(verificationId);
    const revalidate = [`/verifications/${verificationId}`];
    if (outcome.complete) return { ok: true, message: "All recordings are archived.", revalidate };
    // Keep trying in the background: the button's answer is not the last word.
    await enqueueRecordingsFetch(verificationId);
    const missing = outcome.missing.length ? ` Still missing: ${outcome.missing.join(", ")}.` : "";
    return {
      ok: false,
      message: `${outcome.error ?? "Some recordings are not available yet."}${missing}`,
      revalidate,
    };
  },
});
