import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
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
  if (!auth.ok || !asset) return writeResponse(res, auth.ok ? recordNotFound() : auth.response);
  const reply = await serveMedia(auth.user, metaFromNode(req), asset, {
    url: req.url!,
    range: header(req, "range"),
  });
  res.writeHead(reply.status, { ...API_SECURITY_HEADERS, ...Object.fromEntries(reply.headers) });
  if (!reply.body) return void res.end();
  // A player that seeks away closes the connection mid-range: that ends the read, and is no error.
  await pipeline(reply.body, res).catch(() => undefined);
}

/** A refusal (401, 403, 404) as the DAL built it. */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, { ...API_SECURITY_HEADERS, ...Object.fromEntries(response.headers) });
  res.end(Buffer.from(await response.arrayBuffer()));
}
