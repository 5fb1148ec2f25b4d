import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Permission } from "@/lib/auth/permissions";
import {
  checkSession,
  mustEnrolTwoFactor,
  type SessionUser,
  type VerifiedUser,
} from "@/lib/auth/session-check";
import { readSessionToken, sessionCookie } from "@/lib/auth/session-token";
import { touchPresence } from "@/lib/desk/presence";
import { getDb } from "@/lib/db";
import { setRequestLanguage } from "@/lib/i18n/current";
import { resolveLanguage } from "@/lib/i18n/negotiate";
import { BROWSER_ZONE_COOKIE, resolveTimeZone, setRequestTimeZone } from "@/lib/time-zone";
import { verificationAccess, type AccessibleVerification } from "@/lib/auth/record-access";
import { authorizeUser, type RouteAuthorization } from "@/lib/auth/route-authorization";

export type { RouteAuthorization } from "@/lib/auth/route-authorization";

export type { SessionUser, VerifiedUser } from "@/lib/auth/session-check";

export {
  linkAccess,
  NOT_FOUND_MESSAGE,
  recordNotFound,
  verificationAccess,
  type AccessibleVerification,
} from "@/lib/auth/record-access";

const TWO_FACTOR_SETUP_PATH = "/account/two-factor";

/** The signed-in staff member, re-checked against the database on every request; null when none. */
export const getSessionUser = cache(async (): Promise<VerifiedUser | null> => {
  const jar = await cookies();
  const claims = await readSessionToken(jar.get(sessionCookie().name)?.value);
  if (!claims) return null;
  const user = await checkSession(getDb(), claims);
  // A request in a standing session keeps the person's availability alive (lib/desk/presence.ts).
  if (user) await touchPresence(user.id);
  // Every page and action asks for the user before it renders a date: from here on they are in the person's zone.
  if (user) setRequestTimeZone(resolveTimeZone(user.timeZone, jar.get(BROWSER_ZONE_COOKIE)?.value));
  // …and in their language (lib/i18n/request.ts resolves it the same way for pages without a session).
  if (user) setRequestLanguage(resolveLanguage(user.language, (await headers()).get("accept-language")));
  return user;
});

type Options = {
  /** Only for the two-factor setup page and its actions, which an unenrolled admin must reach. */
  allowUnenrolled?: boolean;
};

/** For pages and server actions: the signed-in user, or a redirect to the login page. */
export async function verifySession(options: Options = {}): Promise<VerifiedUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (!options.allowUnenrolled && mustEnrolTwoFactor(user)) redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}

/** For pages and server actions: the signed-in user if they hold the permission; 403 otherwise. */
export async function requirePermission(
  permission: Permission,
  options: Options = {},
): Promise<VerifiedUser> {
  const user = await verifySession(options);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For route handlers: a JSON 401 or 403 to return as is, never a redirect that a fetch() would follow. */
export async function authorizeRoute(permission: Permission): Promise<RouteAuthorization> {
  return authorizeUser(await getSessionUser(), permission);
}

/**
 * For pages: the verification when the user holds `permission` and may see this one (lib/auth/record-access.ts);
 * otherwise the not-found page, the same as for an id that never existed.
 */
export async function requireVerificationAccess(
  user: SessionUser,
  verificationId: string,
  permission: Permission,
): Promise<AccessibleVerification> {
  const found = await verificationAccess(user, verificationId, permission);
  if (!found) notFound();
  return found;
}
