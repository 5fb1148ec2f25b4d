import "server-only";
import { appCheckpointDeps } from "@/lib/audit/checkpoint-deps";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditTrail, type TrailReport } from "@/lib/audit/verify-trail";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";

export type CheckMessage =
  { type: "progress"; checked: number; lastId: string } | ({ type: "done" } & TrailReport);

class Cancelled extends Error {}

/**
 * Checks the chain (and its end against the newest checkpoint) while streaming progress as NDJSON, one line
 * per batch, then the report. The check itself is audited with its result, after the rows it checked, so it
 * never disturbs them.
 */
export function chainCheckStream(user: SessionUser, meta: RequestMeta): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: CheckMessage) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const report = await verifyAuditTrail(appCheckpointDeps(), {
          onProgress: (checked, lastId) => {
            if (cancelled) throw new Cancelled();
            send({ type: "progress", checked, lastId });
          },
        });
        await getDb().$transaction((tx) =>
          recordAudit(tx, {
            action: "audit.chain_verified",
            actorId: user.id,
            actorEmail: user.email,
            ...meta,
            details: {
              ok: report.ok,
              checked: report.checked,
              head: report.head,
              firstBreak: report.firstBreak,
              checkpointId: report.checkpoint?.id ?? null,
              checkpointProblem: report.checkpointProblem?.kind ?? null,
            },
          }),
        );
        send({ type: "done", ...report });
        controller.close();
      } catch (error) {
        if (error instanceof Cancelled) return;
        controller.error(error);
      }
    },
    cancel() {
      cancelled = true;
    },
  });
}
