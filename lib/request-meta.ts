import "server-only";
import { randomUUID } from "node:crypto";
import { clientIp } from "@/lib/auth/client-ip";

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

/**
 * Who is asking from where, for the audit trail, from any source of request headers. The address is the one
 * our reverse proxy saw (the last X-Forwarded-For hop), as for throttling: earlier hops are whatever the
 * client wrote, and a regulator reading the trail must not be shown an address the client chose.
 */
export function metaFrom(get: (name: string) => string | null | undefined): RequestMeta {
  return {
    requestId: get("x-request-id") ?? randomUUID(),
    ip: clientIp(get),
    userAgent: get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The current request's, inside Next. Imported lazily: metaFrom also serves paths outside Next. */
export async function requestMeta(): Promise<RequestMeta> {
  const { headers } = await import("next/headers");
  const h = await headers();
  return metaFrom((name) => h.get(name));
}
