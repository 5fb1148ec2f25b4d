import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/dal";
import { verificationVersion } from "@/lib/verifications/timeline";

// Polled by the verification page: our own database, never MarkID.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("verification:read");
  if (!auth.ok) return auth.response;
  const id = z.uuid().safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const version = await verificationVersion(id.data);
  if (!version) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return NextResponse.json({ version }, { headers: { "Cache-Control": "private, no-store" } });
}
