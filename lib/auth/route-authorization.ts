import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import { checkSession, mustEnrolTwoFactor, type VerifiedUser } from "@/lib/auth/session-check";
import { readSessionToken, sessionCookie } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";

// The DAL's decision for route handlers, in a module without next/* imports: the app server's fast paths
// (lib/server/app-server.ts) run outside Next, where next/headers cannot even be loaded.

export type RouteAuthorization = { ok: true; user: VerifiedUser } | { ok: false; response: Response };

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * The same check for the app server's own Node paths (lib/server/app-server.ts), which run before
 * Next and so have no cookies(): the session cookie is read from the request's Cookie header.
 */
export async function authorizeCookieHeader(
  cookieHeader: string | undefined,
  permission: Permission,
): Promise<RouteAuthorization> {
  const claims = await readSessionToken(cookieValue(cookieHeader, sessionCookie().name));
  return authorizeUser(claims ? await checkSession(getDb(), claims) : null, permission);
}

export function authorizeUser(user: VerifiedUser | null, permission: Permission): RouteAuthorization {
  if (!user) {
    return {
      ok: false,
      response: Response.json({ error: "Sign in again." }, { status: 401, headers: NO_STORE }),
    };
  }
  if (mustEnrolTwoFactor(user) || !can(user.role, permission)) {
    return {
      ok: false,
      response: Response.json({ error: "Not allowed." }, { status: 403, headers: NO_STORE }),
    };
  }
  return { ok: true, user };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const value = pair.slice(at + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
