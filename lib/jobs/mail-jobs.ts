import "server-only";
import type { Job } from "pg-boss";

/** What an email job's delivery reports: only a refusal by the mail server is worth another attempt. */
type MailOutcome = { status: "accepted" | "skipped" } | { status: "failed"; reason: string };

/** Email jobs one at a time, two at once per process: each is one SMTP conversation. */
export const MAIL_WORKER = { batchSize: 1, localConcurrency: 2 } as const;

/** A worker handler that delivers each job's email and hands a refused one back to pg-boss to retry. */
export function mailJobHandler<D>(deliver: (data: D) => Promise<MailOutcome>) {
  return async (jobs: Job<D>[]): Promise<void> => {
    for (const job of jobs) {
      const outcome = await deliver(job.data);
      // Throwing hands the job back to pg-boss, which retries it with backoff.
      if (outcome.status === "failed")
        throw new Error(`The mail server refused the email: ${outcome.reason}`);
    }
  };
}
