import { NextResponse } from "next/server";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { serveMedia } from "@/lib/media/serve";
import { requestMeta } from "@/lib/request-meta";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  if (!can(user.role, "recording:view")) return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const id = z.uuid().safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return serveMedia(user, await requestMeta(), id.data, request);
}
