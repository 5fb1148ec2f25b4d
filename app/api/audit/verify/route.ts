import { authorizeRoute } from "@/lib/auth/dal";
import { chainCheckStream } from "@/lib/audit/check-stream";
import { requestMeta } from "@/lib/request-meta";

// POST: the check writes its own audit event. The body streams progress (NDJSON), then the report.
export async function POST() {
  const auth = await authorizeRoute("audit:check");
  if (!auth.ok) return auth.response;
  return new Response(chainCheckStream(auth.user, await requestMeta()), {
    headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "private, no-store" },
  });
}
