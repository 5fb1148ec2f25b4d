import { NextResponse } from "next/server";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { verificationVersion } from "@/lib/verifications/timeline";

// Polled by the verification page: our own database, never MarkID.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  if (!can(user.role, "verification:read"))
    return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const id = z.uuid().safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const version = await verificationVersion(id.data);
  if (!version) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return NextResponse.json({ version }, { headers: { "Cache-Control": "private, no-store" } });
}
