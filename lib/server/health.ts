import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/lib/db";
import { errorSummary, getLogger } from "@/lib/log";
import { mediaStorage } from "@/lib/media/storage";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";

// What a load balancer asks. /healthz: the process answers (no database, so a database outage does not get
// every instance restarted). /readyz: this instance can serve, i.e. it reaches the database and the storage.
const HEADERS = { ...API_SECURITY_HEADERS, "Content-Type": "application/json", "Cache-Control": "no-store" };
const CHECK_TIMEOUT_MS = 3_000;

export function healthRequest(req: IncomingMessage): "healthz" | "readyz" | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const path = req.url?.split("?", 1)[0];
  return path === "/healthz" ? "healthz" : path === "/readyz" ? "readyz" : null;
}

function reply(res: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...HEADERS, "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

/** Liveness: answers without touching anything else. */
export async function answerHealth(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  reply(res, 200, { status: "ok" });
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/** Readiness: the database answers a query and the storage is reachable; which one failed is named. */
export async function answerReadiness(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const checks = {
    database: () => getDb().$queryRaw`SELECT 1`,
    storage: () => mediaStorage().ready(),
  };
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check());
        return [name, "ok"] as const;
      } catch (error) {
        getLogger("health").warn({ check: name, err: errorSummary(error) }, "not ready");
        return [name, "failed"] as const;
      }
    }),
  );
  const ready = results.every(([, r]) => r === "ok");
  reply(res, ready ? 200 : 503, {
    status: ready ? "ready" : "not ready",
    checks: Object.fromEntries(results),
  });
}
