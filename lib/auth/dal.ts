import "server-only";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { can, isRole, type Permission, type Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

/** What the rest of the app knows about the signed-in person: never a raw row. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The signed-in staff member, re-checked against the database on every request; null when none. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string; role?: string } | null;
  if (!session?.userId) return null;
  const user = await getDb().staffUser.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  // A deactivated user or a changed role ends the session at once.
  if (!user || !user.active || user.role !== session.role || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages and server actions: the signed-in user, or a redirect to the login page. */
export async function verifySession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** The signed-in user if they hold the permission; 403 otherwise. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await verifySession();
  if (!can(user.role, permission)) forbidden();
  return user;
}
