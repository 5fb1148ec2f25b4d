import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain, type ChainReport } from "@/lib/audit/verify";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";

export type CheckMessage =
  { type: "progress"; checked: number; lastId: string } | ({ type: "done" } & ChainReport);

class Cancelled extends Error {}

/**
 * Checks the chain while streaming progress as NDJSON, one line per batch, then the report. The check itself
 * is audited with its result, after the rows it checked, so it never disturbs them.
 */
export function chainCheckStream(user: SessionUser, meta: RequestMeta): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: CheckMessage) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const report = await verifyAuditChain(getDb(), {
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
