import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { normalizeIp, resolveClientIp, type TrustedProxies } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";
import { processWide } from "@/lib/singleton";

/** Who is asking from where, as the audit trail and the login throttle record it. */
export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * The client address lib/server/http-server.ts worked out from the socket, written over whatever a client
 * sent under this name before Next sees the request: Next itself never tells a route the socket's peer.
 */
export const CLIENT_IP_HEADER = "x-markid-bo-client-ip";

const MAX_USER_AGENT = 512;
// What a proxy or load balancer might send as X-Request-Id (UUIDs, hex, base64, AWS trace ids); nothing else.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

/** Called once by the app server (lib/server/http-server.ts), in every mode: from then on the address header it stamps is the one to read. */
export function markOwnServer(active = true): void {
  ownServer().active = active;
}

// Process-wide: the production server marks itself from its own bundle, Next's routes read it from theirs.
const ownServer = () => processWide("own-http-server", () => ({ active: false }));

function ownServerInFront(): boolean {
  return ownServer().active;
}

function nodeHeader(req: IncomingMessage): HeaderGetter {
  return (name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
}

/** The address of a request on Node's own server: its socket's peer, and X-Forwarded-For as far as trusted. */
function clientIpOfNode(
  req: IncomingMessage,
  trusted: TrustedProxies = getEnv().TRUSTED_PROXIES,
): string | null {
  return resolveClientIp(req.socket.remoteAddress, nodeHeader(req)("x-forwarded-for"), trusted);
}

/** For the app server, before it hands a request to Next: the only source of CLIENT_IP_HEADER. */
export function stampClientIp(req: IncomingMessage, trusted?: TrustedProxies): void {
  const ip = clientIpOfNode(req, trusted);
  delete req.headers[CLIENT_IP_HEADER];
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}

function clientIpFromHeaders(get: HeaderGetter): string | null {
  if (ownServerInFront()) return normalizeIp(get(CLIENT_IP_HEADER));
  if (getEnv().NODE_ENV === "production") {
    throw new Error("The client's address is only known behind the app server: start it with npm start.");
  }
  // Only code run without the app server (unit tests): Next puts the socket's peer in X-Forwarded-For.
  const hops = (get("x-forwarded-for") ?? "").split(",");
  const peer = hops.pop();
  return resolveClientIp(peer, hops.join(","), getEnv().TRUSTED_PROXIES);
}

/**
 * Our own id for the request; a client's X-Request-Id is kept after it (" client=...") only when it looks like
 * an id, so that a proxy's logs can be matched without letting a client write what the trail shows.
 */
function requestIdFrom(client: string | null | undefined): string {
  const id = randomUUID();
  return client && CLIENT_REQUEST_ID.test(client) ? `${id} client=${client}` : id;
}

/** Printable ASCII only, capped: a user agent is the client's text, stored and shown to auditors. */
export function storedUserAgent(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.slice(0, MAX_USER_AGENT).replace(/[^\x20-\x7e]/g, "?");
}

/** From any source of request headers; `ip` when the caller knows the socket (Node's own server). */
export function metaFrom(get: HeaderGetter, ip: string | null = clientIpFromHeaders(get)): RequestMeta {
  return { requestId: requestIdFrom(get("x-request-id")), ip, userAgent: storedUserAgent(get("user-agent")) };
}

/** For the Node fast paths, which see the socket themselves. */
export function metaFromNode(req: IncomingMessage): RequestMeta {
  return metaFrom(nodeHeader(req), clientIpOfNode(req));
}

/** The current request's, inside Next. Imported lazily: metaFrom also serves paths outside Next. */
export async function requestMeta(): Promise<RequestMeta> {
  const { headers } = await import("next/headers");
  const h = await headers();
  return metaFrom((name) => h.get(name));
}
