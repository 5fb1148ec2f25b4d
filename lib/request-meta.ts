import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

/** Who is asking from where, for the audit trail. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    requestId: h.get("x-request-id") ?? randomUUID(),
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip"),
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
  };
}
