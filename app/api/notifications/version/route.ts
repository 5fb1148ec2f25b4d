import { authorizeRoute } from "@/lib/auth/dal";
import { notificationVersion } from "@/lib/notifications/queries";

// Polled by the bell on every page: a count and a version from our own database, nothing about a case.
export async function GET() {
  const auth = await authorizeRoute("notification:read");
  if (!auth.ok) return auth.response;
  return Response.json(await notificationVersion(auth.user.id), {
    headers: { "Cache-Control": "private, no-store" },
  });
}
