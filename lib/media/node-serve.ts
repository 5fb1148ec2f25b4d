import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { mediaAccess, recordNotFound } from "@/lib/auth/record-access";
import { authorizeCookieHeader } from "@/lib/auth/route-authorization";
import { metaFromNode } from "@/lib/request-meta";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";
import { serveMedia } from "@/lib/media/serve";

const MEDIA_PATH = /^\/api\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The media id of a GET the app server answers itself; null for anything Next should route. */
export function mediaRequestId(req: Pick<IncomingMessage, "method" | "url">): string | null {
  if (req.method !== "GET" || !req.url) return null;
  return MEDIA_PATH.exec(req.url.split("?", 1)[0]!)?.[1]?.toLowerCase() ?? null;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

function rangeOf(req: IncomingMessage): Record<string, string> {
  const range = header(req, "range");
  return range === null ? {} : { range };
}

/**
 * An archived recording straight off Node's HTTP server, as a player seeks through it; the only handler of its
 * URL. The DAL's checks (session re-checked against the database, permission recording:view, the per-record
 * rule through the recording's verification), then lib/media/serve.ts's audit and Range handling, without
 * Next's routing and proxy around every range.
 */
export async function serveMediaNode(
  req: IncomingMessage,
  res: ServerResponse,
  mediaId: string,
): Promise<void> {
  const auth = await authorizeCookieHeader(req.headers.cookie, "recording:view");
  const asset = auth.ok ? await mediaAccess(auth.user, mediaId, "recording:view") : null;
  const response = !auth.ok
    ? auth.response
    : !asset
      ? recordNotFound()
      : await serveMedia(
          auth.user,
          metaFromNode(req),
          asset,
          new Request(new URL(req.url!, "http://localhost"), { headers: rangeOf(req) }),
        );
  res.writeHead(response.status, { ...API_SECURITY_HEADERS, ...Object.fromEntries(response.headers) });
  if (!response.body) return void res.end();
  // A player that seeks away closes the connection mid-range: that ends the read, and is no error.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res).catch(() => undefined);
}
