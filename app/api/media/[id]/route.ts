import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/dal";
import { serveMedia } from "@/lib/media/serve";
import { requestMeta } from "@/lib/request-meta";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("recording:view");
  if (!auth.ok) return auth.response;
  const id = z.uuid().safeParse((await ctx.params).id);
  if (!id.success) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return serveMedia(auth.user, await requestMeta(), id.data, request);
}
