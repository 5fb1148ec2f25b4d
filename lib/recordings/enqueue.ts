import "server-only";
import type { Tx } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send";

/** One waiting fetch per verification, however many webhooks or buttons ask for it. */
export function enqueueRecordingsFetch(verificationId: string, tx?: Tx): Promise<string | null> {
  return sendJob(QUEUES.recordingsFetch, { verificationId }, { tx, singletonKey: verificationId });
}
