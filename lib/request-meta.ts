import "server-only";
import { randomUUID } from "node:crypto";

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

/** Who is asking from where, for the audit trail, from any source of request headers. */
export function metaFrom(get: (name: string) => string | null | undefined): RequestMeta {
  return {
    requestId: get("x-request-id") ?? randomUUID(),
    ip: get("x-forwarded-for")?.split(",")[0]?.trim() ?? get("x-real-ip") ?? null,
    userAgent: get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The current request's, inside Next. Imported lazily: metaFrom also serves paths outside Next. */
export async function requestMeta(): Promise<RequestMeta> {
  const { headers } = await import("next/headers");
  const h = await headers();
  return metaFrom((name) => h.get(name));
}
