import "server-only";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-check";
import { getDb } from "@/lib/db";
import { messageKey } from "@/lib/i18n/keys";
import type { MediaAsset } from "@/lib/generated/prisma/client";
import { scopeOf, scopeWhere } from "@/lib/auth/record-scope";

// The checks every entry point that takes a verification, media or link id makes, built on the per-record rule
// (./record-scope.ts). No next/* imports: the app server's fast paths use them too.

/** What a person is told about an id the check refused: the same as for one that never existed. */
export const NOT_FOUND_MESSAGE = messageKey("common.errors.notFound");

declare const checked: unique symbol;
/** A record that went through the check below; only these functions make one. */
export type Checked<T> = T & { readonly [checked]: true };

export type AccessibleVerification = Checked<{ id: string }>;
export type AccessibleMedia = Checked<MediaAsset>;
export type AccessibleLink = Checked<{ id: string; verificationId: string }>;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/**
 * The verification, when the user holds `permission` and the rule lets them see this one; null otherwise, and
 * the caller answers 404 (never 403), so that ids of cases the user may not see are not confirmed.
 */
export async function verificationAccess(
  user: Pick<SessionUser, "id" | "role" | "scopeDates">,
  verificationId: string,
  permission: Permission,
): Promise<AccessibleVerification | null> {
  if (!can(user.role, permission) || !isUuid(verificationId)) return null;
  const found = await getDb().verification.findFirst({
    where: { id: verificationId, ...scopeWhere(scopeOf(user)) },
    select: { id: true },
  });
  return found as AccessibleVerification | null;
}

/** A recording, through its verification's check: the same answer as for the verification itself. */
export async function mediaAccess(
  user: Pick<SessionUser, "id" | "role" | "scopeDates">,
  mediaId: string,
  permission: Permission,
): Promise<AccessibleMedia | null> {
  if (!can(user.role, permission) || !isUuid(mediaId)) return null;
  // One query, the same rule: a player asks again for every range it seeks to.
  const asset = await getDb().mediaAsset.findFirst({
    where: { id: mediaId, verification: scopeWhere(scopeOf(user)) },
  });
  return asset as AccessibleMedia | null;
}

/** A client link, through its verification's check. */
export async function linkAccess(
  user: Pick<SessionUser, "id" | "role" | "scopeDates">,
  linkId: string,
  permission: Permission,
): Promise<AccessibleLink | null> {
  if (!can(user.role, permission) || !isUuid(linkId)) return null;
  const link = await getDb().linkDelivery.findUnique({
    where: { id: linkId },
    select: { id: true, verificationId: true },
  });
  if (!link || !(await verificationAccess(user, link.verificationId, permission))) return null;
  return link as AccessibleLink;
}

/** What a route handler or fast path answers for an id the check refused: the same as for one that never was. */
export function recordNotFound(): Response {
  return Response.json(
    { error: "Not found." },
    { status: 404, headers: { "Cache-Control": "private, no-store" } },
  );
}
